import type { ReactNode } from 'react';
import { Col, Row, Space, Tag, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../utils/format';
import { WEIGHTED_LABEL, type AwarenessReport, type AwarenessSlice, type ConfidenceInterval, type TargetComparison } from '@xinqiao/shared';
import {
  AWARENESS_METRIC_HINTS,
  AWARENESS_METRIC_LABELS,
  formatCi,
  formatPercent,
  formatTarget,
  isSummary,
  TARGET_VERDICT_COLOURS,
  TARGET_VERDICT_LABELS,
  targetVerdict,
  targetVerdictHint,
} from './awarenessFormat';

interface FigureProps {
  title: ReactNode;
  hint?: string;
  value: ReactNode;
  /** Shown after the value as "（95% CI xx.x–xx.x）", so the text reads as one figure. */
  ci?: ConfidenceInterval;
  testId?: string;
}

export function Figure({ title, hint, value, ci, testId }: FigureProps) {
  return (
    <div className="xq-figure">
      <div className="xq-figure-title">
        {title}
        {hint ? (
          <Tooltip title={hint}>
            <QuestionCircleOutlined style={{ marginLeft: 4 }} />
          </Tooltip>
        ) : null}
      </div>
      <div className="xq-figure-line">
        <span className="xq-figure-value" data-testid={testId}>
          {value}
        </span>
        {ci ? <span className="xq-figure-ci">（{formatCi(ci)}）</span> : null}
      </div>
    </div>
  );
}

/** 达标 / 未达标 / 无法判断, with why in a tooltip. */
export function VerdictTag({ comparison }: { comparison: TargetComparison }) {
  const verdict = targetVerdict(comparison);
  return (
    <Tooltip title={targetVerdictHint(comparison)}>
      <Tag color={TARGET_VERDICT_COLOURS[verdict]} data-testid="awareness-verdict" data-verdict={verdict}>
        {TARGET_VERDICT_LABELS[verdict]}
      </Tag>
    </Tooltip>
  );
}

function TargetBlock({ slice, canSetTargets }: { slice: AwarenessSlice; canSetTargets: boolean }) {
  if (!slice.target) {
    return (
      <Figure
        title="目标"
        value={<Typography.Text type="secondary">未设置</Typography.Text>}
        hint={canSetTargets ? undefined : '目标由具有区域管理权限的人员设置'}
      />
    );
  }
  return (
    <div className="xq-figure">
      <div className="xq-figure-title">目标</div>
      <div className="xq-figure-line">
        <span className="xq-figure-target">{formatTarget(slice.target)}</span>
      </div>
      <Space size={4} wrap style={{ marginTop: 4 }}>
        {slice.comparison ? <VerdictTag comparison={slice.comparison} /> : <Tag>无法比较</Tag>}
        {slice.target.source ? <Typography.Text type="secondary">依据：{slice.target.source}</Typography.Text> : null}
      </Space>
    </div>
  );
}

function WeightedBlock({ weighted, filtered }: { weighted: AwarenessReport['weighted']; filtered: boolean }) {
  let body: ReactNode;
  if (!weighted) {
    body = (
      <Typography.Text type="secondary">
        {filtered ? '加权估计只针对整个区域计算；按城乡、人群、年龄段、性别或活动筛选时不提供' : '所选区域的社区（村）缺少常住人口数据，无法计算加权估计'}
      </Typography.Text>
    );
  } else if (weighted.suppressed) body = <Typography.Text type="secondary">{weighted.reason}</Typography.Text>;
  else {
    body = (
      <>
        <Figure title={AWARENESS_METRIC_LABELS[weighted.metric]} value={formatPercent(weighted.estimate)} ci={weighted.ci} testId="awareness-weighted" />
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          按 {weighted.strata.length} 个分层的常住人口加权，覆盖人口 {formatPercent(weighted.populationCoverage)}
          {weighted.missingStrata.length ? `；另有 ${weighted.missingStrata.length} 个分层没有样本，未计入并已重新分配权重` : ''}。
        </Typography.Paragraph>
      </>
    );
  }
  return (
    <div className="xq-weighted" data-testid="awareness-weighted-block">
      <Space size={4} style={{ marginBottom: 8 }}>
        <Tag color="purple">{WEIGHTED_LABEL}</Tag>
        <Tooltip title="按各区域城镇、农村常住人口调整样本结构后的估计，用于推算总体知晓率；与上面按样本直接计算的结果并列参考">
          <QuestionCircleOutlined />
        </Tooltip>
      </Space>
      <div>{body}</div>
    </div>
  );
}

/** The overall slice as big figures, with the target verdict and the population-weighted estimate beside it. */
interface OverallProps {
  report: AwarenessReport;
  canSetTargets: boolean;
  /** Filters other than the region are applied (the server gives no weighted estimate then). */
  filtered: boolean;
}

export function OverallFigures({ report, canSetTargets, filtered }: OverallProps) {
  const { overall } = report;
  const result = overall.result;
  return (
    <Row gutter={[24, 16]} className="xq-awareness-overall" data-testid="awareness-overall">
      <Col xs={24} xl={16}>
        {isSummary(result) ? (
          <Row gutter={[24, 16]}>
            <Col xs={12} md={6}>
              <Figure title="答题人数" value={formatNumber(overall.respondents)} testId="awareness-respondents" />
            </Col>
            <Col xs={24} md={9}>
              <Figure
                title="达标率"
                hint={AWARENESS_METRIC_HINTS.pass_rate}
                value={formatPercent(result.passRate)}
                ci={result.passRateCi}
                testId="awareness-pass-rate"
              />
            </Col>
            <Col xs={24} md={9}>
              <Figure
                title="平均正确率"
                hint={AWARENESS_METRIC_HINTS.mean_correct_rate}
                value={formatPercent(result.meanCorrectRate)}
                ci={result.meanCorrectRateCi}
                testId="awareness-mean-correct"
              />
            </Col>
            <Col xs={24}>
              <TargetBlock slice={overall} canSetTargets={canSetTargets} />
            </Col>
          </Row>
        ) : (
          <Row gutter={[24, 16]}>
            <Col xs={12} md={6}>
              <Figure title="答题人数" value={formatNumber(overall.respondents)} testId="awareness-respondents" />
            </Col>
            <Col xs={24} md={18}>
              <Figure title="达标率 / 平均正确率" value={<Typography.Text type="secondary">{result.reason}，不显示比例</Typography.Text>} />
            </Col>
          </Row>
        )}
      </Col>
      <Col xs={24} xl={8}>
        <WeightedBlock weighted={report.weighted} filtered={filtered} />
      </Col>
      {canSetTargets && !overall.target ? (
        <Col xs={24}>
          <Link to="/awareness/targets">设置知晓率目标</Link>
        </Col>
      ) : null}
    </Row>
  );
}
