import { useCallback, useEffect, useState } from 'react';
import { ModalForm, ProFormDigit, ProFormRadio, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Alert, App, Button, Form, Popconfirm, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { POPULATION_GROUP_LABELS, URBAN_RURAL_LABELS, hasPermission, type AwarenessTargetDto } from '@xinqiao/shared';
import { awarenessApi } from '../../api/awareness';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { useInSubtree, useRegions } from '../../hooks/useRegions';
import { labelOptions } from '../../utils/proTable';
import { describeRegionPath } from '../../utils/regions';
import { AWARENESS_METRIC_LABELS, formatPercent } from './awarenessFormat';
import { emptyTargetForm, targetScope, toTargetInput, type TargetFormValues } from './targetForm';

function TargetFormModalBody({ onDone, afterClose }: { onDone(): void } & FreshFormProps) {
  const me = useStaff();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetFormValues>();
  return (
    <ModalForm<TargetFormValues>
      name="awarenessTarget"
      form={form}
      title="新增知晓率目标"
      width={560}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose }}
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          新增目标
        </Button>
      }
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={emptyTargetForm(me.regionId)}
      onFinish={async (v) => {
        const input = toTargetInput(v);
        try {
          await awarenessApi.createTarget(input);
        } catch {
          return false;
        }
        void message.success('目标已保存');
        onDone();
        return true;
      }}
    >
      <Form.Item
        name="regionId"
        label="区域"
        rules={[{ required: true, message: '请选择区域' }]}
        extra="目标适用于该区域及其全部下级区域（下级区域另有目标时以下级为准）"
      >
        <RegionTreeSelect allowClear={false} />
      </Form.Item>
      <ProFormRadio.Group
        name="metric"
        label="考核指标"
        options={labelOptions(AWARENESS_METRIC_LABELS)}
        extra="文件未写明口径时，一般按达标率（得分达到 80% 的人数比例）考核"
      />
      <ProFormDigit
        name="ratePercent"
        label="目标值"
        width="xs"
        min={0}
        max={100}
        fieldProps={{ precision: 1, addonAfter: '%' }}
        rules={[{ required: true, message: '请填写目标值' }]}
      />
      <ProFormDigit name="year" label="年度" width="xs" min={2000} max={2100} fieldProps={{ precision: 0 }} placeholder="长期" extra="留空表示长期有效" />
      <ProFormSelect
        name="urbanRural"
        label="城乡"
        options={labelOptions(URBAN_RURAL_LABELS)}
        placeholder="城乡不限"
        fieldProps={{ allowClear: true }}
        extra="如：城镇 70%、农村 60%，分别设置"
      />
      <ProFormSelect
        name="populationGroup"
        label="人群"
        options={labelOptions(POPULATION_GROUP_LABELS)}
        placeholder="全部人群"
        fieldProps={{ allowClear: true }}
      />
      <ProFormText name="source" label="依据" placeholder="如：合卫〔2019〕XX 号 社会心理服务体系建设试点实施方案" fieldProps={{ maxLength: 300 }} />
    </ModalForm>
  );
}

const TargetFormModal = withFreshForm(TargetFormModalBody);

/** The awareness targets of the caller's region subtree; writing them needs `regions.manage`. */
export function TargetsSection() {
  const staff = useStaff();
  const { message } = App.useApp();
  const { byId } = useRegions();
  const inSubtree = useInSubtree();
  const canWrite = hasPermission(staff.role, 'regions.manage');
  const [targets, setTargets] = useState<AwarenessTargetDto[]>([]);
  const [loading, setLoading] = useState(false);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setTargets(await awarenessApi.targets());
    } catch {
      // Shown by the API client; keep what is on screen.
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const remove = async (t: AwarenessTargetDto) => {
    try {
      await awarenessApi.removeTarget(t.id);
    } catch {
      return;
    }
    void message.success('目标已删除');
    void reload();
  };

  return (
    <div data-testid="awareness-targets">
      <Alert
        type="info"
        showIcon
        className="xq-form-alert"
        message="每个统计分组对照最具体的目标：区域层级更深的优先，其次是指定人群、指定城乡、指定年度的目标。"
      />
      <Table<AwarenessTargetDto>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={targets}
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() =>
          canWrite ? (
            <TargetFormModal onDone={() => void reload()} />
          ) : (
            <Typography.Text type="secondary">目标由具有区域管理权限的人员设置，当前账号只能查看。</Typography.Text>
          )
        }
        locale={{ emptyText: '尚未设置知晓率目标' }}
        columns={[
          { title: '区域', key: 'region', width: 220, render: (_, t) => describeRegionPath(t.regionPath, byId) || t.regionName },
          { title: '适用范围', key: 'scope', width: 220, render: (_, t) => targetScope(t) },
          { title: '考核指标', dataIndex: 'metric', width: 110, render: (_, t) => AWARENESS_METRIC_LABELS[t.metric] },
          { title: '目标值', dataIndex: 'rate', width: 90, align: 'right', render: (_, t) => formatPercent(t.rate) },
          { title: '依据', dataIndex: 'source', width: 280, ellipsis: true, render: (_, t) => t.source || '-' },
          ...(canWrite
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  width: 80,
                  // Targets set above the caller's region apply here too, but are the upper level's to change.
                  render: (_: unknown, t: AwarenessTargetDto) =>
                    inSubtree(t.regionId) ? (
                      <Popconfirm title="删除这个目标？" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(t)}>
                        <Button type="link" size="small" danger>
                          删除
                        </Button>
                      </Popconfirm>
                    ) : (
                      <Typography.Text type="secondary">上级设置</Typography.Text>
                    ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
