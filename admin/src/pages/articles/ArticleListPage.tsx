import { useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { ARTICLE_CATEGORY_LABELS, ARTICLE_STATUS_LABELS, hasPermission, type AdminArticleRow } from '@xinqiao/shared';
import { articlesApi, type ArticleListQuery } from '../../api/articles';
import { useStaff } from '../../auth/SessionContext';
import { labelEnum, pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { ArticleStatusTag } from './ArticleStatusTag';
import { ArticleRowActions } from './ArticleRowActions';

const request = pageRequest<AdminArticleRow, ArticleListQuery>(articlesApi.list);

export default function ArticleListPage() {
  const staff = useStaff();
  const navigate = useNavigate();
  const actionRef = useRef<ActionType>();
  const canPublish = hasPermission(staff.role, 'articles.publish');

  const columns: ProColumns<AdminArticleRow>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '标题或摘要' } },
    {
      title: '标题',
      dataIndex: 'title',
      search: false,
      ellipsis: true,
      width: 320,
      render: (_, row) => <Link to={`/articles/${row.id}`}>{row.title}</Link>,
    },
    { title: '分类', dataIndex: 'category', valueType: 'select', valueEnum: labelEnum(ARTICLE_CATEGORY_LABELS), width: 120 },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: labelEnum(ARTICLE_STATUS_LABELS),
      width: 100,
      render: (_, row) => <ArticleStatusTag status={row.status} />,
    },
    { title: '发布范围', dataIndex: 'regionName', search: false, width: 140 },
    { title: '阅读量', dataIndex: 'viewCount', search: false, valueType: 'digit', width: 90 },
    { title: '更新时间', dataIndex: 'updatedAt', search: false, valueType: 'dateTime', width: 170 },
    {
      title: '操作',
      valueType: 'option',
      width: 200,
      render: (_, row) => <ArticleRowActions article={row} canPublish={canPublish} onChanged={() => actionRef.current?.reload()} />,
    },
  ];

  return (
    <PageContainer title="文章管理">
      <ProTable<AdminArticleRow>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={request}
        {...LIST_TABLE_PROPS}
        headerTitle="文章列表"
        toolBarRender={() => [
          <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/articles/new')}>
            新建文章
          </Button>,
        ]}
      />
    </PageContainer>
  );
}
