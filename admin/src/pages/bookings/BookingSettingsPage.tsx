import { useEffect, useState } from 'react';
import { PageContainer, ProCard, ProForm, ProFormDigit, ProFormSwitch } from '@ant-design/pro-components';
import { Alert, App, Col, Empty, Row, Skeleton } from 'antd';
import { BOOKING_KIND_LABELS, BOOKING_KINDS, type BookingKind, type BookingKindSettings } from '@xinqiao/shared';
import { bookingsApi, type BookingKindSettingsInput } from '../../api/bookings';

const KIND_HINTS: Record<BookingKind, string> = {
  in_person: '居民到服务站点与咨询师面谈',
  phone: '咨询师在约定时间给居民打电话',
  callback: '热线值班人员在居民选择的时间段内回电',
};

/** One kind's rules; saving replaces them (the server answers the stored values). */
function KindCard({ settings, onSaved }: { settings: BookingKindSettings; onSaved(s: BookingKindSettings): void }) {
  const { message } = App.useApp();
  const callback = settings.kind === 'callback';
  return (
    <ProCard title={BOOKING_KIND_LABELS[settings.kind]} subTitle={KIND_HINTS[settings.kind]} bordered headerBordered>
      <ProForm<BookingKindSettingsInput>
        layout="vertical"
        initialValues={settings}
        submitter={{ searchConfig: { submitText: '保存' }, resetButtonProps: false }}
        onFinish={async (values) => {
          try {
            const saved = await bookingsApi.putSettings(settings.kind, { ...values, bufferMinutes: callback ? 0 : values.bufferMinutes });
            onSaved(saved);
            void message.success(`${BOOKING_KIND_LABELS[settings.kind]}规则已保存`);
            return true;
          } catch {
            return false;
          }
        }}
      >
        <ProFormSwitch name="enabled" label="开放预约" checkedChildren="开放" unCheckedChildren="暂停" extra="暂停后居民无法新建此类预约，已有预约不受影响" />
        <ProFormDigit
          name="durationMinutes"
          label={callback ? '回电时间段长度（分钟）' : '每次咨询时长（分钟）'}
          min={10}
          max={240}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true, message: '请填写时长' }]}
        />
        {callback ? null : (
          <ProFormDigit
            name="bufferMinutes"
            label="咨询间隔（分钟）"
            min={0}
            max={120}
            fieldProps={{ precision: 0 }}
            extra="两次咨询之间留给咨询师整理记录和休息的时间"
            rules={[{ required: true, message: '请填写间隔' }]}
          />
        )}
        <ProFormDigit
          name="minNoticeMinutes"
          label="最短提前预约时间（分钟）"
          min={0}
          max={10080}
          fieldProps={{ precision: 0 }}
          extra="如 120 表示至少提前 2 小时预约"
          rules={[{ required: true, message: '请填写提前时间' }]}
        />
        <ProFormDigit
          name="maxDaysAhead"
          label="最多可提前预约天数"
          min={1}
          max={90}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true, message: '请填写天数' }]}
        />
        <ProFormDigit
          name="maxOpenPerResident"
          label="每位居民同时持有的预约数上限"
          min={1}
          max={20}
          fieldProps={{ precision: 0 }}
          rules={[{ required: true, message: '请填写上限' }]}
        />
        <ProFormDigit
          name="cancelCutoffHours"
          label="免责取消截止（开始前小时数）"
          min={0}
          max={168}
          fieldProps={{ precision: 0 }}
          extra="晚于此时间取消记为逾期取消，且不能再改约"
          rules={[{ required: true, message: '请填写小时数' }]}
        />
      </ProForm>
    </ProCard>
  );
}

/** 预约规则: the rules of each booking kind (bookings.configure). */
export default function BookingSettingsPage() {
  const [items, setItems] = useState<BookingKindSettings[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    bookingsApi.settings().then(setItems, () => setFailed(true));
  }, []);

  const ordered = items ? BOOKING_KINDS.flatMap((k) => items.filter((s) => s.kind === k)) : [];

  return (
    <PageContainer title="预约规则" subTitle="各类预约的时长、提前预约和取消规则，对全部站点和热线生效">
      <Alert type="info" showIcon className="xq-form-alert" message="保存后立即生效，居民可选的时段按新规则计算。" />
      {failed ? (
        <Empty description="预约规则加载失败，请刷新重试" />
      ) : !items ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Row gutter={[16, 16]}>
          {ordered.map((s) => (
            <Col key={s.kind} xs={24} lg={8}>
              <KindCard settings={s} onSaved={(saved) => setItems((list) => (list ?? []).map((x) => (x.kind === saved.kind ? saved : x)))} />
            </Col>
          ))}
        </Row>
      )}
    </PageContainer>
  );
}
