import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Map as TaroMap, Text, View } from '@tarojs/components';
import { buildRegionTree, type GeoPoint, type RegionDto, type StationSummary } from '@xinqiao/shared';
import { Chips } from '../../../components/Choice';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { currentPosition } from '../../../features/bookings/location';
import { stationUrl } from '../../../features/bookings/routes';
import { listRegions } from '../../../services/api';
import { listStations } from '../../../services/bookings';
import { getCachedResident } from '../../../services/session';
import StationCard from '../../components/StationCard';
import '../../components/bookings.scss';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const PAGE_SIZE = 50;
/** Copied into the WeChat package by config/index.ts (`copy`). */
const MARKER_ICON = '/packageBookings/assets/marker.png';

type Position = { status: 'asking' } | { status: 'granted'; point: GeoPoint } | { status: 'denied' };
type ListState = { status: 'loading' } | { status: 'ready'; items: StationSummary[]; total: number } | { status: 'error'; message: string };
type Show = 'all' | 'open';

/** 区县, and the chosen one's 街道/乡镇 (stations sit at street level or above, so no community step). */
function regionLevels(regions: RegionDto[]) {
  const roots = buildRegionTree(regions);
  const top = roots.length === 1 && roots[0].children.length ? roots[0].children : roots;
  return top;
}

export default function Stations() {
  const [position, setPosition] = useState<Position>({ status: 'asking' });
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [show, setShow] = useState<Show>('all');
  const [view, setView] = useState<'list' | 'map'>('list');
  const [regions, setRegions] = useState<RegionDto[]>([]);
  const [districtId, setDistrictId] = useState<number | null>(null);
  const [streetId, setStreetId] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const residentRegion = getCachedResident()?.regionName ?? null;

  const locate = useCallback(async () => {
    setPosition({ status: 'asking' });
    const point = await currentPosition();
    setPosition(point ? { status: 'granted', point } : { status: 'denied' });
  }, []);

  useEffect(() => {
    void locate();
  }, [locate]);

  useEffect(() => {
    if (position.status === 'denied' && !regions.length) listRegions().then(setRegions, () => setRegions([]));
  }, [position.status, regions.length]);

  const regionId = streetId ?? districtId ?? undefined;

  const load = useCallback(
    async (pageNo: number) => {
      if (position.status === 'asking') return;
      if (pageNo === 1) setList({ status: 'loading' });
      try {
        const near = position.status === 'granted' ? { lat: position.point.lat, lng: position.point.lng } : { regionId };
        const res = await listStations({ ...near, openNow: show === 'open' ? true : undefined, page: pageNo, pageSize: PAGE_SIZE }, { toast: false });
        setList((s) => ({ status: 'ready', items: pageNo === 1 || s.status !== 'ready' ? res.items : [...s.items, ...res.items], total: res.total }));
        setPage(pageNo);
      } catch (e) {
        setList({ status: 'error', message: (e as Error).message });
      }
    },
    [position, regionId, show],
  );

  useEffect(() => {
    void load(1);
  }, [load]);

  usePullDownRefresh(() => {
    void load(1).finally(() => Taro.stopPullDownRefresh());
  });

  const districts = useMemo(() => regionLevels(regions), [regions]);
  const streets = districts.find((d) => d.id === districtId)?.children ?? [];
  const now = new Date();
  const items = list.status === 'ready' ? list.items : [];
  const placed = items.filter((s) => s.location);

  const mapCentre = position.status === 'granted' ? position.point : (placed[0]?.location ?? null);

  return (
    <View className="bk-page stations">
      <View className="card stations__where">
        {position.status === 'asking' && <Text className="bk-text stations__locating">正在获取您的位置，以便列出离您最近的站点…</Text>}
        {position.status === 'granted' && <Text className="bk-text stations__near">已按离您的距离由近到远排列</Text>}
        {position.status === 'denied' && (
          <View className="stations__denied">
            <Text className="bk-notice stations__no-location">
              未能获取您的位置（未授权或定位失败），已改为按地区列出站点
              {!districtId && residentRegion ? `，${residentRegion}附近的排在前面` : ''}。
            </Text>
            <Text className="bk-link stations__relocate" onClick={() => void locate()}>
              重新获取位置
            </Text>
            {districts.length > 0 && (
              <View className="stations__regions">
                <Text className="bk-section">选择地区</Text>
                <Chips
                  className="stations-district"
                  options={[{ value: '0', label: '全部地区' }, ...districts.map((d) => ({ value: String(d.id), label: d.name }))]}
                  value={String(districtId ?? 0)}
                  onChange={(v) => {
                    setDistrictId(v === '0' ? null : Number(v));
                    setStreetId(null);
                  }}
                />
                {streets.length > 0 && (
                  <Chips
                    className="stations-street"
                    options={[{ value: '0', label: '全区' }, ...streets.map((s) => ({ value: String(s.id), label: s.name }))]}
                    value={String(streetId ?? 0)}
                    onChange={(v) => setStreetId(v === '0' ? null : Number(v))}
                  />
                )}
              </View>
            )}
          </View>
        )}
        <View className="stations__filters">
          <Chips
            className="stations-show"
            options={[
              { value: 'all', label: '全部站点' },
              { value: 'open', label: '只看营业中' },
            ]}
            value={show}
            onChange={(v) => setShow(v as Show)}
          />
          {IS_WEAPP && (
            <Chips
              className="stations-view"
              options={[
                { value: 'list', label: '列表' },
                { value: 'map', label: '地图' },
              ]}
              value={view}
              onChange={(v) => setView(v as 'list' | 'map')}
            />
          )}
        </View>
      </View>

      {IS_WEAPP && view === 'map' && mapCentre && (
        <TaroMap
          className="stations__map"
          latitude={mapCentre.lat}
          longitude={mapCentre.lng}
          scale={13}
          showLocation={position.status === 'granted'}
          markers={placed.map((s) => ({
            id: s.id,
            latitude: s.location!.lat,
            longitude: s.location!.lng,
            title: s.name,
            width: 28,
            height: 36,
            iconPath: MARKER_ICON,
            callout: {
              content: `${s.name}（${s.openNow ? '营业中' : '已休息'}）`,
              display: 'ALWAYS',
              padding: 6,
              borderRadius: 6,
              fontSize: 12,
              color: '#1f2329',
              bgColor: '#ffffff',
              textAlign: 'center',
              anchorX: 0,
              anchorY: 0,
              borderWidth: 0,
              borderColor: '#ffffff',
            },
          }))}
          onMarkerTap={(e) => void Taro.navigateTo({ url: stationUrl(Number((e.detail as { markerId: number | string }).markerId)) })}
          onCalloutTap={(e) => void Taro.navigateTo({ url: stationUrl(Number((e.detail as { markerId: number | string }).markerId)) })}
          onError={() => setView('list')}
        />
      )}

      <LoadStatus
        loading={list.status === 'loading' || position.status === 'asking'}
        error={list.status === 'error' ? list.message : null}
        onRetry={() => void load(1)}
        empty={list.status === 'ready' && items.length === 0 && (show === 'open' ? '附近暂时没有营业中的站点，可以查看全部站点' : '这里暂时没有服务站点')}
      />
      {items.map((s) => (
        <StationCard key={s.id} station={s} now={now} />
      ))}
      {list.status === 'ready' && items.length < list.total && (
        <View className="list-status" onClick={() => void load(page + 1)}>
          点击加载更多
        </View>
      )}
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
