import type { ReactElement } from 'react';
import { ModalForm, ProFormDigit, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { App, Form } from 'antd';
import { PLACE_TYPE_LABELS, type HostUnitDto, type HostUnitInput, type PlaceType } from '@xinqiao/shared';
import { hostUnitsApi } from '../../api/events';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { useOpenSnapshot } from '../../hooks/useOpenSnapshot';
import { labelOptions } from '../../utils/proTable';

interface HostUnitFormValues {
  name: string;
  placeType?: PlaceType;
  regionId?: number;
  staffCount?: number | null;
}

interface Props {
  trigger: ReactElement;
  onDone(unit: HostUnitDto): void;
  /** Edit this unit; create a new one when absent. */
  unit?: HostUnitDto;
  /** For a new unit, e.g. the place type and region of the event being edited. */
  defaults?: { placeType?: PlaceType; regionId?: number };
}

function HostUnitFormModalBody({ trigger, onDone, unit: current, defaults, afterClose }: Props & FreshFormProps) {
  const me = useStaff();
  const { message } = App.useApp();
  const [unit, onOpenChange] = useOpenSnapshot(current);
  const [form] = Form.useForm<HostUnitFormValues>();

  const onFinish = async (v: HostUnitFormValues) => {
    if (!v.placeType || v.regionId === undefined) return false;
    const input: HostUnitInput = { name: v.name.trim(), placeType: v.placeType, regionId: v.regionId, staffCount: v.staffCount ?? null };
    let saved: HostUnitDto;
    try {
      saved = unit ? await hostUnitsApi.update(unit.id, input) : await hostUnitsApi.create(input);
    } catch {
      return false;
    }
    void message.success(unit ? '承办单位已更新' : '承办单位已添加');
    onDone(saved);
    return true;
  };

  return (
    <ModalForm<HostUnitFormValues>
      name="hostUnit"
      form={form}
      title={unit ? `编辑承办单位：${unit.name}` : '新增承办单位'}
      trigger={trigger}
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose }}
      onOpenChange={onOpenChange}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={
        unit
          ? { name: unit.name, placeType: unit.placeType, regionId: unit.regionId, staffCount: unit.staffCount }
          : { name: '', placeType: defaults?.placeType, regionId: defaults?.regionId ?? me.regionId, staffCount: null }
      }
      onFinish={onFinish}
    >
      <ProFormText
        name="name"
        label="单位名称"
        placeholder="如：永川区第一中学"
        fieldProps={{ maxLength: 100 }}
        rules={[{ required: true, whitespace: true, message: '请输入单位名称' }]}
      />
      <ProFormSelect name="placeType" label="场所类型" options={labelOptions(PLACE_TYPE_LABELS)} rules={[{ required: true, message: '请选择场所类型' }]} />
      <Form.Item name="regionId" label="所在区域" rules={[{ required: true, message: '请选择所在区域' }]}>
        <RegionTreeSelect allowClear={false} />
      </Form.Item>
      <ProFormDigit
        name="staffCount"
        label="职工人数"
        min={0}
        max={10_000_000}
        fieldProps={{ precision: 0 }}
        placeholder="不清楚可暂不填写"
        extra="职工较多的单位每年有讲座指标；不填写则无法判断该单位是否达标"
      />
    </ModalForm>
  );
}

export const HostUnitFormModal = withFreshForm(HostUnitFormModalBody);
