import { useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { STATION_TYPE_LABELS, type AdminStation, type AdminStationQuery } from '@xinqiao/shared';
import { stationsApi } from '../../api/stations';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { LIST_TABLE_PROPS, labelEnum, pageRequest } from '../../utils/proTable';
import { minimumHoursWarning, openStatusText, weeklySummary } from './stationHours';

const request = pageRequest<AdminStation, AdminStationQuery>(stationsApi.list);

/** The stations of the caller's region: type, region, open now, hours a week, published. */
export default function StationListPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>();

  const remove = async (s: AdminStation) => {
    try {
      await stationsApi.remove(s.id);
    } catch {
      return; // the client shows why (e.g. counsellors still serve it)
    }
    void message.success('站点已删除');
    actionRef.current?.reload();
  };

  const columns: ProColumns<AdminStation>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '名称或地址' } },
    {
      title: '站点名称',
      dataIndex: 'name',
      search: false,
      width: 220,
      ellipsis: true,
      render: (_, s) => <Link to={`/stations/${s.id}`}>{s.name}</Link>,
    },
    { title: '类型', dataIndex: 'type', valueType: 'select', valueEnum: labelEnum(STATION_TYPE_LABELS), width: 110 },
    { title: '区域', dataIndex: 'regionId', hideInTable: true, renderFormItem: () => <RegionTreeSelect placeholder="本辖区全部" /> },
    { title: '所属区域', dataIndex: 'regionName', search: false, width: 120 },
    {
      title: '当前状态',
      dataIndex: 'openNow',
      search: false,
      width: 190,
      render: (_, s) => (
        <Tag color={s.openNow ? 'green' : 'default'} data-testid="station-open">
          {openStatusText(s)}
        </Tag>
      ),
    },
    {
      title: '每周开放',
      dataIndex: 'weeklyOpenHours',
      search: false,
      width: 120,
      align: 'right',
      render: (_, s) => {
        const warning = minimumHoursWarning(s.type, s.weeklyHours);
        return (
          <Tooltip
            title={
              <div>
                {[...(warning ? [warning] : []), ...weeklySummary(s.weeklyHours)].map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </div>
            }
          >
            <Space size={4} data-testid="station-weekly-hours">
              {warning ? <WarningOutlined style={{ color: '#faad14' }} aria-label="开放时长不足" /> : null}
              <span>{s.weeklyOpenHours} 小时</span>
            </Space>
          </Tooltip>
        );
      },
    },
    { title: '咨询师', dataIndex: 'counsellorCount', search: false, width: 80, align: 'right' },
    {
      title: '公开',
      dataIndex: 'published',
      valueType: 'select',
      valueEnum: { true: { text: '已公开' }, false: { text: '未公开' } },
      width: 90,
      render: (_, s) => (s.published ? <Tag color="blue">已公开</Tag> : <Tag>未公开</Tag>),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      fixed: 'right',
      render: (_, s) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => navigate(`/stations/${s.id}`)}>
            编辑
          </Button>
          <Popconfirm
            title={`确定删除「${s.name}」？`}
            description={s.counsellorCount ? '仍有咨询师在此服务，请先在咨询师信息中移除该站点' : '删除后居民将看不到该站点'}
            okText="删除"
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(s)}
          >
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title="服务站点" subTitle="心理服务站、心灵驿站、心理咨询室和转介机构；公开后居民可在小程序中查看开放时间并导航前往">
      <ProTable<AdminStation>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={(params) => request({ ...params, published: params.published === undefined ? undefined : params.published === 'true' })}
        {...LIST_TABLE_PROPS}
        headerTitle="站点列表"
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/stations/new')}>
            新建站点
          </Button>,
        ]}
      />
      <Typography.Paragraph type="secondary">心理服务站、心灵驿站每周应至少开放 40 小时；不足的站点在“每周开放”一栏标出。</Typography.Paragraph>
    </PageContainer>
  );
}
