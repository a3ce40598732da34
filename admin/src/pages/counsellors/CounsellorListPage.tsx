import { useEffect, useRef, useState } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { SESSION_MODE_LABELS, type AdminCounsellor, type AdminCounsellorQuery } from '@xinqiao/shared';
import { counsellorsApi } from '../../api/counsellors';
import { stationsApi } from '../../api/stations';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { LIST_TABLE_PROPS, pageRequest } from '../../utils/proTable';
import { StationSelect } from './StationSelect';

const request = pageRequest<AdminCounsellor, AdminCounsellorQuery>(counsellorsApi.list);

/** Counsellor profiles of the caller's region. */
export default function CounsellorListPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>();
  const [stationNames, setStationNames] = useState<Map<number, string>>(new Map());

  useEffect(() => {
    stationsApi.list({ pageSize: 100 }, { silent: true }).then(
      (page) => setStationNames(new Map(page.items.map((s) => [s.id, s.name]))),
      () => undefined,
    );
  }, []);

  const remove = async (c: AdminCounsellor) => {
    try {
      await counsellorsApi.remove(c.id);
    } catch {
      return;
    }
    void message.success('咨询师信息已删除');
    actionRef.current?.reload();
  };

  const columns: ProColumns<AdminCounsellor>[] = [
    { title: '姓名', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '姓名' } },
    { title: '姓名', dataIndex: 'name', search: false, width: 110, render: (_, c) => <Link to={`/counsellors/${c.id}`}>{c.name}</Link> },
    { title: '资质', dataIndex: 'qualification', search: false, width: 180, ellipsis: true },
    { title: '职称', dataIndex: 'title', search: false, width: 110, render: (_, c) => c.title ?? '-' },
    { title: '站点', dataIndex: 'stationId', hideInTable: true, renderFormItem: () => <StationSelect placeholder="全部站点" style={{ minWidth: 200 }} /> },
    {
      title: '服务站点',
      dataIndex: 'stationIds',
      search: false,
      width: 220,
      render: (_, c) => (c.stationIds.length ? c.stationIds.map((id) => stationNames.get(id) ?? `站点 #${id}`).join('、') : '-'),
    },
    { title: '咨询方式', dataIndex: 'modes', search: false, width: 150, render: (_, c) => c.modes.map((m) => <Tag key={m}>{SESSION_MODE_LABELS[m]}</Tag>) },
    { title: '关联账号', dataIndex: 'staffName', search: false, width: 200, ellipsis: true, render: (_, c) => c.staffName ?? '-' },
    { title: '区域', dataIndex: 'regionId', hideInTable: true, renderFormItem: () => <RegionTreeSelect placeholder="本辖区全部" /> },
    { title: '所属区域', dataIndex: 'regionName', search: false, width: 120 },
    {
      title: '公开',
      dataIndex: 'published',
      valueType: 'select',
      valueEnum: { true: { text: '已公开' }, false: { text: '未公开' } },
      width: 90,
      render: (_, c) => (c.published ? <Tag color="blue">已公开</Tag> : <Tag>未公开</Tag>),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      fixed: 'right',
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => navigate(`/counsellors/${c.id}`)}>
            编辑
          </Button>
          <Popconfirm title={`确定删除「${c.name}」的咨询师信息？`} okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(c)}>
            <Button type="link" size="small" danger>
              删除
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title="咨询师" subTitle="咨询师的资质、擅长领域和服务站点；经本人同意后在小程序中公开">
      <ProTable<AdminCounsellor>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={(params) => request({ ...params, published: params.published === undefined ? undefined : params.published === 'true' })}
        {...LIST_TABLE_PROPS}
        headerTitle="咨询师列表"
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/counsellors/new')}>
            添加咨询师
          </Button>,
        ]}
      />
    </PageContainer>
  );
}
