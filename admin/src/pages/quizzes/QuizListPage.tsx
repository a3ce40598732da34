import { useRef } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { Button, Popconfirm, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { QUIZ_KIND_LABELS, QUIZ_STATUS_LABELS, hasPermission, type AdminQuiz } from '@xinqiao/shared';
import { quizzesApi, type QuizListQuery } from '../../api/quizzes';
import { useStaff } from '../../auth/SessionContext';
import { useInSubtree } from '../../hooks/useRegions';
import { labelEnum, pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { QuizLinkButton } from './QuizLink';
import { QuizStatusTag } from './QuizStatusTag';
import { drawQuestionCount, windowText } from './quizForm';
import { CLOSE_CONFIRM, PUBLISH_CONFIRM, useQuizActions } from './useQuizActions';

const request = pageRequest<AdminQuiz, QuizListQuery>(quizzesApi.list);

export default function QuizListPage() {
  const staff = useStaff();
  const navigate = useNavigate();
  const actions = useQuizActions();
  const actionRef = useRef<ActionType>();
  const inSubtree = useInSubtree();
  // Quizzes of regions above the caller's are listed (their figures are readable) but not theirs to change.
  const canManage = hasPermission(staff.role, 'quizzes.manage');
  const mayChange = (q: AdminQuiz) => canManage && inSubtree(q.regionId);
  const reload = () => actionRef.current?.reload();
  const run = (action: () => Promise<unknown>) => action().then(reload, () => undefined);

  const columns: ProColumns<AdminQuiz>[] = [
    {
      title: '名称',
      dataIndex: 'title',
      search: false,
      ellipsis: true,
      width: 280,
      render: (_, q) => <Link to={`/quizzes/${q.id}`}>{q.title}</Link>,
    },
    { title: '类型', dataIndex: 'kind', valueType: 'select', valueEnum: labelEnum(QUIZ_KIND_LABELS), width: 110 },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: labelEnum(QUIZ_STATUS_LABELS),
      width: 90,
      render: (_, q) => <QuizStatusTag status={q.status} />,
    },
    { title: '区域', dataIndex: 'regionName', search: false, width: 120 },
    {
      title: '调查时间',
      dataIndex: 'opensAt',
      search: false,
      width: 300,
      render: (_, q) => (q.kind === 'survey' ? `${q.year ? `${q.year} 年 · ` : ''}${windowText(q.opensAt ?? null, q.closesAt ?? null)}` : '-'),
    },
    {
      title: '题数',
      dataIndex: 'questionCodes',
      search: false,
      width: 70,
      align: 'right',
      // Before publication the count comes from the draw spec; afterwards the frozen list is the truth.
      render: (_, q) => (q.status === 'draft' ? drawQuestionCount(q.draw) : q.questionCodes.length),
    },
    {
      title: '答题人数',
      dataIndex: 'respondents',
      search: false,
      width: 90,
      align: 'right',
      render: (_, q) => <span data-testid="quiz-respondents">{q.respondents.toLocaleString('zh-CN')}</span>,
    },
    { title: '更新时间', dataIndex: 'updatedAt', search: false, valueType: 'dateTime', width: 170 },
    {
      title: '操作',
      valueType: 'option',
      width: 240,
      fixed: 'right',
      render: (_, q) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => navigate(`/quizzes/${q.id}`)}>
            {mayChange(q) && q.status === 'draft' ? '编辑' : '查看'}
          </Button>
          {mayChange(q) && q.status === 'draft' ? (
            <Popconfirm title={PUBLISH_CONFIRM} okText="发布" onConfirm={() => run(() => actions.publish(q.id))} overlayStyle={{ maxWidth: 360 }}>
              <Button type="link" size="small">
                发布
              </Button>
            </Popconfirm>
          ) : null}
          {mayChange(q) && q.status === 'published' ? (
            <Popconfirm
              title={CLOSE_CONFIRM}
              okText="结束"
              okButtonProps={{ danger: true }}
              onConfirm={() => run(() => actions.close(q.id))}
              overlayStyle={{ maxWidth: 360 }}
            >
              <Button type="link" size="small" danger>
                结束
              </Button>
            </Popconfirm>
          ) : null}
          {q.status !== 'draft' ? <QuizLinkButton quiz={q} /> : null}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title="测验与调查" subTitle="知晓率调查用于统计上报；知识练习和活动前后测帮助居民学习、评估活动效果">
      <ProTable<AdminQuiz>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={request}
        {...LIST_TABLE_PROPS}
        className="quizzes-page"
        headerTitle="测验列表"
        toolBarRender={() =>
          canManage
            ? [
                <Button key="new" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/quizzes/new')}>
                  新建测验
                </Button>,
              ]
            : []
        }
      />
    </PageContainer>
  );
}
