import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Cascader, Cell } from '@nutui/nutui-react-taro';
import type { RegionDto } from '@xinqiao/shared';
import { listRegions } from '../../services/api';
import { regionLabel, regionValuePath, toCascaderOptions } from '../../utils/regions';

const BRAND_COLOR = '#1f9e8c';

/**
 * 所在社区/村 as a cell that opens a cascade (区县 > 街道/乡镇 > 社区/村, the city skipped when it is
 * the only root). The cascade completes only on a region without children, normally a community.
 */
export default function RegionField({
  className,
  title = '所在社区/村',
  placeholder = '请选择',
  regionId,
  fallbackName = null,
  onChange,
}: {
  /** Class of the cell, e.g. `profile-form__region`. */
  className: string;
  title?: string;
  /** Shown while no region is chosen. */
  placeholder?: string;
  regionId: number | null;
  /** Shown until the region list arrives (e.g. the profile's `regionName`). */
  fallbackName?: string | null;
  onChange: (region: RegionDto) => void;
}) {
  const [regions, setRegions] = useState<RegionDto[]>([]);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);

  const load = () => {
    setFailed(false);
    listRegions()
      .then(setRegions)
      .catch(() => setFailed(true));
  };
  useEffect(load, []);

  const options = useMemo(() => toCascaderOptions(regions), [regions]);

  const onClick = () => {
    if (failed) load();
    else if (regions.length) setOpen(true);
    else void Taro.showToast({ title: '地区列表加载中，请稍候', icon: 'none' });
  };

  const label = regionLabel(regions, regionId, fallbackName);

  return (
    <>
      <Cell
        className={className}
        title={title}
        align="center"
        clickable
        extra={<Text className={label ? '' : 'muted'}>{failed ? '加载失败，点击重试' : label || placeholder}</Text>}
        onClick={onClick}
      />
      <Cascader
        className="region-cascader"
        visible={open}
        title="选择所在社区/村"
        activeColor={BRAND_COLOR}
        closeable
        options={options}
        value={regionValuePath(regions, regionId)}
        onClose={() => setOpen(false)}
        onChange={(value) => {
          const last = value[value.length - 1];
          const region = regions.find((r) => r.id === Number(last));
          if (region) onChange(region);
          setOpen(false);
        }}
      />
    </>
  );
}
