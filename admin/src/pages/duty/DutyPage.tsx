import { useCallback, useEffect, useMemo, useState } from 'react';
import { ModalForm, PageContainer, ProCard, ProFormRadio, ProFormSelect } from '@ant-design/pro-components';
import { Alert, App, Button, Col, DatePicker, Empty, Form, Popconfirm, Row, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  chinaDate,
  DUTY_ROLE_LABELS,
  ESCALATION_STEP_LABELS,
  hasPermission,
  WEEKDAY_LABELS,
  type DutyCandidate,
  type DutyEntry,
  type DutyNow,
  type DutyRole,
} from '@xinqiao/shared';
import { useStaff } from '../../auth/SessionContext';
import { FormProblems } from '../../components/FormProblems';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { useRegions } from '../../hooks/useRegions';
import { formatDateTime } from '../../utils/format';
import { dutyApi } from './dutyApi';
import { dutyInputs, shiftText, timeOptions, upcomingDated, weekColumns, WEEKDAYS, type DutyFormValues } from './dutyView';

const ROLE_COLOURS: Record<DutyRole, string> = { primary: 'red', backup: 'orange' };

function EntryModalBody({
  regionId,
  entry,
  candidates,
  trigger,
  onDone,
  afterClose,
}: { regionId: number; entry?: DutyEntry; candidates: DutyCandidate[]; trigger: JSX.Element; onDone(): void } & FreshFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DutyFormValues & { day?: dayjs.Dayjs }>();
  const [problems, setProblems] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form) as DutyFormValues['kind'] | undefined;

  const save = async (v: DutyFormValues & { day?: dayjs.Dayjs }) => {
    const today = chinaDate(new Date());
    const { inputs, problems: found } = dutyInputs(regionId, { ...v, weekdays: v.weekdays ?? [], date: v.day?.format('YYYY-MM-DD') }, today);
    setProblems(found);
    if (found.length) return false;
    try {
      if (entry) await dutyApi.update(entry.id, inputs[0]);
      else for (const input of inputs) await dutyApi.create(input);
    } catch {
      // The server's reason is shown by the client; entries already saved stay (they are listed on reload).
      onDone();
      return false;
    }
    void message.success('已保存');
    onDone();
    return true;
  };

  return (
    <ModalForm<DutyFormValues & { day?: dayjs.Dayjs }>
      title={entry ? '修改值班安排' : '添加值班安排'}
      dateFormatter={false}
      form={form}
      trigger={trigger}
      width={520}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={
        entry
          ? {
              staffId: entry.staffId,
              kind: entry.date ? 'dated' : 'weekly',
              weekdays: entry.weekday ? [entry.weekday] : [],
              day: entry.date ? dayjs(entry.date) : undefined,
              start: entry.start,
              end: entry.end,
              role: entry.role,
            }
          : { kind: 'weekly', weekdays: [], start: '08:00', end: '20:00', role: 'primary' }
      }
      onValuesChange={() => problems.length && setProblems([])}
      onFinish={save}
    >
      <FormProblems title="还不能保存" problems={problems} />
      <ProFormSelect
        name="staffId"
        label="值班人员"
        placeholder="本区域或上级区域的心理咨询师"
        options={candidates.map((c) => ({ value: c.id, label: `${c.displayName}（${c.regionName}）` }))}
        rules={[{ required: true, message: '请选择值班人员' }]}
      />
      <ProFormRadio.Group
        name="role"
        label="班次"
        radioType="button"
        options={(['primary', 'backup'] as const).map((r) => ({ value: r, label: DUTY_ROLE_LABELS[r] }))}
      />
      <ProFormRadio.Group
        name="kind"
        label="排班方式"
        radioType="button"
        disabled={Boolean(entry)}
        options={[
          { value: 'weekly', label: '每周' },
          { value: 'dated', label: '指定日期' },
        ]}
        extra={kind === 'dated' ? '指定日期的排班会替代本区域当天开始的每周排班（如节假日值班）' : undefined}
      />
      {kind === 'dated' ? (
        <Form.Item name="day" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
      ) : (
        <ProFormSelect
          name="weekdays"
          label="每周"
          mode={entry ? undefined : 'multiple'}
          options={WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LABELS[d] }))}
          transform={(v: unknown) => ({ weekdays: Array.isArray(v) ? v : v === undefined || v === null ? [] : [v] })}
          convertValue={(v: unknown) => (entry && Array.isArray(v) ? v[0] : v)}
        />
      )}
      <Space size={16} wrap>
        <ProFormSelect name="start" label="开始（北京时间）" options={timeOptions(false)} allowClear={false} width="sm" />
        <ProFormSelect name="end" label="结束" options={timeOptions(true)} allowClear={false} width="sm" extra="早于开始时间表示跨夜到次日" />
      </Space>
    </ModalForm>
  );
}

