import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Col, Empty, Row, Select, Skeleton, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import type { BookingStats, BookingStatsQuery, BookingStatsRow } from '@xinqiao/shared';
import { bookingsApi } from '../../api/bookings';
import { MonthlyStatsFilters } from '../../components/MonthlyStatsFilters';
import {
  countsChartOption,
  defaultMonthRange,
  monthText,
  monthlyTotals,
  monthsBetween,
  nextFreeText,
  rateCell,
  ratesChartOption,
  satisfactionCell,
  stationKey,
  statsExportFileName,
  statsStations,
} from './bookingStats';

const EChart = lazy(() => import('../../components/EChart'));

function Cell({ cell, minCell }: { cell: { text: string; withheld: boolean }; minCell: number }) {
  if (!cell.withheld) return <>{cell.text}</>;
  return (
    <Tooltip title={`相关人数少于 ${minCell} 时不显示，防止识别个人`}>
      <Typography.Text type="secondary">{cell.text}</Typography.Text>
    </Tooltip>
  );
}

function columns(minCell: number): TableColumnsType<BookingStatsRow> {
  return [
    { title: '站点', dataIndex: 'stationName', key: 'station', fixed: 'left', width: 200 },
    { title: '月份', dataIndex: 'month', key: 'month', width: 100, render: (m: string) => monthText(m) },
    { title: '预约数', dataIndex: 'booked', key: 'booked', align: 'right', width: 90 },
    { title: '到场数', dataIndex: 'attended', key: 'attended', align: 'right', width: 90 },
    {
      title: '未到场率',
      key: 'noShow',
      align: 'right',
      width: 110,
      render: (_, r) => <Cell cell={rateCell(r.noShowRate, r.booked, minCell)} minCell={minCell} />,
    },
    {
      title: '取消率',
      key: 'cancel',
      align: 'right',
      width: 110,
      render: (_, r) => <Cell cell={rateCell(r.cancellationRate, r.booked, minCell)} minCell={minCell} />,
    },
    {
      title: <Tooltip title="已预约的咨询时长 ÷ 咨询师提供的可预约时长">时段利用率</Tooltip>,
      key: 'utilisation',
      align: 'right',
      width: 110,
      render: (_, r) => <Cell cell={rateCell(r.utilisation, r.booked, minCell)} minCell={minCell} />,
    },
    { title: '满意度', key: 'satisfaction', align: 'right', width: 140, render: (_, r) => <Cell cell={satisfactionCell(r, minCell)} minCell={minCell} /> },
  ];
}

/** 预约统计: bookings, attendance, no-show and cancellation rates, utilisation and satisfaction by station and month. */
export default function BookingStatsPage() {
  const [query, setQuery] = useState<BookingStatsQuery>(() => defaultMonthRange());
  const [stats, setStats] = useState<BookingStats | null>(null);
  const [loading, setLoading] = useState(false);
  const [chartStation, setChartStation] = useState<string | undefined>();
  const latest = useRef(0);

  useEffect(() => {
    const seq = ++latest.current;
    setLoading(true);
    bookingsApi
      .stats(query)
      .then(
        (s) => seq === latest.current && setStats(s),
        () => seq === latest.current && setStats(null),
      )
      .finally(() => seq === latest.current && setLoading(false));
  }, [query]);

  const months = useMemo(() => monthsBetween(query.fromMonth, query.toMonth), [query]);
  const rows = useMemo(() => stats?.rows ?? [], [stats]);
  const stations = useMemo(() => statsStations(rows), [rows]);
  const shownStation = chartStation && stations.some((s) => s.key === chartStation) ? chartStation : stations[0]?.key;
  const options = useMemo(
    () => ({
      counts: countsChartOption(monthlyTotals(rows, months)),
      rates: ratesChartOption(
        rows.filter((r) => stationKey(r) === shownStation),
        months,
      ),
    }),
    [rows, months, shownStation],
  );
  const minCell = stats?.minCell ?? 5;

  return (
    <PageContainer title="预约统计" subTitle="按站点和月份统计，只含人数和比例，不含任何居民信息；人数过少的比例不显示">
      <MonthlyStatsFilters
        query={query}
        onChange={setQuery}
        regionPlaceholder="本辖区全部"
        exportFile={bookingsApi.exportStats}
        fileName={statsExportFileName(query.fromMonth, query.toMonth)}
      />

      <ProCard title="趋势" style={{ marginBottom: 16 }}>
        {rows.length ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Typography.Text type="secondary">所选区域全部站点的预约和到场次数</Typography.Text>
                <EChart option={options.counts} height={320} ariaLabel="每月预约次数和到场次数柱状图" testId="booking-stats-counts-chart" />
              </Col>
              <Col xs={24} xl={12}>
                <Select
                  size="small"
                  style={{ minWidth: 220 }}
                  value={shownStation}
                  onChange={setChartStation}
                  options={stations.map((s) => ({ value: s.key, label: s.name }))}
                  aria-label="选择站点"
                />
                <EChart option={options.rates} height={320} ariaLabel="所选站点每月未到场率、取消率、时段利用率和满意度图" testId="booking-stats-rates-chart" />
              </Col>
            </Row>
          </Suspense>
        ) : !loading ? (
          <Empty description="所选区域和月份内暂无预约" />
        ) : (
          <Skeleton active />
        )}
      </ProCard>

      <ProCard title="按站点和月份" style={{ marginBottom: 16 }}>
        <Table<BookingStatsRow>
          rowKey={(r) => `${stationKey(r)}-${r.month}`}
          size="small"
          loading={loading}
          columns={columns(minCell)}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无数据' }}
        />
      </ProCard>

      <ProCard title="最近可预约时间" subTitle="从今天起到各站点下一个空闲时段的天数">
        <Table
          rowKey="stationId"
          size="small"
          loading={loading}
          pagination={false}
          dataSource={stats?.nextFree ?? []}
          locale={{ emptyText: '暂无可预约的站点' }}
          columns={[
            { title: '站点', dataIndex: 'stationName' },
            {
              title: '下一个空闲时段',
              dataIndex: 'days',
              render: (d: number | null) => <Typography.Text type={d === null || d > 7 ? 'warning' : undefined}>{nextFreeText(d)}</Typography.Text>,
            },
          ]}
        />
      </ProCard>
    </PageContainer>
  );
}
