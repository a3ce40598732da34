import { useEffect, useState } from 'react';
import { ModalForm, ProFormDatePicker, ProFormRadio, ProFormSelect, ProFormText, ProFormTextArea } from '@ant-design/pro-components';
import { App, Button, Empty, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { STATION_TYPE_LABELS, chinaDate, type AlertDetail, type ReferralTarget } from '@xinqiao/shared';
import { alertsApi } from '../../api/alerts';
import { formatDateTime } from '../../utils/format';
import { referralNextStep, referralStatusText } from './caseworkView';

type Referral = AlertDetail['referrals'][number];

interface Props {
  alert: AlertDetail;
  /** The assignee: may refer (while open) and record answers and outcomes (also after closing). */
  mine: boolean;
  onDone(alert: AlertDetail): void;
}

const dayOf = (v: string | Dayjs) => dayjs(v).format('YYYY-MM-DD');

/** 转介: referrals of this alert to institutions of the station directory, their acceptance and outcome. */
export function ReferralPanel({ alert, mine, onDone }: Props) {
  const open = alert.status !== 'closed';
  return (
    <>
      {alert.referrals.length ? (
        <Table<Referral>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={alert.referrals}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '接收机构', dataIndex: 'stationName', width: 180 },
            {
              title: '转介原因',
              dataIndex: 'reason',
              width: 220,
              render: (reason: string, r) =>
                r.note ? (
                  <Space direction="vertical" size={0}>
                    <span>{reason}</span>
                    <Typography.Text type="secondary">{r.note}</Typography.Text>
                  </Space>
                ) : (
                  reason
                ),
            },
            { title: '发起', key: 'sent', width: 170, render: (_, r) => `${formatDateTime(r.sentAt)} · ${r.counsellorName}` },
            {
              title: '状态',
              key: 'status',
              width: 200,
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Tag color={r.outcome ? 'green' : r.status === 'declined' ? 'default' : r.status === 'accepted' ? 'blue' : 'gold'}>
                    {referralStatusText(r)}
                  </Tag>
                  {r.respondedOn ? <Typography.Text type="secondary">答复日期 {r.respondedOn}</Typography.Text> : null}
                  {r.outcome ? (
                    <Typography.Text>
                      {r.outcomeOn}：{r.outcome}
                    </Typography.Text>
                  ) : null}
                </Space>
              ),
            },
            ...(mine
              ? [
                  {
                    title: '操作',
                    key: 'op',
                    width: 120,
                    render: (_: unknown, r: Referral) => {
                      const step = referralNextStep(r);
                      if (step === 'response') return <ResponseModal alert={alert} referral={r} onDone={onDone} />;
                      if (step === 'outcome') return <OutcomeModal alert={alert} referral={r} onDone={onDone} />;
                      return null;
                    },
                  },
                ]
              : []),
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未转介" />
      )}
      {mine && open ? (
        <div style={{ marginTop: 12 }}>
          <ReferModal alert={alert} onDone={onDone} />
        </div>
      ) : null}
    </>
  );
}

