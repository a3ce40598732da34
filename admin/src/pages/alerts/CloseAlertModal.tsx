import type { ReactElement } from 'react';
import { ModalForm, ProFormRadio, ProFormTextArea } from '@ant-design/pro-components';
import { App } from 'antd';
import type { AlertDetail, CloseOutcome } from '@xinqiao/shared';
import { alertsApi } from '../../api/alerts';
import { closeOutcomeOptions } from './caseworkView';

interface Props {
  alert: AlertDetail;
  trigger: ReactElement;
  onDone(alert: AlertDetail): void;
}

interface Values {
  outcome: CloseOutcome;
  note: string;
}

export function CloseAlertModal({ alert, trigger, onDone }: Props) {
  const { message } = App.useApp();
  const options = closeOutcomeOptions(alert);

  const onFinish = async ({ outcome, note }: Values) => {
    let updated: AlertDetail;
    try {
      updated = await alertsApi.close(alert.id, { outcome, note: note.trim() });
    } catch {
      return false;
    }
    void message.success('预警已结案');
    onDone(updated);
    return true;
  };

  return (
    <ModalForm<Values>
      name="alertClose"
      title="结案"
      trigger={trigger}
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, okButtonProps: { danger: true } }}
      submitter={{ searchConfig: { submitText: '确认结案', resetText: '取消' } }}
      onFinish={onFinish}
    >
      <ProFormRadio.Group
        name="outcome"
        label="结案结果"
        options={options}
        rules={[{ required: true, message: '请选择结案结果' }]}
        extra={options.find((o) => o.value === 'referred')?.disabled ? '选择“已转介”须先在“转介”中登记转介（且对方未拒绝接收）' : undefined}
      />
      <ProFormTextArea
        name="note"
        label="结案说明"
        placeholder="如：经多次回访情绪稳定，已转介至区精神卫生中心持续随访"
        extra="结案后本条预警不再出现在待处理队列中，且不能再追加跟进记录和随访计划"
        fieldProps={{ maxLength: 1000, showCount: true, autoSize: { minRows: 4, maxRows: 8 } }}
        rules={[{ required: true, whitespace: true, message: '请填写结案说明' }]}
      />
    </ModalForm>
  );
}
