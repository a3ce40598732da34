import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { App, Button, DatePicker, Empty, Form, Select, Skeleton, Table, Tabs, Tooltip, Typography, type TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import {
  SCALE_STATS_DIMENSIONS,
  SCALE_STATS_DIMENSION_LABELS,
  type ScaleStats,
  type ScaleStatsDimension,
  type ScaleStatsRow,
  type ScaleSummary,
} from '@xinqiao/shared';
import { scalesApi } from '../../api/scales';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { saveBlob } from '../../utils/download';
import {
  countSuppressed,
  formatStatsCell,
  statsExportFileName,
  STATS_DIMENSION_COLUMN_TITLES,
  suppressedHint,
  toStatsFilters,
  type StatsFilterValues,
} from './scaleStats';

const StatsChart = lazy(() => import('./StatsChart'));

function StatsCell({ value, minCell }: { value: number | null; minCell: number }) {
  if (value !== null) return <>{formatStatsCell(value, minCell)}</>;
  return (
    <Tooltip title={suppressedHint(minCell)}>
      <Typography.Text type="secondary" className="xq-suppressed">
        {formatStatsCell(null, minCell)}
      </Typography.Text>
    </Tooltip>
  );
}

function statsColumns(stats: ScaleStats): TableColumnsType<ScaleStatsRow> {
  return [
    { title: STATS_DIMENSION_COLUMN_TITLES[stats.dimension], dataIndex: 'label', key: 'label', fixed: 'left', width: 180 },
    ...stats.bands.map((band, i) => ({
      title: band.label,
      key: `band-${band.key}`,
      align: 'right' as const,
      width: 110,
      render: (_: unknown, row: ScaleStatsRow) => <StatsCell value={row.counts[i] ?? null} minCell={stats.minCell} />,
    })),
    { title: '合计', key: 'total', align: 'right', width: 100, render: (_, row) => <StatsCell value={row.total} minCell={stats.minCell} /> },
  ];
}

export default function ScaleStatsPage() {
  const { message } = App.useApp();
  const [catalogue, setCatalogue] = useState<ScaleSummary[]>([]);
  const [filters, setFilters] = useState<StatsFilterValues>({ scaleCode: '' });
  const [dimension, setDimension] = useState<ScaleStatsDimension>('region');
  const [stats, setStats] = useState<ScaleStats | null>(null);
  const [loading, setLoading] = useState(false);
  const [exporting, setExporting] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    scalesApi.catalogue().then(setCatalogue, () => undefined);
  }, []);

  useEffect(() => {
    // Only the answer to the newest filter set may land (filters can change faster than answers).
    const seq = ++latest.current;
    setLoading(true);
    scalesApi
      .stats({ dimension, ...toStatsFilters(filters) })
      .then(
        (s) => seq === latest.current && setStats(s),
        () => seq === latest.current && setStats(null),
      )
      .finally(() => seq === latest.current && setLoading(false));
  }, [dimension, filters]);

  const exportExcel = async () => {
    setExporting(true);
    try {
      const file = await scalesApi.exportStats(toStatsFilters(filters));
      saveBlob(file.blob, file.filename ?? statsExportFileName());
      void message.success('已导出，文件包含区域、人群、月份、量表四个工作表');
    } catch {
      // Shown by the API client.
    } finally {
      setExporting(false);
    }
  };

  const scaleOptions = useMemo(
    () => [{ label: '全部量表', value: '' }, ...catalogue.map((s) => ({ label: `${s.title}（${s.code}）`, value: s.code }))],
    [catalogue],
  );
  const suppressed = stats ? countSuppressed(stats) : 0;
  const hasData = Boolean(stats && stats.rows.length);

  return (
    <PageContainer title="测评统计" subTitle="只统计人数，不含任何个人答题信息">
      <ProCard style={{ marginBottom: 16 }}>
        <Form layout="inline" className="xq-stats-filters">
          <Form.Item label="量表">
            <Select
              style={{ width: 260 }}
              value={filters.scaleCode ?? ''}
              options={scaleOptions}
              showSearch
              optionFilterProp="label"
              onChange={(scaleCode: string) => setFilters((f) => ({ ...f, scaleCode }))}
            />
          </Form.Item>
          <Form.Item label="区域">
            <RegionTreeSelect
              style={{ width: 240 }}
              placeholder="本辖区全部"
              value={filters.regionId}
              onChange={(regionId?: number) => setFilters((f) => ({ ...f, regionId }))}
            />
          </Form.Item>
          <Form.Item label="测评日期">
            <DatePicker.RangePicker
              allowClear
              onChange={(dates: [Dayjs | null, Dayjs | null] | null) =>
                setFilters((f) => ({
                  ...f,
                  range: dates?.[0] && dates[1] ? [dates[0].format('YYYY-MM-DD'), dates[1].format('YYYY-MM-DD')] : null,
                }))
              }
            />
          </Form.Item>
          <Form.Item>
            <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()}>
              导出 Excel
            </Button>
          </Form.Item>
        </Form>
      </ProCard>

      <ProCard>
        <Tabs
          activeKey={dimension}
          onChange={(key) => setDimension(key as ScaleStatsDimension)}
          items={SCALE_STATS_DIMENSIONS.map((d) => ({ key: d, label: `按${SCALE_STATS_DIMENSION_LABELS[d]}` }))}
        />
        {!stats && loading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
        {stats && !hasData && !loading ? <Empty description="所选范围内暂无测评数据" /> : null}
        {!stats && !loading ? <Empty description="统计数据加载失败，请稍后重试" /> : null}
        {stats && hasData ? (
          <>
            <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>
              <StatsChart stats={stats} />
            </Suspense>
            <Table<ScaleStatsRow>
              rowKey="key"
              size="small"
              style={{ marginTop: 16 }}
              loading={loading}
              columns={statsColumns(stats)}
              dataSource={stats.rows}
              pagination={false}
              scroll={{ x: 'max-content' }}
            />
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
              {suppressedHint(stats.minCell)}
              {suppressed ? `：本表共 ${suppressed} 个单元格显示为 “${formatStatsCell(null, stats.minCell)}”，图中不计入这些单元格。` : '。'}
              为防止用合计、上级区域或其他统计表反推出这些人数，必要时另有单元格一并隐藏。
            </Typography.Paragraph>
          </>
        ) : null}
      </ProCard>
    </PageContainer>
  );
}
