import { DEFAULT_PAGE_SIZE, type Page } from '@xinqiao/shared';

/** What ProTable hands to `request`: its own paging keys plus the search form's fields. */
export type ProTableParams = { current?: number; pageSize?: number; keyword?: string } & Record<string, unknown>;

export interface ProTableResult<T> {
  data: T[];
  total: number;
  success: boolean;
}

/**
 * Adapt a `Page<T>` endpoint to ProTable's `request`: `current` becomes `page`, blank strings are
 * dropped (cleared filters) and a failed request yields an empty table. The API client has already
 * shown the error.
 */
export function pageRequest<T, Q extends object>(fetchPage: (query: Q) => Promise<Page<T>>) {
  return async (params: ProTableParams): Promise<ProTableResult<T>> => {
    const { current, pageSize, ...filters } = params;
    const cleaned: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(filters)) {
      if (v === undefined || v === null) continue;
      if (typeof v === 'string' && v.trim() === '') continue;
      cleaned[k] = typeof v === 'string' ? v.trim() : v;
    }
    const query = { ...cleaned, page: current ?? 1, pageSize: pageSize ?? DEFAULT_PAGE_SIZE } as unknown as Q;
    try {
      const page = await fetchPage(query);
      return { data: page.items, total: page.total, success: true };
    } catch {
      return { data: [], total: 0, success: false };
    }
  };
}

/** antd `valueEnum` from a label map, e.g. ARTICLE_CATEGORY_LABELS. */
export function labelEnum<K extends string>(labels: Record<K, string>): Record<K, { text: string }> {
  const result = {} as Record<K, { text: string }>;
  (Object.keys(labels) as K[]).forEach((k) => {
    result[k] = { text: labels[k] };
  });
  return result;
}

/** antd Select `options` from a label map, optionally limited to some keys, in their order. */
export function labelOptions<K extends string>(labels: Record<K, string>, keys?: readonly K[]): { label: string; value: K }[] {
  return (keys ?? (Object.keys(labels) as K[])).map((value) => ({ label: labels[value], value }));
}

/**
 * Props every list page's ProTable shares: paging, an open search form, no density/column settings,
 * and horizontal scroll so the action column is never cut off on narrow screens.
 */
export const LIST_TABLE_PROPS = {
  pagination: { defaultPageSize: DEFAULT_PAGE_SIZE, showSizeChanger: true },
  search: { labelWidth: 'auto', defaultCollapsed: false },
  options: { density: false, setting: false },
  scroll: { x: 'max-content' },
} as const;
