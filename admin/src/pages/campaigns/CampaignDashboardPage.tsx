import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Button, Col, Empty, Progress, Result, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { hasPermission, type CampaignDashboard, type CampaignProgressItem } from '@xinqiao/shared';
import { ApiRequestError } from '../../api/client';
import { campaignsApi } from '../../api/campaigns';
import { useStaff } from '../../auth/SessionContext';
import { NotAllowed } from '../../components/NotAllowed';
import { PageLoading } from '../../components/PageLoading';
import { dailyChartOption } from '../awareness/awarenessCharts';
import { formatRateWithCi, isSummary } from '../awareness/awarenessFormat';
import { CampaignFormModal } from './CampaignFormModal';
import { CAMPAIGN_PHASE_COLOURS, CAMPAIGN_PHASE_LABELS, campaignPhase, formatTargetValue, progressPercent, progressText } from './campaignForm';

const EChart = lazy(() => import('../../components/EChart'));

function ProgressCard({ item }: { item: CampaignProgressItem }) {
  const percent = progressPercent(item);
  return (
    <ProCard title={item.label} bordered data-testid="campaign-progress" data-kind={item.kind} style={{ height: '100%' }}>
      <Space direction="vertical" align="center" style={{ width: '100%' }}>
        {percent !== null ? (
          <Progress type="dashboard" percent={percent} format={(p) => `${p}%`} status={percent >= 100 ? 'success' : 'normal'} />
        ) : (
          <Progress type="dashboard" percent={0} format={() => '—'} status="normal" />
        )}
        <Typography.Text strong>
          {item.target !== null ? progressText(item) : item.actual === null ? '未设目标' : `未设目标（实际 ${formatTargetValue(item.kind, item.actual)}）`}
        </Typography.Text>
        {item.note ? <Typography.Text type="secondary">{item.note}</Typography.Text> : null}
      </Space>
    </ProCard>
  );
}

export default function CampaignDashboardPage() {
  const { id: idParam } = useParams();
  const id = Number(idParam);
  const staff = useStaff();
  const navigate = useNavigate();
  const [data, setData] = useState<CampaignDashboard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canManage = hasPermission(staff.role, 'campaigns.manage');
  const canReadAwareness = hasPermission(staff.role, 'awareness.read');

  const load = useCallback(() => {
    campaignsApi.dashboard(id).then(setData, (e: unknown) => setError(e instanceof ApiRequestError ? e.message : '活动看板加载失败'));
  }, [id]);

  useEffect(() => {
    if (Number.isInteger(id) && id > 0) load();
  }, [id, load]);

  const chartOption = useMemo(() => (data ? dailyChartOption(data.daily) : null), [data]);

  if (!Number.isInteger(id) || id <= 0) return <NotAllowed status={404} />;
  if (error) return <Result status="warning" title={error} extra={<Button onClick={() => navigate('/campaigns')}>返回列表</Button>} />;
  if (!data) return <PageLoading />;

  const { campaign, progress, awareness, daily } = data;
  const phase = campaignPhase(campaign);

  return (
    <PageContainer
      title={campaign.title}
      onBack={canManage ? () => navigate('/campaigns') : undefined}
      tags={<Tag color={CAMPAIGN_PHASE_COLOURS[phase]}>{CAMPAIGN_PHASE_LABELS[phase]}</Tag>}
      subTitle={`${campaign.startsOn} 至 ${campaign.endsOn} · ${campaign.regionNames.join('、') || campaign.regionName}`}
      className="campaign-dashboard"
      extra={[
        canReadAwareness ? (
          <Link key="awareness" to={`/awareness?campaignId=${campaign.id}&dimension=campaign`}>
            <Button>查看知晓率明细</Button>
          </Link>
        ) : null,
        canManage ? <CampaignFormModal key="edit" campaign={campaign} onDone={load} trigger={<Button type="primary">编辑活动</Button>} /> : null,
      ]}
    >
      {campaign.description ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{campaign.description}</Typography.Paragraph> : null}

      <Typography.Title level={5}>目标完成进度</Typography.Title>
      {progress.length ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {progress.map((item) => (
            <Col key={item.kind} xs={24} sm={12} xl={6}>
              <ProgressCard item={item} />
            </Col>
          ))}
        </Row>
      ) : (
        <ProCard style={{ marginBottom: 16 }}>
          <Empty description="该活动未设置目标" />
        </ProCard>
      )}

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={8}>
          <ProCard title="活动知晓率" style={{ height: '100%' }} data-testid="campaign-awareness">
            {isSummary(awareness) ? (
              <Space direction="vertical" size="middle">
                <Statistic title="答题人数" value={awareness.respondents} groupSeparator="," />
                <div>
                  <Typography.Text type="secondary">达标率</Typography.Text>
                  <div>{formatRateWithCi(awareness.passRate, awareness.passRateCi)}</div>
                </div>
                <div>
                  <Typography.Text type="secondary">平均正确率</Typography.Text>
                  <div>{formatRateWithCi(awareness.meanCorrectRate, awareness.meanCorrectRateCi)}</div>
                </div>
              </Space>
            ) : awareness ? (
              <Typography.Text type="secondary">{awareness.reason}</Typography.Text>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚无关联测验的答卷" />
            )}
          </ProCard>
        </Col>
        <Col xs={24} lg={16}>
          <ProCard title="每日答题人数" style={{ height: '100%' }}>
            {daily.length && chartOption ? (
              <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
                <EChart option={chartOption} height={300} ariaLabel="活动期间每日答题人数折线图" testId="campaign-daily-chart" />
              </Suspense>
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="活动期间暂无答题" />
            )}
          </ProCard>
        </Col>
      </Row>
    </PageContainer>
  );
}
