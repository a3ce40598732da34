/**
 * Regions form the tree 市 -> 区县 -> 街道/乡镇 -> 社区/村. Every region-scoped row stores the
 * materialized path of its region, e.g. `/1/3/7/`, so "inside region X" is a prefix comparison.
 */

export const REGION_LEVELS = ['city', 'district', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export const REGION_LEVEL_LABELS: Record<RegionLevel, string> = {
  city: '市',
  district: '区县',
  street: '街道/乡镇',
  community: '社区/村',
};

export type UrbanRural = 'urban' | 'rural';
export const URBAN_RURAL_LABELS: Record<UrbanRural, string> = { urban: '城镇', rural: '农村' };

export interface RegionDto {
  id: number;
  parentId: number | null;
  name: string;
  level: RegionLevel;
  path: string;
  /** Only communities/villages are classified. */
  urbanRural: UrbanRural | null;
  population: number | null;
  /** Permanent residents in urban areas (used for post-stratified weighting). */
  urbanPopulation: number | null;
  code: string | null;
}

export interface RegionNode extends RegionDto {
  children: RegionNode[];
}

/** The level a child of `level` has, or null for communities. */
export function childLevel(level: RegionLevel): RegionLevel | null {
  const i = REGION_LEVELS.indexOf(level);
  return i >= 0 && i < REGION_LEVELS.length - 1 ? REGION_LEVELS[i + 1] : null;
}

export function regionPath(parentPath: string | null, id: number): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `path` lies inside (or is) the subtree rooted at `scopePath`. */
export function isWithin(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/** The paths of a region and all its ancestors, root first: `/1/3/7/` -> `/1/`, `/1/3/`, `/1/3/7/`. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** The numeric ids on a path, root first. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

/** Build a tree from a flat list ordered arbitrarily; orphans become roots. */
export function buildRegionTree(regions: RegionDto[]): RegionNode[] {
  const nodes = new Map<number, RegionNode>();
  for (const r of regions) nodes.set(r.id, { ...r, children: [] });
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const sort = (list: RegionNode[]) => {
    list.sort((a, b) => a.id - b.id);
    list.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** What both creating and editing a region may set. */
export interface RegionAttributesInput {
  code?: string | null;
  urbanRural?: UrbanRural | null;
  population?: number | null;
  urbanPopulation?: number | null;
}

export interface CreateRegionInput extends RegionAttributesInput {
  parentId: number;
  name: string;
}

export interface UpdateRegionInput extends RegionAttributesInput {
  name?: string;
}
