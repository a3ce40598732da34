import type { ReactElement } from 'react';
import { ModalForm, ProForm, ProFormDigit, ProFormSelect, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { App, Form } from 'antd';
import { HOTLINE_AUDIENCE_LABELS, type Hotline } from '@xinqiao/shared';
import { hotlinesApi } from '../../api/hotlines';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { useOpenSnapshot } from '../../hooks/useOpenSnapshot';
import { labelOptions } from '../../utils/proTable';
import { emptyHotlineForm, hotlineNumberError, hotlineToForm, HOTLINE_NUMBER_HINT, HOURS_24, toHotlineInput, type HotlineFormValues } from './hotlineForm';

interface Props {
  trigger: ReactElement;
  onDone(): void;
  /** Edit this line; create a new one when absent. */
  hotline?: Hotline;
}

function HotlineFormModalBody({ trigger, onDone, hotline: current, afterClose }: Props & FreshFormProps) {
  const me = useStaff();
  const [hotline, onOpenChange] = useOpenSnapshot(current);
  const { message } = App.useApp();
  const [form] = Form.useForm<HotlineFormValues>();

  const onFinish = async (v: HotlineFormValues) => {
    try {
      const input = toHotlineInput(v);
      if (hotline) await hotlinesApi.update(hotline.id, input);
      else await hotlinesApi.create(input);
    } catch {
      return false;
    }
    void message.success(hotline ? '热线已更新' : '热线已添加');
    onDone();
    return true;
  };

  return (
    <ModalForm<HotlineFormValues>
      name="hotline"
      form={form}
      title={hotline ? `编辑热线：${hotline.name}` : '添加热线'}
      trigger={trigger}
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose }}
      onOpenChange={onOpenChange}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={hotline ? hotlineToForm(hotline) : emptyHotlineForm(me.regionId)}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<HotlineFormValues>) => {
        // Switching 24 小时 on fills the hours residents see, unless something was typed already.
        if (changed.is24h && !form.getFieldValue('hours')) form.setFieldValue('hours', HOURS_24);
      }}
    >
      <ProFormText
        name="name"
        label="名称"
        placeholder="如：永川区心理援助热线"
        fieldProps={{ maxLength: 100 }}
        rules={[{ required: true, whitespace: true, message: '请输入热线名称' }]}
      />
      <ProFormText
        name="number"
        label="电话号码"
        placeholder="如：023-12356"
        extra={HOTLINE_NUMBER_HINT}
        fieldProps={{ maxLength: 32, inputMode: 'tel' }}
        formItemProps={{ required: true }}
        rules={[
          {
            validator: (_, value: string | undefined) => {
              const error = hotlineNumberError(value);
              return error ? Promise.reject(new Error(error)) : Promise.resolve();
            },
          },
        ]}
      />
      <ProForm.Group>
        <ProFormSwitch name="is24h" label="24 小时服务" checkedChildren="是" unCheckedChildren="否" />
        <ProFormText
          name="hours"
          label="服务时间"
          width="md"
          placeholder="如：每天 8:00-22:00"
          fieldProps={{ maxLength: 100 }}
          rules={[{ required: true, whitespace: true, message: '请输入服务时间' }]}
        />
      </ProForm.Group>
      <ProFormSelect
        name="audiences"
        label="服务人群"
        mode="multiple"
        placeholder="不选表示面向所有人"
        options={labelOptions(HOTLINE_AUDIENCE_LABELS)}
        fieldProps={{ allowClear: true }}
      />
      <ProForm.Item name="regionId" label="所属区域" rules={[{ required: true, message: '请选择所属区域' }]} extra="该区域及其下级区域的居民会看到这条热线">
        <RegionTreeSelect allowClear={false} />
      </ProForm.Item>
      <ProFormText
        name="source"
        label="号码来源"
        placeholder="如：区卫生健康委 2025 年公告、官方网站链接"
        extra="记录号码的公布出处，便于定期核对"
        fieldProps={{ maxLength: 300 }}
      />
      <ProFormDigit name="sortOrder" label="排序" min={0} max={9999} fieldProps={{ precision: 0 }} extra="数字越小越靠前" width="xs" />
    </ModalForm>
  );
}

export const HotlineFormModal = withFreshForm(HotlineFormModalBody);
