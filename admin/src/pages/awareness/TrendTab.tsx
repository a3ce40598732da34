import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { Empty, Skeleton, Table, Typography } from 'antd';
import type { AwarenessTrendPoint } from '@xinqiao/shared';
import { awarenessApi, type TrendQuery } from '../../api/awareness';
import { trendChartOption, trendLabel } from './awarenessCharts';
import { formatRateWithCi, isSummary } from './awarenessFormat';

const EChart = lazy(() => import('../../components/EChart'));

/** Both figures across every survey wave, oldest first. */
export function TrendTab({ regionId, populationGroup, urbanRural }: TrendQuery) {
  const [points, setPoints] = useState<AwarenessTrendPoint[] | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const seq = ++latest.current;
    setLoading(true);
    awarenessApi
      .trend({ regionId, populationGroup, urbanRural })
      .then(
        (p) => seq === latest.current && setPoints(p),
        () => seq === latest.current && setPoints(null),
      )
      .finally(() => seq === latest.current && setLoading(false));
  }, [regionId, populationGroup, urbanRural]);

  const option = useMemo(() => (points?.length ? trendChartOption(points) : null), [points]);

  if (!points && loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!points || !points.length) return <Empty description="暂无已发布的知晓率调查" />;

  return (
    <div data-testid="awareness-trend">
      <Typography.Paragraph type="secondary">
        历次知晓率调查的结果（按所选区域、城乡和人群筛选；不受上方调查轮次选择的影响）。样本不足的轮次在图中断开。
      </Typography.Paragraph>
      {option ? (
        <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
          <EChart option={option} height={340} ariaLabel="历次调查的达标率和平均正确率折线图" testId="awareness-trend-chart" />
        </Suspense>
      ) : null}
      <Table<AwarenessTrendPoint>
        rowKey="quizId"
        size="small"
        style={{ marginTop: 16 }}
        loading={loading}
        dataSource={points}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '调查', key: 'title', width: 260, render: (_, p) => trendLabel(p) },
          {
            title: '答题人数',
            key: 'respondents',
            align: 'right',
            width: 100,
            onCell: (p) => ({ colSpan: isSummary(p.result) ? 1 : 3 }),
            render: (_, p) =>
              isSummary(p.result) ? p.result.respondents.toLocaleString('zh-CN') : <Typography.Text type="secondary">{p.result.reason}</Typography.Text>,
          },
          {
            title: '达标率（95% CI）',
            key: 'pass',
            width: 230,
            onCell: (p) => ({ colSpan: isSummary(p.result) ? 1 : 0 }),
            render: (_, p) => (isSummary(p.result) ? formatRateWithCi(p.result.passRate, p.result.passRateCi) : null),
          },
          {
            title: '平均正确率（95% CI）',
            key: 'mean',
            width: 230,
            onCell: (p) => ({ colSpan: isSummary(p.result) ? 1 : 0 }),
            render: (_, p) => (isSummary(p.result) ? formatRateWithCi(p.result.meanCorrectRate, p.result.meanCorrectRateCi) : null),
          },
        ]}
      />
    </div>
  );
}
