import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { ModalForm, ProCard, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { App, Button, DatePicker, Form, Popconfirm, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { WEEKDAY_LABELS, chinaWeekday } from '@xinqiao/shared';
import { FormProblems } from './FormProblems';
import { withFreshForm, type FreshFormProps } from './freshForm';

/** A saved exception: one date, with its own hours (or none) and a note. */
export interface DatedException {
  id: number;
  date: string;
  note: string | null;
}

/** The form of one date's exception: the date, a switch for "none that day", the day's hours, a note. */
export interface DatedExceptionForm {
  date: string;
  note?: string | null;
}

type ModalValues<V extends DatedExceptionForm> = Omit<V, 'date'> & { date?: Dayjs };

/** How one kind of exception (a station's hours, a counsellor's bookable time) is listed and edited. */
export interface DatedExceptionsConfig<E extends DatedException, V extends DatedExceptionForm> {
  subTitle: string;
  emptyText: string;
  list(): Promise<E[]>;
  remove(id: number): Promise<unknown>;
  /** The hours column: its title, a row's hours (when it has some), and the tag for a day without any. */
  hours: { title: string; has(e: E): boolean; render(e: E): ReactNode; noneTag: string };
  modal: {
    title: string;
    width: number;
    /** The switch for "none that day" and its labels. */
    none: { name: string; label: string; checked: string; unchecked: string };
    initialValues: Omit<V, 'date'>;
    /** The day's hours, shown when the switch is off. */
    hoursLabel: string;
    hoursField: ReactNode;
    notePlaceholder: string;
    /** The form values with the picked day as YYYY-MM-DD. */
    toForm(values: Omit<V, 'date'>, date: string): V;
    problemsOf(values: V): string[];
    save(values: V): Promise<unknown>;
  };
}

function ExceptionModalBody<E extends DatedException, V extends DatedExceptionForm>({
  config,
  onDone,
  afterClose,
}: { config: DatedExceptionsConfig<E, V>; onDone(): void } & FreshFormProps) {
  const { message } = App.useApp();
  const { modal } = config;
  const [problems, setProblems] = useState<string[]>([]);
  const [form] = Form.useForm<ModalValues<V>>();
  const none = Form.useWatch(modal.none.name, form) as boolean | undefined;

  const save = async ({ date, ...rest }: ModalValues<V>) => {
    if (!date) return false;
    const values = modal.toForm(rest as unknown as Omit<V, 'date'>, date.format('YYYY-MM-DD'));
    const found = modal.problemsOf(values);
    setProblems(found);
    if (found.length) return false;
    try {
      await modal.save(values);
    } catch {
      return false;
    }
    void message.success('例外安排已保存');
    onDone();
    return true;
  };

  return (
    <ModalForm<ModalValues<V>>
      title={modal.title}
      // Keep the picked day as a dayjs value (ProForm would turn it into a string).
      dateFormatter={false}
      form={form}
      width={modal.width}
      layout="vertical"
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          添加例外
        </Button>
      }
      modalProps={{ destroyOnHidden: true, afterClose }}
      initialValues={modal.initialValues as ModalValues<V>}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      onValuesChange={() => problems.length && setProblems([])}
      onFinish={save}
    >
      <FormProblems title="例外安排还不能保存" problems={problems} />
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
      </Form.Item>
      <ProFormSwitch name={modal.none.name} label={modal.none.label} checkedChildren={modal.none.checked} unCheckedChildren={modal.none.unchecked} />
      {none ? null : <Form.Item label={modal.hoursLabel}>{modal.hoursField}</Form.Item>}
      <ProFormText name="note" label="说明" placeholder={modal.notePlaceholder} fieldProps={{ maxLength: 200 }} />
    </ModalForm>
  );
}

const ExceptionModal = withFreshForm(ExceptionModalBody) as <E extends DatedException, V extends DatedExceptionForm>(props: {
  config: DatedExceptionsConfig<E, V>;
  onDone(): void;
}) => ReactNode;

/**
 * Dated exceptions to a weekly pattern from today on (a station's closed days, a counsellor's
 * days off or other hours): the list with delete, and a modal to set one date (setting the same
 * date again replaces it).
 */
export function DatedExceptionsCard<E extends DatedException, V extends DatedExceptionForm>({ config }: { config: DatedExceptionsConfig<E, V> }) {
  const { message } = App.useApp();
  const [items, setItems] = useState<E[]>([]);
  const [loading, setLoading] = useState(false);
  const { list, remove: removeOne, hours } = config;

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems(await list());
    } catch {
      // shown by the client
    } finally {
      setLoading(false);
    }
    // `list` is a new closure each render; the card is keyed by its owner's id.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (e: E) => {
    try {
      await removeOne(e.id);
    } catch {
      return;
    }
    void message.success('例外安排已删除');
    void load();
  };

  return (
    <ProCard title="例外安排" subTitle={config.subTitle} style={{ marginBottom: 64 }} extra={<ExceptionModal config={config} onDone={() => void load()} />}>
      <Table<E>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: config.emptyText }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 160, render: (d: string) => `${d} ${WEEKDAY_LABELS[chinaWeekday(d)]}` },
          { title: hours.title, key: 'hours', render: (_, e) => (hours.has(e) ? hours.render(e) : <Tag color="red">{hours.noneTag}</Tag>) },
          { title: '说明', dataIndex: 'note', width: 180, render: (n: string | null) => n ?? '-' },
          {
            title: '操作',
            width: 90,
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
