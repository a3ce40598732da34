import { useEffect, useMemo, useState, type Key } from 'react';
import { PageContainer, ProTable, type ProColumns } from '@ant-design/pro-components';
import { App, Button, Popconfirm, Space, Tooltip } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { REGION_LEVEL_LABELS, URBAN_RURAL_LABELS, childLevel, type RegionNode } from '@xinqiao/shared';
import { regionsApi } from '../../api/regions';
import { useRegions } from '../../hooks/useRegions';
import { formatNumber } from '../../utils/format';
import { allRegionIds } from '../../utils/regions';
import { RegionFormModal } from './RegionFormModal';

/** Tree rows without empty `children`, so leaves get no expand button. */
type RegionRow = Omit<RegionNode, 'children'> & { children?: RegionRow[] };
function toRows(nodes: RegionNode[]): RegionRow[] {
  return nodes.map(({ children, ...rest }) => (children.length ? { ...rest, children: toRows(children) } : rest));
}

export default function RegionsPage() {
  const { tree, loading, reload } = useRegions();
  const { message } = App.useApp();
  const rows = useMemo(() => toRows(tree), [tree]);
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);

  // Expand everything the first time the tree arrives; afterwards the user decides.
  useEffect(() => {
    if (expanded === null && tree.length) setExpanded(allRegionIds(tree));
  }, [tree, expanded]);

  const remove = async (row: RegionRow) => {
    try {
      await regionsApi.remove(row.id);
    } catch {
      return;
    }
    void message.success('区域已删除');
    await reload();
  };

  const columns: ProColumns<RegionRow>[] = [
    { title: '名称', dataIndex: 'name', width: 260 },
    { title: '级别', dataIndex: 'level', width: 100, render: (_, r) => REGION_LEVEL_LABELS[r.level] },
    { title: '城镇/农村', dataIndex: 'urbanRural', width: 100, render: (_, r) => (r.urbanRural ? URBAN_RURAL_LABELS[r.urbanRural] : '-') },
    { title: '常住人口', dataIndex: 'population', width: 120, align: 'right', render: (_, r) => formatNumber(r.population) },
    { title: '城镇人口', dataIndex: 'urbanPopulation', width: 120, align: 'right', render: (_, r) => formatNumber(r.urbanPopulation) },
    { title: '区划代码', dataIndex: 'code', width: 140, render: (_, r) => r.code ?? '-' },
    {
      title: '操作',
      valueType: 'option',
      width: 220,
      render: (_, row) => (
        <Space size={0}>
          {childLevel(row.level) ? (
            <RegionFormModal
              mode="createChild"
              region={row}
              onDone={() => void reload()}
              trigger={
                <Button type="link" size="small">
                  新建下级
                </Button>
              }
            />
          ) : null}
          <RegionFormModal
            mode="edit"
            region={row}
            onDone={() => void reload()}
            trigger={
              <Button type="link" size="small">
                编辑
              </Button>
            }
          />
          {row.children ? (
            <Tooltip title="请先删除下级区域">
              <Button type="link" size="small" danger disabled>
                删除
              </Button>
            </Tooltip>
          ) : (
            <Popconfirm title={`确定删除「${row.name}」？`} okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove(row)}>
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer title="区域管理" subTitle="市 → 区县 → 街道/乡镇 → 社区/村">
      <ProTable<RegionRow>
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={loading}
        search={false}
        pagination={false}
        options={false}
        headerTitle="辖区区域"
        expandable={{ expandedRowKeys: expanded ?? [], onExpandedRowsChange: (keys) => setExpanded(keys) }}
        toolBarRender={() => [
          <Button key="reload" icon={<ReloadOutlined />} onClick={() => void reload()}>
            刷新
          </Button>,
        ]}
      />
    </PageContainer>
  );
}
