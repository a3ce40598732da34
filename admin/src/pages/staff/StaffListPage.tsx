import { useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { STAFF_ROLE_LABELS, type StaffDto } from '@xinqiao/shared';
import { staffApi, type StaffListQuery } from '../../api/staff';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { labelEnum, pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { STAFF_STATUS_COLORS, STAFF_STATUS_LABELS, staffStatus } from '../../utils/staffStatus';
import { StaffFormModal } from './StaffFormModal';
import { StaffRowActions } from './StaffRowActions';

const request = pageRequest<StaffDto, StaffListQuery>(staffApi.list);

export default function StaffListPage() {
  const me = useStaff();
  const actionRef = useRef<ActionType>();
  const reload = () => actionRef.current?.reload();

  const columns: ProColumns<StaffDto>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '用户名或姓名' } },
    { title: '用户名', dataIndex: 'username', search: false, copyable: true, width: 140 },
    { title: '姓名', dataIndex: 'displayName', search: false, width: 120 },
    { title: '角色', dataIndex: 'role', valueType: 'select', valueEnum: labelEnum(STAFF_ROLE_LABELS), width: 130 },
    { title: '所属区域', dataIndex: 'regionId', hideInTable: true, renderFormItem: () => <RegionTreeSelect /> },
    { title: '所属区域', dataIndex: 'regionName', search: false, width: 140 },
    {
      title: '状态',
      dataIndex: 'disabled',
      search: false,
      width: 130,
      render: (_, row) => {
        const status = staffStatus(row);
        return <Tag color={STAFF_STATUS_COLORS[status]}>{STAFF_STATUS_LABELS[status]}</Tag>;
      },
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', search: false, valueType: 'dateTime', width: 170 },
    { title: '创建时间', dataIndex: 'createdAt', search: false, valueType: 'dateTime', width: 170 },
    {
      title: '操作',
      valueType: 'option',
      width: 240,
      render: (_, row) => <StaffRowActions account={row} isSelf={row.id === me.id} onChanged={reload} />,
    },
  ];

  return (
    <PageContainer title="账号管理">
      <ProTable<StaffDto>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={request}
        {...LIST_TABLE_PROPS}
        headerTitle="工作人员账号"
        toolBarRender={() => [
          <StaffFormModal
            key="new"
            onDone={reload}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                新建账号
              </Button>
            }
          />,
        ]}
      />
    </PageContainer>
  );
}
