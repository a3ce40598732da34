import { buildRegionTree, pathIds, type RegionDto, type RegionNode } from '@xinqiao/shared';

/** NutUI Cascader option. */
export interface RegionOption {
  text: string;
  value: number;
  children?: RegionOption[];
}

/** With a single root (the city) the cascade starts one level lower: residents pick 区县 first. */
function topLevel(regions: RegionDto[]): { nodes: RegionNode[]; skippedRootId: number | null } {
  const roots = buildRegionTree(regions);
  if (roots.length === 1 && roots[0].children.length > 0) return { nodes: roots[0].children, skippedRootId: roots[0].id };
  return { nodes: roots, skippedRootId: null };
}

export function toCascaderOptions(regions: RegionDto[]): RegionOption[] {
  const map = (n: RegionNode): RegionOption =>
    n.children.length ? { text: n.name, value: n.id, children: n.children.map(map) } : { text: n.name, value: n.id };
  return topLevel(regions).nodes.map(map);
}

/** The cascade value (ids from the first shown level down to the region). */
export function regionValuePath(regions: RegionDto[], regionId: number | null | undefined): number[] {
  if (regionId == null) return [];
  const region = regions.find((r) => r.id === regionId);
  if (!region) return [];
  const { skippedRootId } = topLevel(regions);
  return pathIds(region.path).filter((id) => id !== skippedRootId);
}

/** `永川区 / 胜利路街道 / 红旗社区`; falls back to `fallback` while the list is not loaded. */
export function regionLabel(regions: RegionDto[], regionId: number | null | undefined, fallback?: string | null): string {
  const ids = regionValuePath(regions, regionId);
  if (!ids.length) return fallback ?? '';
  const byId = new Map(regions.map((r) => [r.id, r.name]));
  return ids
    .map((id) => byId.get(id) ?? '')
    .filter(Boolean)
    .join(' / ');
}
