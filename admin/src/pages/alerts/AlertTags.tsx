import { Tag } from 'antd';
import { ALERT_COLOUR_LABELS, ALERT_STATUS_LABELS, type AlertColour, type AlertStatus } from '@xinqiao/shared';
import { ALERT_COLOUR_TAG_COLORS, ALERT_STATUS_TAG_COLORS, OVERDUE_LABEL } from './alertView';

export function AlertColourTag({ colour }: { colour: AlertColour }) {
  return (
    <Tag color={ALERT_COLOUR_TAG_COLORS[colour]} className={`xq-alert-colour xq-alert-colour-${colour}`}>
      {ALERT_COLOUR_LABELS[colour]}
    </Tag>
  );
}

export function AlertStatusTag({ status }: { status: AlertStatus }) {
  return <Tag color={ALERT_STATUS_TAG_COLORS[status]}>{ALERT_STATUS_LABELS[status]}</Tag>;
}

export function OverdueTag() {
  return (
    <Tag color="error" className="xq-alert-overdue-tag">
      {OVERDUE_LABEL}
    </Tag>
  );
}
