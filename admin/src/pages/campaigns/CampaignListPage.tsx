import { useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import type { CampaignDto, PageQuery } from '@xinqiao/shared';
import { campaignsApi } from '../../api/campaigns';
import { pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { CampaignFormModal } from './CampaignFormModal';
import { CAMPAIGN_PHASE_COLOURS, CAMPAIGN_PHASE_LABELS, campaignPhase, targetSummary } from './campaignForm';

const request = pageRequest<CampaignDto, PageQuery>((q) => campaignsApi.list(q));

export default function CampaignListPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const actionRef = useRef<ActionType>();
  const reload = () => actionRef.current?.reload();

  const remove = async (c: CampaignDto) => {
    try {
      await campaignsApi.remove(c.id);
    } catch {
      return;
    }
    void message.success('宣传活动已删除');
    reload();
  };

  const columns: ProColumns<CampaignDto>[] = [
    { title: '名称', dataIndex: 'title', ellipsis: true, width: 260, render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.title}</Link> },
    {
      title: '状态',
      key: 'phase',
      width: 90,
      render: (_, c) => {
        const phase = campaignPhase(c);
        return <Tag color={CAMPAIGN_PHASE_COLOURS[phase]}>{CAMPAIGN_PHASE_LABELS[phase]}</Tag>;
      },
    },
    { title: '活动时间', key: 'period', width: 200, render: (_, c) => `${c.startsOn} 至 ${c.endsOn}` },
    { title: '主办区域', dataIndex: 'regionName', width: 120 },
    { title: '覆盖区域', dataIndex: 'regionNames', width: 200, ellipsis: true, render: (_, c) => c.regionNames.join('、') || '-' },
    {
      title: '目标',
      dataIndex: 'targets',
      width: 280,
      render: (_, c) => {
        const items = targetSummary(c.targets);
        return items.length ? (
          <Space size={[4, 4]} wrap>
            {items.map((t) => (
              <Tag key={t.kind}>{t.text}</Tag>
            ))}
          </Space>
        ) : (
          '-'
        );
      },
    },
    { title: '关联内容', key: 'links', width: 150, render: (_, c) => `${c.articleIds.length} 篇文章 · ${c.quizIds.length} 个测验` },
    {
      title: '操作',
      valueType: 'option',
      width: 170,
      fixed: 'right',
      render: (_, c) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => navigate(`/campaigns/${c.id}`)}>
            看板
          </Button>
          <CampaignFormModal
            campaign={c}
            onDone={reload}
            trigger={
              <Button type="link" size="small">
                编辑
              </Button>
            }
          />
          <Popconfirm
            title={`删除「${c.title}」？`}
            description="关联的文章和测验不会被删除"
            okText="删除"
            okButtonProps={{ danger: true }}
            onConfirm={() => remove(c)}
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
    <PageContainer title="宣传活动" subTitle="如“5·25”心理健康宣传月、世界精神卫生日：设定目标，关联文章和测验，跟踪完成进度">
      <ProTable<CampaignDto>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={request}
        {...LIST_TABLE_PROPS}
        search={false}
        className="campaigns-page"
        headerTitle="活动列表"
        toolBarRender={() => [
          <CampaignFormModal
            key="new"
            onDone={(c) => navigate(`/campaigns/${c.id}`)}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                新建宣传活动
              </Button>
            }
          />,
        ]}
      />
    </PageContainer>
  );
}
