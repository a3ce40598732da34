import { useEffect, useMemo, useState } from 'react';
import { ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Empty, Form, Select, Skeleton, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { SESSION_MODE_LABELS, WEEKDAY_LABELS, chinaDate, type AvailabilityException, type Counsellor, type SessionMode } from '@xinqiao/shared';
import { availabilityApi } from '../../api/availability';
import { DatedExceptionsCard, type DatedExceptionsConfig } from '../../components/DatedExceptionsCard';
import { FormProblems } from '../../components/FormProblems';
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
function BlockRows({
  name,
  profile,
  stationNames,
  withWeekday,
}: {
  name: string;
  profile: Profile;
  stationNames: ReadonlyMap<number, string>;
  withWeekday: boolean;
}) {
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

/** The counsellor's days off and days with other bookable time, from today on. */
function ExceptionsCard({ counsellor, stationNames }: Props) {
  const stationName = (id: number) => stationNames.get(id) ?? `站点 #${id}`;
  const config: DatedExceptionsConfig<AvailabilityException, ExceptionFormValue> = {
    subTitle: '某天休息或调整时段（优先于每周时间）；同一天再次设置会覆盖原安排',
    emptyText: '今天起暂无例外安排',
    list: () => availabilityApi.exceptions(counsellor.id, { from: chinaDate(new Date()) }),
    remove: (id) => availabilityApi.removeException(counsellor.id, id),
    hours: { title: '当天可预约时间', has: (e) => e.blocks.length > 0, render: (e) => exceptionSummary(e, stationName), noneTag: '全天休息' },
    modal: {
      title: '设置某天的可预约时间',
      width: 760,
      none: { name: 'off', label: '全天休息', checked: '休息', unchecked: '调整时段' },
      initialValues: { off: true, blocks: [], note: '' },
      hoursLabel: '当天可预约时段（替代每周时间）',
      hoursField: <BlockRows name="blocks" profile={counsellor} stationNames={stationNames} withWeekday={false} />,
      notePlaceholder: '如：外出培训、调班',
      toForm: (v, date) => ({ ...v, date, blocks: v.blocks ?? [] }),
      problemsOf: (values) => exceptionProblems(values, counsellor),
      save: (values) => availabilityApi.putException(counsellor.id, toExceptionInput(values)),
    },
  };
  return <DatedExceptionsCard key={counsellor.id} config={config} />;
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
