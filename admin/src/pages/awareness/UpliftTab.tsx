import { useEffect, useRef, useState } from 'react';
import { Alert, Col, Descriptions, Empty, Form, Row, Select, Skeleton, Tag, Typography } from 'antd';
import type { AdminQuiz, ConfidenceInterval, UpliftReport } from '@xinqiao/shared';
import { ApiRequestError } from '../../api/client';
import { awarenessApi } from '../../api/awareness';
import { quizzesApi } from '../../api/quizzes';
import { DIFFERENCE_VERDICT_LABELS, differenceVerdict, formatDifferenceWithCi, formatPercent, formatPValue } from './awarenessFormat';

const VERDICT_COLOURS = { up: 'success', down: 'error', none: 'default' } as const;

function Difference({ estimate, ci }: { estimate: number; ci: ConfidenceInterval }) {
  const verdict = differenceVerdict(ci);
  return (
    <span>
      {formatDifferenceWithCi(estimate, ci)} <Tag color={VERDICT_COLOURS[verdict]}>{DIFFERENCE_VERDICT_LABELS[verdict]}</Tag>
    </span>
  );
}

/** Pre/post uplift of a campaign or event: unpaired for everyone, paired for residents who took both. */
export function UpliftTab({ postQuizId, onChange }: { postQuizId?: number; onChange(postQuizId: number | undefined): void }) {
  const [postTests, setPostTests] = useState<AdminQuiz[] | null>(null);
  const [report, setReport] = useState<UpliftReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);

  useEffect(() => {
    quizzesApi.options({ kind: 'post_test' }).then(
      (list) => setPostTests(list.filter((q) => q.status !== 'draft')),
      () => setPostTests([]),
    );
  }, []);

  useEffect(() => {
    setReport(null);
    setError(null);
    if (postQuizId === undefined) return;
    const seq = ++latest.current;
    setLoading(true);
    // Silent: "not enough answers yet" is shown in place of the figures, not as a toast.
    awarenessApi
      .uplift(postQuizId, { silent: true })
      .then(
        (r) => seq === latest.current && setReport(r),
        (e: unknown) => seq === latest.current && setError(e instanceof ApiRequestError ? e.message : '提升效果加载失败，请稍后重试'),
      )
      .finally(() => seq === latest.current && setLoading(false));
  }, [postQuizId]);

  // Uplift needs the pre-test the post-test names.
  const options = (postTests ?? []).map((q) => ({
    value: q.id,
    label: q.pairedQuizId ? `${q.title}（${q.respondents} 人作答）` : `${q.title}（未指定对应前测）`,
    disabled: !q.pairedQuizId,
  }));

  return (
    <div data-testid="awareness-uplift">
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label="活动后测">
          <Select<number>
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={postTests && !postTests.length ? '暂无已发布的后测' : '请选择后测'}
            loading={postTests === null}
            style={{ width: 420 }}
            value={postQuizId}
            options={options}
            onChange={(v) => onChange(v ?? undefined)}
          />
        </Form.Item>
      </Form>
      {postQuizId === undefined ? <Empty description="选择一个活动后测，查看与前测相比的提升" /> : null}
      {loading ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {error ? <Alert type="warning" showIcon message={error} /> : null}
      {report ? <UpliftFigures report={report} /> : null}
    </div>
  );
}

function UpliftFigures({ report }: { report: UpliftReport }) {
  const { unpaired, paired } = report;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Descriptions title="全部答卷（非配对）" bordered size="small" column={1} data-testid="uplift-unpaired">
          <Descriptions.Item label="前测">
            {unpaired.pre.respondents.toLocaleString('zh-CN')} 人 · 达标率 {formatPercent(unpaired.pre.passRate)} · 平均正确率{' '}
            {formatPercent(unpaired.pre.meanCorrectRate)}
          </Descriptions.Item>
          <Descriptions.Item label="后测">
            {unpaired.post.respondents.toLocaleString('zh-CN')} 人 · 达标率 {formatPercent(unpaired.post.passRate)} · 平均正确率{' '}
            {formatPercent(unpaired.post.meanCorrectRate)}
          </Descriptions.Item>
          <Descriptions.Item label="达标率变化">
            <Difference estimate={unpaired.passRateDifference.estimate} ci={unpaired.passRateDifference.ci} />
          </Descriptions.Item>
          <Descriptions.Item label="平均正确率变化">
            <Difference estimate={unpaired.meanCorrectRateDifference.estimate} ci={unpaired.meanCorrectRateDifference.ci} />
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          前后测答题者可能不是同一批人，差异也可能来自人员构成不同；达标率差值区间采用 Newcombe 法。
        </Typography.Paragraph>
      </Col>
      <Col xs={24} xl={12}>
        {paired ? (
          <>
            <Descriptions title="同一居民前后对比（配对）" bordered size="small" column={1} data-testid="uplift-paired">
              <Descriptions.Item label="配对人数">{paired.pairs.toLocaleString('zh-CN')} 人</Descriptions.Item>
              <Descriptions.Item label="正确率平均提升">
                <Difference estimate={paired.meanDifference} ci={paired.meanDifferenceCi} />
              </Descriptions.Item>
              <Descriptions.Item label="达标率">
                前测 {formatPercent(paired.prePassRate)} → 后测 {formatPercent(paired.postPassRate)}
              </Descriptions.Item>
              <Descriptions.Item label="达标率变化">
                <Difference estimate={paired.passRateDifference} ci={paired.passRateDifferenceCi} />
              </Descriptions.Item>
              <Descriptions.Item label="McNemar 检验">
                由未达标变为达标 {paired.mcnemar.gained} 人，由达标变为未达标 {paired.mcnemar.lost} 人，精确检验 {formatPValue(paired.mcnemar.exactP)}
              </Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              配对分析只计入先后完成前测和后测的同一居民，能排除人员构成不同的影响；p &lt; 0.05 通常视为达标人数的变化有统计学意义。
            </Typography.Paragraph>
          </>
        ) : (
          <Empty description="没有可配对的答卷：需要同一居民先后完成前测和后测，且后测已指定对应的前测" />
        )}
      </Col>
    </Row>
  );
}
