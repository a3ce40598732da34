import type { ReactElement } from 'react';
import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { App } from 'antd';
import type { AlertDetail } from '@xinqiao/shared';
import { alertsApi } from '../../api/alerts';

interface Props {
  alert: AlertDetail;
  trigger: ReactElement;
  onDone(alert: AlertDetail): void;
}

export function CloseAlertModal({ alert, trigger, onDone }: Props) {
  const { message } = App.useApp();

  const onFinish = async ({ note }: { note: string }) => {
    let updated: AlertDetail;
    try {
      updated = await alertsApi.close(alert.id, { note: note.trim() });
    } catch {
      return false;
    }
    void message.success('预警已结案');
    onDone(updated);
    return true;
  };

  return (
    <ModalForm<{ note: string }>
      name="alertClose"
      title="结案"
      trigger={trigger}
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, okButtonProps: { danger: true } }}
      submitter={{ searchConfig: { submitText: '确认结案', resetText: '取消' } }}
      onFinish={onFinish}
    >
      <ProFormTextArea
        name="note"
        label="结案说明"
        placeholder="如：经多次回访情绪稳定，已转介至区精神卫生中心持续随访"
        extra="结案后本条预警不再出现在待处理队列中，且不能再追加跟进记录"
        fieldProps={{ maxLength: 1000, showCount: true, autoSize: { minRows: 4, maxRows: 8 } }}
        rules={[{ required: true, whitespace: true, message: '请填写结案说明' }]}
      />
    </ModalForm>
  );
}
