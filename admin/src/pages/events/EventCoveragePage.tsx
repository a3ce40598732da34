import { useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProCard } from '@ant-design/pro-components';
import { Alert, Col, Form, Row, Select, Statistic, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { PLACE_TYPE_LABELS, type CoverageDto, type RegionCoverage, type UnitCoverage } from '@xinqiao/shared';
import { eventsApi } from '../../api/events';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { formatDateTime } from '../../utils/format';
import { QUOTA_STATE_COLOURS, QUOTA_STATE_LABELS, quotaRowClass, quotaRulesText, quotaState, recentYears } from './coverageView';

interface Filters {
  year: number;
  regionId?: number;
  belowOnly: boolean;
}

type QuotaRow = { held: number; planned: number; required: number; missing: number; met: boolean };

function quotaColumns<T extends QuotaRow>(): TableColumnsType<T> {
  return [
    { title: '已举办', dataIndex: 'held', key: 'held', align: 'right', width: 80 },
    { title: '已安排', dataIndex: 'planned', key: 'planned', align: 'right', width: 80 },
    { title: '年度要求', dataIndex: 'required', key: 'required', align: 'right', width: 90 },
    {
      title: '尚缺',
      dataIndex: 'missing',
      key: 'missing',
      align: 'right',
      width: 70,
      render: (v: number) =>
        v > 0 ? (
          <Typography.Text type="danger" strong className="xq-quota-missing-count">
            {v}
          </Typography.Text>
        ) : (
          0
        ),
    },
    {
      title: '状态',
      key: 'state',
      width: 130,
      render: (_: unknown, row: T) => {
        const state = quotaState(row);
        return <Tag color={QUOTA_STATE_COLOURS[state]}>{QUOTA_STATE_LABELS[state]}</Tag>;
      },
    },
  ];
}

const regionColumns: TableColumnsType<RegionCoverage> = [
  { title: '社区 / 村', dataIndex: 'name', key: 'name', width: 180 },
  { title: '类型', dataIndex: 'kind', key: 'kind', width: 70, render: (k: RegionCoverage['kind']) => (k === 'village' ? '村' : '社区') },
  ...quotaColumns<RegionCoverage>(),
];

const unitColumns: TableColumnsType<UnitCoverage> = [
  { title: '单位', dataIndex: 'name', key: 'name', width: 200 },
  { title: '类型', dataIndex: 'placeType', key: 'placeType', width: 90, render: (p: UnitCoverage['placeType']) => PLACE_TYPE_LABELS[p] },
  { title: '职工人数', dataIndex: 'staffCount', key: 'staffCount', align: 'right', width: 90 },
  ...quotaColumns<UnitCoverage>(),
];

/**
 * The yearly "六进" lecture quotas: which communities and villages, and which large units, have not
 * had their lectures yet. Rows still short are highlighted; published lectures not yet held show as
 * 已安排.
 */
export default function EventCoveragePage() {
  const years = useMemo(() => recentYears(), []);
  const [filters, setFilters] = useState<Filters>({ year: years[0], belowOnly: true });
  const [data, setData] = useState<CoverageDto | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    const seq = ++latest.current;
    setLoading(true);
    eventsApi
      .coverage(filters)
      .then(
        (d) => seq === latest.current && setData(d),
        () => seq === latest.current && setData(null),
      )
      .finally(() => seq === latest.current && setLoading(false));
  }, [filters]);

  const summary = data?.summary;

  return (
    <PageContainer
      title="指标完成情况"
      subTitle={data ? `${quotaRulesText(data.rules)}（统计至 ${formatDateTime(data.asOf)}）` : undefined}
      className="event-coverage-page"
    >
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
          <Form.Item label="只看未达标">
            <Switch checked={filters.belowOnly} onChange={(belowOnly) => setFilters((f) => ({ ...f, belowOnly }))} />
          </Form.Item>
        </Form>
      </ProCard>

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={12} lg={6}>
          <ProCard bordered>
            <Statistic
              title="未达标的社区、村"
              value={summary?.regionsBelow ?? '-'}
              suffix={summary ? `/ ${summary.regionsTotal}` : undefined}
              valueStyle={summary?.regionsBelow ? { color: '#cf1322' } : undefined}
            />
          </ProCard>
        </Col>
        <Col xs={12} lg={6}>
          <ProCard bordered>
            <Statistic
              title="未达标的单位"
              value={summary?.unitsBelow ?? '-'}
              suffix={summary ? `/ ${summary.unitsTotal}` : undefined}
              valueStyle={summary?.unitsBelow ? { color: '#cf1322' } : undefined}
            />
          </ProCard>
        </Col>
      </Row>

      {data?.unitsWithoutStaffCount.length ? (
        <Alert
          type="warning"
          showIcon
          className="xq-form-alert"
          message={`${data.unitsWithoutStaffCount.length} 个承办单位未填写职工人数，无法判断是否有讲座指标`}
          description={
            <>
              {data.unitsWithoutStaffCount
                .slice(0, 10)
                .map((u) => u.name)
                .join('、')}
              {data.unitsWithoutStaffCount.length > 10 ? ' 等' : ''}。请到 <Link to="/host-units">承办单位</Link> 中补充。
            </>
          }
        />
      ) : null}

      <ProCard title="社区、村" style={{ marginBottom: 16 }}>
        <Table<RegionCoverage>
          rowKey="regionId"
          size="small"
          loading={loading}
          columns={regionColumns}
          dataSource={data?.regions ?? []}
          rowClassName={quotaRowClass}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: filters.belowOnly ? '全部社区、村均已达标' : '暂无社区、村' }}
          className="coverage-regions"
        />
      </ProCard>
      <ProCard title={data ? `有讲座指标的单位（职工超过 ${data.rules.unitStaffThreshold} 人）` : '有讲座指标的单位'}>
        <Table<UnitCoverage>
          rowKey="unitId"
          size="small"
          loading={loading}
          columns={unitColumns}
          dataSource={data?.units ?? []}
          rowClassName={quotaRowClass}
          pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: filters.belowOnly ? '全部单位均已达标' : '暂无有指标的单位' }}
          className="coverage-units"
        />
      </ProCard>
    </PageContainer>
  );
}
