import { useState } from 'react';
import { Button, InputNumber, Space, Table, Typography } from 'antd';
import { KNOWLEDGE_POINTS, type KnowledgePointId } from '@xinqiao/shared';
import { MAX_PER_POINT, perPointRecord, type PerPointCounts } from './quizForm';

interface Props {
  value?: PerPointCounts;
  onChange?: (counts: PerPointCounts) => void;
  /** Live questions per point; null while the bank is loading (no upper bound then). */
  available: Record<KnowledgePointId, number> | null;
  disabled?: boolean;
}

/** How many questions to draw for each of the ten knowledge points. */
export function RandomDrawEditor({ value = {}, onChange, available, disabled }: Props) {
  const [each, setEach] = useState<number | null>(2);
  const counts = value;
  const limit = (id: KnowledgePointId) => Math.min(MAX_PER_POINT, available ? available[id] : MAX_PER_POINT);
  const total = KNOWLEDGE_POINTS.reduce((sum, p) => sum + (counts[p.id] ?? 0), 0);
  const setCount = (id: KnowledgePointId, n: number | null) => onChange?.({ ...counts, [id]: n ?? 0 });
  const fillEach = () => {
    const n = each ?? 0;
    const next = perPointRecord(n);
    // Never ask for more than a point has.
    for (const p of KNOWLEDGE_POINTS) next[p.id] = Math.min(n, limit(p.id));
    onChange?.(next);
  };

  return (
    <div data-testid="random-draw-editor">
      {disabled ? null : (
        <Space style={{ marginBottom: 8 }} wrap>
          <span>每个知识点抽</span>
          <InputNumber min={0} max={MAX_PER_POINT} precision={0} value={each} onChange={setEach} style={{ width: 80 }} aria-label="每个知识点的抽题数" />
          <span>题</span>
          <Button onClick={fillEach}>应用到全部知识点</Button>
        </Space>
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={KNOWLEDGE_POINTS.map((p) => ({ id: p.id, text: p.text }))}
        columns={[
          { title: '知识点', dataIndex: 'text', render: (text: string, p: { id: KnowledgePointId }) => `${p.id}. ${text}` },
          { title: '题库可用', key: 'available', width: 90, align: 'right', render: (_, p) => (available ? available[p.id] : '-') },
          {
            title: '抽题数',
            key: 'count',
            width: 110,
            render: (_, p) => (
              <InputNumber
                min={0}
                max={limit(p.id)}
                precision={0}
                value={counts[p.id] ?? 0}
                disabled={disabled}
                onChange={(n) => setCount(p.id, n)}
                style={{ width: 80 }}
                aria-label={`第 ${p.id} 条的抽题数`}
              />
            ),
          },
        ]}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2}>
              <Typography.Text strong data-testid="random-draw-total">
                {total} 题
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </div>
  );
}
