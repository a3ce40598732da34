import { pathIds, type RegionDto, type RegionNode } from '@xinqiao/shared';

export interface RegionTreeOption {
  title: string;
  value: number;
  key: number;
  children: RegionTreeOption[];
}

/** Region tree -> antd TreeSelect `treeData`. */
export function toTreeSelectData(nodes: RegionNode[]): RegionTreeOption[] {
  return nodes.map((n) => ({ title: n.name, value: n.id, key: n.id, children: toTreeSelectData(n.children) }));
}

/**
 * A readable name for a materialized region path such as `/1/3/7/`: the known names along the
 * path joined with " / ", starting below the top of what the caller can see. Falls back to the
 * raw path when none of its regions is known.
 */
export function describeRegionPath(path: string | null, byId: ReadonlyMap<number, RegionDto>): string {
  if (!path) return '';
  const names = pathIds(path)
    .map((id) => byId.get(id)?.name)
    .filter((n): n is string => Boolean(n));
  return names.length ? names.join(' / ') : path;
}

/** Region ids of every node in the tree, for "expand all". */
export function allRegionIds(nodes: RegionNode[]): number[] {
  return nodes.flatMap((n) => [n.id, ...allRegionIds(n.children)]);
}
