import type { ReactNode } from 'react';
import Taro, { useShareAppMessage } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { EVENT_KIND_LABELS, PLACE_TYPE_LABELS } from '@xinqiao/shared';
import LoadStatus from '../../../components/LoadStatus';
import LoginPrompt from '../../../components/LoginPrompt';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { audiencesText, formatEventTime, formatMoment, seatsState, signupWindowText } from '../../../features/events/display';
import { EVENT_ACTION_LABELS, registrationView, type EventAction } from '../../../features/events/registration';
import { EVENTS_TAB_URL, eventDetailUrl } from '../../../features/events/routes';
import { takeQuizUrl } from '../../../features/quizzes/routes';
import { assetUrl } from '../../../services/config';
import CheckinPanel from '../../components/CheckinPanel';
import SignupForm from '../../components/SignupForm';
import { useEventDetail, type LoginReason } from './useEventDetail';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

const ACTION_CLASSES: Record<Exclude<EventAction, 'checkin'>, string> = {
  signup: 'xq-button event-signup',
  waitlist: 'xq-button event-waitlist',
  accept: 'xq-button event-offer-accept',
  decline: 'xq-button xq-button--danger event-offer-decline',
  ticket: 'xq-button event-ticket',
  cancel: 'xq-button xq-button--plain event-cancel',
  leaveWaitlist: 'xq-button xq-button--plain event-cancel event-cancel--waitlist',
};

const LOGIN_HINTS: Record<LoginReason, string> = {
  signup: '报名需要先登录，方便你查看电子票和接收活动通知。',
  waitlist: '加入候补需要先登录，有名额时我们会通知你确认。',
  checkin: '签到需要先登录。',
};

function InfoRow({ label, children, className, onClick }: { label: string; children: ReactNode; className?: string; onClick?: () => void }) {
  return (
    <View className={`event-info ${className ?? ''}`} onClick={onClick}>
      <Text className="event-info__label">{label}</Text>
      <View className="event-info__value">{children}</View>
    </View>
  );
}

