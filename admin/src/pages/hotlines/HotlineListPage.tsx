import { useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { HOTLINE_AUDIENCE_LABELS, NATIONAL_REGION_NAME, type Hotline } from '@xinqiao/shared';
import { hotlinesApi } from '../../api/hotlines';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import type { ProTableParams, ProTableResult } from '../../utils/proTable';
import { HotlineFormModal } from './HotlineFormModal';
import { HOURS_24, isEditableHotline } from './hotlineForm';

async function request(params: ProTableParams): Promise<ProTableResult<Hotline>> {
  try {
    const data = await hotlinesApi.list({ regionId: typeof params.regionId === 'number' ? params.regionId : undefined });
    return { data, total: data.length, success: true };
  } catch {
    return { data: [], total: 0, success: false };
  }
}

export default function HotlineListPage() {
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>();
  const reload = () => actionRef.current?.reload();

  const remove = async (h: Hotline) => {
    try {
      await hotlinesApi.remove(h.id);
    } catch {
      return;
    }
    void message.success('热线已删除');
    reload();
  };

  const columns: ProColumns<Hotline>[] = [
    { title: '区域', dataIndex: 'regionId', hideInTable: true, renderFormItem: () => <RegionTreeSelect placeholder="全部区域" /> },
    {
      title: '名称',
      dataIndex: 'name',
      search: false,
      width: 240,
      render: (_, h) => (
        <Space size={4} wrap>
          {h.national ? <Tag color="blue">{NATIONAL_REGION_NAME}</Tag> : null}
          <span>{h.name}</span>
        </Space>
      ),
    },
    { title: '电话号码', dataIndex: 'number', search: false, width: 140, copyable: true },
    {
      title: '服务时间',
      dataIndex: 'hours',
      search: false,
      width: 220,
      ellipsis: true,
      render: (_, h) => (
        <Space size={4}>
          {h.is24h ? <Tag color="green">{HOURS_24}</Tag> : null}
          <Tooltip title={h.hours}>
            {/* The tag already says it; do not print "24小时" twice. */}
            <span>{h.hours === HOURS_24 ? null : h.hours}</span>
          </Tooltip>
        </Space>
      ),
    },
    {
      title: '服务人群',
      dataIndex: 'audiences',
      search: false,
      width: 180,
      render: (_, h) => h.audiences.map((a) => HOTLINE_AUDIENCE_LABELS[a]).join('、') || '-',
    },
    { title: '所属区域', dataIndex: 'regionName', search: false, width: 130 },
    { title: '号码来源', dataIndex: 'source', search: false, width: 200, ellipsis: true, render: (_, h) => h.source ?? '-' },
    { title: '排序', dataIndex: 'sortOrder', search: false, width: 70 },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      render: (_, h) =>
        isEditableHotline(h) ? (
          <Space size={0}>
            <HotlineFormModal
              hotline={h}
              onDone={reload}
              trigger={
                <Button type="link" size="small">
                  编辑
                </Button>
              }
            />
            <Popconfirm
              title={`确定删除「${h.name}」？`}
              description="删除后居民将看不到这条热线"
              okText="删除"
              okButtonProps={{ danger: true }}
              onConfirm={() => remove(h)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ) : (
          <Typography.Text type="secondary">全国统一，不可修改</Typography.Text>
        ),
    },
  ];

  return (
    <PageContainer title="心理援助热线" subTitle="全国热线为内置号码；辖区热线在居民的测评结果和求助页面中展示">
      <ProTable<Hotline>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={request}
        search={{ labelWidth: 'auto', defaultCollapsed: false }}
        options={{ density: false, setting: false }}
        scroll={{ x: 'max-content' }}
        pagination={false}
        headerTitle="热线列表"
        toolBarRender={() => [
          <HotlineFormModal
            key="new"
            onDone={reload}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                添加热线
              </Button>
            }
          />,
        ]}
      />
    </PageContainer>
  );
}
