import { Button, Form, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { NamePath } from 'antd/es/form/interface';
import { TIME_OPTIONS } from './stationHours';

interface Props {
  /** The Form.List holding `{ start, end }` ranges, e.g. ['weekly', '1'] or 'ranges'. */
  name: NamePath;
  /** Shown when the list is empty, e.g. 休息. */
  emptyText: string;
  /** Read only: no adding or removing. */
  disabled?: boolean;
  /** Default for a new range. */
  next?: { start: string; end: string };
}

const timeSelect = { options: TIME_OPTIONS, showSearch: true, style: { width: 96 } } as const;

/** Several `HH:mm` ranges of one day, each picked in quarter hours (24:00 closes at midnight). */
export function TimeRangesField({ name, emptyText, disabled, next = { start: '09:00', end: '12:00' } }: Props) {
  return (
    <Form.List name={name as string | number | (string | number)[]}>
      {(fields, { add, remove }) => (
        <Space wrap size={[12, 4]} align="center">
          {fields.length ? null : <Typography.Text type="secondary">{emptyText}</Typography.Text>}
          {fields.map((field) => (
            <Space.Compact key={field.key}>
              <Form.Item name={[field.name, 'start']} noStyle>
                <Select {...timeSelect} placeholder="开始" aria-label="开始时间" />
              </Form.Item>
              <Form.Item name={[field.name, 'end']} noStyle>
                <Select {...timeSelect} placeholder="结束" aria-label="结束时间" />
              </Form.Item>
              {disabled ? null : <Button aria-label="删除时间段" icon={<DeleteOutlined />} onClick={() => remove(field.name)} />}
            </Space.Compact>
          ))}
          {disabled ? null : (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => add({ ...next })}>
              添加时段
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