export default function EventDetailPage() {
  const {
    eventId,
    state,
    event,
    load,
    signedIn,
    templates,
    form,
    loginFor,
    busy,
    message,
    checkedInHere,
    act,
    askLogin,
    onLoggedIn,
    closeForm,
    signupDone,
    signupRefused,
    checkedIn,
  } = useEventDetail();

  useShareAppMessage(() => ({
    title: event ? event.title : '心桥 · 活动讲座',
    path: eventId === null ? EVENTS_TAB_URL : eventDetailUrl(eventId),
  }));

  if (!event) {
    return (
      <LoadStatus state={state} onRetry={() => void load()} className="event-detail">
        <Text className="load-status__link" onClick={() => void Taro.switchTab({ url: EVENTS_TAB_URL })}>
          查看全部活动
        </Text>
      </LoadStatus>
    );
  }

  const now = new Date();
  const view = registrationView(event, now);
  const seats = seatsState(event);
  const cover = assetUrl(event.coverUrl);
  const { venue, quizId } = event;
  const canOpenMap = IS_WEAPP && venue.location !== null;

  const openMap = () => {
    if (!venue.location) return;
    Taro.openLocation({ latitude: venue.location.lat, longitude: venue.location.lng, name: venue.name, address: venue.address, scale: 16 }).catch(() => {
      // Closed, or the map is not available on this device.
    });
  };

  const buttons = view.actions.filter((a): a is Exclude<EventAction, 'checkin'> => a !== 'checkin' && !(form && (a === 'signup' || a === 'waitlist')));

  return (
    <View className="event-detail">
      {cover ? <Image className="event-detail__cover" src={cover} mode="aspectFill" /> : null}

      <View className="card event-detail__head">
        <View className="event-detail__tags">
          <Text className="event-tag event-tag--place">{PLACE_TYPE_LABELS[event.placeType]}</Text>
          <Text className="event-tag">{EVENT_KIND_LABELS[event.kind]}</Text>
        </View>
        <Text className="event-detail__title">{event.title}</Text>
        <View className="event-detail__status">
          <Text className={`event-status event-status--${view.status.tone}`}>{view.status.label}</Text>
        </View>
        {view.note && <Text className="event-detail__note">{view.note}</Text>}
        {message && <Text className="event-problems event-message">{message}</Text>}
        {buttons.length > 0 && (
          <View className="event-actions">
            {buttons.map((a) => (
              <Button key={a} className={ACTION_CLASSES[a]} disabled={busy || undefined} onClick={() => act(a)}>
                {EVENT_ACTION_LABELS[a]}
              </Button>
            ))}
          </View>
        )}
        {view.checkinNote && <Text className="event-detail__checkin-note">{view.checkinNote}</Text>}
      </View>

      {loginFor && <LoginPrompt hint={LOGIN_HINTS[loginFor]} onLoggedIn={(p) => void onLoggedIn(p)} />}

      {form && (
        <SignupForm key={form} event={event} initialMode={form} templates={templates} onDone={signupDone} onRefused={signupRefused} onCancel={closeForm} />
      )}

      {(view.actions.includes('checkin') || checkedInHere) && (
        <CheckinPanel event={event} signedIn={signedIn} onNeedLogin={() => askLogin('checkin')} onCheckedIn={checkedIn} />
      )}

      <View className="card event-detail__info">
        <InfoRow label="时间">
          <Text>{formatEventTime(event.startsAt, event.endsAt, now)}</Text>
        </InfoRow>
        <InfoRow
          label="地点"
          className={canOpenMap ? 'event-detail__venue event-info--link' : 'event-detail__venue'}
          onClick={canOpenMap ? openMap : undefined}
        >
          <Text className="event-info__strong">{venue.name}</Text>
          <Text className="event-info__sub">{venue.address}</Text>
          {canOpenMap && <Text className="event-info__map">查看地图 ›</Text>}
        </InfoRow>
        {event.hostUnitName && (
          <InfoRow label="承办单位">
            <Text>{event.hostUnitName}</Text>
          </InfoRow>
        )}
        <InfoRow label="所属地区">
          <Text>{event.regionName}</Text>
        </InfoRow>
        <InfoRow label="面向人群">
          <Text>{audiencesText(event.audiences)}</Text>
        </InfoRow>
        <InfoRow label="名额" className="event-detail__seats">
          <Text>
            共 {event.capacity} 个 · {seats.text}
          </Text>
        </InfoRow>
        <InfoRow label="报名时间">
          <Text>{signupWindowText(event, now)}</Text>
        </InfoRow>
        {event.cancelClosesAt && (
          <InfoRow label="取消截止">
            <Text>{formatMoment(event.cancelClosesAt, now)}</Text>
          </InfoRow>
        )}
      </View>

      {event.speakers.length > 0 && (
        <View className="card event-speakers">
          <Text className="event-section-title">主讲人</Text>
          {event.speakers.map((s) => (
            <View key={`${s.name}-${s.title ?? ''}`} className="event-speaker">
              <Text className="event-speaker__name">
                {s.name}
                {s.title ? <Text className="event-speaker__title"> · {s.title}</Text> : null}
              </Text>
              {s.bio ? <Text className="event-speaker__bio">{s.bio}</Text> : null}
            </View>
          ))}
        </View>
      )}

      {event.description ? (
        <View className="card">
          <Text className="event-section-title">活动介绍</Text>
          <Text className="event-detail__desc">{event.description}</Text>
        </View>
      ) : null}

      {quizId !== null && (
        <View className="card event-detail__quiz">
          <Text className="event-detail__quiz-text">本活动配有心理健康知识问答，答完可以查看解析，看看自己的收获。</Text>
          <Button className="xq-button xq-button--plain event-quiz" onClick={() => void Taro.navigateTo({ url: takeQuizUrl(quizId, event.campaignId) })}>
            参加知识问答
          </Button>
        </View>
      )}

      <PrivacyNotice />
    </View>
  );
}
