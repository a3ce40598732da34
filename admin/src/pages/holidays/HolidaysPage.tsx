import { useCallback, useEffect, useState } from 'react';
import { ModalForm, PageContainer, ProCard, ProFormRadio, ProFormSelect, ProFormText } from '@ant-design/pro-components';
import { Alert, App, Button, DatePicker, Form, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { HOLIDAY_KIND_LABELS, WEEKDAY_LABELS, chinaYear, hasPermission, type HolidayDay, type HolidayKind, type Weekday } from '@xinqiao/shared';
import { holidaysApi } from '../../api/holidays';
import { useStaff } from '../../auth/SessionContext';
import { FormProblems } from '../../components/FormProblems';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { labelOptions } from '../../utils/proTable';
import { dateWithWeekday, holidayFormProblems, holidayKindText, yearOptions } from './holidayForm';

interface DayFormValues {
  date?: Dayjs;
  kind: HolidayKind;
  name: string;
  worksAs: Weekday | null;
}

const WORKS_AS_OPTIONS = ([1, 2, 3, 4, 5] as Weekday[]).map((d) => ({ value: d, label: `按${WEEKDAY_LABELS[d]}开放` }));

function DayModalBody({ day, trigger, onDone, afterClose }: { day?: HolidayDay; trigger: JSX.Element; onDone(): void } & FreshFormProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DayFormValues>();
  const [problems, setProblems] = useState<string[]>([]);
  const kind = Form.useWatch('kind', form) as HolidayKind | undefined;

  const save = async (v: DayFormValues) => {
    if (!v.date) return false;
    const entry = { date: v.date.format('YYYY-MM-DD'), kind: v.kind, name: v.name.trim(), worksAs: v.kind === 'workday' ? (v.worksAs ?? null) : null };
    const found = holidayFormProblems(entry);
    setProblems(found);
    if (found.length) return false;
    try {
      await holidaysApi.put(entry.date, { kind: entry.kind, name: entry.name, worksAs: entry.worksAs });
    } catch {
      return false;
    }
    void message.success('已保存');
    onDone();
    return true;
  };

  return (
    <ModalForm<DayFormValues>
      title={day ? `修改 ${dateWithWeekday(day.date)}` : '添加日期'}
      // Keep the picked day as a dayjs value (ProForm would turn it into a string).
      dateFormatter={false}
      form={form}
      trigger={trigger}
      width={480}
      layout="vertical"
      modalProps={{ destroyOnHidden: true, afterClose }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      initialValues={day ? { date: dayjs(day.date), kind: day.kind, name: day.name, worksAs: day.worksAs } : { kind: 'holiday', name: '', worksAs: null }}
      onValuesChange={() => problems.length && setProblems([])}
      onFinish={save}
    >
      <FormProblems title="还不能保存" problems={problems} />
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabled={Boolean(day)} />
      </Form.Item>
      <ProFormRadio.Group name="kind" label="类型" radioType="button" options={labelOptions(HOLIDAY_KIND_LABELS)} />
      <ProFormText
        name="name"
        label="节日名称"
        placeholder="如：国庆节"
        fieldProps={{ maxLength: 32 }}
        rules={[{ required: true, whitespace: true, message: '请输入节日名称' }]}
      />
      {kind === 'workday' ? (
        <ProFormSelect
          name="worksAs"
          label="调休上班日按哪天的时间开放"
          options={WORKS_AS_OPTIONS}
          placeholder="不选则按周一"
          fieldProps={{ allowClear: true }}
          extra="调休上班日须为周六或周日，按通知中对应的工作日开放"
        />
      ) : null}
    </ModalForm>
  );
}

const DayModal = withFreshForm(DayModalBody);

/** The national 放假/调休 calendar by year: system admins keep it; station managers read it. */
export default function HolidaysPage() {
  const staff = useStaff();
  const { message } = App.useApp();
  const canEdit = hasPermission(staff.role, 'bookings.configure');
  const [year, setYear] = useState(() => chinaYear(new Date()));
  const [days, setDays] = useState<HolidayDay[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setDays(await holidaysApi.year(year));
    } catch {
      // shown by the client
    } finally {
      setLoading(false);
    }
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (d: HolidayDay) => {
    try {
      await holidaysApi.remove(d.date);
    } catch {
      return;
    }
    void message.success('已删除');
    void load();
  };

  return (
    <PageContainer title="节假日安排" subTitle="法定节假日各站点自动闭站，调休上班日按对应工作日的时间开放；站点的例外安排优先">
      <Alert type="info" showIcon className="xq-form-alert" message="请按国务院办公厅每年发布的《关于某年部分节假日安排的通知》逐日录入，系统不会自动生成。" />
      <ProCard
        title={
          <Space>
            <Select
              value={year}
              onChange={setYear}
              options={yearOptions(chinaYear(new Date())).map((y) => ({ value: y, label: `${y} 年` }))}
              style={{ width: 120 }}
              aria-label="年份"
            />
            <span>共 {days.length} 天</span>
          </Space>
        }
        extra={
          canEdit ? (
            <DayModal
              onDone={() => void load()}
              trigger={
                <Button type="primary" icon={<PlusOutlined />}>
                  添加日期
                </Button>
              }
            />
          ) : null
        }
      >
        <Table<HolidayDay>
          rowKey="date"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={days}
          locale={{ emptyText: `${year} 年尚未录入节假日安排` }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 160, render: (d: string) => dateWithWeekday(d) },
            { title: '节日', dataIndex: 'name', width: 140 },
            { title: '安排', dataIndex: 'kind', render: (_, d) => <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{holidayKindText(d)}</Tag> },
            ...(canEdit
              ? [
                  {
                    title: '操作',
                    width: 130,
                    render: (_: unknown, d: HolidayDay) => (
                      <Space size={0}>
                        <DayModal
                          day={d}
                          onDone={() => void load()}
                          trigger={
                            <Button type="link" size="small">
                              修改
                            </Button>
                          }
                        />
                        <Popconfirm title={`删除 ${d.date} 的安排？`} okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(d)}>
                          <Button type="link" size="small" danger>
                            删除
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}
