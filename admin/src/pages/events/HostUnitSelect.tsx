import { useEffect, useRef, useState } from 'react';
import { Button, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PLACE_TYPE_LABELS, type HostUnitDto, type PlaceType } from '@xinqiao/shared';
import { hostUnitsApi } from '../../api/events';
import { HostUnitFormModal } from './HostUnitFormModal';

interface Props {
  id?: string;
  value?: number | null;
  onChange?: (id: number | null, unit: HostUnitDto | null) => void;
  /** The unit's name when it is not among the options loaded (an event being edited). */
  currentName?: string | null;
  /** Defaults for a unit created from here: the event's place type and region. */
  defaults?: { placeType?: PlaceType; regionId?: number };
  disabled?: boolean;
}

const SEARCH_PAGE_SIZE = 50;

const optionOf = (u: HostUnitDto) => ({ value: u.id, label: `${u.name}（${PLACE_TYPE_LABELS[u.placeType]} · ${u.regionName}）` });

/** Picks a host unit of the caller's region, searched on the server by name, or adds one on the spot. */
export function HostUnitSelect({ id, value, onChange, currentName, defaults, disabled }: Props) {
  const [units, setUnits] = useState<HostUnitDto[]>([]);
  const [loading, setLoading] = useState(false);
  const [keyword, setKeyword] = useState('');
  const latest = useRef(0);

  useEffect(() => {
    // Typing fires a search a moment after the last key; only the newest answer lands.
    const seq = ++latest.current;
    const timer = setTimeout(() => {
      setLoading(true);
      hostUnitsApi
        .list({ keyword: keyword.trim() || undefined, page: 1, pageSize: SEARCH_PAGE_SIZE }, { silent: true })
        .then(
          (page) => seq === latest.current && setUnits(page.items),
          () => undefined,
        )
        .finally(() => seq === latest.current && setLoading(false));
    }, 300);
    return () => clearTimeout(timer);
  }, [keyword]);

  const options = units.map(optionOf);
  if (value != null && !units.some((u) => u.id === value)) options.unshift({ value, label: currentName ?? `承办单位 #${value}` });

  return (
    <Space.Compact style={{ width: '100%', maxWidth: 560 }}>
      <Select<number>
        id={id}
        value={value ?? undefined}
        allowClear
        showSearch
        filterOption={false}
        onSearch={setKeyword}
        loading={loading}
        disabled={disabled}
        placeholder="搜索承办单位名称（可不选）"
        notFoundContent={loading ? '加载中…' : '没有找到，可点击右侧新增'}
        options={options}
        onChange={(v?: number) => onChange?.(v ?? null, units.find((u) => u.id === v) ?? null)}
        style={{ flex: 1 }}
      />
      <HostUnitFormModal
        defaults={defaults}
        onDone={(unit) => {
          setUnits((list) => [unit, ...list.filter((u) => u.id !== unit.id)]);
          onChange?.(unit.id, unit);
        }}
        trigger={
          <Button icon={<PlusOutlined />} disabled={disabled}>
            新增单位
          </Button>
        }
      />
    </Space.Compact>
  );
}
