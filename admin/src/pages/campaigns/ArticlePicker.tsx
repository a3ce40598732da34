import { useEffect, useRef, useState } from 'react';
import { Select, Spin } from 'antd';
import { ARTICLE_STATUS_LABELS, type AdminArticle } from '@xinqiao/shared';
import { articlesApi } from '../../api/articles';

interface Props {
  id?: string;
  value?: number[];
  onChange?: (ids: number[]) => void;
  disabled?: boolean;
}

const SEARCH_DELAY_MS = 300;

const label = (a: Pick<AdminArticle, 'title' | 'status'>) => (a.status === 'published' ? a.title : `${a.title}（${ARTICLE_STATUS_LABELS[a.status]}）`);

/** Articles to link, searched on the server by keyword (the list can be long). */
export function ArticlePicker({ id, value = [], onChange, disabled }: Props) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [known, setKnown] = useState<Map<number, string>>(new Map());
  const [loading, setLoading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const latest = useRef(0);

  const search = (keyword: string) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const seq = ++latest.current;
      setLoading(true);
      articlesApi
        .list({ keyword: keyword.trim() || undefined, page: 1, pageSize: 20 }, { silent: true })
        .then(
          (page) => {
            if (seq !== latest.current) return;
            setOptions(page.items.map((a) => ({ value: a.id, label: label(a) })));
            setKnown((m) => new Map([...m, ...page.items.map((a) => [a.id, label(a)] as [number, string])]));
          },
          () => seq === latest.current && setOptions([]),
        )
        .finally(() => seq === latest.current && setLoading(false));
    }, SEARCH_DELAY_MS);
  };

  // Without the right to list articles (disabled) nothing is fetched: the server would refuse.
  useEffect(() => {
    if (!disabled) search('');
    return () => clearTimeout(timer.current);
    // Once, for the first page of suggestions.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Titles of linked articles that are not among the suggestions.
  const valueKey = value.join(',');
  useEffect(() => {
    const missing = value.filter((v) => !known.has(v));
    if (disabled || !missing.length) return;
    let cancelled = false;
    Promise.all(
      missing.map((v) =>
        articlesApi.get(v, { silent: true }).then(
          (a) => [v, label(a)] as [number, string],
          () => [v, `文章 #${v}（不可见或已删除）`] as [number, string],
        ),
      ),
    ).then((pairs) => !cancelled && setKnown((m) => new Map([...m, ...pairs])));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valueKey]);

  const shown = [...options];
  for (const v of value) if (!shown.some((o) => o.value === v)) shown.push({ value: v, label: known.get(v) ?? `文章 #${v}` });

  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      allowClear
      showSearch
      filterOption={false}
      placeholder="输入标题关键词搜索文章"
      value={value}
      onChange={(ids) => onChange?.(ids)}
      onSearch={search}
      options={shown}
      disabled={disabled}
      notFoundContent={loading ? <Spin size="small" /> : '没有找到文章'}
    />
  );
}
