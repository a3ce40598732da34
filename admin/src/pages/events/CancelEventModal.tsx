import type { ReactElement } from 'react';
import { ModalForm, ProFormTextArea } from '@ant-design/pro-components';
import { Alert } from 'antd';
import type { AdminEvent } from '@xinqiao/shared';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { useEventActions } from './useEventActions';

interface Props {
  event: { id: number; title: string };
  trigger: ReactElement;
  onDone(event: AdminEvent): void;
}

/** Cancelling needs a reason: it is sent to everyone who signed up or waits for a seat. */
function CancelEventModalBody({ event, trigger, onDone, afterClose }: Props & FreshFormProps) {
  const actions = useEventActions();

  const onFinish = async ({ reason }: { reason: string }) => {
    try {
      onDone(await actions.cancel(event.id, reason));
      return true;
    } catch {
      return false;
    }
  };

  return (
    <ModalForm<{ reason: string }>
      name="cancelEvent"
      title={`取消活动：${event.title}`}
      trigger={trigger}
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose, okButtonProps: { danger: true } }}
      submitter={{ searchConfig: { submitText: '确认取消活动', resetText: '返回' }, submitButtonProps: { danger: true } }}
      onFinish={onFinish}
    >
      <Alert type="warning" showIcon className="xq-form-alert" message="取消后不能恢复。已报名和候补中的居民会收到活动取消通知，通知中包含取消原因。" />
      <ProFormTextArea
        name="reason"
        label="取消原因"
        placeholder="如：因天气原因，本场讲座取消，改期另行通知"
        fieldProps={{ maxLength: 200, showCount: true, autoSize: { minRows: 3, maxRows: 5 } }}
        rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}
      />
    </ModalForm>
  );
}

export const CancelEventModal = withFreshForm(CancelEventModalBody);
