/** The alert page's session: the alert (read once: the read is audited) and claiming it. */
import { useState } from 'react';
import { App } from 'antd';
import { alertsApi } from '../../api/alerts';
import { ApiRequestError } from '../../api/client';
import { useStaff } from '../../auth/SessionContext';
import { useAuditedItem } from '../../hooks/useAuditedItem';
import { alertPermissions } from './alertView';

/**
 * Reading an alert is audited server-side (health data, PIPL art. 28), so the page reads it once;
 * later changes come back in the answers to claim / follow-up / close (`setAlert`).
 * `id` null: a malformed URL (nothing is loaded).
 */
export function useAlertSession(id: number | null) {
  const staff = useStaff();
  const { message } = App.useApp();
  const { item: alert, setItem: setAlert, error } = useAuditedItem(id, (key) => alertsApi.get(key), '预警加载失败');
  const [claiming, setClaiming] = useState(false);
  const [claimError, setClaimError] = useState<string | null>(null);

  const claim = async () => {
    if (!alert) return;
    setClaiming(true);
    setClaimError(null);
    try {
      setAlert(await alertsApi.claim(alert.id));
      void message.success('已认领，请尽快联系居民并记录跟进');
    } catch (e) {
      // 409: a colleague holds it. The server's message says who; keep it on the page.
      const text = e instanceof ApiRequestError ? e.message : '认领失败，请稍后重试';
      setClaimError(text);
      void message.error(text);
    } finally {
      setClaiming(false);
    }
  };

  return {
    alert,
    setAlert,
    error,
    can: alert ? alertPermissions(alert, staff.id) : null,
    mine: alert !== null && alert.assigneeId === staff.id,
    claim,
    claiming,
    claimError,
    clearClaimError: () => setClaimError(null),
  };
}
