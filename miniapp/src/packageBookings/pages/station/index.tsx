import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import {
  COUNSELLOR_SPECIALTY_LABELS,
  SESSION_MODE_LABELS,
  STATION_SERVICE_LABELS,
  STATION_TYPE_LABELS,
  chinaWeekday,
  type CounsellorSummary,
  type StationDetail,
  type StationDay,
} from '@xinqiao/shared';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { chinaDateLabel, distanceText, openState, rangesText, todayHoursText, weekRows } from '../../../features/bookings/display';
import { STATIONS_URL, bookUrl } from '../../../features/bookings/routes';
import { idParam } from '../../../features/quizzes/routes';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { getStation } from '../../../services/bookings';
import { assetUrl } from '../../../services/config';
import { callNumber } from '../../../packageScales/components/call';
import MapLink from '../../components/MapLink';
import '../../components/bookings.scss';
import './index.scss';

/** Days of the next two weeks whose hours differ from the weekly pattern (holidays, 调休, the station's own changes). */
function exceptionDays(station: StationDetail): StationDay[] {
  return station.days.filter((d) => {
    const usual = rangesText(station.weeklyHours[chinaWeekday(d.date)] ?? []);
    return d.holiday !== null || rangesText(d.hours) !== usual;
  });
}

function CounsellorItem({ c, stationId, bookable }: { c: CounsellorSummary; stationId: number; bookable: boolean }) {
  const photo = assetUrl(c.photoUrl);
  const inPerson = c.modes.includes('in_person');
  return (
    <View className="counsellor" data-counsellor-id={c.id}>
      {photo ? (
        <Image className="counsellor__photo" src={photo} mode="aspectFill" />
      ) : (
        <View className="counsellor__photo counsellor__initial">
          <Text>{c.name.slice(0, 1)}</Text>
        </View>
      )}
      <View className="counsellor__body">
        <Text className="counsellor__name">
          {c.name}
          {c.title ? <Text className="bk-small"> · {c.title}</Text> : null}
        </Text>
        <Text className="bk-small counsellor__qualification">{c.qualification}</Text>
        {c.specialties.length > 0 && <Text className="bk-small">擅长：{c.specialties.map((s) => COUNSELLOR_SPECIALTY_LABELS[s] ?? s).join('、')}</Text>}
        {c.languages.length > 0 && <Text className="bk-small">语言：{c.languages.join('、')}</Text>}
        <Text className="bk-small">咨询方式：{c.modes.map((m) => SESSION_MODE_LABELS[m]).join('、')}</Text>
        {bookable && (
          <Text
            className="bk-link counsellor__book"
            onClick={() =>
              void Taro.navigateTo({ url: bookUrl(inPerson ? { kind: 'in_person', stationId, counsellorId: c.id } : { kind: 'phone', counsellorId: c.id }) })
            }
          >
            预约{c.name} ›
          </Text>
        )}
      </View>
    </View>
  );
}

export default function StationPage() {
  const { params } = useRouter();
  const id = idParam(params.id);
  const fetchStation = useCallback(async (): Promise<StationDetail> => {
    if (id === null) throw new FinalLoadError('站点地址有误');
    const station = await getStation(id);
    void Taro.setNavigationBarTitle({ title: station.name }).catch(() => undefined);
    return station;
  }, [id]);
  const { state, data: station, reload } = useLoad(fetchStation, { notFound: '站点不存在或已下线' });

  if (!station) {
    return (
      <LoadStatus state={state} onRetry={() => void reload()} className="bk-page">
        <Text className="bk-link" onClick={() => void Taro.redirectTo({ url: STATIONS_URL })}>
          查看全部站点
        </Text>
      </LoadStatus>
    );
  }

  const now = new Date();
  const open = openState(station, now);
  const photo = assetUrl(station.photoUrl);
  const exceptions = exceptionDays(station);
  const distance = distanceText(station.distanceMetres);

  return (
    <View className="bk-page station">
      {photo ? <Image className="station__photo" src={photo} mode="aspectFill" /> : null}

      <View className="card">
        <Text className="bk-title station__name">{station.name}</Text>
        <View className="station-card__meta">
          <Text className="bk-tag bk-tag--type">{STATION_TYPE_LABELS[station.type]}</Text>
          <Text className={`bk-open bk-open--${station.openNow ? 'yes' : 'no'} station__open`}>{open.label}</Text>
          {distance && <Text className="station-card__distance">{distance}</Text>}
        </View>
        <Text className="bk-small station__today">
          {todayHoursText(station.todayHours)}
          {open.note ? ` · ${open.note}` : ''}
        </Text>
        <View className="bk-actions">
          {station.bookable && (
            <Button className="xq-button station__book" onClick={() => void Taro.navigateTo({ url: bookUrl({ kind: 'in_person', stationId: station.id }) })}>
              预约到站面询
            </Button>
          )}
          {station.phone && (
            <Button className="xq-button xq-button--plain station__call" onClick={() => callNumber(station.phone!)}>
              拨打电话 {station.phone}
            </Button>
          )}
        </View>
      </View>

      <View className="card">
        <View className="bk-row">
          <Text className="bk-row__label">地址</Text>
          <View className="bk-row__value">
            <Text className="station__address">{station.address}</Text>
            {station.location && <MapLink point={station.location} name={station.name} address={station.address} label="在地图中查看 / 导航" />}
          </View>
        </View>
        <View className="bk-row">
          <Text className="bk-row__label">所属地区</Text>
          <Text className="bk-row__value">{station.regionName}</Text>
        </View>
        {station.services.length > 0 && (
          <View className="bk-row">
            <Text className="bk-row__label">服务项目</Text>
            <View className="bk-row__value station__services">
              <Text>{station.services.map((s) => STATION_SERVICE_LABELS[s] ?? s).join('、')}</Text>
            </View>
          </View>
        )}
        {station.accessibility && (
          <View className="bk-row">
            <Text className="bk-row__label">无障碍</Text>
            <Text className="bk-row__value station__accessibility">{station.accessibility}</Text>
          </View>
        )}
      </View>

      <View className="card station__hours">
        <Text className="bk-section">开放时间</Text>
        {weekRows(station.weeklyHours).map((r) => (
          <View key={r.weekday} className="bk-row">
            <Text className="bk-row__label">{r.label}</Text>
            <Text className="bk-row__value">{r.text}</Text>
          </View>
        ))}
        {exceptions.length > 0 && (
          <View className="station__exceptions">
            <Text className="bk-section">近期调整</Text>
            {exceptions.map((d) => (
              <View key={d.date} className="bk-row">
                <Text className="bk-row__label">{chinaDateLabel(d.date)}</Text>
                <Text className="bk-row__value">
                  {d.holiday ? `${d.holiday}：` : ''}
                  {d.hours.length ? rangesText(d.hours) : '休息'}
                </Text>
              </View>
            ))}
          </View>
        )}
      </View>

      {station.description && (
        <View className="card">
          <Text className="bk-section">站点介绍</Text>
          <Text className="bk-text">{station.description}</Text>
        </View>
      )}

      <View className="card station__counsellors">
        <Text className="bk-section">心理咨询师</Text>
        {station.counsellors.length === 0 && <Text className="bk-small">暂无公开信息的咨询师</Text>}
        {station.counsellors.map((c) => (
          <CounsellorItem key={c.id} c={c} stationId={station.id} bookable={station.bookable} />
        ))}
      </View>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
