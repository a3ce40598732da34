import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { BOOKING_STATUS_LABELS, type MyBooking } from '@xinqiao/shared';
import { Chips } from '../../../components/Choice';
import LoginPrompt from '../../../components/LoginPrompt';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { bookingPlace, bookingTitle, bookingWhen } from '../../../features/bookings/display';
import { bookUrl, bookingUrl, helpUrl } from '../../../features/bookings/routes';
import { useMyPagedList } from '../../../hooks/useMyPagedList';
import { listMyBookings } from '../../../services/bookings';
import '../../components/bookings.scss';

const PAGE_SIZE = 20;
type Scope = 'upcoming' | 'past';
const SCOPES = [
  { value: 'upcoming' as const, label: '即将进行' },
  { value: 'past' as const, label: '已结束' },
];

/** 我的预约: upcoming (confirmed, not yet ended) and past ones; a booking opens its page (cancel, reschedule, rate). */
export default function MyBookings() {
  const [scope, setScope] = useState<Scope>('upcoming');
  const fetchPage = useCallback((page: number) => listMyBookings(scope, page, PAGE_SIZE), [scope]);
  const { resident, setProfile, list, load, retry, hasMore } = useMyPagedList((b: MyBooking) => b.id, fetchPage);

  if (resident.status === 'checking') return <LoadStatus loading className="bk-page" />;
  if (resident.status === 'anonymous') {
    return (
      <View className="bk-page">
        <LoginPrompt hint="登录后可以查看、改期和取消您的预约。" onLoggedIn={setProfile} />
        <PrivacyNotice firstUse={false} />
      </View>
    );
  }

  const now = new Date();
  return (
    <View className="bk-page my-bookings">
      <Chips className="my-bookings-scope" options={SCOPES} value={scope} onChange={setScope} />
      <View className="my-bookings__list">
        {list.items.map((b) => (
          <View key={b.id} className="card my-booking" data-booking-id={b.id} onClick={() => void Taro.navigateTo({ url: bookingUrl(b.id) })}>
            <View className="my-booking__head">
              <Text className="my-booking__title">{bookingTitle(b)}</Text>
              <Text className={`bk-status bk-status--${b.status} my-booking__status`}>{BOOKING_STATUS_LABELS[b.status]}</Text>
            </View>
            <Text className="bk-text my-booking__when">{bookingWhen(b, now)}</Text>
            <Text className="bk-small">{b.kind === 'in_person' && b.station ? b.station.name : bookingPlace(b)}</Text>
            {b.canRate && <Text className="bk-link my-booking__rate">去评价 ›</Text>}
            {b.rating && <Text className="bk-small">已评价 {b.rating.score} 星</Text>}
          </View>
        ))}
      </View>

      <LoadStatus
        loading={list.loading}
        error={list.error}
        onRetry={() => void retry()}
        empty={
          list.items.length === 0 && (
            <View className="my-bookings__empty">
              <Text className="list-status">{scope === 'upcoming' ? '没有即将进行的预约' : '还没有已结束的预约'}</Text>
              <View className="bk-actions">
                <Button className="xq-button my-bookings__book" onClick={() => void Taro.navigateTo({ url: bookUrl() })}>
                  预约咨询
                </Button>
                <Button className="xq-button xq-button--plain my-bookings__help" onClick={() => void Taro.navigateTo({ url: helpUrl() })}>
                  请人联系我
                </Button>
              </View>
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
