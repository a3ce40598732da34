import { useEffect, useRef, useState, type HTMLAttributes } from 'react';
import { Alert, Empty, Progress, Skeleton, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { knowledgePointText, type KnowledgePointReport } from '@xinqiao/shared';
import { awarenessApi } from '../../api/awareness';
import { formatCi, formatPercent } from './awarenessFormat';

type Ranked = KnowledgePointReport['ranked'][number];

interface Props {
  quizIds: number[];
  regionId?: number;
  /** Article links open the editor, which needs `articles.edit`. */
  canOpenArticles: boolean;
}

/** The ten knowledge points ranked by error rate, worst first, with articles that teach them. */
export function KnowledgePointsTab({ quizIds, regionId, canOpenArticles }: Props) {
  const [report, setReport] = useState<KnowledgePointReport | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const key = `${quizIds.join(',')}|${regionId ?? ''}`;

  useEffect(() => {
    if (!quizIds.length) return;
    const seq = ++latest.current;
    setLoading(true);
    awarenessApi
      .knowledgePoints({ quizIds, regionId })
      .then(
        (r) => seq === latest.current && setReport(r),
        () => seq === latest.current && setReport(null),
      )
      .finally(() => seq === latest.current && setLoading(false));
    // `key` stands for the waves and the region.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  if (!report && loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!report) return <Empty description="暂无数据" />;

  return (
    <div data-testid="awareness-knowledge-points">
      <Typography.Paragraph type="secondary">
        按错误率从高到低排列（选“不知道”也计为答错），提示下一次宣传应重点讲解的知识点。错误率按作答次数计算，用于排序参考，不作为知晓率上报。
      </Typography.Paragraph>
      <Table<Ranked>
        rowKey="knowledgePoint"
        size="small"
        loading={loading}
        dataSource={report.ranked}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(row) => ({ 'data-testid': 'knowledge-point-row', 'data-point': row.knowledgePoint }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: '排名', key: 'rank', width: 60, render: (_, __, i) => i + 1 },
          { title: '知识点', key: 'text', width: 300, render: (_, r) => `${r.knowledgePoint}. ${r.text}` },
          {
            title: '错误率',
            key: 'errorRate',
            width: 190,
            render: (_, r) => (
              <Tooltip title={`${formatCi(r.errorRateCi)}；答错 ${r.errors.toLocaleString('zh-CN')} / 作答 ${r.answered.toLocaleString('zh-CN')} 次`}>
                <Space size={8}>
                  <Progress
                    percent={Math.round(r.errorRate * 1000) / 10}
                    size="small"
                    showInfo={false}
                    strokeColor="#fa8c16"
                    style={{ width: 100, margin: 0 }}
                  />
                  <span>{formatPercent(r.errorRate)}</span>
                </Space>
              </Tooltip>
            ),
          },
          { title: '选“不知道”', key: 'dontKnow', width: 90, align: 'right', render: (_, r) => formatPercent(r.dontKnowRate) },
          { title: '题数', dataIndex: 'questions', width: 60, align: 'right' },
          { title: '作答次数', dataIndex: 'answered', width: 80, align: 'right', render: (n: number) => n.toLocaleString('zh-CN') },
          {
            title: '相关科普文章',
            key: 'articles',
            width: 240,
            render: (_, r) =>
              r.articles.length ? (
                <Space direction="vertical" size={0}>
                  {r.articles.map((a) =>
                    canOpenArticles ? (
                      <Link key={a.id} to={`/articles/${a.id}`}>
                        {a.title}
                      </Link>
                    ) : (
                      <span key={a.id}>{a.title}</span>
                    ),
                  )}
                </Space>
              ) : (
                <Typography.Text type="secondary">暂无，建议补充</Typography.Text>
              ),
          },
        ]}
      />
      {report.insufficient.length ? (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 12 }}
          message="以下知识点作答不足，未参与排名"
          description={
            <Space size={[4, 4]} wrap>
              {report.insufficient.map((p) => (
                <Tooltip key={p} title={knowledgePointText(p)}>
                  <Tag>第 {p} 条</Tag>
                </Tooltip>
              ))}
            </Space>
          }
        />
      ) : null}
    </div>
  );
}
