import { Alert } from 'antd';

interface Props {
  /** e.g. "活动还不能保存". */
  title: string;
  problems: string[];
  onClose?: () => void;
}

/** Every reason a form cannot be saved yet, listed at once above the form. */
export function FormProblems({ title, problems, onClose }: Props) {
  if (!problems.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      closable={Boolean(onClose)}
      onClose={onClose}
      className="xq-form-alert"
      message={title}
      description={
        <ul className="xq-problem-list">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      }
    />
  );
}
