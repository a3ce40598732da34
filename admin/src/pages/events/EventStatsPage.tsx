import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Col, Empty, Form, Row, Select, Skeleton, Statistic, Table, Tabs, type TableColumnsType } from 'antd';
import {
  EVENT_STATS_GROUP_LABELS,
  EVENT_STATS_GROUPS,
  PLACE_TYPE_LABELS,
  type EventStatsDto,
  type EventStatsGroup,
  type EventStatsRow,
  type PlaceType,
} from '@xinqiao/shared';
import { eventsApi } from '../../api/events';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { labelOptions } from '../../utils/proTable';
import { recentYears } from './coverageView';
import { attendanceChartOption, eventsChartOption, formatRate, statsRows } from './eventCharts';

const EChart = lazy(() => import('../../components/EChart'));

const GROUP_COLUMN_TITLES: Record<EventStatsGroup, string> = { placeType: '场所类型', region: '地区', month: '月份' };

interface Filters {
  year: number;
  regionId?: number;
  placeType?: PlaceType;
}

function columns(groupBy: EventStatsGroup): TableColumnsType<EventStatsRow> {
  return [
    { title: GROUP_COLUMN_TITLES[groupBy], dataIndex: 'label', key: 'label', width: 160 },
    { title: '已举办（场）', dataIndex: 'eventsHeld', key: 'eventsHeld', align: 'right', width: 110 },
    { title: '计划中（场）', dataIndex: 'eventsPlanned', key: 'eventsPlanned', align: 'right', width: 110 },
    { title: '报名人数', dataIndex: 'signUps', key: 'signUps', align: 'right', width: 100 },
    { title: '签到人数', dataIndex: 'attended', key: 'attended', align: 'right', width: 100 },
    { title: '到场率', dataIndex: 'attendanceRate', key: 'attendanceRate', align: 'right', width: 90, render: (v: number | null) => formatRate(v) },
  ];
}

/** Events held, sign-ups and attendance rate by place type, region or month, with charts. */
export default function EventStatsPage() {
  const years = useMemo(() => recentYears(), []);
  const [filters, setFilters] = useState<Filters>({ year: years[0] });
  const [groupBy, setGroupBy] = useState<EventStatsGroup>('placeType');
  const [stats, setStats] = useState<EventStatsDto | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    // Only the answer to the newest filter set may land.
    const seq = ++latest.current;
    setLoading(true);
    eventsApi
      .stats({ groupBy, ...filters })
      .then(
        (s) => seq === latest.current && setStats(s),
        () => seq === latest.current && setStats(null),
      )
      .finally(() => seq === latest.current && setLoading(false));
  }, [groupBy, filters]);

  const rows = useMemo(() => (stats ? statsRows(stats) : []), [stats]);
  const options = useMemo(() => ({ events: eventsChartOption(rows), attendance: attendanceChartOption(rows) }), [rows]);
  const hasData = rows.some((r) => r.eventsHeld || r.eventsPlanned);
  const total = stats?.total;

  return (
    <PageContainer title="活动统计" subTitle="已举办指活动已结束；报名和到场率只统计已举办的活动" className="event-stats-page">
      <ProCard style={{ marginBottom: 16 }}>
        <Form layout="inline" className="xq-stats-filters">
          <Form.Item label="年度">
            <Select
              style={{ width: 120 }}
              value={filters.year}
              options={years.map((y) => ({ value: y, label: `${y} 年` }))}
              onChange={(year: number) => setFilters((f) => ({ ...f, year }))}
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
          <Form.Item label="场所类型">
            <Select
              style={{ width: 140 }}
              allowClear
              placeholder="全部"
              value={filters.placeType}
              options={labelOptions(PLACE_TYPE_LABELS)}
              onChange={(placeType?: PlaceType) => setFilters((f) => ({ ...f, placeType }))}
            />
          </Form.Item>
        </Form>
      </ProCard>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          ['已举办活动', total?.eventsHeld, '场'],
          ['计划中活动', total?.eventsPlanned, '场'],
          ['报名人数', total?.signUps, '人'],
          ['签到人数', total?.attended, '人'],
        ].map(([title, value, suffix]) => (
          <Col key={title} xs={12} lg={5}>
            <ProCard bordered>
              <Statistic title={title} value={value ?? '-'} suffix={value === undefined ? undefined : suffix} loading={loading && !stats} />
            </ProCard>
          </Col>
        ))}
        <Col xs={12} lg={4}>
          <ProCard bordered>
            <Statistic title="到场率" value={total ? formatRate(total.attendanceRate) : '-'} loading={loading && !stats} />
          </ProCard>
        </Col>
      </Row>

      <ProCard>
        <Tabs
          activeKey={groupBy}
          onChange={(k) => setGroupBy(k as EventStatsGroup)}
          items={EVENT_STATS_GROUPS.map((g) => ({ key: g, label: EVENT_STATS_GROUP_LABELS[g] }))}
        />
        {hasData ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <EChart option={options.events} height={320} ariaLabel="各组已举办和计划中的活动场次柱状图" testId="event-stats-events-chart" />
              </Col>
              <Col xs={24} xl={12}>
                <EChart option={options.attendance} height={320} ariaLabel="各组报名人数、签到人数和到场率图" testId="event-stats-attendance-chart" />
              </Col>
            </Row>
          </Suspense>
        ) : !loading ? (
          <Empty description="所选年度和范围内暂无已发布的活动" />
        ) : null}
        <Table<EventStatsRow>
          rowKey="key"
          size="small"
          style={{ marginTop: 16 }}
          loading={loading}
          columns={columns(groupBy)}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          summary={() =>
            total ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {total.eventsHeld}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {total.eventsPlanned}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {total.signUps}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {total.attended}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">
                  {formatRate(total.attendanceRate)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      </ProCard>
    </PageContainer>
  );
}
