import { useRef, useState } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { KNOWLEDGE_POINTS, QUESTION_KIND_LABELS, knowledgePointText, type AdminQuestion } from '@xinqiao/shared';
import { questionsApi, type QuestionListQuery } from '../../api/questions';
import { labelEnum, pageRequest, LIST_TABLE_PROPS } from '../../utils/proTable';
import { QuestionFormModal } from './QuestionFormModal';
import { ImportOutcomeAlert, QuestionExportButton, QuestionImportButton, type ImportOutcome } from './QuestionImport';
import { answerText, readOnlyReason } from './questionForm';

const request = pageRequest<AdminQuestion, QuestionListQuery>(questionsApi.list);

const KNOWLEDGE_POINT_ENUM = Object.fromEntries(KNOWLEDGE_POINTS.map((p) => [String(p.id), { text: `${p.id}. ${p.text}` }]));
const ARCHIVED_ENUM = { false: { text: '未归档' }, true: { text: '已归档' } };

export default function QuestionListPage() {
  const { message } = App.useApp();
  const actionRef = useRef<ActionType>();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const reload = () => actionRef.current?.reload();

  // The server archives a question a published quiz uses (its answers keep their meaning) and deletes any other.
  const remove = async (q: AdminQuestion) => {
    try {
      await questionsApi.remove(q.id);
    } catch {
      return;
    }
    void message.success(q.inUse ? '题目已归档' : '题目已删除');
    reload();
  };

  const columns: ProColumns<AdminQuestion>[] = [
    { title: '关键词', dataIndex: 'keyword', hideInTable: true, fieldProps: { placeholder: '题干中的文字' } },
    {
      title: '知识点',
      dataIndex: 'knowledgePoint',
      valueType: 'select',
      valueEnum: KNOWLEDGE_POINT_ENUM,
      fieldProps: { popupMatchSelectWidth: false },
      width: 90,
      render: (_, q) => (
        <Tooltip title={knowledgePointText(q.knowledgePoint)}>
          <Tag>第 {q.knowledgePoint} 条</Tag>
        </Tooltip>
      ),
    },
    { title: '题型', dataIndex: 'kind', valueType: 'select', valueEnum: labelEnum(QUESTION_KIND_LABELS), width: 90 },
    { title: '状态', dataIndex: 'archived', valueType: 'select', valueEnum: ARCHIVED_ENUM, initialValue: 'false', hideInTable: true },
    { title: '编号', dataIndex: 'code', search: false, width: 110, render: (_, q) => <Typography.Text code>{q.code}</Typography.Text> },
    {
      title: '题干',
      dataIndex: 'stem',
      search: false,
      width: 420,
      render: (_, q) => (
        <Space size={4} wrap>
          {q.builtIn ? <Tag color="blue">默认题库</Tag> : null}
          {q.inUse ? <Tag color="gold">使用中</Tag> : null}
          {q.archived ? <Tag>已归档</Tag> : null}
          <span>{q.stem}</span>
        </Space>
      ),
    },
    { title: '正确答案', dataIndex: 'correct', search: false, width: 90, render: (_, q) => answerText(q) },
    { title: '所属区域', dataIndex: 'regionName', search: false, width: 120, render: (_, q) => (q.builtIn ? '全平台' : q.regionName || '-') },
    { title: '更新时间', dataIndex: 'updatedAt', search: false, valueType: 'dateTime', width: 170 },
    {
      title: '操作',
      valueType: 'option',
      width: 130,
      fixed: 'right',
      render: (_, q) => {
        const locked = readOnlyReason(q) !== null;
        return (
          <Space size={0}>
            <QuestionFormModal
              question={q}
              onDone={reload}
              trigger={
                <Button type="link" size="small">
                  {locked ? '查看' : '编辑'}
                </Button>
              }
            />
            {!q.builtIn && !q.archived ? (
              <Popconfirm
                title={q.inUse ? '归档这道题？' : '删除这道题？'}
                description={q.inUse ? '该题已被发布的测验使用，将归档保留：已有答卷和统计不受影响，但不能再选入新的测验。' : '删除后无法恢复。'}
                okText={q.inUse ? '归档' : '删除'}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove(q)}
              >
                <Button type="link" size="small" danger>
                  {q.inUse ? '归档' : '删除'}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        );
      },
    },
  ];

  return (
    <PageContainer title="题库" subTitle="题目围绕《心理健康素养十条》的 10 个知识点；默认题库为只读">
      {outcome ? <ImportOutcomeAlert outcome={outcome} onClose={() => setOutcome(null)} /> : null}
      <ProTable<AdminQuestion>
        rowKey="id"
        actionRef={actionRef}
        columns={columns}
        request={request}
        {...LIST_TABLE_PROPS}
        className="questions-page"
        headerTitle="题目列表"
        tooltip="已被发布的测验使用的题目不能修改，删除时改为归档"
        toolBarRender={() => [
          <QuestionImportButton
            key="import"
            onStart={() => setOutcome(null)}
            onDone={(o) => {
              setOutcome(o);
              if (o.ok) reload();
            }}
          />,
          <QuestionExportButton key="export" />,
          <QuestionFormModal
            key="new"
            onDone={reload}
            trigger={
              <Button type="primary" icon={<PlusOutlined />}>
                新建题目
              </Button>
            }
          />,
        ]}
      />
    </PageContainer>
  );
}
