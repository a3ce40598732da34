import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProCard, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Alert, Button, DatePicker, Form, Segmented, Select, Space, Switch, Tabs, Tag, Typography } from 'antd';
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import {
  BOOKING_KIND_LABELS,
  BOOKING_STATUS_LABELS,
  MAX_PAGE_SIZE,
  type AdminBookingQuery,
  type BookingKind,
  type BookingRow,
  type BookingStatus,
} from '@xinqiao/shared';
import { bookingsApi } from '../../api/bookings';
import { stationsApi } from '../../api/stations';
import { allows } from '../../auth/permissions';
import { useStaff } from '../../auth/SessionContext';
import { LIST_TABLE_PROPS, labelOptions } from '../../utils/proTable';
import { BookingCalendar } from './BookingCalendar';
import { BookingDrawer } from './BookingDrawer';
import {
  STATUS_TAG_COLOURS,
  chinaToday,
  isMaskedPhone,
  placeText,
  rangeQuery,
  rangeTitle,
  sessionTimeText,
  shiftAnchor,
  visibleDays,
  type CalendarView,
  type StationHoursSource,
} from './bookingView';
import { useCounsellorOptions, useMyCounsellor, useStationOptions } from './lookups';

interface Filters {
  stationId?: number;
  counsellorId?: number;
  kind?: BookingKind;
  status?: BookingStatus;
  mine: boolean;
}

/** A calendar holds at most this many pages of 100 bookings (a busy district's week is far fewer). */
const MAX_CALENDAR_PAGES = 10;

async function fetchRange(query: AdminBookingQuery): Promise<{ items: BookingRow[]; truncated: boolean }> {
  const items: BookingRow[] = [];
  for (let page = 1; page <= MAX_CALENDAR_PAGES; page++) {
    const res = await bookingsApi.list({ ...query, page, pageSize: MAX_PAGE_SIZE });
    items.push(...res.items);
    if (items.length >= res.total || !res.items.length) return { items, truncated: false };
  }
  return { items, truncated: true };
}

