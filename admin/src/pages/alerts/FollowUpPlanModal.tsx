import type { ReactElement } from 'react';
import { ModalForm } from '@ant-design/pro-components';
import { App } from 'antd';
import type { AlertDetail } from '@xinqiao/shared';
import { alertsApi } from '../../api/alerts';
import { PlanFields, toPlanInput, type PlanFormValues } from './PlanFields';

interface Props {
  alert: AlertDetail;
  trigger: ReactElement;
  onDone(alert: AlertDetail): void;
}

/** 随访计划 on its own: the next contact's day (China date), optional time and purpose; replaces the current one. */
export function FollowUpPlanModal({ alert, trigger, onDone }: Props) {
  const { message } = App.useApp();
  const plan = alert.followUpPlan;

  const onFinish = async (values: PlanFormValues) => {
    const input = toPlanInput(values);
    if (!input) return false;
    let updated: AlertDetail;
    try {
      updated = await alertsApi.setPlan(alert.id, input);
    } catch {
      return false;
    }
    void message.success('随访计划已保存');
    onDone(updated);
    return true;
  };

  return (
    <ModalForm<PlanFormValues>
      name="alertPlan"
      title={plan ? '修改随访计划' : '安排下次随访'}
      trigger={trigger}
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={plan ? { planDate: plan.date, planTime: plan.time ?? undefined, planPurpose: plan.purpose } : undefined}
      onFinish={onFinish}
    >
      <PlanFields required />
    </ModalForm>
  );
}