function ReferModal({ alert, onDone }: { alert: AlertDetail; onDone(a: AlertDetail): void }) {
  const { message } = App.useApp();
  const [targets, setTargets] = useState<ReferralTarget[] | null>(null);
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    if (!opened || targets) return;
    alertsApi.referralTargets().then(setTargets, () => setTargets([]));
  }, [opened, targets]);

  return (
    <ModalForm<{ stationId: number; reason: string; note?: string }>
      name="alertRefer"
      title="发起转介"
      width={560}
      layout="vertical"
      trigger={<Button>发起转介</Button>}
      modalProps={{ destroyOnHidden: true }}
      onOpenChange={(v) => v && setOpened(true)}
      submitter={{ searchConfig: { submitText: '登记转介', resetText: '取消' } }}
      onFinish={async (v) => {
        try {
          onDone(await alertsApi.refer(alert.id, { stationId: v.stationId, reason: v.reason.trim(), note: v.note?.trim() || null }));
        } catch {
          return false;
        }
        void message.success('转介已登记');
        return true;
      }}
    >
      <ProFormSelect
        name="stationId"
        label="接收机构"
        placeholder="从机构目录中选择（精神卫生中心、医院及其心理门诊）"
        showSearch
        fieldProps={{ loading: targets === null, optionFilterProp: 'label' }}
        options={(targets ?? []).map((s) => ({ value: s.id, label: `${s.name}（${STATION_TYPE_LABELS[s.type]} · ${s.regionName}）` }))}
        rules={[{ required: true, message: '请选择接收机构' }]}
        extra="列出机构目录中全部已发布的转介机构，本辖区及上级区域的排在前面"
      />
      <ProFormText
        name="reason"
        label="转介原因"
        fieldProps={{ maxLength: 200, showCount: true }}
        rules={[{ required: true, whitespace: true, message: '请填写转介原因' }]}
      />
      <ProFormTextArea
        name="note"
        label="备注（选填）"
        placeholder="如：已与对方门诊电话沟通，约定下周二就诊"
        fieldProps={{ maxLength: 1000, showCount: true, autoSize: { minRows: 3, maxRows: 6 } }}
      />
    </ModalForm>
  );
}

function ResponseModal({ alert, referral, onDone }: { alert: AlertDetail; referral: Referral; onDone(a: AlertDetail): void }) {
  const { message } = App.useApp();
  const sentOn = chinaDate(new Date(referral.sentAt));
  const today = chinaDate(new Date());
  return (
    <ModalForm<{ status: 'accepted' | 'declined'; date: string | Dayjs }>
      name="referralResponse"
      title="登记接收情况"
      width={440}
      layout="vertical"
      trigger={<Button size="small">登记接收</Button>}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ status: 'accepted', date: today }}
      onFinish={async (v) => {
        try {
          onDone(await alertsApi.referralResponse(alert.id, referral.id, { status: v.status, date: dayOf(v.date) }));
        } catch {
          return false;
        }
        void message.success('已登记');
        return true;
      }}
    >
      <ProFormRadio.Group
        name="status"
        label="对方答复"
        options={[
          { value: 'accepted', label: '已接收' },
          { value: 'declined', label: '未接收' },
        ]}
        rules={[{ required: true }]}
      />
      <ProFormDatePicker
        name="date"
        label="答复日期"
        fieldProps={{ disabledDate: (d: Dayjs) => d.format('YYYY-MM-DD') < sentOn || d.format('YYYY-MM-DD') > today, style: { width: '100%' } }}
        rules={[{ required: true, message: '请选择日期' }]}
      />
    </ModalForm>
  );
}

function OutcomeModal({ alert, referral, onDone }: { alert: AlertDetail; referral: Referral; onDone(a: AlertDetail): void }) {
  const { message } = App.useApp();
  const today = chinaDate(new Date());
  return (
    <ModalForm<{ outcome: string; date: string | Dayjs }>
      name="referralOutcome"
      title="登记转介结果"
      width={480}
      layout="vertical"
      trigger={<Button size="small">登记结果</Button>}
      modalProps={{ destroyOnHidden: true }}
      initialValues={{ date: today }}
      onFinish={async (v) => {
        try {
          onDone(await alertsApi.referralOutcome(alert.id, referral.id, { outcome: v.outcome.trim(), date: dayOf(v.date) }));
        } catch {
          return false;
        }
        void message.success('转介结果已登记');
        return true;
      }}
    >
      <ProFormTextArea
        name="outcome"
        label="转介结果"
        placeholder="如：已在精神科门诊就诊，开始药物治疗"
        fieldProps={{ maxLength: 1000, showCount: true }}
        rules={[{ required: true, whitespace: true, message: '请填写转介结果' }]}
      />
      <ProFormDatePicker
        name="date"
        label="日期"
        fieldProps={{
          disabledDate: (d: Dayjs) => (referral.respondedOn !== null && d.format('YYYY-MM-DD') < referral.respondedOn) || d.format('YYYY-MM-DD') > today,
          style: { width: '100%' },
        }}
        rules={[{ required: true, message: '请选择日期' }]}
      />
    </ModalForm>
  );
}
