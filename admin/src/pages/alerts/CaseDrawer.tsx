import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Drawer, Empty, Result, Skeleton, Tag, Timeline, Typography } from 'antd';
import { CASE_ENTRY_TYPE_LABELS, type AlertCase, type CaseEntry } from '@xinqiao/shared';
import { alertsApi } from '../../api/alerts';
import { ApiRequestError } from '../../api/client';
import { formatDateTime } from '../../utils/format';
import { ALERT_COLOUR_TAG_COLORS } from './alertView';
import { caseEntryText } from './caseworkView';

const TYPE_COLORS: Record<CaseEntry['type'], string> = {
  scale: 'blue',
  alert: 'red',
  follow_up: 'green',
  help_request: 'purple',
  referral: 'cyan',
  booking: 'gray',
};

/**
 * 个案档案 (一户一档): the resident's results, alerts, contacts, referrals and bookings, newest first.
 * Every read is audited, so it is fetched once per opening of the drawer, not on every render.
 */
export function CaseDrawer({ alertId }: { alertId: number }) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<AlertCase | null>(null);
  const [error, setError] = useState<string | null>(null);
  const opening = useRef(0);

  useEffect(() => {
    if (!open) return;
    const seq = ++opening.current;
    setData(null);
    setError(null);
    alertsApi.caseView(alertId).then(
      (c) => seq === opening.current && setData(c),
      (e: unknown) => seq === opening.current && setError(e instanceof ApiRequestError ? e.message : '个案档案加载失败'),
    );
  }, [open, alertId]);

  return (
    <>
      <Button onClick={() => setOpen(true)}>个案档案</Button>
      <Drawer title="个案档案（一户一档）" width={640} open={open} onClose={() => setOpen(false)} destroyOnHidden>
        <Alert
          type="info"
          showIcon
          className="xq-form-alert"
          message="您查看个案档案的记录已写入审计日志"
          description="档案汇总该居民的测评结果、预警、跟进、转介和预约，仅用于本次跟进。"
        />
        {error ? (
          <Result status="warning" title={error} />
        ) : !data ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : data.entries.length === 0 ? (
          <Empty description="暂无记录" />
        ) : (
          <Timeline
            items={data.entries.map((e, i) => {
              const text = caseEntryText(e);
              return {
                key: `${e.type}-${i}`,
                color: e.type === 'alert' || e.type === 'help_request' ? ALERT_COLOUR_TAG_COLORS[e.colour] : TYPE_COLORS[e.type],
                children: (
                  <>
                    <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text> <Tag>{CASE_ENTRY_TYPE_LABELS[e.type]}</Tag>
                    <div>
                      <Typography.Text strong>{text.title}</Typography.Text>
                    </div>
                    {text.detail ? <div style={{ whiteSpace: 'pre-wrap' }}>{text.detail}</div> : null}
                  </>
                ),
              };
            })}
          />
        )}
      </Drawer>
    </>
  );
}
