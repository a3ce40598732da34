import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CellGroup } from '@nutui/nutui-react-taro';
import type { EventSummary } from '@xinqiao/shared';
import { Chips } from '../../components/Choice';
import EventCard from '../../components/EventCard';
import LoadStatus from '../../components/LoadStatus';
import PrivacyNotice from '../../components/PrivacyNotice';
import RegionField from '../../components/RegionField';
import {
  ANY_PLACE,
  DEFAULT_EVENT_FILTERS,
  PLACE_OPTIONS,
  RANGE_OPTIONS,
  eventListRequest,
  filterRegionId,
  type EventFilters,
} from '../../features/events/filters';
import { MY_EVENTS_URL, checkinUrl, eventDetailUrl } from '../../features/events/routes';
import { entryFromParams } from '../../features/events/scene';
import { listRegionId, loadStoredDemographics } from '../../features/quizzes/demographics';
import { usePagedList } from '../../hooks/usePagedList';
import { listEvents } from '../../services/events';
import { getCachedResident } from '../../services/session';
import './index.scss';

type HomeRegion = { id: number; name: string } | null;

/** The resident's community as far as the device knows it (profile, else the quiz answers). */
function readHomeRegion(): HomeRegion {
  const id = listRegionId();
  if (id === null) return null;
  const cached = getCachedResident();
  const name = (cached?.regionId === id ? cached.regionName : null) ?? loadStoredDemographics()?.regionName ?? '';
  return { id, name };
}

export default function Events() {
  const { params } = useRouter();
  const [filters, setFilters] = useState<EventFilters>(DEFAULT_EVENT_FILTERS);
  const [home, setHome] = useState<HomeRegion>(readHomeRegion);
  // An answer for filters the resident has already changed is dropped (usePagedList).
  const { list, load: loadPage, hasMore } = usePagedList((e: EventSummary) => e.id, { keepItemsOnReload: true });

  // Opened from a mini-program code (`scene`) or a subscribe message (`id`): go where it points. The query
  // belongs to this page instance: read and handled once.
  const [entry] = useState(() => entryFromParams(params));
  useEffect(() => {
    if (entry.kind === 'event') void Taro.navigateTo({ url: eventDetailUrl(entry.eventId) });
    else if (entry.kind === 'checkin') void Taro.navigateTo({ url: checkinUrl(entry.code) });
  }, [entry]);

  const load = useCallback(
    (f: EventFilters, homeRegion: HomeRegion, page: number) =>
      loadPage(page, () => {
        const { query, auth } = eventListRequest(f, homeRegion?.id ?? null, page, new Date());
        return listEvents(query, auth, { toast: false });
      }),
    [loadPage],
  );

  // Seats change while the resident is elsewhere, and the profile's community may have changed.
  useDidShow(() => {
    const homeRegion = readHomeRegion();
    setHome(homeRegion);
    void load(filters, homeRegion, 1);
  });

  usePullDownRefresh(() => {
    void load(filters, home, 1).finally(() => Taro.stopPullDownRefresh());
  });

  useReachBottom(() => {
    if (!list.loading && !list.error && hasMore) void load(filters, home, list.page + 1);
  });

  const apply = (patch: Partial<EventFilters>) => {
    const next = { ...filters, ...patch };
    setFilters(next);
    void load(next, home, 1);
  };

  const { region } = filters;
  const shownRegionId = filterRegionId(region, home?.id ?? null);
  const shownRegionName = region.kind === 'region' ? region.name : region.kind === 'home' ? home?.name : null;
  const now = new Date();

  return (
    <View className="page events">
      <View className="events__intro">
        <Text className="events__intro-title">心理健康知识“六进”</Text>
        <Text className="events__intro-text">讲座和活动走进机关、企业、学校、农村、社区和公共场所。报名后凭电子票入场，也可以在现场扫码签到。</Text>
        <View className="events__mine" onClick={() => void Taro.navigateTo({ url: MY_EVENTS_URL })}>
          <Text>我的活动 ›</Text>
        </View>
      </View>

      <View className="card events-filter">
        <Chips
          className="events-filter__place"
          options={PLACE_OPTIONS}
          value={filters.placeType ?? ANY_PLACE}
          onChange={(v) => apply({ placeType: v === ANY_PLACE ? null : v })}
        />
        <Chips className="events-filter__range" options={RANGE_OPTIONS} value={filters.range} onChange={(range) => apply({ range })} />
        <CellGroup divider={false}>
          <RegionField
            className="events-filter__region"
            title="地区"
            placeholder="全部地区"
            regionId={shownRegionId}
            fallbackName={shownRegionName}
            onChange={(r) => apply({ region: { kind: 'region', id: r.id, name: r.name } })}
          />
        </CellGroup>
        <View className="events-filter__links">
          {region.kind !== 'home' && home && (
            <Text className="events-filter__home" onClick={() => apply({ region: { kind: 'home' } })}>
              只看{home.name || '我的社区'}
            </Text>
          )}
          {shownRegionId !== null && (
            <Text className="events-filter__all" onClick={() => apply({ region: { kind: 'all' } })}>
              查看全部地区
            </Text>
          )}
        </View>
      </View>

      {list.items.map((e) => (
        <EventCard key={e.id} event={e} now={now} />
      ))}
      <LoadStatus
        loading={list.loading}
        error={list.error}
        onRetry={() => void load(filters, home, list.items.length ? list.page + 1 : 1)}
        empty={list.items.length === 0 && (shownRegionId !== null ? '附近暂时没有符合条件的活动，可以查看全部地区' : '暂时没有符合条件的活动')}
      />
      {!list.loading && !list.error && hasMore && (
        <View className="list-status" onClick={() => void load(filters, home, list.page + 1)}>
          上拉或点击加载更多
        </View>
      )}
      <PrivacyNotice />
    </View>
  );
}
