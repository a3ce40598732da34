import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PageContainer, ProTable, type ActionType, type ProColumns, type ProFormInstance } from '@ant-design/pro-components';
import { App, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import {
  AGE_BAND_LABELS,
  ALERT_COLOUR_LABELS,
  ALERT_STATUS_LABELS,
  FOLLOW_UP_DUE_FILTER_LABELS,
  POPULATION_GROUP_LABELS,
  hasPermission,
  type AlertRow,
  type FollowUpDueFilter,
} from '@xinqiao/shared';
import type { AlertSummary } from '@xinqiao/shared';
import { alertsApi, type AlertListQuery } from '../../api/alerts';
import { ApiRequestError } from '../../api/client';
import { useStaff } from '../../auth/SessionContext';
import { RegionTreeSelect } from '../../components/RegionTreeSelect';
import { formatDateTime } from '../../utils/format';
import { labelEnum, pageRequest, LIST_TABLE_PROPS, type ProTableParams } from '../../utils/proTable';
import { AlertColourTag, AlertStatusTag, OverdueTag } from './AlertTags';
import { AlertSummaryStrip, type SummaryPick } from './AlertSummaryStrip';
import { ALERT_POLL_MS, alertResultText, redIncrease } from './alertView';
import { nextContactText } from './caseworkView';

export default function AlertListPage() {
  const staff = useStaff();
  const canHandle = hasPermission(staff.role, 'alerts.handle');
  const { message, notification } = App.useApp();
  const actionRef = useRef<ActionType>();
  const formRef = useRef<ProFormInstance>();
  const [summary, setSummary] = useState<AlertSummary | null>(null);
  const [newRed, setNewRed] = useState(0);
  const lastSummary = useRef<AlertSummary | null>(null);
  // 今日待随访 / 已逾期: a counsellor's own claimed alerts; a region admin's whole region (the server decides).
  const [due, setDue] = useState<FollowUpDueFilter | 'all'>('all');

  const refreshSummary = useCallback(async () => {
    let next: AlertSummary;
    try {
      next = await alertsApi.summary({ silent: true });
    } catch {
      // The list request reports the failure; a summary error alone would only repeat it.
      return;
    }
    const rise = redIncrease(lastSummary.current, next);
    lastSummary.current = next;
    setSummary(next);
    if (rise > 0) {
      setNewRed((n) => n + rise);
      void notification.error({
        key: 'alerts-new-red',
        message: `新增 ${rise} 条红色预警`,
        description: '红色预警需尽快联系居民并记录首次跟进，请在下方队列中查看。',
        duration: 0,
      });
    }
  }, [notification]);

  // Polled every 10 s: requests are silent so a flaky connection shows one message, not one per poll,
  // and a failed poll keeps the rows already shown.
  const request = useMemo(() => {
    const list = pageRequest<AlertRow, AlertListQuery>(async (query) => {
      try {
        return await alertsApi.list(query, { silent: true });
      } catch (e) {
        void message.error({ key: 'alerts-load', content: e instanceof ApiRequestError ? e.message : '预警队列加载失败' });
        throw e;
      }
    });
    return (params: ProTableParams) => {
      void refreshSummary();
      return list(params);
    };
  }, [message, refreshSummary]);

  // The tab title carries the count of new red alerts so it shows in a background tab too. The
  // layout owns the title otherwise (it sets it per route), so take whatever it is now and put it back.
  useEffect(() => {
    if (newRed === 0) return;
    const title = document.title;
    document.title = `（${newRed} 条新红色预警）${title}`;
    return () => {
      document.title = title;
    };
  }, [newRed]);

  const pick = (p: SummaryPick) => {
    if ('colour' in p && p.colour === 'red') {
      setNewRed(0);
      notification.destroy('alerts-new-red');
    }
    formRef.current?.setFieldsValue({
      colour: 'colour' in p ? p.colour : undefined,
      overdue: 'overdue' in p ? 'true' : undefined,
      status: 'status' in p ? p.status : undefined,
    });
    formRef.current?.submit();
  };

  const columns: ProColumns<AlertRow>[] = [
    {
      title: '预警等级',
      dataIndex: 'colour',
      valueType: 'select',
      valueEnum: labelEnum(ALERT_COLOUR_LABELS),
      width: 230,
      render: (_, row) => (
        <Space size={4} wrap>
          <AlertColourTag colour={row.colour} />
          {row.overdue ? <OverdueTag /> : null}
        </Space>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      valueType: 'select',
      valueEnum: labelEnum(ALERT_STATUS_LABELS),
      width: 100,
      render: (_, row) => <AlertStatusTag status={row.status} />,
    },
    {
      title: '是否超时',
      dataIndex: 'overdue',
      hideInTable: true,
      valueType: 'select',
      valueEnum: { true: { text: '已超时' }, false: { text: '未超时' } },
    },
    { title: '所属区域', dataIndex: 'regionId', hideInTable: true, renderFormItem: () => <RegionTreeSelect /> },
    {
      title: '来源',
      dataIndex: 'scaleTitle',
      search: false,
      width: 200,
      ellipsis: true,
      render: (_, row) => (row.source === 'help_request' ? <Tag color="purple">{row.scaleTitle}</Tag> : row.scaleTitle),
    },
    {
      title: '得分 / 结果',
      dataIndex: 'score',
      search: false,
      width: 180,
      render: (_, row) => {
        const text = alertResultText(row);
        return (
          <Space size={4} wrap>
            <span>{text.main}</span>
            {text.secondary ? <Typography.Text type="secondary">{text.secondary}</Typography.Text> : null}
            {row.crisis ? <Tag color="red">危机提示</Tag> : null}
          </Space>
        );
      },
    },
    { title: '区域', dataIndex: 'regionName', search: false, width: 140 },
    {
      title: '人群 / 年龄段',
      dataIndex: 'populationGroup',
      search: false,
      width: 150,
      render: (_, row) =>
        [row.populationGroup ? POPULATION_GROUP_LABELS[row.populationGroup] : null, row.ageBand ? AGE_BAND_LABELS[row.ageBand] : null]
          .filter(Boolean)
          .join(' / ') || '-',
    },
    {
      title: '跟进人',
      dataIndex: 'assigneeName',
      search: false,
      width: 110,
      render: (_, row) => row.assigneeName ?? <Typography.Text type="secondary">未认领</Typography.Text>,
    },
    { title: '产生时间', dataIndex: 'createdAt', search: false, width: 150, render: (_, row) => formatDateTime(row.createdAt) },
    {
      title: '下次随访',
      dataIndex: 'nextContact',
      search: false,
      width: 150,
      render: (_, row) => {
        if (row.status === 'closed') return <Typography.Text type="secondary">-</Typography.Text>;
        const next = nextContactText(row.nextContact);
        return (
          <Typography.Text type={next.due === 'overdue' ? 'danger' : next.due === null ? 'secondary' : undefined}>
            {next.due === 'overdue' ? `${next.text}（已逾期）` : next.text}
          </Typography.Text>
        );
      },
    },
    {
      title: '首次跟进期限',
      dataIndex: 'dueAt',
      search: false,
      width: 150,
      render: (_, row) =>
        row.firstFollowUpAt ? (
          <Typography.Text type="secondary">已于 {formatDateTime(row.firstFollowUpAt)} 跟进</Typography.Text>
        ) : (
          <Typography.Text type={row.overdue ? 'danger' : undefined}>{formatDateTime(row.dueAt)}</Typography.Text>
        ),
    },
    ...(canHandle
      ? [
          {
            title: '操作',
            valueType: 'option',
            width: 100,
            render: (_, row) => <Link to={`/alerts/${row.id}`}>查看/跟进</Link>,
          } satisfies ProColumns<AlertRow>,
        ]
      : []),
  ];

  return (
    <div className="alerts-page">
      <PageContainer
        title="预警跟进"
        subTitle={canHandle ? '红色预警优先，请尽快认领并联系居民' : '仅显示预警概况；答题内容、求助说明和联系方式仅对心理咨询师可见'}
      >
        <AlertSummaryStrip summary={summary} newRed={newRed} onPick={pick} />
        <ProTable<AlertRow>
          rowKey="id"
          actionRef={actionRef}
          formRef={formRef}
          columns={columns}
          request={request}
          params={due === 'all' ? {} : { due }}
          toolbar={{
            menu: {
              type: 'tab',
              activeKey: due,
              onChange: (key) => setDue((key as FollowUpDueFilter | 'all' | undefined) ?? 'all'),
              items: [
                { key: 'all', label: '预警队列' },
                { key: 'today', label: FOLLOW_UP_DUE_FILTER_LABELS.today },
                { key: 'overdue', label: FOLLOW_UP_DUE_FILTER_LABELS.overdue },
              ],
            },
          }}
          polling={ALERT_POLL_MS}
          {...LIST_TABLE_PROPS}
          headerTitle={due === 'all' ? undefined : canHandle ? '我认领的预警中按计划需随访的' : '辖区内按计划需随访的预警'}
          tooltip="每 10 秒自动刷新"
          rowClassName={(row) => (row.overdue ? 'xq-alert-overdue' : '')}
        />
      </PageContainer>
    </div>
  );
}
