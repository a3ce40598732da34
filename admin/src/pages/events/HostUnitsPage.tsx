import { useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PLACE_TYPE_LABELS, type HostUnitDto, type HostUnitQuery } from '@xinqiao/shared';
import { hostUnitsApi } from '../../api/events';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { labelEnum, pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { HostUnitFormModal } from './HostUnitFormModal';

const request = pageRequest<HostUnitDto, HostUnitQuery>((q) => hostUnitsApi.list(q));

/** The units events are held for (机关, 企业, 学校 …), with the staff counts the yearly quotas depend on. */
export default function HostUnitsPage() {
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>();
  const reload = () => actionRef.current?.reload();

  const remove = async (u: HostUnitDto) => {
    try {
      await hostUnitsApi.remove(u.id);
    } catch {
      return;
    }
    void message.success('承办单位已删除');
    reload();
  };

  const columns: ProColumns<HostUnitDto>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '单位名称' } },
    { title: '单位名称', dataIndex: 'name', search: false, width: 240 },
    { title: '场所类型', dataIndex: 'placeType', valueType: 'select', valueEnum: labelEnum(PLACE_TYPE_LABELS), width: 110 },
    { title: '区域', dataIndex: 'regionId', hideInTable: true, renderFormItem: () => <RegionTreeSelect placeholder="本辖区全部" /> },
    { title: '所在区域', dataIndex: 'regionName', search: false, width: 140 },
    {
      title: '职工人数',
      dataIndex: 'staffCount',
      search: false,
      width: 110,
      align: 'right',
      render: (_, u) => (u.staffCount === null ? <Tag color="warning">未填写</Tag> : u.staffCount.toLocaleString('zh-CN')),
    },
    {
      title: '操作',
      valueType: 'option',
      width: 140,
      render: (_, u) => (
        <Space size={0}>
          <HostUnitFormModal
            unit={u}
            onDone={reload}
            trigger={
              <Button type="link" size="small">
                编辑
              </Button>
            }
          />
          <Popconfirm
            title={`确定删除「${u.name}」？`}
            description="已有活动记录的单位不能删除"
            okText="删除"
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(u)}
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
    <PageContainer title="承办单位" subTitle="职工人数用于判断单位是否有年度讲座指标">
      <ProTable<HostUnitDto>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={request}
        {...LIST_TABLE_PROPS}
        className="host-units-page"
        headerTitle="单位列表"
        toolBarRender={() => [
          <HostUnitFormModal
            key="new"
            onDone={reload}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                新增单位
              </Button>
            }
          />,
        ]}
      />
    </PageContainer>
  );
}
