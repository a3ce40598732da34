import { useMemo, useState } from 'react';
import { Button, Empty, Input, Modal, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { KNOWLEDGE_POINT_IDS, QUESTION_KIND_LABELS, knowledgePointText, type AdminQuestion, type KnowledgePointId, type QuestionKind } from '@xinqiao/shared';
import { labelOptions } from '../../utils/proTable';
import { KNOWLEDGE_POINT_OPTIONS } from '../questions/questionForm';
import { appendCodes, coverageByPoint, moveItem } from './quizForm';

interface Props {
  value?: string[];
  onChange?: (codes: string[]) => void;
  /** The question bank to pick from (live questions, plus archived ones already picked). */
  bank: AdminQuestion[];
  loading?: boolean;
  disabled?: boolean;
}

interface PickedRow {
  index: number;
  code: string;
  question: AdminQuestion | undefined;
}

/** Picked questions in answering order, with coverage of the ten knowledge points. */
export function FixedQuestionPicker({ value = [], onChange, bank, loading, disabled }: Props) {
  const [adding, setAdding] = useState(false);
  const byCode = useMemo(() => new Map(bank.map((q) => [q.code, q])), [bank]);
  const coverage = coverageByPoint(value, bank);
  const rows: PickedRow[] = value.map((code, index) => ({ index, code, question: byCode.get(code) }));
  const set = (codes: string[]) => onChange?.(codes);

  const columns: TableColumnsType<PickedRow> = [
    { title: '序号', key: 'index', width: 60, render: (_, r) => r.index + 1 },
    { title: '编号', dataIndex: 'code', width: 100, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
    {
      title: '题干',
      key: 'stem',
      render: (_, r) =>
        r.question ? (
          <Space size={4} wrap>
            {r.question.archived ? <Tag>已归档</Tag> : null}
            <span>{r.question.stem}</span>
          </Space>
        ) : (
          <Typography.Text type="secondary">题库中找不到该题（可能已删除或不在本辖区）</Typography.Text>
        ),
    },
    { title: '题型', key: 'kind', width: 80, render: (_, r) => (r.question ? QUESTION_KIND_LABELS[r.question.kind] : '-') },
    {
      title: '知识点',
      key: 'point',
      width: 80,
      render: (_, r) =>
        r.question ? (
          <Tooltip title={knowledgePointText(r.question.knowledgePoint)}>
            <Tag>第 {r.question.knowledgePoint} 条</Tag>
          </Tooltip>
        ) : (
          '-'
        ),
    },
    ...(disabled
      ? []
      : [
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, r: PickedRow) => (
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowUpOutlined />}
                  aria-label="上移"
                  disabled={r.index === 0}
                  onClick={() => set(moveItem(value, r.index, -1))}
                />
                <Button
                  type="text"
                  size="small"
                  icon={<ArrowDownOutlined />}
                  aria-label="下移"
                  disabled={r.index === value.length - 1}
                  onClick={() => set(moveItem(value, r.index, 1))}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label="移除"
                  onClick={() => set(value.filter((_, i) => i !== r.index))}
                />
              </Space>
            ),
          },
        ]),
  ];

  return (
    <div data-testid="fixed-question-picker">
      <Space size={[4, 4]} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">知识点覆盖：</Typography.Text>
        {KNOWLEDGE_POINT_IDS.map((id) => (
          <Tooltip key={id} title={knowledgePointText(id)}>
            <Tag color={coverage[id] ? 'blue' : undefined}>
              第 {id} 条 × {coverage[id]}
            </Tag>
          </Tooltip>
        ))}
      </Space>
      <Table<PickedRow>
        rowKey={(r) => `${r.code}-${r.index}`}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        loading={loading}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未选择题目" /> }}
        scroll={{ x: 'max-content' }}
      />
      {disabled ? null : (
        <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 8 }} onClick={() => setAdding(true)} disabled={loading}>
          从题库添加
        </Button>
      )}
      {adding ? (
        <AddQuestionsModal bank={bank} picked={value} onCancel={() => setAdding(false)} onAdd={(codes) => (set(appendCodes(value, codes)), setAdding(false))} />
      ) : null}
    </div>
  );
}

function AddQuestionsModal({ bank, picked, onCancel, onAdd }: { bank: AdminQuestion[]; picked: string[]; onCancel(): void; onAdd(codes: string[]): void }) {
  const [point, setPoint] = useState<KnowledgePointId | undefined>();
  const [kind, setKind] = useState<QuestionKind | undefined>();
  const [keyword, setKeyword] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const already = new Set(picked);
  const k = keyword.trim().toLowerCase();
  const shown = bank.filter(
    (q) =>
      !q.archived &&
      (point === undefined || q.knowledgePoint === point) &&
      (kind === undefined || q.kind === kind) &&
      (!k || q.stem.toLowerCase().includes(k) || q.code.toLowerCase().includes(k)),
  );

  return (
    <Modal
      open
      title="从题库添加题目"
      width={880}
      okText={`添加${selected.length ? ` ${selected.length} 题` : ''}`}
      okButtonProps={{ disabled: !selected.length }}
      cancelText="取消"
      onCancel={onCancel}
      onOk={() => onAdd(selected)}
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<KnowledgePointId>
          allowClear
          placeholder="全部知识点"
          style={{ width: 280 }}
          options={KNOWLEDGE_POINT_OPTIONS}
          value={point}
          onChange={setPoint}
          popupMatchSelectWidth={false}
        />
        <Select<QuestionKind>
          allowClear
          placeholder="全部题型"
          style={{ width: 120 }}
          options={labelOptions(QUESTION_KIND_LABELS)}
          value={kind}
          onChange={setKind}
        />
        <Input.Search allowClear placeholder="题干或编号" style={{ width: 220 }} onSearch={setKeyword} onChange={(e) => !e.target.value && setKeyword('')} />
      </Space>
      <Table<AdminQuestion>
        rowKey="code"
        size="small"
        dataSource={shown}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        rowSelection={{
          selectedRowKeys: selected,
          preserveSelectedRowKeys: true,
          onChange: (keys) => setSelected(keys as string[]),
          getCheckboxProps: (q) => ({ disabled: already.has(q.code) }),
        }}
        columns={[
          { title: '编号', dataIndex: 'code', width: 100, render: (code: string) => <Typography.Text code>{code}</Typography.Text> },
          {
            title: '题干',
            dataIndex: 'stem',
            render: (stem: string, q) => (
              <Space size={4} wrap>
                {already.has(q.code) ? <Tag color="blue">已选</Tag> : null}
                {q.builtIn ? <Tag>默认题库</Tag> : null}
                <span>{stem}</span>
              </Space>
            ),
          },
          { title: '题型', dataIndex: 'kind', width: 80, render: (v: QuestionKind) => QUESTION_KIND_LABELS[v] },
          { title: '知识点', dataIndex: 'knowledgePoint', width: 80, render: (v: KnowledgePointId) => `第 ${v} 条` },
        ]}
      />
    </Modal>
  );
}
