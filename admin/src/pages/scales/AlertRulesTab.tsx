import { useMemo, useState } from 'react';
import { ProCard } from '@ant-design/pro-components';
import { Alert, App, Button, Collapse, Input, Popconfirm, Space, Typography } from 'antd';
import { DEFAULT_ALERT_RULES } from '@xinqiao/shared';
import { scalesApi } from '../../api/scales';
import { PageLoading } from '../../components/PageLoading';
import { useLoadItem } from '../../hooks/useLoadItem';
import { alertRulesToText, checkAlertRulesText } from './alertRulesText';
import { ProblemList } from './ProblemList';
import { reportFromError, type ProblemReport } from './problems';

const HELP: [string, string][] = [
  ['default', '所有量表共用的规则（必填）'],
  ['byScale', '按量表编码单独调整，只写需要改变的字段，其余沿用 default，如 "phq-9": { "bySeverity": { "2": "yellow" } }'],
  ['criticalItemIsRed', '危机条目（如 PHQ-9 第 9 题）被触发时是否直接为红色预警：true 或 false'],
  ['crisisIsRed', '结果进入危机路径时是否为红色预警：true 或 false'],
  ['fromMostSevere', '从最严重的结果分段往下依次对应的颜色，如 ["red", "yellow"] 表示最严重为红色、次严重为黄色'],
  ['otherConcern', 'fromMostSevere 未覆盖、但仍需关注的分段的颜色'],
  ['noConcern', '无明显问题分段的颜色，通常为 null（不产生预警）'],
  ['bySeverity', '按分段的 severity 数值直接指定颜色，优先于 fromMostSevere，如 { "2": "yellow" }'],
];

export function AlertRulesTab() {
  const { message } = App.useApp();
  const rules = useLoadItem('alert-rules', () => scalesApi.alertRules().then(alertRulesToText), '预警规则加载失败');
  const saved = rules.item;
  // What the editor shows: the saved rules until the staff member edits them.
  const [edited, setEdited] = useState<string | null>(null);
  const text = edited ?? saved ?? '';
  const [saving, setSaving] = useState(false);
  const [serverReport, setServerReport] = useState<ProblemReport | null>(null);
  const check = useMemo(() => checkAlertRulesText(text), [text]);
  const dirty = saved !== null && text !== saved;

  const save = async () => {
    if (!check.ok) return;
    setSaving(true);
    setServerReport(null);
    try {
      rules.setItem(alertRulesToText(await scalesApi.saveAlertRules(check.rules)));
      setEdited(null);
      void message.success('预警规则已保存');
    } catch (e) {
      setServerReport(reportFromError(e, '保存失败，请稍后重试'));
    } finally {
      setSaving(false);
    }
  };

  if (rules.error) return <Alert type="error" showIcon message={rules.error.message} />;
  if (saved === null) return <PageLoading />;

  return (
    <ProCard
      title="三色预警规则"
      tooltip="测评结果按这些规则判定为红色、黄色、绿色预警或不预警"
      extra={
        <Space>
          <Popconfirm
            title="用平台默认规则替换编辑框中的内容？（保存后才生效）"
            okText="替换"
            onConfirm={() => setEdited(alertRulesToText(DEFAULT_ALERT_RULES))}
          >
            <Button>填入默认规则</Button>
          </Popconfirm>
          <Button disabled={!dirty} onClick={() => setEdited(null)}>
            撤销修改
          </Button>
          <Button type="primary" loading={saving} disabled={!dirty || !check.ok} onClick={() => void save()}>
            保存
          </Button>
        </Space>
      }
    >
      {serverReport ? <ProblemList report={serverReport} onClose={() => setServerReport(null)} testId="alert-rules-server-problems" /> : null}
      {check.ok ? null : <ProblemList type="warning" report={{ title: '规则有误，修正后才能保存', problems: check.problems }} testId="alert-rules-problems" />}
      <Input.TextArea
        className="xq-code-editor"
        aria-label="预警规则 JSON"
        value={text}
        spellCheck={false}
        autoSize={{ minRows: 18, maxRows: 40 }}
        onChange={(e) => setEdited(e.target.value)}
      />
      <Collapse
        ghost
        style={{ marginTop: 12 }}
        items={[
          {
            key: 'help',
            label: '字段说明',
            children: (
              <>
                <Typography.Paragraph type="secondary">颜色取值为 "red"（红色）、"yellow"（黄色）、"green"（绿色）或 null（不预警）。</Typography.Paragraph>
                <ul className="xq-problem-list">
                  {HELP.map(([field, meaning]) => (
                    <li key={field}>
                      <Typography.Text code>{field}</Typography.Text> {meaning}
                    </li>
                  ))}
                </ul>
              </>
            ),
          },
        ]}
      />
    </ProCard>
  );
}
