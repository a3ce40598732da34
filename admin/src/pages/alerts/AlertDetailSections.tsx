/** The read-only parts of the alert page: the resident's notes, the follow-up plan and the case's timeline. */
import { Descriptions, Empty, Space, Tag, Timeline, Typography } from 'antd';
import { FOLLOW_UP_METHOD_LABELS, HELP_URGENCY_LABELS, closeOutcomeLabel, type AlertDetail, type AlertHelpRequest } from '@xinqiao/shared';
import { formatDateTime } from '../../utils/format';
import { AlertColourTag } from './AlertTags';
import { ALERT_COLOUR_TAG_COLORS, laterHelpRequests, laterSubmissions } from './alertView';
import { nextContactText, referralStatusText } from './caseworkView';

/** What the resident wrote with each request, newest first: the counsellor reads the latest before calling. */
export function HelpRequestNotes({ requests }: { requests: AlertHelpRequest[] }) {
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
export function PlanSummary({ alert }: { alert: AlertDetail }) {
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
      <Descriptions.Item label="到期提醒">
        {plan.remindedAt ? `已于 ${formatDateTime(plan.remindedAt)} 生成提醒` : '到期当天 8:00 起生成提醒'}
      </Descriptions.Item>
    </Descriptions>
  );
}

export function FollowUpTimeline({ alert }: { alert: AlertDetail }) {
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
          <Typography.Text strong>
            {formatDateTime(r.sentAt)} 转介至{r.stationName}
          </Typography.Text>
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
