import { useState } from 'react';
import { App, Form, Input, Modal, Select, Typography } from 'antd';
import type { BookingDetail } from '@xinqiao/shared';
import { useStaff } from '../../auth/SessionContext';
import { useCounsellorOptions } from './lookups';

export function CancelModal({
  open,
  loading,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  loading: boolean;
  onCancel(): void;
  onSubmit(reason: string): Promise<void>;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const { modal } = App.useApp();
  const submit = async () => {
    const { reason } = await form.validateFields();
    modal.confirm({
      title: '确定取消这次预约？',
      content: '取消后该时段将重新开放预约，操作不可撤销。',
      okText: '确定取消',
      okButtonProps: { danger: true },
      cancelText: '再想想',
      onOk: () => onSubmit(reason.trim()),
    });
  };
  return (
    <Modal
      title="机构取消预约"
      open={open}
      onCancel={onCancel}
      onOk={() => void submit().catch(() => undefined)}
      okText="取消预约"
      okButtonProps={{ danger: true, loading }}
      destroyOnHidden
      afterClose={() => form.resetFields()}
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="reason" label="取消原因" extra="原因会记入处理记录。" rules={[{ required: true, whitespace: true, message: '请填写取消原因' }]}>
          <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 3, maxRows: 6 }} placeholder="如：咨询师临时出差，已电话联系居民改约" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function HandoverModal({
  open,
  detail,
  loading,
  onCancel,
  onSubmit,
}: {
  open: boolean;
  detail: BookingDetail;
  loading: boolean;
  onCancel(): void;
  onSubmit(counsellorId: number): Promise<void>;
}) {
  const staff = useStaff();
  // An in-person session stays at its station: offer that station's counsellors.
  // Only published colleagues offering the session's mode can take it (the server checks the same).
  const options = useCounsellorOptions(staff, detail.kind === 'in_person' ? (detail.stationId ?? undefined) : undefined).filter(
    (o) => o.value !== detail.counsellorId && o.published && detail.kind !== 'callback' && o.modes.includes(detail.kind),
  );
  const [counsellorId, setCounsellorId] = useState<number | undefined>();
  return (
    <Modal
      title="转交同事"
      open={open}
      onCancel={onCancel}
      onOk={() => counsellorId !== undefined && void onSubmit(counsellorId)}
      okText="转交"
      okButtonProps={{ loading, disabled: counsellorId === undefined }}
      destroyOnHidden
      afterClose={() => setCounsellorId(undefined)}
    >
      <Typography.Paragraph type="secondary">
        转交后由新的咨询师负责本次预约，原咨询师将无法再查看咨询需求和咨询记录。只能转交给已公开、提供该咨询方式的同事；如同事该时段已有安排，将无法转交。
      </Typography.Paragraph>
      <Select
        style={{ width: '100%' }}
        showSearch
        optionFilterProp="label"
        placeholder={detail.kind === 'in_person' ? '选择本站点的咨询师' : '选择咨询师'}
        options={options}
        value={counsellorId}
        onChange={setCounsellorId}
        notFoundContent="没有可选的咨询师"
      />
    </Modal>
  );
}
