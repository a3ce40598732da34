import { useEffect, useMemo, useState } from 'react';
import { Select, type SelectProps } from 'antd';
import { STATION_TYPE_LABELS, type AdminStation } from '@xinqiao/shared';
import { stationsApi } from '../../api/stations';

type Props = Omit<SelectProps<number | number[]>, 'options' | 'onSearch' | 'filterOption'>;

/** Stations of the caller's region (one, or several with `mode="multiple"`), searched on the server by name or address (a district may have many). */
export function StationSelect(props: Props) {
  const [found, setFound] = useState<AdminStation[]>([]);
  const [known, setKnown] = useState<Map<number, AdminStation>>(new Map());
  const [keyword, setKeyword] = useState('');
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    const timer = setTimeout(() => {
      stationsApi.list({ keyword: keyword || undefined, pageSize: 100 }, { silent: true }).then(
        (page) => {
          if (cancelled) return;
          setFound(page.items);
          setKnown((prev) => new Map([...prev, ...page.items.map((s) => [s.id, s] as const)]));
          setLoading(false);
        },
        () => !cancelled && setLoading(false),
      );
    }, 250);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [keyword]);

  const options = useMemo(() => {
    const chosen = props.value === undefined || props.value === null ? [] : Array.isArray(props.value) ? props.value : [props.value];
    const selected = chosen.filter((id) => !found.some((s) => s.id === id));
    return [
      ...found.map((s) => ({ value: s.id, label: `${s.name}（${STATION_TYPE_LABELS[s.type]} · ${s.regionName}）` })),
      // Chosen stations outside the current search (or outside the caller's region) keep a label.
      ...selected.map((id) => ({ value: id, label: known.get(id)?.name ?? `站点 #${id}` })),
    ];
  }, [found, known, props.value]);

  return (
    <Select<number | number[]>
      allowClear
      showSearch
      placeholder="选择服务站点"
      {...props}
      options={options}
      filterOption={false}
      onSearch={setKeyword}
      loading={loading}
      notFoundContent={loading ? '加载中…' : '没有匹配的站点'}
    />
  );
}
