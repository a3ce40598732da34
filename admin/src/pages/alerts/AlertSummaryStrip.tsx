import { Badge, Card, Col, Row, Statistic } from 'antd';
import type { AlertColour } from '@xinqiao/shared';
import type { AlertSummary } from '@xinqiao/shared';
import { ALERT_COLOUR_SHORT_LABELS } from './alertView';

/** What a click on a count filters the queue to. */
export type SummaryPick = { colour: AlertColour } | { overdue: true } | { status: 'open' | 'claimed' };

interface Props {
  summary: AlertSummary | null;
  /** Red alerts that arrived since the page was opened and have not been looked at. */
  newRed: number;
  onPick(pick: SummaryPick): void;
}

const COLOUR_VALUES: Record<AlertColour, string> = { red: '#cf1322', yellow: '#d48806', green: '#389e0d' };

interface Cell {
  key: string;
  title: string;
  value: number | undefined;
  colour?: string;
  pick: SummaryPick;
  badge?: number;
}

/** Counts of the unclosed alerts; each one filters the queue below when clicked. */
export function AlertSummaryStrip({ summary, newRed, onPick }: Props) {
  const cells: Cell[] = [
    ...(['red', 'yellow', 'green'] as const).map((c) => ({
      key: c,
      title: `${ALERT_COLOUR_SHORT_LABELS[c]}预警`,
      value: summary?.[c],
      colour: COLOUR_VALUES[c],
      pick: { colour: c },
      badge: c === 'red' ? newRed : undefined,
    })),
    { key: 'overdue', title: '已超时', value: summary?.overdue, colour: summary?.overdue ? '#cf1322' : undefined, pick: { overdue: true } },
    { key: 'open', title: '待认领', value: summary?.open, pick: { status: 'open' } },
    { key: 'claimed', title: '跟进中', value: summary?.claimed, pick: { status: 'claimed' } },
  ];

  return (
    <Row gutter={[12, 12]} className="xq-alert-summary" style={{ marginBottom: 16 }}>
      {cells.map((cell) => (
        <Col key={cell.key} xs={12} sm={8} lg={4}>
          <Badge count={cell.badge} offset={[-12, 12]} title="新增红色预警" styles={{ root: { display: 'block', width: '100%' } }}>
            <Card size="small" hoverable onClick={() => onPick(cell.pick)} data-testid={`alert-summary-${cell.key}`}>
              <Statistic title={cell.title} value={cell.value ?? '-'} valueStyle={cell.colour ? { color: cell.colour } : undefined} />
            </Card>
          </Badge>
        </Col>
      ))}
    </Row>
  );
}
