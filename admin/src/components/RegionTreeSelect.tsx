import { TreeSelect, type TreeSelectProps } from 'antd';
import { useRegions } from '../hooks/useRegions';

type Props = Omit<TreeSelectProps<number>, 'treeData'>;

/** Pick one region of the caller's subtree. Works as a Form.Item child (value/onChange/id). */
export function RegionTreeSelect(props: Props) {
  const { treeSelectData, loading } = useRegions();
  return (
    <TreeSelect<number>
      showSearch
      allowClear
      treeDefaultExpandAll
      treeNodeFilterProp="title"
      placeholder="请选择区域"
      loading={loading}
      treeData={treeSelectData}
      popupMatchSelectWidth={false}
      {...props}
    />
  );
}
