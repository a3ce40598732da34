import { useCallback, useEffect, useState } from 'react';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Space, Tag, Tooltip, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { SCALE_AUDIENCE_LABELS, type AdminScale } from '@xinqiao/shared';
import { scalesApi } from '../../api/scales';
import { formatDateTime } from '../../utils/format';
import { ProblemList } from './ProblemList';
import { describeScalePath, type ProblemReport } from './problems';
import { ScaleEnabledSwitch } from './ScaleEnabledSwitch';
import { ScaleImportButton } from './ScaleImportButton';

export function ScaleListTab() {
  const { message } = App.useApp();
  const [scales, setScales] = useState<AdminScale[]>([]);
  const [loading, setLoading] = useState(false);
  const [report, setReport] = useState<ProblemReport | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setScales(await scalesApi.list());
    } catch {
      // Shown by the API client; keep what is on screen.
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const replace = (updated: AdminScale) => setScales((list) => list.map((s) => (s.code === updated.code ? updated : s)));

  const columns: ProColumns<AdminScale>[] = [
    { title: '量表名称', dataIndex: 'title', width: 240, ellipsis: true },
    { title: '编码', dataIndex: 'code', width: 110, render: (_, s) => <Typography.Text code>{s.code}</Typography.Text> },
    {
      title: '版本',
      dataIndex: 'version',
      width: 80,
      render: (_, s) =>
        s.versions.length > 1 ? (
          <Tooltip title={`已存版本：${s.versions.map((v) => `第 ${v} 版`).join('、')}`}>
            <span>第 {s.version} 版</span>
          </Tooltip>
        ) : (
          `第 ${s.version} 版`
        ),
    },
    { title: '适用人群', dataIndex: 'audience', width: 110, render: (_, s) => SCALE_AUDIENCE_LABELS[s.audience] },
    { title: '题目数', dataIndex: 'itemCount', width: 80, align: 'right' },
    {
      title: '来源',
      dataIndex: 'builtIn',
      width: 170,
      render: (_, s) =>
        s.builtIn ? (
          <Tag>内置</Tag>
        ) : (
          <Tooltip title={`${s.importedBy ?? '未知'} 于 ${formatDateTime(s.createdAt)} 导入`}>
            <Tag color="purple">导入</Tag>
            <Typography.Text type="secondary">{s.importedBy ?? ''}</Typography.Text>
          </Tooltip>
        ),
    },
    {
      title: '版权许可',
      dataIndex: 'licence',
      width: 300,
      render: (_, s) => (
        <Space size={4} wrap>
          <Tooltip title={s.licence.note}>
            {s.licence.url ? (
              <Typography.Link href={s.licence.url} target="_blank" rel="noopener noreferrer">
                {s.licence.name}
              </Typography.Link>
            ) : (
              <span>{s.licence.name}</span>
            )}
          </Tooltip>
          {s.licence.freeForPublicService ? <Tag color="green">可免费用于公共服务</Tag> : <Tag color="orange">需确认授权</Tag>}
        </Space>
      ),
    },
    { title: '启用', dataIndex: 'enabled', width: 90, fixed: 'right', render: (_, s) => <ScaleEnabledSwitch scale={s} onChanged={replace} /> },
  ];

  return (
    <>
      {report ? <ProblemList report={report} describePath={describeScalePath} onClose={() => setReport(null)} testId="scale-import-problems" /> : null}
      <ProTable<AdminScale>
        rowKey="code"
        columns={columns}
        dataSource={scales}
        loading={loading}
        search={false}
        pagination={false}
        options={false}
        scroll={{ x: 'max-content' }}
        headerTitle="自评量表"
        tooltip="居民只能看到已启用的量表；导入新版本后，之后的测评按新版本计分"
        toolBarRender={() => [
          <Button key="reload" icon={<ReloadOutlined />} onClick={() => void reload()}>
            刷新
          </Button>,
          <ScaleImportButton
            key="import"
            onStart={() => setReport(null)}
            onFailed={setReport}
            onImported={(scale) => {
              void message.success(`已导入「${scale.title}」第 ${scale.version} 版${scale.enabled ? '' : '，核对无误后请启用'}`);
              void reload();
            }}
          />,
        ]}
      />
    </>
  );
}