/** 预约日历: day and week views of the region's (or one's own) bookings, and the same query as a list. */
export default function BookingsPage() {
  const staff = useStaff();
  const handle = allows(staff.role, 'bookings.handle');
  const me = useMyCounsellor(staff);
  const myCounsellorId = me.status === 'found' ? me.counsellor.id : null;
  const [tab, setTab] = useState<'calendar' | 'list'>('calendar');
  const [view, setView] = useState<CalendarView>('week');
  const [anchor, setAnchor] = useState(() => chinaToday());
  // Counsellors start with their own bookings; they can widen to the region's call-backs and colleagues'.
  const [filters, setFilters] = useState<Filters>({ mine: handle });
  const [rows, setRows] = useState<BookingRow[]>([]);
  const [truncated, setTruncated] = useState(false);
  const [loading, setLoading] = useState(false);
  const [hours, setHours] = useState<StationHoursSource | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const [now, setNow] = useState(() => new Date());
  const latest = useRef(0);
  const tableRef = useRef<ActionType>();

  const stationOptions = useStationOptions(staff);
  const counsellorOptions = useCounsellorOptions(staff, filters.stationId);
  const days = useMemo(() => visibleDays(anchor, view), [anchor, view]);
  const query = useMemo<AdminBookingQuery>(
    () => ({
      ...rangeQuery(days),
      stationId: filters.stationId,
      counsellorId: filters.counsellorId,
      kind: filters.kind,
      status: filters.status,
      mine: filters.mine || undefined,
    }),
    [days, filters],
  );

  const load = useCallback(() => {
    const seq = ++latest.current;
    setLoading(true);
    setNow(new Date());
    fetchRange(query)
      .then(
        (r) => {
          if (seq !== latest.current) return;
          setRows(r.items);
          setTruncated(r.truncated);
        },
        () => seq === latest.current && setRows([]),
      )
      .finally(() => seq === latest.current && setLoading(false));
  }, [query]);

  // The list tab reloads itself when `params` change.
  useEffect(() => {
    if (tab === 'calendar') load();
  }, [load, tab]);

  // The chosen station's hours (public detail: 14 resolved days and the weekly pattern).
  useEffect(() => {
    setHours(null);
    if (filters.stationId === undefined) return;
    let cancelled = false;
    stationsApi.publicDetail(filters.stationId, { silent: true }).then(
      (s) => !cancelled && setHours({ days: s.days, weeklyHours: s.weeklyHours }),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [filters.stationId]);

  const reload = () => (tab === 'calendar' ? load() : tableRef.current?.reload());
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const columns: ProColumns<BookingRow>[] = [
    { title: '时间', dataIndex: 'start', width: 200, render: (_, b) => sessionTimeText(b) },
    { title: '类型', dataIndex: 'kind', width: 100, render: (_, b) => BOOKING_KIND_LABELS[b.kind] },
    { title: '地点 / 热线', dataIndex: 'stationName', width: 180, ellipsis: true, render: (_, b) => placeText(b) },
    { title: '咨询师', dataIndex: 'counsellorName', width: 110, render: (_, b) => b.counsellorName ?? '-' },
    {
      title: '联系电话',
      dataIndex: 'contactPhone',
      width: 140,
      render: (_, b) => (isMaskedPhone(b.contactPhone) ? <Typography.Text type="secondary">{b.contactPhone}</Typography.Text> : b.contactPhone),
    },
    { title: '区域', dataIndex: 'regionName', width: 120 },
    { title: '状态', dataIndex: 'status', width: 100, render: (_, b) => <Tag color={STATUS_TAG_COLOURS[b.status]}>{BOOKING_STATUS_LABELS[b.status]}</Tag> },
    { title: '评分', dataIndex: 'rating', width: 70, render: (_, b) => (b.rating === null ? '-' : `${b.rating} 分`) },
    {
      title: '操作',
      valueType: 'option',
      width: 80,
      fixed: 'right',
      render: (_, b) => (
        <Button type="link" size="small" onClick={() => setOpenId(b.id)}>
          查看
        </Button>
      ),
    },
  ];

  return (
    <PageContainer title="预约日历" subTitle="到站面询、电话咨询和热线回电的预约；点击预约查看详情并处理">
      {me.status === 'error' || (handle && me.status === 'none') ? (
        <Alert
          type="warning"
          showIcon
          className="xq-form-alert"
          message={me.status === 'error' ? `未能读取您的咨询师信息：${me.message}` : '您的账号尚未关联咨询师信息'}
          description="“只看我的”仍按账号筛选；如需接受预约，请联系站点负责人在“咨询师”中关联您的账号。"
        />
      ) : null}
      <ProCard style={{ marginBottom: 16 }}>
        <Form layout="inline" className="xq-stats-filters">
          <Form.Item label="站点">
            <Select
              style={{ width: 200 }}
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部站点"
              options={stationOptions}
              value={filters.stationId}
              onChange={(stationId?: number) => set({ stationId, counsellorId: undefined })}
            />
          </Form.Item>
          <Form.Item label="咨询师">
            <Select
              style={{ width: 160 }}
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部咨询师"
              options={counsellorOptions}
              value={filters.counsellorId}
              onChange={(counsellorId?: number) => set({ counsellorId })}
            />
          </Form.Item>
          <Form.Item label="类型">
            <Select
              style={{ width: 120 }}
              allowClear
              placeholder="全部"
              options={labelOptions(BOOKING_KIND_LABELS)}
              value={filters.kind}
              onChange={(kind?: BookingKind) => set({ kind })}
            />
          </Form.Item>
          <Form.Item label="状态">
            <Select
              style={{ width: 120 }}
              allowClear
              placeholder="全部"
              options={labelOptions(BOOKING_STATUS_LABELS)}
              value={filters.status}
              onChange={(status?: BookingStatus) => set({ status })}
            />
          </Form.Item>
          {handle ? (
            <Form.Item label="只看我的">
              <Switch checked={filters.mine} onChange={(mine) => set({ mine })} />
            </Form.Item>
          ) : null}
        </Form>
      </ProCard>

      <ProCard>
        <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
          <Space wrap>
            <Button icon={<LeftOutlined />} aria-label={view === 'day' ? '前一天' : '上一周'} onClick={() => setAnchor((a) => shiftAnchor(a, view, -1))} />
            <Button onClick={() => setAnchor(chinaToday())}>今天</Button>
            <Button icon={<RightOutlined />} aria-label={view === 'day' ? '后一天' : '下一周'} onClick={() => setAnchor((a) => shiftAnchor(a, view, 1))} />
            <DatePicker allowClear={false} value={dayjs(anchor)} onChange={(d) => d && setAnchor(d.format('YYYY-MM-DD'))} />
            <Typography.Text strong>{rangeTitle(days)}</Typography.Text>
          </Space>
          <Space wrap>
            <Segmented<CalendarView>
              value={view}
              onChange={setView}
              options={[
                { label: '日', value: 'day' },
                { label: '周', value: 'week' },
              ]}
            />
            <Button icon={<ReloadOutlined />} onClick={reload}>
              刷新
            </Button>
          </Space>
        </Space>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'calendar' | 'list')}
          items={[
            {
              key: 'calendar',
              label: '日历',
              children: (
                <>
                  {truncated ? (
                    <Alert type="warning" showIcon className="xq-form-alert" message="本时段预约过多，日历只显示了前 1000 条，请缩小筛选范围或改用列表。" />
                  ) : null}
                  <BookingCalendar days={days} bookings={rows} hours={hours} loading={loading} onOpen={setOpenId} now={now} />
                </>
              ),
            },
            {
              key: 'list',
              label: '列表',
              children: (
                <ProTable<BookingRow>
                  rowKey="id"
                  actionRef={tableRef}
                  columns={columns}
                  params={query}
                  request={async (params) => {
                    const { current, pageSize } = params;
                    try {
                      const page = await bookingsApi.list({ ...query, page: current ?? 1, pageSize: pageSize ?? 20 });
                      return { data: page.items, total: page.total, success: true };
                    } catch {
                      return { data: [], total: 0, success: false };
                    }
                  }}
                  {...LIST_TABLE_PROPS}
                  search={false}
                  options={false}
                  headerTitle={`${rangeTitle(days)} 的预约`}
                  onRow={(b) => ({ onDoubleClick: () => setOpenId(b.id) })}
                />
              ),
            },
          ]}
        />
      </ProCard>

      <BookingDrawer id={openId} myCounsellorId={myCounsellorId} onClose={() => setOpenId(null)} onChanged={reload} />
    </PageContainer>
  );
}
