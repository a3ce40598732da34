import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Button, Descriptions, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { AGE_BAND_LABELS, GUARDIAN_RELATION_LABELS, HELP_URGENCY_LABELS, POPULATION_GROUP_LABELS, type AlertDetail } from '@xinqiao/shared';
import { NotAllowed } from '../../components/NotAllowed';
import { PageLoading } from '../../components/PageLoading';
import { formatDateTime } from '../../utils/format';
import { FollowUpTimeline, HelpRequestNotes, PlanSummary } from './AlertDetailSections';
import { AlertColourTag, AlertStatusTag, OverdueTag } from './AlertTags';
import { describeCriticalItems } from './alertView';
import { CaseDrawer } from './CaseDrawer';
import { CloseAlertModal } from './CloseAlertModal';
import { DispatchTimeline } from './DispatchTimeline';
import { FollowUpModal } from './FollowUpModal';
import { FollowUpPlanModal } from './FollowUpPlanModal';
import { ReferralPanel } from './ReferralPanel';
import { useAlertSession } from './useAlertSession';

type Answer = AlertDetail['answers'][number];

export default function AlertDetailPage() {
  const { id: idParam } = useParams();
  const id = idParam && /^\d+$/.test(idParam) ? Number(idParam) : null;
  const navigate = useNavigate();
  const { alert, setAlert, error, can, mine, claim, claiming, claimError, clearClaimError } = useAlertSession(id);

  if (id === null) return <NotAllowed status={404} />;
  if (error) return <Result status="warning" title={error.message} extra={<Button onClick={() => navigate('/alerts')}>返回预警队列</Button>} />;
  // Until the alert of this URL has arrived (moving between alerts keeps the previous one meanwhile).
  if (!alert || !can || alert.id !== id) return <PageLoading />;

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
        {claimError ? <Alert type="error" showIcon closable className="xq-form-alert" message={claimError} onClose={clearClaimError} /> : null}

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
                {alert.helpUrgency ? (
                  <Typography.Text type={alert.helpUrgency === 'now' ? 'danger' : undefined}>{HELP_URGENCY_LABELS[alert.helpUrgency]}</Typography.Text>
                ) : (
                  '-'
                )}
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
          <ProCard
            title={alert.helpRequests.length > 1 ? `求助说明（共 ${alert.helpRequests.length} 次求助）` : '求助说明'}
            bordered
            style={{ marginBottom: 16 }}
          >
            <HelpRequestNotes requests={alert.helpRequests} />
          </ProCard>
        ) : (
          <ProCard
            title={alert.submissions.length > 1 ? `答题明细（最近一次测评，共 ${alert.submissions.length} 次）` : '答题明细'}
            bordered
            style={{ marginBottom: 16 }}
          >
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
                {
                  title: '回答',
                  dataIndex: 'label',
                  width: 220,
                  render: (label: string, a) =>
                    a.critical ? (
                      <Typography.Text strong type="danger">
                        {label}
                      </Typography.Text>
                    ) : (
                      label
                    ),
                },
                { title: '选项分值', dataIndex: 'value', width: 96 },
              ]}
            />
          </ProCard>
        )}

        <ProCard
          title="随访计划"
          bordered
          style={{ marginBottom: 16 }}
          extra={
            can.canFollowUp ? (
              <FollowUpPlanModal alert={alert} onDone={setAlert} trigger={<Button>{alert.followUpPlan ? '修改计划' : '安排下次随访'}</Button>} />
            ) : null
          }
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
