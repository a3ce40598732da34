import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { buildRegionTree, type RegionDto, type RegionNode } from '@xinqiao/shared';
import { regionsApi } from '../api/regions';
import { toTreeSelectData, type RegionTreeOption } from '../utils/regions';

export interface RegionsValue {
  regions: RegionDto[];
  tree: RegionNode[];
  treeSelectData: RegionTreeOption[];
  byId: ReadonlyMap<number, RegionDto>;
  loading: boolean;
  /** Fetch again (after a region was created, renamed or deleted). */
  reload(): Promise<void>;
}

interface RegionsState {
  value: RegionsValue;
  ensureLoaded(): void;
}

const RegionsContext = createContext<RegionsState | null>(null);

/** Loads the caller's region subtree once, the first time a page asks for it, and shares it. */
export function RegionsProvider({ children }: { children: ReactNode }) {
  const [regions, setRegions] = useState<RegionDto[]>([]);
  const [loading, setLoading] = useState(false);
  const requested = useRef(false);

  const reload = useCallback(async () => {
    requested.current = true;
    setLoading(true);
    try {
      setRegions(await regionsApi.list());
    } catch {
      // The client has shown the error; keep what we had.
    } finally {
      setLoading(false);
    }
  }, []);

  const ensureLoaded = useCallback(() => {
    if (!requested.current) void reload();
  }, [reload]);

  const value = useMemo<RegionsValue>(() => {
    const tree = buildRegionTree(regions);
    return {
      regions,
      tree,
      treeSelectData: toTreeSelectData(tree),
      byId: new Map(regions.map((r) => [r.id, r])),
      loading,
      reload,
    };
  }, [regions, loading, reload]);

  const state = useMemo(() => ({ value, ensureLoaded }), [value, ensureLoaded]);
  return <RegionsContext.Provider value={state}>{children}</RegionsContext.Provider>;
}

export function useRegions(): RegionsValue {
  const state = useContext(RegionsContext);
  if (!state) throw new Error('useRegions must be used inside <RegionsProvider>');
  const { ensureLoaded } = state;
  useEffect(ensureLoaded, [ensureLoaded]);
  return state.value;
}

/**
 * Whether a region lies in the caller's subtree. Records of regions above it (a district's survey
 * seen from a street) are readable but not the caller's to change. Optimistic until the regions
 * have loaded; the server has the last word.
 */
export function useInSubtree(): (regionId: number | null | undefined) => boolean {
  const { regions, byId } = useRegions();
  return useCallback((id: number | null | undefined) => regions.length === 0 || (id != null && byId.has(id)), [regions, byId]);
}
