import dayjs from 'dayjs';

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '-';
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '-';
}

export function formatNumber(n: number | null | undefined): string {
  return n === null || n === undefined ? '-' : n.toLocaleString('zh-CN');
}

/** True when the HTML has visible text (Quill leaves `<p></p>` or `<p><br></p>` when emptied). */
export function htmlHasText(html: string | null | undefined): boolean {
  if (!html) return false;
  if (/<img\b/i.test(html)) return true;
  return (
    html
      .replace(/<[^>]*>/g, '')
      .replace(/&nbsp;/g, ' ')
      .trim().length > 0
  );
}

/** A picked day range (local dates, inclusive) -> ISO instants for `from` / `to` query params. */
export function dayRangeToIso(range: readonly [string, string] | readonly string[] | undefined): { from?: string; to?: string } {
  if (!range || range.length !== 2) return {};
  const [start, end] = range;
  return { from: dayjs(start).startOf('day').toISOString(), to: dayjs(end).endOf('day').toISOString() };
}
