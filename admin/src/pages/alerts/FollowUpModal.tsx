import type { ReactElement } from 'react';
import { ModalForm, ProFormDateTimePicker, ProFormRadio, ProFormSelect, ProFormTextArea } from '@ant-design/pro-components';
import { App, Divider } from 'antd';
import dayjs from 'dayjs';
import { ALERT_COLOUR_LABELS, FOLLOW_UP_METHOD_LABELS, type AlertDetail } from '@xinqiao/shared';
import { alertsApi } from '../../api/alerts';
import { labelOptions } from '../../utils/proTable';
import { followUpAtError, toFollowUpInput, type FollowUpFormValues } from './alertView';
import { PlanFields, toPlanInput, type PlanFormValues } from './PlanFields';

interface Props {
  alert: AlertDetail;
  trigger: ReactElement;
  onDone(alert: AlertDetail): void;
}

export function FollowUpModal({ alert, trigger, onDone }: Props) {
  const { message } = App.useApp();

  const onFinish = async (values: FollowUpFormValues & PlanFormValues) => {
    let updated: AlertDetail;
    try {
      updated = await alertsApi.followUp(alert.id, { ...toFollowUpInput(values), nextPlan: toPlanInput(values) });
    } catch {
      return false;
    }
    void message.success('跟进记录已保存');
    onDone(updated);
    return true;
  };

  return (
    <ModalForm<FollowUpFormValues & PlanFormValues>
      name="alertFollowUp"
      title="记录跟进"
      trigger={trigger}
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      // A fresh "now" each time the modal opens (destroyOnHidden remounts the form).
      initialValues={{ at: dayjs(), method: 'phone' }}
      onFinish={onFinish}
    >
      <ProFormDateTimePicker
        name="at"
        label="跟进时间"
        formItemProps={{ required: true }}
        fieldProps={{ format: 'YYYY-MM-DD HH:mm', showTime: { format: 'HH:mm' }, disabledDate: (d) => d.isAfter(dayjs(), 'day'), style: { width: '100%' } }}
        rules={[
          {
            validator: (_, value: FollowUpFormValues['at'] | undefined) => {
              const error = followUpAtError(value, alert.createdAt);
              return error ? Promise.reject(new Error(error)) : Promise.resolve();
            },
          },
        ]}
      />
      <ProFormRadio.Group
        name="method"
        label="跟进方式"
        options={labelOptions(FOLLOW_UP_METHOD_LABELS)}
        rules={[{ required: true, message: '请选择跟进方式' }]}
      />
      <ProFormTextArea
        name="outcome"
        label="跟进情况"
        placeholder="如：已电话联系居民本人，情绪较前平稳，约定下周到社区心理服务站面谈"
        fieldProps={{ maxLength: 1000, showCount: true, autoSize: { minRows: 4, maxRows: 8 } }}
        rules={[{ required: true, whitespace: true, message: '请填写跟进情况' }]}
      />
      <ProFormSelect
        name="nextColour"
        label="调整预警等级"
        placeholder="不调整（保持当前等级）"
        options={labelOptions(ALERT_COLOUR_LABELS)}
        fieldProps={{ allowClear: true }}
        extra="根据本次跟进的评估结果调整；不选则保持当前等级"
      />
      <Divider plain orientation="left">
        下次随访
      </Divider>
      <PlanFields required={false} />
    </ModalForm>
  );
}
