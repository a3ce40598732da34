import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { STATION_TYPE_LABELS, type StationSummary } from '@xinqiao/shared';
import { distanceText, openState, todayHoursText } from '../../features/bookings/display';
import { stationUrl } from '../../features/bookings/routes';
import MapLink from './MapLink';
import './bookings.scss';

/** A station in the directory: type, 营业中/已休息 with today's hours, distance, address; opens its page. */
export default function StationCard({ station, now }: { station: StationSummary; now: Date }) {
  const open = openState(station, now);
  const distance = distanceText(station.distanceMetres);
  return (
    <View className="card station-card" data-station-id={station.id} onClick={() => void Taro.navigateTo({ url: stationUrl(station.id) })}>
      <View className="station-card__head">
        <Text className="station-card__name">{station.name}</Text>
        {distance && <Text className="station-card__distance">{distance}</Text>}
      </View>
      <View className="station-card__meta">
        <Text className="bk-tag bk-tag--type">{STATION_TYPE_LABELS[station.type]}</Text>
        <Text className={`bk-open bk-open--${station.openNow ? 'yes' : 'no'} station-card__open`}>{open.label}</Text>
        {station.bookable && <Text className="bk-tag">可预约</Text>}
      </View>
      <Text className="bk-small station-card__hours">
        {todayHoursText(station.todayHours)}
        {open.note ? ` · ${open.note}` : ''}
      </Text>
      <Text className="bk-small station-card__address">{station.address}</Text>
      {station.location && <MapLink point={station.location} name={station.name} address={station.address} />}
    </View>
  );
}
