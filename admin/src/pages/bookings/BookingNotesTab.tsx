import { useState } from 'react';
import { Alert, App, Button, Input, List, Skeleton, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { formatChinaDateTime } from '@xinqiao/shared';
import { bookingsApi } from '../../api/bookings';
import { useAuditedItem } from '../../hooks/useAuditedItem';

const at = (iso: string) => formatChinaDateTime(new Date(iso));

/** Private notes of the assigned counsellor: loaded when the tab is opened (each read is audited). */
export function NotesTab({ bookingId }: { bookingId: number }) {
  const { message } = App.useApp();
  const { item: notes, error, setItem: setNotes } = useAuditedItem(bookingId, (id) => bookingsApi.notes(id, { silent: true }), '咨询记录加载失败');
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);

  const add = async () => {
    if (!text.trim()) return;
    setSaving(true);
    try {
      const note = await bookingsApi.addNote(bookingId, text.trim());
      setNotes([...(notes ?? []), note]);
      setText('');
      void message.success('咨询记录已保存');
    } catch {
      // shown by the API client
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Alert
        type="warning"
        showIcon
        icon={<LockOutlined />}
        className="xq-form-alert"
        message="咨询记录加密保存，仅您本人（本次预约的指定咨询师）可以查看，每次查看均记入审计日志。"
      />
      {error ? (
        <Alert type="error" showIcon message={error.message} />
      ) : notes === null ? (
        <Skeleton active />
      ) : (
        <List
          dataSource={notes}
          locale={{ emptyText: '暂无咨询记录' }}
          renderItem={(n) => (
            <List.Item>
              <List.Item.Meta
                description={at(n.at)}
                title={<Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{n.text}</Typography.Paragraph>}
              />
            </List.Item>
          )}
        />
      )}
      <Space.Compact direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        <Input.TextArea
          value={text}
          onChange={(e) => setText(e.target.value)}
          maxLength={5000}
          showCount
          autoSize={{ minRows: 3, maxRows: 10 }}
          placeholder="记录本次咨询的要点、评估和后续计划"
        />
      </Space.Compact>
      <Button type="primary" style={{ marginTop: 8 }} loading={saving} disabled={!text.trim() || error !== null} onClick={() => void add()}>
        添加记录
      </Button>
    </>
  );
}
