import { useCallback, useEffect, useState } from 'react';
import { ModalForm, PageContainer, ProCard, ProFormDigit, ProFormSwitch } from '@ant-design/pro-components';
import { App, Button, Descriptions, Form, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { WEEKDAY_LABELS, type CallbackLine, type Hotline } from '@xinqiao/shared';
import { callbackLinesApi } from '../../api/callbackLines';
import { hotlinesApi } from '../../api/hotlines';
import { allows } from '../../auth/permissions';
import { useStaff } from '../../auth/SessionContext';
import { FormProblems } from '../../components/FormProblems';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import {
  callbackLineProblems,
  callbackLineToForm,
  emptyCallbackLineForm,
  hotlineChoices,
  toCallbackLineInput,
  type CallbackLineFormValues,
} from './callbackLineForm';
import { WEEKDAYS, weeklySummary } from './stationHours';
import { TimeRangesField } from './TimeRangesField';

interface ModalProps {
  line: CallbackLine | null;
  lines: CallbackLine[];
  hotlines: Hotline[];
  trigger: JSX.Element;
  onDone(): void;
}

function LineModalBody({ line, lines, hotlines, trigger, onDone, afterClose }: ModalProps & FreshFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CallbackLineFormValues>();
  const [problems, setProblems] = useState<string[]>([]);

  const save = async (values: CallbackLineFormValues) => {
    const found = callbackLineProblems(values);
    setProblems(found);
    if (found.length) return false;
    try {
      const input = toCallbackLineInput(values);
      if (line) await callbackLinesApi.update(line.id, input);
      else await callbackLinesApi.create(input);
    } catch {
      return false;
    }
    void message.success('回电热线已保存');
    onDone();
    return true;
  };

  return (
    <ModalForm<CallbackLineFormValues>
      title={line ? `编辑回电热线：${line.name}` : '添加回电热线'}
      form={form}
      width={720}
      layout="vertical"
      trigger={trigger}
      modalProps={{ destroyOnHidden: true, afterClose }}
      initialValues={line ? callbackLineToForm(line) : emptyCallbackLineForm()}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      onValuesChange={() => problems.length && setProblems([])}
      onFinish={save}
    >
      <FormProblems title="回电热线还不能保存" problems={problems} />
      <Form.Item
        name="hotlineId"
        label="热线"
        rules={[{ required: true, message: '请选择热线' }]}
        extra="只能选择本辖区维护的热线；热线号码和名称在“心理援助热线”中维护"
      >
        <Select
          showSearch
          optionFilterProp="label"
          placeholder="选择热线"
          options={hotlineChoices(hotlines, lines, line?.id ?? null)}
          notFoundContent="本辖区暂无可用的热线"
        />
      </Form.Item>
      <ProFormDigit
        name="capacityPerWindow"
        label="每个时段可回电数"
        min={1}
        max={50}
        width="sm"
        fieldProps={{ precision: 0 }}
        extra="值班人员在一个回电时段内能打出的电话数，约满后居民无法再选该时段"
        rules={[{ required: true, message: '请填写回电数' }]}
      />
      <Form.Item label="每周回电时间" extra="居民按“预约规则”中的回电时段长度，在这些时间内选择回电时段；法定节假日不安排回电。">
        <Descriptions column={1} size="small" bordered styles={{ label: { width: 72 } }}>
          {WEEKDAYS.map((d) => (
            <Descriptions.Item key={d} label={WEEKDAY_LABELS[d]}>
              <TimeRangesField name={['weekly', String(d)]} emptyText="不回电" />
            </Descriptions.Item>
          ))}
        </Descriptions>
      </Form.Item>
      <ProFormSwitch name="enabled" label="启用" checkedChildren="启用" unCheckedChildren="暂停" extra="暂停后居民无法预约新的回电，已有预约不受影响" />
    </ModalForm>
  );
}

const LineModal = withFreshForm(LineModalBody);

/** 热线回电: hotlines whose duty staff call residents back in windows they book. */
export default function CallbackLinesPage() {
  const staff = useStaff();
  const { message } = App.useApp();
  const [lines, setLines] = useState<CallbackLine[]>([]);
  const [hotlines, setHotlines] = useState<Hotline[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setLines(await callbackLinesApi.list());
    } catch {
      // shown by the client
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load();
    // Station managers do not keep hotlines: they read the public list of their region's lines.
    const fetchHotlines = allows(staff.role, 'hotlines.manage') ? hotlinesApi.list({}) : hotlinesApi.publicList({ regionId: staff.regionId });
    fetchHotlines.then(setHotlines, () => undefined);
  }, [load, staff.role, staff.regionId]);

  const remove = async (l: CallbackLine) => {
    try {
      await callbackLinesApi.remove(l.id);
    } catch {
      return;
    }
    void message.success('回电热线已删除');
    void load();
  };

  return (
    <PageContainer title="热线回电" subTitle="居民可在小程序中预约“请回电给我”，由热线值班人员在所选时段内回电">
      <ProCard
        extra={
          <LineModal
            line={null}
            lines={lines}
            hotlines={hotlines}
            onDone={() => void load()}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                添加回电热线
              </Button>
            }
          />
        }
      >
        <Table<CallbackLine>
          rowKey="id"
          loading={loading}
          dataSource={lines}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无回电热线' }}
          columns={[
            { title: '热线', dataIndex: 'name', width: 200 },
            { title: '号码', dataIndex: 'number', width: 140 },
            { title: '区域', dataIndex: 'regionName', width: 120 },
            {
              title: '回电时间',
              dataIndex: 'weeklyHours',
              render: (_, l) => (
                <Space direction="vertical" size={0}>
                  {weeklySummary(l.weeklyHours).map((t) => (
                    <Typography.Text key={t}>{t.replace('休息', '不回电')}</Typography.Text>
                  ))}
                </Space>
              ),
            },
            { title: '每时段回电数', dataIndex: 'capacityPerWindow', width: 110, align: 'right' },
            { title: '状态', dataIndex: 'enabled', width: 80, render: (e: boolean) => (e ? <Tag color="green">启用</Tag> : <Tag>暂停</Tag>) },
            {
              title: '操作',
              width: 130,
              fixed: 'right',
              render: (_, l) => (
                <Space size={0}>
                  <LineModal
                    line={l}
                    lines={lines}
                    hotlines={hotlines}
                    onDone={() => void load()}
                    trigger={
                      <Button type="link" size="small">
                        编辑
                      </Button>
                    }
                  />
                  <Popconfirm
                    title={`确定删除「${l.name}」的回电设置？`}
                    description="删除后居民无法再预约该热线的回电；如只是暂时停止，可改为暂停。"
                    okText="删除"
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove(l)}
                  >
                    <Button type="link" size="small" danger>
                      删除
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}
