import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { MyEventItem } from '@xinqiao/shared';
import EventCard from '../../../components/EventCard';
import LoginPrompt from '../../../components/LoginPrompt';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { myEventStatus, opensTicket } from '../../../features/events/registration';
import { EVENTS_TAB_URL, eventDetailUrl, ticketUrl } from '../../../features/events/routes';
import { useMyPagedList } from '../../../hooks/useMyPagedList';
import { listMyEvents } from '../../../services/events';
import '../../components/events.scss';
import './index.scss';

export const MY_EVENTS_PAGE_SIZE = 20;

const fetchMyEvents = (page: number) => listMyEvents(page, MY_EVENTS_PAGE_SIZE, { toast: false });

export default function MyEvents() {
  const { resident, setProfile, list, load, retry, hasMore } = useMyPagedList((i: MyEventItem) => i.event.id, fetchMyEvents);

  if (resident.status === 'checking') return <LoadStatus loading className="my-events" />;
  if (resident.status === 'anonymous') {
    return (
      <View className="my-events">
        <LoginPrompt hint="登录后可以查看你报名、候补和签到过的活动。" onLoggedIn={setProfile} />
        <PrivacyNotice firstUse={false} />
      </View>
    );
  }

  const now = new Date();
  const firstPast = list.items.findIndex((i) => new Date(i.event.endsAt).getTime() <= now.getTime());

  return (
    <View className="my-events">
      {list.items.map((item, i) => {
        const status = myEventStatus(item.event, item.registration, now);
        const ticket = opensTicket(item.event, item.registration, now);
        return (
          <View key={item.event.id} className="my-event">
            {i === firstPast && <Text className="my-events__past">已结束的活动</Text>}
            <EventCard
              event={item.event}
              now={now}
              onClick={() => void Taro.navigateTo({ url: ticket ? ticketUrl(item.event.id) : eventDetailUrl(item.event.id) })}
              footer={
                <View className="my-event__footer">
                  <Text className={`event-status event-status--${status.tone} my-event__status`}>{status.label}</Text>
                  {ticket && <Text className="my-event__ticket">出示电子票 ›</Text>}
                </View>
              }
            />
          </View>
        );
      })}

      <LoadStatus
        loading={list.loading}
        error={list.error}
        onRetry={() => void retry()}
        empty={
          list.items.length === 0 && (
            <View className="my-events__empty">
              <Text className="list-status">还没有报名过活动</Text>
              <Button className="xq-button my-events__go" onClick={() => void Taro.switchTab({ url: EVENTS_TAB_URL })}>
                去看看活动
              </Button>
            </View>
          )
        }
      />
      {!list.loading && !list.error && hasMore && (
        <View className="list-status" onClick={() => void load(list.page + 1)}>
          上拉或点击加载更多
        </View>
      )}
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
