import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Col, Empty, Row, Skeleton, Table, Tooltip, Typography, type TableColumnsType } from 'antd';
import {
  CLOSE_OUTCOMES,
  CLOSE_OUTCOME_LABELS,
  CLOSE_OUTCOME_UNRECORDED_LABEL,
  type AlertIndicators,
  type AlertIndicatorsQuery,
  type AlertIndicatorsRow,
} from '@xinqiao/shared';
import { alertsApi } from '../../api/alerts';
import { MonthlyStatsFilters } from '../../components/MonthlyStatsFilters';
import { defaultMonthRange, monthText } from '../bookings/bookingStats';
import { contactChartOption, countText, hoursText, indicatorsFileName, raisedChartOption, shareText, totalRows } from './caseworkView';

const EChart = lazy(() => import('../../components/EChart'));

function Count({ value, minCell }: { value: number | null; minCell: number }) {
  if (value !== null) return <>{value}</>;
  return (
    <Tooltip title={`人数少于 ${minCell} 时不显示，并隐去可据以推算的格子，防止识别个人`}>
      <Typography.Text type="secondary">{countText(null, minCell)}</Typography.Text>
    </Tooltip>
  );
}

function columns(minCell: number): TableColumnsType<AlertIndicatorsRow> {
  const count = (pick: (r: AlertIndicatorsRow) => number | null) => (_: unknown, r: AlertIndicatorsRow) => <Count value={pick(r)} minCell={minCell} />;
  return [
    { title: '月份', dataIndex: 'month', key: 'month', fixed: 'left', width: 100, render: (m: string) => monthText(m) },
    {
      title: '区域',
      key: 'region',
      fixed: 'left',
      width: 160,
      render: (_, r) => (r.isTotal ? <Typography.Text strong>{r.regionName}（合计）</Typography.Text> : r.regionName),
    },
    {
      title: '产生预警',
      children: [
        { title: '红', key: 'red', align: 'right', width: 64, render: count((r) => r.raised.red) },
        { title: '黄', key: 'yellow', align: 'right', width: 64, render: count((r) => r.raised.yellow) },
        { title: '绿', key: 'green', align: 'right', width: 64, render: count((r) => r.raised.green) },
        { title: '合计', key: 'total', align: 'right', width: 72, render: count((r) => r.raised.total) },
      ],
    },
    {
      title: <Tooltip title="从产生预警到第一条跟进记录；所依据的预警少于最小格数时不显示">首次联系用时</Tooltip>,
      children: [
        { title: '中位数', key: 'median', align: 'right', width: 96, render: (_, r) => hoursText(r.firstContactMedianHours) },
        { title: 'P90', key: 'p90', align: 'right', width: 96, render: (_, r) => hoursText(r.firstContactP90Hours) },
      ],
    },
    { title: '红色 24 小时内联系', key: 'red24', align: 'right', width: 120, render: (_, r) => shareText(r.redContactedWithin24h) },
    { title: '升级通知', key: 'escalations', align: 'right', width: 80, render: count((r) => r.escalations) },
    {
      title: '转介',
      children: [
        { title: '发起', key: 'made', align: 'right', width: 64, render: count((r) => r.referralsMade) },
        { title: '接收', key: 'accepted', align: 'right', width: 64, render: count((r) => r.referralsAccepted) },
        { title: '完成', key: 'completed', align: 'right', width: 64, render: count((r) => r.referralsCompleted) },
      ],
    },
    {
      title: '结案结果',
      children: [
        ...CLOSE_OUTCOMES.map((k) => ({
          title: CLOSE_OUTCOME_LABELS[k],
          key: `o-${k}`,
          align: 'right' as const,
          width: 96,
          render: count((r) => r.outcomes[k]),
        })),
        { title: CLOSE_OUTCOME_UNRECORDED_LABEL, key: 'o-unrecorded', align: 'right', width: 72, render: count((r) => r.outcomes.unrecorded) },
      ],
    },
  ];
}

/** 预警处置指标: raised alerts, time to first contact, referrals and outcomes by month and sub-region, small cells withheld. */
export default function AlertIndicatorsPage() {
  const [query, setQuery] = useState<AlertIndicatorsQuery>(() => defaultMonthRange());
  const [data, setData] = useState<AlertIndicators | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const seq = ++latest.current;
    setLoading(true);
    alertsApi
      .indicators(query)
      .then(
        (d) => seq === latest.current && setData(d),
        () => seq === latest.current && setData(null),
      )
      .finally(() => seq === latest.current && setLoading(false));
  }, [query]);

  const rows = useMemo(() => data?.rows ?? [], [data]);
  const totals = useMemo(() => totalRows(rows), [rows]);
  const options = useMemo(() => ({ raised: raisedChartOption(totals), contact: contactChartOption(totals) }), [totals]);
  const minCell = data?.minCell ?? 5;
  const anything = totals.some((r) => r.raised.total !== 0);

  return (
    <PageContainer title="预警处置指标" subTitle="按月份和下级区域统计，只含数量、用时和比例，不含任何居民信息；人数过少的格子不显示">
      <MonthlyStatsFilters
        query={query}
        onChange={setQuery}
        regionPlaceholder="本辖区"
        exportFile={alertsApi.exportIndicators}
        fileName={indicatorsFileName(query.fromMonth, query.toMonth)}
      />

      <ProCard title={data ? `${data.regionName} · 趋势` : '趋势'} style={{ marginBottom: 16 }}>
        {anything ? (
          <Suspense fallback={<Skeleton active paragraph={{ rows: 6 }} />}>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Typography.Text type="secondary">每月产生的预警（按产生时的等级）</Typography.Text>
                <EChart option={options.raised} height={320} ariaLabel="每月红黄绿预警数量堆叠柱状图" testId="alert-indicators-raised-chart" />
              </Col>
              <Col xs={24} xl={12}>
                <Typography.Text type="secondary">首次联系用时（小时）</Typography.Text>
                <EChart option={options.contact} height={320} ariaLabel="每月首次联系用时中位数和 P90 折线图" testId="alert-indicators-contact-chart" />
              </Col>
            </Row>
          </Suspense>
        ) : !loading ? (
          <Empty description="所选区域和月份内暂无预警" />
        ) : (
          <Skeleton active />
        )}
      </ProCard>

      <ProCard title="按月份和区域" subTitle="各项按其发生的月份计入：预警按产生月份，转介按发起、接收、登记结果的日期，结案结果按结案月份">
        <Table<AlertIndicatorsRow>
          rowKey={(r) => `${r.month}-${r.regionId}-${r.isTotal ? 't' : 'c'}`}
          size="small"
          bordered
          loading={loading}
          columns={columns(minCell)}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无数据' }}
        />
      </ProCard>
    </PageContainer>
  );
}
