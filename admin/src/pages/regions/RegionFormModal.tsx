import type { ReactElement } from 'react';
import { ModalForm, ProFormDigit, ProFormRadio, ProFormText } from '@ant-design/pro-components';
import { App, type FormInstance } from 'antd';
import { REGION_LEVEL_LABELS, URBAN_RURAL_LABELS, childLevel, type RegionDto, type UrbanRural } from '@xinqiao/shared';
import { regionsApi, type RegionFields } from '../../api/regions';
import { useOpenSnapshot } from '../../hooks/useOpenSnapshot';
import { labelOptions } from '../../utils/proTable';

interface RegionFormValues {
  name: string;
  code?: string;
  urbanRural?: UrbanRural;
  population?: number | null;
  urbanPopulation?: number | null;
}

interface Props {
  trigger: ReactElement;
  onDone: () => void;
  /** `edit` changes `region`; `createChild` adds a region below it. */
  mode: 'edit' | 'createChild';
  region: RegionDto;
}

export function RegionFormModal({ trigger, onDone, mode, region: current }: Props) {
  const { message } = App.useApp();
  const [target, onOpenChange] = useOpenSnapshot(current);
  const region = mode === 'edit' ? target : null;
  const level = region ? region.level : childLevel(target.level);
  const classified = level === 'community';

  const onFinish = async (v: RegionFormValues) => {
    const fields: RegionFields = {
      name: v.name.trim(),
      code: v.code?.trim() || null,
      urbanRural: classified ? (v.urbanRural ?? null) : null,
      population: v.population ?? null,
      urbanPopulation: v.urbanPopulation ?? null,
    };
    try {
      if (region) await regionsApi.update(region.id, fields);
      else await regionsApi.create({ ...fields, parentId: target.id });
    } catch {
      return false; // keep the dialog open; the client has shown why
    }
    void message.success(region ? '区域已更新' : '区域已创建');
    onDone();
    return true;
  };

  return (
    <ModalForm<RegionFormValues>
      name="region"
      title={region ? `编辑区域：${region.name}` : `在「${target.name}」下新建${level ? REGION_LEVEL_LABELS[level] : ''}`}
      trigger={trigger}
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true }}
      onOpenChange={onOpenChange}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={
        region
          ? {
              name: region.name,
              code: region.code ?? undefined,
              urbanRural: region.urbanRural ?? undefined,
              population: region.population,
              urbanPopulation: region.urbanPopulation,
            }
          : undefined
      }
      onFinish={onFinish}
    >
      <ProFormText name="name" label="名称" rules={[{ required: true, whitespace: true, message: '请输入区域名称' }]} fieldProps={{ maxLength: 64 }} />
      <ProFormText
        name="code"
        label="区划代码"
        placeholder="统计用区划代码，可不填"
        rules={[{ pattern: /^\d{6,12}$/, message: '区划代码为 6-12 位数字' }]}
        fieldProps={{ maxLength: 12 }}
      />
      {classified ? <ProFormRadio.Group name="urbanRural" label="城镇/农村" options={labelOptions(URBAN_RURAL_LABELS)} /> : null}
      <ProFormDigit name="population" label="常住人口" min={0} fieldProps={{ precision: 0 }} />
      <ProFormDigit
        name="urbanPopulation"
        label="城镇人口"
        min={0}
        fieldProps={{ precision: 0 }}
        dependencies={['population']}
        rules={[
          ({ getFieldValue }: FormInstance) => ({
            validator: (_: unknown, value: number | null | undefined) => {
              const population = getFieldValue('population') as number | null | undefined;
              return value != null && population != null && value > population ? Promise.reject(new Error('城镇人口不能大于常住人口')) : Promise.resolve();
            },
          }),
        ]}
      />
    </ModalForm>
  );
}
