import { Tag } from 'antd';
import { QUIZ_STATUS_LABELS, type QuizStatus } from '@xinqiao/shared';

const COLOURS: Record<QuizStatus, string> = { draft: 'default', published: 'green', closed: 'orange' };

export function QuizStatusTag({ status }: { status: QuizStatus }) {
  return (
    <Tag color={COLOURS[status]} data-testid="quiz-status" data-status={status}>
      {QUIZ_STATUS_LABELS[status]}
    </Tag>
  );
}
