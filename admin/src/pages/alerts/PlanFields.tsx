import { ProFormDatePicker, ProFormText, ProFormTimePicker } from '@ant-design/pro-components';
import dayjs, { type Dayjs } from 'dayjs';
import { chinaDate, type FollowUpPlanInput } from '@xinqiao/shared';

export interface PlanFormValues {
  planDate?: string | Dayjs;
  planTime?: string | Dayjs;
  planPurpose?: string;
}

/** A plan from the form, or null when no day was chosen (then the contact fulfils the current plan). */
export function toPlanInput(v: PlanFormValues): FollowUpPlanInput | null {
  if (!v.planDate) return null;
  return {
    date: dayjs(v.planDate).format('YYYY-MM-DD'),
    time: v.planTime ? dayjs(v.planTime, 'HH:mm').format('HH:mm') : null,
    purpose: (v.planPurpose ?? '').trim(),
  };
}

/** The next contact's fields; `required`: a plan must be given (the plan dialog), else optional (with a follow-up). */
export function PlanFields({ required }: { required: boolean }) {
  const today = chinaDate(new Date());
  return (
    <>
      <ProFormDatePicker
        name="planDate"
        label="下次随访日期"
        fieldProps={{ format: 'YYYY-MM-DD', disabledDate: (d: Dayjs) => d.format('YYYY-MM-DD') < today, style: { width: '100%' } }}
        rules={required ? [{ required: true, message: '请选择下次随访日期' }] : []}
        extra={required ? '当天 8:00 起会提醒您（已开通的通知渠道）' : '选填：填写后替换当前的随访计划；不填则本次跟进视为完成当前计划'}
      />
      <ProFormTimePicker name="planTime" label="时间（选填）" fieldProps={{ format: 'HH:mm', minuteStep: 5, style: { width: '100%' } }} />
      <ProFormText
        name="planPurpose"
        label="随访目的"
        placeholder="如：电话确认是否已到门诊就诊"
        fieldProps={{ maxLength: 200, showCount: true }}
        dependencies={['planDate']}
        rules={[
          ({ getFieldValue }) => ({
            validator: (_: unknown, value: string | undefined) =>
              (required || getFieldValue('planDate')) && !value?.trim() ? Promise.reject(new Error('请填写随访目的')) : Promise.resolve(),
          }),
        ]}
      />
    </>
  );
}
