import type { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EVENT_KIND_LABELS, PLACE_TYPE_LABELS, type EventSummary } from '@xinqiao/shared';
import { formatEventTime, seatsState } from '../../features/events/display';
import { eventDetailUrl } from '../../features/events/routes';
import './index.scss';

/**
 * An event in a list: place type, title, time, venue and, unless `footer` replaces it (我的活动
 * shows the registration there), the seats left. Opens the event page unless `onClick` is given.
 */
export default function EventCard({ event, now, footer, onClick }: { event: EventSummary; now: Date; footer?: ReactNode; onClick?: () => void }) {
  const seats = seatsState(event);
  return (
    <View className="event-card" onClick={onClick ?? (() => void Taro.navigateTo({ url: eventDetailUrl(event.id) }))}>
      <View className="event-card__tags">
        <Text className="event-card__place">{PLACE_TYPE_LABELS[event.placeType]}</Text>
        <Text className="event-card__kind">{EVENT_KIND_LABELS[event.kind]}</Text>
      </View>
      <Text className="event-card__title">{event.title}</Text>
      <Text className="event-card__line event-card__time">{formatEventTime(event.startsAt, event.endsAt, now)}</Text>
      <Text className="event-card__line event-card__venue">
        {event.venueName}
        {event.regionName ? ` · ${event.regionName}` : ''}
      </Text>
      {footer ?? <Text className={`event-card__seats event-card__seats--${seats.tone}`}>{seats.text}</Text>}
    </View>
  );
}