const EntryModal = withFreshForm(EntryModalBody);

/**
 * 值班表: who receives a new red or yellow alert of a region, and who it escalates to. Counsellors
 * and region admins read it; region admins (alerts.configure) keep it.
 */
export default function DutyPage() {
  const staff = useStaff();
  const { message } = App.useApp();
  const { regions } = useRegions();
  const canEdit = hasPermission(staff.role, 'alerts.configure');
  const [regionId, setRegionId] = useState<number | undefined>(undefined);
  const [entries, setEntries] = useState<DutyEntry[]>([]);
  const [now, setNow] = useState<DutyNow | null>(null);
  const [candidates, setCandidates] = useState<DutyCandidate[]>([]);
  const [loading, setLoading] = useState(false);

  // Rosters are kept per street: a district admin starts on the first street of the district.
  useEffect(() => {
    if (regionId !== undefined || !regions.length) return;
    const own = regions.find((r) => r.id === staff.regionId);
    const firstStreet = regions.find((r) => r.level === 'street');
    setRegionId(own && (own.level === 'street' || own.level === 'community') ? own.id : (firstStreet?.id ?? staff.regionId));
  }, [regions, regionId, staff.regionId]);

  const load = useCallback(async () => {
    if (regionId === undefined) return;
    setLoading(true);
    try {
      const [list, current, people] = await Promise.all([
        dutyApi.list(regionId),
        dutyApi.now(regionId),
        canEdit ? dutyApi.candidates(regionId) : Promise.resolve([]),
      ]);
      setEntries(list);
      setNow(current);
      setCandidates(people);
    } catch {
      // shown by the client
    } finally {
      setLoading(false);
    }
  }, [regionId, canEdit]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (e: DutyEntry) => {
    try {
      await dutyApi.remove(e.id);
    } catch {
      return;
    }
    void message.success('已删除');
    void load();
  };

  const columns = useMemo(() => weekColumns(entries), [entries]);
  const dated = useMemo(() => upcomingDated(entries, chinaDate(new Date())), [entries]);

  const actions = (e: DutyEntry) =>
    canEdit && regionId !== undefined ? (
      <Space size={0}>
        <EntryModal
          regionId={regionId}
          entry={e}
          candidates={candidates}
          onDone={() => void load()}
          trigger={
            <Button type="link" size="small">
              修改
            </Button>
          }
        />
        <Popconfirm title="删除这条值班安排？" okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(e)}>
          <Button type="link" size="small" danger>
            删除
          </Button>
        </Popconfirm>
      </Space>
    ) : null;

  const shiftLine = (e: DutyEntry) => (
    <div key={e.id} className="duty-shift">
      <Space size={4} wrap>
        <Tag color={ROLE_COLOURS[e.role]}>{DUTY_ROLE_LABELS[e.role]}</Tag>
        <Typography.Text>{shiftText(e)}</Typography.Text>
      </Space>
      <div>
        <Typography.Text delete={e.inactive}>{e.staffName}</Typography.Text>
        {e.inactive ? <Typography.Text type="danger">（账号已停用或不再处理预警）</Typography.Text> : null}
      </div>
      {actions(e)}
    </div>
  );

  return (
    <PageContainer title="值班表" subTitle="新的红色、黄色预警会立即通知正在值班的人员；红色预警 30 分钟内无人认领将逐级升级">
      <Alert
        type="info"
        showIcon
        className="xq-form-alert"
        message="升级顺序：值班主班 → 值班备班 → 本区域管理员 → 上级区域中心（其值班人员，无人值班时为其区域管理员），直至最上级。本区域当时无人值班的，直接转上级区域的值班表。时间均为北京时间。"
      />
      <ProCard
        title={
          <Space>
            <span>区域</span>
            <RegionTreeSelect value={regionId} onChange={(v) => setRegionId(v ?? undefined)} allowClear={false} style={{ minWidth: 220 }} aria-label="区域" />
          </Space>
        }
        extra={
          canEdit && regionId !== undefined ? (
            <EntryModal
              regionId={regionId}
              candidates={candidates}
              onDone={() => void load()}
              trigger={
                <Button type="primary" icon={<PlusOutlined />}>
                  添加值班
                </Button>
              }
            />
          ) : null
        }
        bordered
        direction="column"
      >
        <ProCard title="现在谁在值班" type="inner" bordered loading={loading && !now}>
          {now ? (
            <Space direction="vertical" size={8}>
              {now.onDuty.length ? (
                now.onDuty.map((p) => (
                  <Space key={`${p.staffId}-${p.role}`} size={4}>
                    <Tag color={ROLE_COLOURS[p.role]}>{DUTY_ROLE_LABELS[p.role]}</Tag>
                    <Typography.Text strong>{p.staffName}</Typography.Text>
                    <Typography.Text type="secondary">值班至 {formatDateTime(p.until)}</Typography.Text>
                  </Space>
                ))
              ) : (
                <Typography.Text type="warning">{now.regionName}现在无人值班</Typography.Text>
              )}
              <Typography.Text>
                此刻本区域的新预警将首先通知：
                {now.firstStep ? (
                  <Typography.Text strong>
                    {now.firstStep.regionName}
                    {ESCALATION_STEP_LABELS[now.firstStep.kind]} {now.firstStep.staff.map((s) => s.name).join('、')}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="danger">无人可通知（请尽快排班）</Typography.Text>
                )}
              </Typography.Text>
            </Space>
          ) : null}
        </ProCard>

        <ProCard title="每周值班" type="inner" bordered style={{ marginTop: 16 }} loading={loading && !entries.length}>
          <Row gutter={[8, 8]} wrap={false} style={{ overflowX: 'auto' }}>
            {WEEKDAYS.map((d) => (
              <Col key={d} flex="1 0 140px">
                <Typography.Text strong>{WEEKDAY_LABELS[d]}</Typography.Text>
                <div style={{ marginTop: 8 }}>
                  {columns[d].length ? columns[d].map(shiftLine) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无人值班" />}
                </div>
              </Col>
            ))}
          </Row>
        </ProCard>

        <ProCard title="指定日期值班" type="inner" bordered style={{ marginTop: 16 }}>
          <Table<DutyEntry>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={dated}
            locale={{ emptyText: '没有指定日期的值班安排' }}
            columns={[
              { title: '日期', dataIndex: 'date', width: 120 },
              { title: '时间', width: 160, render: (_, e) => shiftText(e) },
              { title: '班次', dataIndex: 'role', width: 80, render: (r: DutyRole) => <Tag color={ROLE_COLOURS[r]}>{DUTY_ROLE_LABELS[r]}</Tag> },
              { title: '值班人员', dataIndex: 'staffName' },
              ...(canEdit ? [{ title: '操作', width: 130, render: (_: unknown, e: DutyEntry) => actions(e) }] : []),
            ]}
          />
        </ProCard>
      </ProCard>
    </PageContainer>
  );
}
