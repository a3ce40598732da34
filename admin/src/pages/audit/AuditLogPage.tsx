import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { Typography } from 'antd';
import type { AuditEntryDto } from '@xinqiao/shared';
import { auditApi, type AuditListQuery } from '../../api/audit';
import { useRegions } from '../../hooks/useRegions';
import { dayRangeToIso } from '../../utils/format';
import { pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { describeRegionPath } from '../../utils/regions';
import { AuditDetails } from './AuditDetails';

const request = pageRequest<AuditEntryDto, AuditListQuery>(auditApi.list);

const ACTOR_TYPE_LABELS: Record<AuditEntryDto['actorType'], string> = {
  staff: '工作人员',
  resident: '居民',
  system: '系统',
  anonymous: '匿名',
};

export default function AuditLogPage() {
  const { byId } = useRegions();

  const columns: ProColumns<AuditEntryDto>[] = [
    {
      title: '时间范围',
      dataIndex: 'range',
      valueType: 'dateRange',
      hideInTable: true,
      search: { transform: (value: [string, string]) => dayRangeToIso(value) },
    },
    { title: '时间', dataIndex: 'at', valueType: 'dateTime', search: false, width: 180 },
    {
      title: '操作人',
      dataIndex: 'actorName',
      width: 150,
      render: (_, r) => (
        <>
          {r.actorName ?? '-'}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {ACTOR_TYPE_LABELS[r.actorType]}
          </Typography.Text>
        </>
      ),
    },
    { title: '操作', dataIndex: 'action', width: 180, fieldProps: { placeholder: '如 article.publish' } },
    { title: '资源类型', dataIndex: 'resourceType', hideInTable: true },
    {
      title: '资源',
      dataIndex: 'resourceId',
      search: false,
      width: 160,
      render: (_, r) => (r.resourceType ? `${r.resourceType}${r.resourceId ? ` #${r.resourceId}` : ''}` : '-'),
    },
    { title: '区域', dataIndex: 'regionPath', search: false, width: 180, render: (_, r) => describeRegionPath(r.regionPath, byId) || '-' },
    { title: 'IP', dataIndex: 'ip', search: false, width: 130 },
    {
      title: '结果',
      dataIndex: 'outcome',
      valueType: 'select',
      width: 90,
      // 未完成: recorded before the action, whose outcome never came (e.g. the server stopped mid-action).
      valueEnum: { success: { text: '成功', status: 'Success' }, failure: { text: '失败', status: 'Error' }, pending: { text: '未完成', status: 'Warning' } },
    },
    { title: '状态码', dataIndex: 'statusCode', search: false, width: 80 },
  ];

  return (
    <PageContainer title="审计日志" subTitle="只读；记录登录、数据修改与敏感操作">
      <ProTable<AuditEntryDto>
        rowKey="id"
        columns={columns}
        request={request}
        {...LIST_TABLE_PROPS}
        headerTitle="操作记录"
        expandable={{
          columnTitle: '详情',
          rowExpandable: (r) => r.details !== null && Object.keys(r.details).length > 0,
          expandedRowRender: (r) => <AuditDetails entry={r} />,
        }}
      />
    </PageContainer>
  );
}
