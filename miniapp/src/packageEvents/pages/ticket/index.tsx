import { useCallback } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { EventDetail } from '@xinqiao/shared';
import LoadStatus from '../../../components/LoadStatus';
import LoginPrompt from '../../../components/LoginPrompt';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { formatEventTime, formatMoment } from '../../../features/events/display';
import { registrationView } from '../../../features/events/registration';
import { eventDetailUrl } from '../../../features/events/routes';
import { ticketHolder } from '../../../features/events/ticket';
import { idParam } from '../../../features/quizzes/routes';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { useResident } from '../../../hooks/useResident';
import { getEvent } from '../../../services/events';
import TicketQr from '../../components/TicketQr';
import './index.scss';

export default function Ticket() {
  const { params } = useRouter();
  const eventId = idParam(params.id);
  const { resident, profile, refresh, setProfile } = useResident();
  const fetchEvent = useCallback(async (): Promise<EventDetail> => {
    if (eventId === null) throw new FinalLoadError('电子票地址有误');
    await refresh();
    return getEvent(eventId);
  }, [eventId, refresh]);
  // Re-read on every show: staff may have checked the resident in meanwhile.
  const { state, data: event, reload: load } = useLoad(fetchEvent, { when: 'show', notFound: '活动不存在或已下线' });

  const openEvent = () => {
    if (eventId !== null) void Taro.navigateTo({ url: eventDetailUrl(eventId) });
  };

  if (resident.status === 'anonymous') {
    return (
      <View className="ticket">
        <LoginPrompt
          hint="登录后可以查看你的电子票。"
          onLoggedIn={(p) => {
            setProfile(p);
            void load();
          }}
        />
        <PrivacyNotice firstUse={false} />
      </View>
    );
  }
  if (resident.status === 'checking') return <LoadStatus loading className="ticket" />;
  if (!event) return <LoadStatus state={state} onRetry={() => void load()} className="ticket" />;

  const reg = event.myRegistration;
  const token = reg?.ticket?.token;
  const now = new Date();
  if (!reg || !token) {
    return (
      <View className="ticket ticket--message ticket-none">
        <Text className="ticket__message">暂无有效的电子票（{registrationView(event, now).status.label}）。报名成功后才有电子票。</Text>
        <Text className="ticket__link" onClick={openEvent}>
          查看活动详情
        </Text>
      </View>
    );
  }

  const holder = ticketHolder(reg, profile?.nickname ?? null);
  return (
    <View className="ticket">
      <View className="card ticket__card">
        <Text className="ticket__title">{event.title}</Text>
        {reg.checkedInAt ? (
          <Text className="event-status event-status--ok ticket__checked">已签到 · {formatMoment(reg.checkedInAt, now)}</Text>
        ) : (
          <Text className="ticket__hint">签到时请出示此码</Text>
        )}
        <TicketQr token={token} />
        <View className="ticket__rows">
          {holder.name && (
            <View className="ticket__row ticket-holder">
              <Text className="ticket__label">参加人</Text>
              <Text className="ticket__value">
                {holder.name}
                {holder.phone ? `  ${holder.phone}` : ''}
              </Text>
            </View>
          )}
          <View className="ticket__row">
            <Text className="ticket__label">时间</Text>
            <Text className="ticket__value">{formatEventTime(event.startsAt, event.endsAt, now)}</Text>
          </View>
          <View className="ticket__row">
            <Text className="ticket__label">地点</Text>
            <Text className="ticket__value">
              {event.venue.name}
              {'\n'}
              {event.venue.address}
            </Text>
          </View>
        </View>
        <Text className="ticket__note">工作人员扫描此码签到；也可以扫描现场大屏上的签到码自助签到。请勿将电子票截图转发给他人。</Text>
      </View>
      <Button className="xq-button xq-button--plain ticket__detail" onClick={openEvent}>
        查看活动详情
      </Button>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
