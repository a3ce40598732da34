import { useEffect, useRef, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Descriptions, Empty, Result, Space, Table, Tag, Timeline, Tooltip, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import {
  AGE_BAND_LABELS,
  FOLLOW_UP_METHOD_LABELS,
  GUARDIAN_RELATION_LABELS,
  HELP_URGENCY_LABELS,
  POPULATION_GROUP_LABELS,
  closeOutcomeLabel,
  type AlertDetail,
  type AlertHelpRequest,
} from '@xinqiao/shared';
import { alertsApi } from '../../api/alerts';
import { DispatchTimeline } from './DispatchTimeline';
import { ApiRequestError } from '../../api/client';
import { useStaff } from '../../auth/SessionContext';
import { NotAllowed } from '../../components/NotAllowed';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../utils/format';
import { AlertColourTag, AlertStatusTag, OverdueTag } from './AlertTags';
import { ALERT_COLOUR_TAG_COLORS, alertPermissions, describeCriticalItems, laterHelpRequests, laterSubmissions } from './alertView';
import { CaseDrawer } from './CaseDrawer';
import { nextContactText, referralStatusText } from './caseworkView';
import { CloseAlertModal } from './CloseAlertModal';
import { FollowUpModal } from './FollowUpModal';
import { FollowUpPlanModal } from './FollowUpPlanModal';
import { ReferralPanel } from './ReferralPanel';

type Answer = AlertDetail['answers'][number];

/**
 * Reading an alert is audited server-side (health data, PIPL art. 28), so the page fetches it once:
 * the ref keeps React's development double-mount from writing a second audit entry, and later
 * changes come back in the answers to claim / follow-up / close.
 */
function useAlertOnce(id: number | null) {
  const [alert, setAlert] = useState<AlertDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const requested = useRef<number | null>(null);

  useEffect(() => {
    if (id === null || requested.current === id) return;
    requested.current = id;
    setError(null);
    alertsApi.get(id).then(
      (a) => requested.current === id && setAlert(a),
      (e: unknown) => requested.current === id && setError(e instanceof ApiRequestError ? e.message : '预警加载失败'),
    );
  }, [id]);

  return { alert, setAlert, error };
}

export default function AlertDetailPage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const staff = useStaff();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { alert, setAlert, error } = useAlertOnce(id);
  const [claiming, setClaiming] = useState(false);
  const [claimError, setClaimError] = useState<string | null>(null);

  if (id === null) return <NotAllowed status={404} />;
  if (error) return <Result status="warning" title={error} extra={<Button onClick={() => navigate('/alerts')}>返回预警队列</Button>} />;
  if (!alert) return <PageLoading />;

  const can = alertPermissions(alert, staff.id);

  const claim = async () => {
    setClaiming(true);
    setClaimError(null);
    try {
      setAlert(await alertsApi.claim(alert.id));
      void message.success('已认领，请尽快联系居民并记录跟进');
    } catch (e) {
      // 409: a colleague holds it. The server's message says who; keep it on the page.
      const text = e instanceof ApiRequestError ? e.message : '认领失败，请稍后重试';
      setClaimError(text);
      void message.error(text);
    } finally {
      setClaiming(false);
    }
  };

  const mine = alert.assigneeId === staff.id;
  const actions = [
    mine ? <CaseDrawer key="case" alertId={alert.id} /> : null,
    can.canClaim ? (
      <Button key="claim" type="primary" loading={claiming} onClick={() => void claim()}>
        认领
      </Button>
    ) : null,
    can.canFollowUp ? <FollowUpModal key="follow" alert={alert} onDone={setAlert} trigger={<Button type="primary">记录跟进</Button>} /> : null,
    can.canClose ? (
      <CloseAlertModal key="close" alert={alert} onDone={setAlert} trigger={<Button danger>结案</Button>} />
    ) : can.closeHint ? (
      <Tooltip key="close" title={can.closeHint}>
        <Button danger disabled>
          结案
        </Button>
      </Tooltip>
    ) : null,
  ].filter(Boolean);

  const critical = describeCriticalItems(alert);
  const help = alert.source === 'help_request';
  // A help request's guardian is free text ("母亲"); a scale's is one of GUARDIAN_RELATIONS.
  const helpGuardian = alert.helpRequests.at(-1)?.guardian ?? null;
  const guardian = help
    ? helpGuardian && `${helpGuardian.name}（${helpGuardian.relation}）`
    : alert.guardian && `${alert.guardian.name}（${GUARDIAN_RELATION_LABELS[alert.guardian.relation]}）`;

  return (
    <div className="alert-detail">
      <PageContainer
        title={`预警详情 #${alert.id}`}
        onBack={() => navigate('/alerts')}
        tags={
          <Space size={4}>
            <AlertColourTag colour={alert.colour} />
            <AlertStatusTag status={alert.status} />
            {alert.overdue ? <OverdueTag /> : null}
          </Space>
        }
        extra={actions}
      >
        <Alert
          type="info"
          showIcon
          className="xq-form-alert"
          message="您查看本条预警的记录已写入审计日志"
          description={`${help ? '求助说明' : '答题内容'}和联系方式属于敏感个人信息，仅用于本次跟进，请勿截屏、转发或另作他用。`}
        />
        {claimError ? <Alert type="error" showIcon closable className="xq-form-alert" message={claimError} onClose={() => setClaimError(null)} /> : null}

        {help ? (
          <ProCard title="求助请求" bordered style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label="预警等级">
                <AlertColourTag colour={alert.colour} />
              </Descriptions.Item>
              <Descriptions.Item label="来源">
                <Tag color="purple">{alert.scaleTitle}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="紧急程度">
                {alert.helpUrgency ? <Typography.Text type={alert.helpUrgency === 'now' ? 'danger' : undefined}>{HELP_URGENCY_LABELS[alert.helpUrgency]}</Typography.Text> : '-'}
              </Descriptions.Item>
              <Descriptions.Item label="危机提示">{alert.crisis ? <Tag color="red">是</Tag> : '否'}</Descriptions.Item>
              <Descriptions.Item label="提交时间">{formatDateTime(alert.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="求助次数">{alert.helpRequests.length}</Descriptions.Item>
            </Descriptions>
          </ProCard>
        ) : (
          <ProCard title="测评结果" bordered style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
              <Descriptions.Item label="预警等级">
                <AlertColourTag colour={alert.colour} />
              </Descriptions.Item>
              <Descriptions.Item label="量表">{alert.scaleTitle}</Descriptions.Item>
              <Descriptions.Item label="得分">{alert.score} 分</Descriptions.Item>
              <Descriptions.Item label="结果分段">{alert.bandLabel}</Descriptions.Item>
              <Descriptions.Item label="危机提示">{alert.crisis ? <Tag color="red">是</Tag> : '否'}</Descriptions.Item>
              <Descriptions.Item label="提交时间">{formatDateTime(alert.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="危机条目" span="filled">
                {critical.length ? (
                  <Space direction="vertical" size={2}>
                    {critical.map((c) => (
                      <Typography.Text key={c} type="danger">
                        {c}
                      </Typography.Text>
                    ))}
                  </Space>
                ) : (
                  '无'
                )}
              </Descriptions.Item>
            </Descriptions>
          </ProCard>
        )}

        <ProCard title="居民与联系方式" bordered style={{ marginBottom: 16 }}>
          <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
            <Descriptions.Item label="联系人">{alert.contactName ?? '-'}</Descriptions.Item>
            <Descriptions.Item label="联系电话">
              {alert.contactPhone?.includes('*') ? (
                <Typography.Text>
                  {alert.contactPhone} <Typography.Text type="secondary">（认领后可见完整号码）</Typography.Text>
                </Typography.Text>
              ) : alert.contactPhone ? (
                <Typography.Text copyable={{ text: alert.contactPhone }}>
                  <a href={`tel:${alert.contactPhone}`}>{alert.contactPhone}</a>
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">居民未留联系电话</Typography.Text>
              )}
            </Descriptions.Item>
            <Descriptions.Item label="监护人">{guardian || '-'}</Descriptions.Item>
            <Descriptions.Item label="区域">{alert.regionName}</Descriptions.Item>
            <Descriptions.Item label="人群">{alert.populationGroup ? POPULATION_GROUP_LABELS[alert.populationGroup] : '-'}</Descriptions.Item>
            <Descriptions.Item label="年龄段">{alert.ageBand ? AGE_BAND_LABELS[alert.ageBand] : '-'}</Descriptions.Item>
          </Descriptions>
        </ProCard>

        {help ? (
          <ProCard title={alert.helpRequests.length > 1 ? `求助说明（共 ${alert.helpRequests.length} 次求助）` : '求助说明'} bordered style={{ marginBottom: 16 }}>
            <HelpRequestNotes requests={alert.helpRequests} />
          </ProCard>
        ) : (
          <ProCard title={alert.submissions.length > 1 ? `答题明细（最近一次测评，共 ${alert.submissions.length} 次）` : '答题明细'} bordered style={{ marginBottom: 16 }}>
            <Table<Answer>
              rowKey="itemId"
              size="small"
              pagination={false}
              dataSource={alert.answers}
              rowClassName={(a) => (a.critical ? 'xq-answer-critical' : '')}
              scroll={{ x: 'max-content' }}
              columns={[
                { title: '序号', key: 'index', width: 64, render: (_, __, i) => i + 1 },
                {
                  title: '题目',
                  dataIndex: 'text',
                  render: (text: string, a) => (
                    <Space size={4} wrap>
                      <span>{text}</span>
                      {a.critical ? <Tag color="red">危机条目</Tag> : null}
                    </Space>
                  ),
                },
                { title: '回答', dataIndex: 'label', width: 220, render: (label: string, a) => (a.critical ? <Typography.Text strong type="danger">{label}</Typography.Text> : label) },
                { title: '选项分值', dataIndex: 'value', width: 96 },
              ]}
            />
          </ProCard>
        )}

        <ProCard
          title="随访计划"
          bordered
          style={{ marginBottom: 16 }}
          extra={can.canFollowUp ? <FollowUpPlanModal alert={alert} onDone={setAlert} trigger={<Button>{alert.followUpPlan ? '修改计划' : '安排下次随访'}</Button>} /> : null}
        >
          <PlanSummary alert={alert} />
        </ProCard>

        <ProCard title="转介" bordered style={{ marginBottom: 16 }}>
          <ReferralPanel alert={alert} mine={mine} onDone={setAlert} />
        </ProCard>

        <ProCard title="跟进记录" bordered>
          <FollowUpTimeline alert={alert} />
        </ProCard>

        <ProCard title="通知与升级" bordered>
          <DispatchTimeline alertId={alert.id} refreshKey={alert.status} />
        </ProCard>
      </PageContainer>
    </div>
  );
}

/** What the resident wrote with each request, newest first: the counsellor reads the latest before calling. */
function HelpRequestNotes({ requests }: { requests: AlertHelpRequest[] }) {
  const newestFirst = [...requests].reverse();
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      {newestFirst.map((r) => (
        <div key={r.id}>
          <Space size={4} wrap>
            <Typography.Text strong>{formatDateTime(r.submittedAt)}</Typography.Text>
            <AlertColourTag colour={r.colour} />
            <Typography.Text type="secondary">{HELP_URGENCY_LABELS[r.urgency]}</Typography.Text>
          </Space>
          <div style={{ whiteSpace: 'pre-wrap' }}>{r.note ?? <Typography.Text type="secondary">居民未填写情况说明</Typography.Text>}</div>
        </div>
      ))}
    </Space>
  );
}

/** The next contact: day, time, purpose, and whether the reminder went out. */
function PlanSummary({ alert }: { alert: AlertDetail }) {
  const plan = alert.followUpPlan;
  if (alert.status === 'closed') return <Typography.Text type="secondary">已结案，无随访计划</Typography.Text>;
  if (!plan) return <Typography.Text type="secondary">尚未安排下次随访</Typography.Text>;
  const next = nextContactText({ date: plan.date, time: plan.time });
  return (
    <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
      <Descriptions.Item label="下次随访">
        <Space size={4}>
          <span>{next.text}</span>
          {next.due === 'today' ? <Tag color="blue">今日待随访</Tag> : next.due === 'overdue' ? <Tag color="red">已逾期</Tag> : null}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label="随访目的">{plan.purpose}</Descriptions.Item>
      <Descriptions.Item label="安排人">{plan.setByName}</Descriptions.Item>
      <Descriptions.Item label="到期提醒">{plan.remindedAt ? `已于 ${formatDateTime(plan.remindedAt)} 生成提醒` : '到期当天 8:00 起生成提醒'}</Descriptions.Item>
    </Descriptions>
  );
}

function FollowUpTimeline({ alert }: { alert: AlertDetail }) {
  // The resident's later results or requests and the counsellors' contacts, in the order they happened.
  const events = [
    ...laterHelpRequests(alert).map(({ request: r, text }) => ({
      at: r.submittedAt,
      key: `h${r.id}`,
      color: ALERT_COLOUR_TAG_COLORS[r.colour],
      children: (
        <>
          <Typography.Text strong>{formatDateTime(r.submittedAt)} 居民再次求助</Typography.Text>
          <div>{text}</div>
        </>
      ),
    })),
    ...laterSubmissions(alert).map(({ submission: x, text }) => ({
      at: x.submittedAt,
      key: `s${x.responseId}`,
      color: ALERT_COLOUR_TAG_COLORS[x.colour],
      children: (
        <>
          <Typography.Text strong>{formatDateTime(x.submittedAt)} 居民再次测评</Typography.Text>
          <div>{text}</div>
        </>
      ),
    })),
    ...alert.referrals.map((r) => ({
      at: r.sentAt,
      key: `r${r.id}`,
      color: 'cyan',
      children: (
        <>
          <Typography.Text strong>{formatDateTime(r.sentAt)} 转介至{r.stationName}</Typography.Text>
          <Typography.Text type="secondary"> · {r.counsellorName}</Typography.Text>
          <div>
            {r.reason} · {referralStatusText(r)}
            {r.outcome ? `：${r.outcome}` : ''}
          </div>
        </>
      ),
    })),
    ...alert.followUps.map((f) => ({
      at: f.at,
      key: `f${f.id}`,
      color: 'blue',
      children: (
        <>
          <Typography.Text strong>
            {formatDateTime(f.at)} {FOLLOW_UP_METHOD_LABELS[f.method]}
          </Typography.Text>
          <Typography.Text type="secondary"> · {f.counsellorName}</Typography.Text>
          <div style={{ whiteSpace: 'pre-wrap' }}>{f.outcome}</div>
          {f.nextColour ? (
            <div>
              调整为 <AlertColourTag colour={f.nextColour} />
            </div>
          ) : null}
        </>
      ),
    })),
  ].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const items = [
    {
      key: 'created',
      color: 'gray',
      children: (
        <>
          <Typography.Text strong>{formatDateTime(alert.createdAt)} 产生预警</Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {alert.dueAt ? `首次跟进期限 ${formatDateTime(alert.dueAt)}` : '无首次跟进期限'}
              {alert.assigneeName ? ` · 跟进人 ${alert.assigneeName}` : ' · 尚未认领'}
            </Typography.Text>
          </div>
        </>
      ),
    },
    ...events.map(({ key, color, children }) => ({ key, color, children })),
    ...(alert.status === 'closed'
      ? [
          {
            key: 'closed',
            color: 'green',
            children: (
              <>
                <Typography.Text strong>
                  {formatDateTime(alert.closedAt)} 结案 · {closeOutcomeLabel(alert.closeOutcome)}
                </Typography.Text>
                {alert.closeNote ? <div style={{ whiteSpace: 'pre-wrap' }}>{alert.closeNote}</div> : null}
              </>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Timeline items={items} />
      {alert.followUps.length === 0 && alert.status !== 'closed' ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无跟进记录" /> : null}
    </>
  );
}
