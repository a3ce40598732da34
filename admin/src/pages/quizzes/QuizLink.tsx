import { useState } from 'react';
import { Button, Modal, Typography } from 'antd';
import { QrcodeOutlined } from '@ant-design/icons';
import type { AdminQuiz } from '@xinqiao/shared';
import { takePath } from './quizForm';

/** The mini-program path of a quiz, to copy into a QR code generator or a notice. */
export function QuizLinkText({ quiz }: { quiz: Pick<AdminQuiz, 'id' | 'status'> }) {
  return (
    <div data-testid="quiz-link">
      <Typography.Paragraph copyable={{ text: takePath(quiz.id), tooltips: ['复制路径', '已复制'] }} code style={{ marginBottom: 8 }}>
        {takePath(quiz.id)}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        小程序页面路径：可在微信公众平台“生成小程序码”时填写，或放入通知、宣传海报的小程序链接中。
        {quiz.status === 'draft' ? '测验发布后居民才能作答。' : null}
        {quiz.status === 'closed' ? '测验已结束，居民打开后只能看到结束提示。' : null}
      </Typography.Paragraph>
    </div>
  );
}

export function QuizLinkButton({ quiz }: { quiz: Pick<AdminQuiz, 'id' | 'status' | 'title'> }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button type="link" size="small" icon={<QrcodeOutlined />} onClick={() => setOpen(true)}>
        二维码/链接
      </Button>
      <Modal open={open} title={`答题入口：${quiz.title}`} footer={null} onCancel={() => setOpen(false)} destroyOnHidden>
        <QuizLinkText quiz={quiz} />
      </Modal>
    </>
  );
}
