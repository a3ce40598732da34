import { Alert, Typography } from 'antd';
import type { ProblemReport } from './problems';

interface Props {
  report: ProblemReport;
  type?: 'error' | 'warning';
  /** A reading aid shown after a path, e.g. "第 4 题". */
  describePath?: (path: string) => string;
  onClose?: () => void;
  testId?: string;
}

/** Every problem of a document with its JSON path, so nothing has to be fixed one error at a time. */
export function ProblemList({ report, type = 'error', describePath, onClose, testId }: Props) {
  const { title, problems } = report;
  return (
    <Alert
      type={type}
      showIcon
      className="xq-form-alert"
      closable={Boolean(onClose)}
      onClose={onClose}
      data-testid={testId}
      message={problems.length > 1 ? `${title}（共 ${problems.length} 处）` : title}
      description={
        problems.length ? (
          <ol className="xq-problem-list">
            {problems.map((p, i) => {
              const hint = p.path && describePath ? describePath(p.path) : '';
              return (
                <li key={`${p.path}-${i}`}>
                  <Typography.Text code>{p.path || '（整体）'}</Typography.Text>
                  {hint ? <Typography.Text type="secondary">（{hint}）</Typography.Text> : null} {p.message}
                </li>
              );
            })}
          </ol>
        ) : undefined
      }
    />
  );
}
