import { useCallback, useEffect, useMemo, useState } from 'react';
import { ModalForm, ProCard, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { Alert, App, Button, DatePicker, Empty, Form, Popconfirm, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { SESSION_MODE_LABELS, WEEKDAY_LABELS, chinaDate, chinaWeekday, type AvailabilityException, type Counsellor, type SessionMode } from '@xinqiao/shared';
import { availabilityApi } from '../../api/availability';
import { FormProblems } from '../../components/FormProblems';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { TIME_OPTIONS, WEEKDAYS } from '../stations/stationHours';
import {
  blockProblems,
  blocksToForm,
  exceptionProblems,
  exceptionSummary,
  toBlockInputs,
  toExceptionInput,
  weeklyHoursText,
  type BlockFormValue,
  type ExceptionFormValue,
} from './availabilityForm';

type Profile = Pick<Counsellor, 'id' | 'name' | 'modes' | 'stationIds'>;

interface Props {
  counsellor: Profile;
  /** Names of the stations the caller can see; others show as 站点 #id. */
  stationNames: ReadonlyMap<number, string>;
}

const timeSelect = { options: TIME_OPTIONS, showSearch: true, style: { width: 92 } } as const;

/** The fields of one block; `withWeekday` for the weekly pattern, not for a dated exception. */
function BlockRows({ name, profile, stationNames, withWeekday }: { name: string; profile: Profile; stationNames: ReadonlyMap<number, string>; withWeekday: boolean }) {
  const modeOptions = profile.modes.map((m) => ({ value: m, label: SESSION_MODE_LABELS[m] }));
  const stationOptions = profile.stationIds.map((id) => ({ value: id, label: stationNames.get(id) ?? `站点 #${id}` }));
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.length ? null : <Typography.Text type="secondary">{withWeekday ? '尚未设置可预约时间，居民无法预约该咨询师' : '请添加时段'}</Typography.Text>}
          {fields.map((field, i) => (
            <Space key={field.key} wrap align="center">
              <Typography.Text type="secondary" style={{ width: 40, display: 'inline-block' }}>
                第{i + 1}行
              </Typography.Text>
              {withWeekday ? (
                <Form.Item name={[field.name, 'weekday']} noStyle>
                  <Select style={{ width: 84 }} placeholder="星期" aria-label="星期" options={WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))} />
                </Form.Item>
              ) : null}
              <Space.Compact>
                <Form.Item name={[field.name, 'start']} noStyle>
                  <Select {...timeSelect} placeholder="开始" aria-label="开始时间" />
                </Form.Item>
                <Form.Item name={[field.name, 'end']} noStyle>
                  <Select {...timeSelect} placeholder="结束" aria-label="结束时间" />
                </Form.Item>
              </Space.Compact>
              <Form.Item name={[field.name, 'mode']} noStyle>
                <Select<SessionMode> style={{ width: 110 }} placeholder="方式" aria-label="咨询方式" options={modeOptions} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => {
                  const mode = getFieldValue([name, field.name, 'mode']) as SessionMode | undefined;
                  return (
                    <Form.Item name={[field.name, 'stationId']} noStyle>
                      <Select
                        style={{ width: 220 }}
                        allowClear
                        placeholder={mode === 'phone' ? '站点（电话咨询可不选）' : '选择站点'}
                        aria-label="站点"
                        options={stationOptions}
                        notFoundContent="该咨询师尚未设置服务站点"
                      />
                    </Form.Item>
                  );
                }}
              </Form.Item>
              <Button aria-label="删除此行" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() =>
              add({
                ...(withWeekday ? { weekday: 1 } : {}),
                start: '09:00',
                end: '12:00',
                mode: profile.modes[0],
                stationId: profile.modes[0] === 'in_person' && profile.stationIds.length === 1 ? profile.stationIds[0] : null,
              } satisfies BlockFormValue)
            }
          >
            添加时段
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

function WeekCard({ counsellor, stationNames }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ blocks: BlockFormValue[] }>();
  // The Form mounts once the week is in, with it as initial values (a form not yet mounted drops setFieldsValue).
  const [initial, setInitial] = useState<BlockFormValue[] | null>(null);
  const loaded = initial !== null;
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const blocks = (Form.useWatch('blocks', form) as BlockFormValue[] | undefined) ?? [];

  useEffect(() => {
    let cancelled = false;
    availabilityApi.week(counsellor.id).then(
      (list) => !cancelled && setInitial(blocksToForm(list)),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [counsellor.id]);

  const save = async () => {
    const values = form.getFieldsValue();
    const found = blockProblems(values.blocks ?? [], counsellor);
    setProblems(found);
    if (found.length) return;
    setSaving(true);
    try {
      const saved = await availabilityApi.putWeek(counsellor.id, toBlockInputs(values.blocks ?? []));
      form.setFieldsValue({ blocks: blocksToForm(saved) });
      void message.success('每周可预约时间已保存');
    } catch {
      // shown by the API client
    } finally {
      setSaving(false);
    }
  };

  return (
    <ProCard
      title="每周可预约时间"
      subTitle={loaded ? weeklyHoursText(toBlockInputs(blocks)) : undefined}
      style={{ marginBottom: 16 }}
      extra={
        <Button type="primary" loading={saving} disabled={!loaded} onClick={() => void save()}>
          保存每周时间
        </Button>
      }
    >
      {failed ? (
        <Empty description="可预约时间加载失败，请刷新重试" />
      ) : !loaded ? (
        <Skeleton active />
      ) : (
        <>
          <FormProblems title="可预约时间还不能保存" problems={problems} onClose={() => setProblems([])} />
          <Form form={form} initialValues={{ blocks: initial }} onValuesChange={() => problems.length && setProblems([])}>
            <BlockRows name="blocks" profile={counsellor} stationNames={stationNames} withWeekday />
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            面询时段须在站点开放时间内才会开放给居民；法定节假日不开放预约（调休上班日按对应工作日开放）。保存会替换整周的设置，已有预约不受影响。
          </Typography.Paragraph>
        </>
      )}
    </ProCard>
  );
}

type ModalValues = Omit<ExceptionFormValue, 'date'> & { date?: Dayjs };

function ExceptionModalBody({ counsellor, stationNames, onDone, afterClose }: Props & { onDone(): void } & FreshFormProps) {
  const { message } = App.useApp();
  const [problems, setProblems] = useState<string[]>([]);
  const [form] = Form.useForm<ModalValues>();
  const off = Form.useWatch('off', form) as boolean | undefined;

  const save = async (v: ModalValues) => {
    if (!v.date) return false;
    const values: ExceptionFormValue = { ...v, date: v.date.format('YYYY-MM-DD'), blocks: v.blocks ?? [] };
    const found = exceptionProblems(values, counsellor);
    setProblems(found);
    if (found.length) return false;
    try {
      await availabilityApi.putException(counsellor.id, toExceptionInput(values));
    } catch {
      return false;
    }
    void message.success('例外安排已保存');
    onDone();
    return true;
  };

  return (
    <ModalForm<ModalValues>
      title="设置某天的可预约时间"
      dateFormatter={false}
      form={form}
      width={760}
      layout="vertical"
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          添加例外
        </Button>
      }
      modalProps={{ destroyOnHidden: true, afterClose }}
      initialValues={{ off: true, blocks: [], note: '' }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      onValuesChange={() => problems.length && setProblems([])}
      onFinish={save}
    >
      <FormProblems title="例外安排还不能保存" problems={problems} />
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
      </Form.Item>
      <ProFormSwitch name="off" label="全天休息" checkedChildren="休息" unCheckedChildren="调整时段" />
      {off ? null : (
        <Form.Item label="当天可预约时段（替代每周时间）">
          <BlockRows name="blocks" profile={counsellor} stationNames={stationNames} withWeekday={false} />
        </Form.Item>
      )}
      <ProFormText name="note" label="说明" placeholder="如：外出培训、调班" fieldProps={{ maxLength: 200 }} />
    </ModalForm>
  );
}

const ExceptionModal = withFreshForm(ExceptionModalBody);

function ExceptionsCard({ counsellor, stationNames }: Props) {
  const { message } = App.useApp();
  const [items, setItems] = useState<AvailabilityException[]>([]);
  const [loading, setLoading] = useState(false);
  const stationName = useCallback((id: number) => stationNames.get(id) ?? `站点 #${id}`, [stationNames]);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems(await availabilityApi.exceptions(counsellor.id, { from: chinaDate(new Date()) }));
    } catch {
      // shown by the client
    } finally {
      setLoading(false);
    }
  }, [counsellor.id]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (e: AvailabilityException) => {
    try {
      await availabilityApi.removeException(counsellor.id, e.id);
    } catch {
      return;
    }
    void message.success('例外安排已删除');
    void load();
  };

  return (
    <ProCard
      title="例外安排"
      subTitle="某天休息或调整时段（优先于每周时间）；同一天再次设置会覆盖原安排"
      style={{ marginBottom: 64 }}
      extra={<ExceptionModal counsellor={counsellor} stationNames={stationNames} onDone={() => void load()} />}
    >
      <Table<AvailabilityException>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: '今天起暂无例外安排' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 150, render: (d: string) => `${d} ${WEEKDAY_LABELS[chinaWeekday(d)]}` },
          { title: '当天可预约时间', dataIndex: 'blocks', render: (_, e) => (e.blocks.length ? exceptionSummary(e, stationName) : <Tag color="red">全天休息</Tag>) },
          { title: '说明', dataIndex: 'note', width: 180, render: (n: string | null) => n ?? '-' },
          {
            title: '操作',
            width: 80,
            render: (_, e) => (
              <Popconfirm title={`删除 ${e.date} 的例外安排？`} okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(e)}>
                <Button type="link" size="small" danger>
                  删除
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </ProCard>
  );
}

/** A counsellor's bookable time: the weekly pattern and dated exceptions. */
export function AvailabilityEditor({ counsellor, stationNames }: Props) {
  const noStations = useMemo(() => counsellor.modes.includes('in_person') && !counsellor.stationIds.length, [counsellor]);
  return (
    <>
      {noStations ? <Alert type="warning" showIcon className="xq-form-alert" message="该咨询师提供面询但尚未设置服务站点，面询时段须选择站点。" /> : null}
      <WeekCard counsellor={counsellor} stationNames={stationNames} />
      <ExceptionsCard counsellor={counsellor} stationNames={stationNames} />
    </>
  );
}
