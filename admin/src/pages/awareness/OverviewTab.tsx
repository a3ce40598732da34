import { lazy, Suspense, useEffect, useMemo, useRef, useState, type HTMLAttributes } from 'react';
import { Empty, Segmented, Skeleton, Table, Tabs, Typography, type TableColumnsType } from 'antd';
import {
  AWARENESS_DIMENSION_LABELS,
  AWARENESS_DIMENSIONS,
  type AwarenessDimension,
  type AwarenessFilters,
  type AwarenessMetric,
  type AwarenessReport,
  type AwarenessSlice,
} from '@xinqiao/shared';
import { awarenessApi } from '../../api/awareness';
import { formatNumber } from '../../utils/format';
import { OverallFigures, VerdictTag } from './AwarenessFigures';
import { sliceChartOption } from './awarenessCharts';
import { AWARENESS_METRIC_LABELS, formatRateWithCi, formatTarget, isSummary } from './awarenessFormat';

const EChart = lazy(() => import('../../components/EChart'));

interface Props {
  filters: AwarenessFilters;
  dimension: AwarenessDimension;
  onDimensionChange(dimension: AwarenessDimension): void;
  canSetTargets: boolean;
}

function sliceColumns(dimension: AwarenessDimension): TableColumnsType<AwarenessSlice> {
  // A small slice keeps its count; its rates are withheld and the reason spans the two rate columns.
  const spanFigures = (span: number) => (row: AwarenessSlice) => ({ colSpan: isSummary(row.result) ? 1 : span });
  return [
    {
      title: AWARENESS_DIMENSION_LABELS[dimension],
      key: 'label',
      fixed: 'left',
      width: 180,
      render: (_, row) => <span data-testid="awareness-slice-label">{row.label}</span>,
    },
    {
      title: '答题人数',
      key: 'respondents',
      align: 'right',
      width: 100,
      render: (_, row) => <span data-testid="awareness-slice-respondents">{formatNumber(row.respondents)}</span>,
    },
    {
      title: '达标率（95% CI）',
      key: 'passRate',
      width: 230,
      onCell: spanFigures(2),
      render: (_, row) =>
        isSummary(row.result) ? (
          formatRateWithCi(row.result.passRate, row.result.passRateCi)
        ) : (
          <Typography.Text type="secondary" className="xq-suppressed" data-testid="awareness-slice-suppressed">
            {row.result.reason}，不显示比例
          </Typography.Text>
        ),
    },
    {
      title: '平均正确率（95% CI）',
      key: 'meanCorrectRate',
      width: 230,
      onCell: spanFigures(0),
      render: (_, row) => (isSummary(row.result) ? formatRateWithCi(row.result.meanCorrectRate, row.result.meanCorrectRateCi) : null),
    },
    { title: '目标', key: 'target', width: 160, render: (_, row) => (row.target ? formatTarget(row.target) : '-') },
    { title: '对照目标', key: 'comparison', width: 110, render: (_, row) => (row.comparison ? <VerdictTag comparison={row.comparison} /> : '-') },
  ];
}

export function OverviewTab({ filters, dimension, onDimensionChange, canSetTargets }: Props) {
  const [report, setReport] = useState<AwarenessReport | null>(null);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const [metric, setMetric] = useState<AwarenessMetric | null>(null);
  const latest = useRef(0);
  const key = JSON.stringify([filters, dimension]);

  useEffect(() => {
    if (!filters.quizIds.length) return;
    // Only the answer to the newest selection may land.
    const seq = ++latest.current;
    setLoading(true);
    awarenessApi
      .report(filters, dimension)
      .then(
        (r) => {
          if (seq !== latest.current) return;
          setReport(r);
          setFailed(false);
        },
        () => seq === latest.current && setFailed(true),
      )
      .finally(() => seq === latest.current && setLoading(false));
    // `key` stands for filters and dimension.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // The chart shows the figure the target is set on, unless the user picked one.
  const shownMetric: AwarenessMetric = metric ?? report?.overall.target?.metric ?? 'pass_rate';
  const chartOption = useMemo(() => (report ? sliceChartOption(report.rows, shownMetric) : null), [report, shownMetric]);
  const hasRows = Boolean(report?.rows.length);
  const anyFigures = Boolean(report?.rows.some((r) => isSummary(r.result)));

  return (
    <div data-testid="awareness-overview">
      <Tabs
        size="small"
        activeKey={dimension}
        onChange={(k) => onDimensionChange(k as AwarenessDimension)}
        items={AWARENESS_DIMENSIONS.map((d) => ({ key: d, label: `按${AWARENESS_DIMENSION_LABELS[d]}` }))}
      />
      {!report && loading ? <Skeleton active paragraph={{ rows: 8 }} /> : null}
      {!report && !loading && failed ? <Empty description="统计数据加载失败，请稍后重试" /> : null}
      {report ? (
        <>
          <OverallFigures
            report={report}
            canSetTargets={canSetTargets}
            filtered={Boolean(filters.urbanRural || filters.populationGroup || filters.ageBand || filters.gender || filters.campaignId || filters.eventId)}
          />
          {hasRows ? (
            <>
              {anyFigures && chartOption ? (
                <div style={{ marginTop: 24 }}>
                  <Segmented<AwarenessMetric>
                    value={shownMetric}
                    onChange={setMetric}
                    options={[
                      { value: 'pass_rate', label: AWARENESS_METRIC_LABELS.pass_rate },
                      { value: 'mean_correct_rate', label: AWARENESS_METRIC_LABELS.mean_correct_rate },
                    ]}
                  />
                  <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
                    <EChart
                      option={chartOption}
                      height={Math.max(320, Math.min(520, 260 + report.rows.length * 8))}
                      ariaLabel={`按${AWARENESS_DIMENSION_LABELS[report.dimension]}的${AWARENESS_METRIC_LABELS[shownMetric]}柱状图，含 95% 置信区间和目标`}
                      testId="awareness-chart"
                    />
                  </Suspense>
                </div>
              ) : null}
              <Table<AwarenessSlice>
                rowKey="key"
                size="small"
                style={{ marginTop: 16 }}
                loading={loading}
                columns={sliceColumns(report.dimension)}
                dataSource={report.rows}
                pagination={false}
                scroll={{ x: 'max-content' }}
                onRow={(row) => ({ 'data-testid': 'awareness-slice', 'data-key': row.key }) as HTMLAttributes<HTMLElement>}
              />
            </>
          ) : (
            <Empty style={{ marginTop: 24 }} description="所选范围内暂无分组数据" />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            少于 {report.minRespondents} 人的分组只显示答题人数，不显示比例（样本太少，比例不可靠，也可能识别个人）。区间均为 95% 置信区间：达标率采用 Wilson
            法，平均正确率按答题者正态近似（以人为单位，而非按题目计）。 “无法判断”表示置信区间包含目标值，现有样本不足以下结论。
          </Typography.Paragraph>
        </>
      ) : null}
    </div>
  );
}
