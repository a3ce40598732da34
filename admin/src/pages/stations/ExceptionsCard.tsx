import { useCallback, useEffect, useState } from 'react';
import { ModalForm, ProCard, ProFormSwitch, ProFormText } from '@ant-design/pro-components';
import { App, Button, DatePicker, Form, Popconfirm, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { WEEKDAY_LABELS, chinaWeekday, type StationException } from '@xinqiao/shared';
import { stationsApi } from '../../api/stations';
import { FormProblems } from '../../components/FormProblems';
import { withFreshForm, type FreshFormProps } from '../../components/freshForm';
import { exceptionFormProblems, toExceptionInput, type ExceptionFormValues } from './stationForm';
import { rangesText } from './stationHours';
import { TimeRangesField } from './TimeRangesField';

type ModalValues = Omit<ExceptionFormValues, 'date'> & { date?: Dayjs };

interface ModalProps {
  stationId: number;
  onDone(): void;
}

/** Sets one date's exception; a fresh form at each opening. */
function ExceptionModalBody({ stationId, onDone, afterClose }: ModalProps & FreshFormProps) {
  const { message } = App.useApp();
  const [problems, setProblems] = useState<string[]>([]);
  const [form] = Form.useForm<ModalValues>();
  const closed = Form.useWatch('closed', form) as boolean | undefined;

  const save = async (v: ModalValues) => {
    if (!v.date) return false;
    const values: ExceptionFormValues = { ...v, date: v.date.format('YYYY-MM-DD'), ranges: v.ranges ?? [] };
    const found = exceptionFormProblems(values);
    setProblems(found);
    if (found.length) return false;
    try {
      await stationsApi.putException(stationId, toExceptionInput(values));
    } catch {
      return false;
    }
    void message.success('例外安排已保存');
    onDone();
    return true;
  };

  return (
    <ModalForm<ModalValues>
      title="设置例外安排"
      // Keep the picked day as a dayjs value (ProForm would turn it into a string).
      dateFormatter={false}
      form={form}
      width={560}
      layout="vertical"
      trigger={
        <Button type="primary" icon={<PlusOutlined />}>
          添加例外
        </Button>
      }
      modalProps={{ destroyOnHidden: true, afterClose }}
      initialValues={{ closed: true, ranges: [{ start: '09:00', end: '12:00' }], note: '' }}
      submitter={{ searchConfig: { submitText: '保存', resetText: '取消' } }}
      onValuesChange={() => problems.length && setProblems([])}
      onFinish={save}
    >
      <FormProblems title="例外安排还不能保存" problems={problems} />
      <Form.Item name="date" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
      </Form.Item>
      <ProFormSwitch name="closed" label="全天闭站" checkedChildren="闭站" unCheckedChildren="开放" />
      {closed ? null : (
        <Form.Item label="当天开放时间">
          <TimeRangesField name="ranges" emptyText="请添加时段" />
        </Form.Item>
      )}
      <ProFormText name="note" label="说明" placeholder="如：设备检修，暂停开放" fieldProps={{ maxLength: 200 }} />
    </ModalForm>
  );
}

const ExceptionModal = withFreshForm(ExceptionModalBody);

/** A station's dated exceptions from today on: closed days and days with other hours. */
export function ExceptionsCard({ stationId }: { stationId: number }) {
  const { message } = App.useApp();
  const [items, setItems] = useState<StationException[]>([]);
  const [loading, setLoading] = useState(false);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setItems(await stationsApi.exceptions(stationId));
    } catch {
      // shown by the client
    } finally {
      setLoading(false);
    }
  }, [stationId]);

  useEffect(() => {
    void load();
  }, [load]);

  const remove = async (e: StationException) => {
    try {
      await stationsApi.removeException(stationId, e.id);
    } catch {
      return;
    }
    void message.success('例外安排已删除');
    void load();
  };

  return (
    <ProCard
      title="例外安排"
      subTitle="某天闭站或调整开放时间（优先于每周开放时间和节假日安排）；同一天再次设置会覆盖原安排"
      style={{ marginBottom: 64 }}
      extra={<ExceptionModal stationId={stationId} onDone={() => void load()} />}
    >
      <Table<StationException>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={items}
        locale={{ emptyText: '暂无例外安排' }}
        columns={[
          { title: '日期', dataIndex: 'date', width: 160, render: (d: string) => `${d} ${WEEKDAY_LABELS[chinaWeekday(d)]}` },
          { title: '当天开放时间', dataIndex: 'hours', render: (_, e) => (e.hours.length ? rangesText(e.hours) : <Tag color="red">全天闭站</Tag>) },
          { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '-' },
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
