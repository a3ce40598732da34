import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { EVENT_KIND_LABELS, PLACE_TYPE_LABELS, type EventDetail, type EventNotificationTemplates, type ResidentProfile } from '@xinqiao/shared'
import LoginPrompt from '../../../components/LoginPrompt'
import PrivacyNotice from '../../../components/PrivacyNotice'
import { audiencesText, formatEventTime, formatMoment, seatsState, signupWindowText } from '../../../features/events/display'
import { EVENT_ACTION_LABELS, registrationView, withdrawConfirmation, type EventAction } from '../../../features/events/registration'
import { EVENTS_TAB_URL, eventDetailUrl, ticketUrl } from '../../../features/events/routes'
import { idParam, takeQuizUrl } from '../../../features/quizzes/routes'
import { useResident } from '../../../hooks/useResident'
import { assetUrl } from '../../../services/config'
import { answerOffer, cancelRegistration, getEvent, getNotificationTemplates, requestEventMessages } from '../../../services/events'
import type { RequestError } from '../../../services/request'
import CheckinPanel from '../../components/CheckinPanel'
import SignupForm, { type SignupMode } from '../../components/SignupForm'
import './index.scss'

type LoadState = { status: 'loading' } | { status: 'ready'; event: EventDetail } | { status: 'error'; message: string; retry: boolean }

/** What the resident tapped before being asked to sign in: carried on once they are. */
type LoginReason = SignupMode | 'checkin'

const IS_WEAPP = process.env.TARO_ENV === 'weapp'

const ACTION_CLASSES: Record<Exclude<EventAction, 'checkin'>, string> = {
  signup: 'xq-button event-signup',
  waitlist: 'xq-button event-waitlist',
  accept: 'xq-button event-offer-accept',
  decline: 'xq-button xq-button--danger event-offer-decline',
  ticket: 'xq-button event-ticket',
  cancel: 'xq-button xq-button--plain event-cancel',
  leaveWaitlist: 'xq-button xq-button--plain event-cancel event-cancel--waitlist',
}

const LOGIN_HINTS: Record<LoginReason, string> = {
  signup: '报名需要先登录，方便你查看电子票和接收活动通知。',
  waitlist: '加入候补需要先登录，有名额时我们会通知你确认。',
  checkin: '签到需要先登录。',
}

const DONE_TOASTS = { cancel: '已取消报名', leaveWaitlist: '已退出候补', decline: '已放弃名额' } as const

function InfoRow({ label, children, className, onClick }: { label: string; children: ReactNode; className?: string; onClick?: () => void }) {
  return (
    <View className={`event-info ${className ?? ''}`} onClick={onClick}>
      <Text className='event-info__label'>{label}</Text>
      <View className='event-info__value'>{children}</View>
    </View>
  )
}

export default function EventDetailPage() {
  const { params } = useRouter()
  const eventId = idParam(params.id)
  const { resident, refresh, setProfile } = useResident()
  const [state, setState] = useState<LoadState>({ status: 'loading' })
  const [templates, setTemplates] = useState<EventNotificationTemplates | null>(null)
  const [form, setForm] = useState<SignupMode | null>(null)
  const [loginFor, setLoginFor] = useState<LoginReason | null>(null)
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  // Keeps the check-in result on screen after the reload that turns the status into 已签到.
  const [checkedInHere, setCheckedInHere] = useState(false)

  // A failed reload keeps the page that is shown and only says why.
  const shown = useRef(false)

  /** Loads (or reloads, keeping what is shown) the event with the resident's registration. */
  const load = useCallback(async (): Promise<EventDetail | null> => {
    if (eventId === null) {
      setState({ status: 'error', message: '活动地址有误', retry: false })
      return null
    }
    // Signed in first (silently on WeChat), so the answer carries the resident's registration.
    await refresh()
    try {
      const event = await getEvent(eventId)
      shown.current = true
      setState({ status: 'ready', event })
      return event
    } catch (e) {
      const err = e as RequestError
      const gone = err.statusCode === 404
      if (shown.current && !gone) void Taro.showToast({ title: err.message, icon: 'none' })
      else setState({ status: 'error', message: gone ? '活动不存在或已下线' : err.message, retry: !gone })
      return null
    }
  }, [eventId, refresh])

  // Back from the ticket, a quiz or another tab: seats and the registration may have changed.
  useDidShow(() => {
    void load()
  })

  useEffect(() => {
    getNotificationTemplates().then(setTemplates, () => setTemplates(null))
  }, [])

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? state.event.title : '心桥 · 活动讲座',
    path: eventId === null ? EVENTS_TAB_URL : eventDetailUrl(eventId),
  }))

  if (state.status === 'loading') return <View className='event-detail list-status'>加载中…</View>
  if (state.status === 'error') {
    return (
      <View className='event-detail event-detail--message'>
        <Text className='event-detail__message'>{state.message}</Text>
        {state.retry && (
          <Text className='event-detail__link' onClick={() => void load()}>
            点击重试
          </Text>
        )}
        <Text className='event-detail__link' onClick={() => void Taro.switchTab({ url: EVENTS_TAB_URL })}>
          查看全部活动
        </Text>
      </View>
    )
  }

  const { event } = state
  const now = new Date()
  const view = registrationView(event, now)
  const seats = seatsState(event)
  const signedIn = resident.status === 'signedIn'
  const cover = assetUrl(event.coverUrl)
  const { venue, quizId } = event
  const canOpenMap = IS_WEAPP && venue.location !== null

  const askLogin = (reason: LoginReason) => {
    setForm(null)
    setLoginFor(reason)
  }

  const openForm = (mode: SignupMode) => {
    setMessage(null)
    if (!signedIn) askLogin(mode)
    else setForm(mode)
  }

  const onLoggedIn = async (profile: ResidentProfile) => {
    setProfile(profile)
    const reason = loginFor
    setLoginFor(null)
    const fresh = await load()
    // Already registered under this account: the reloaded page shows it instead of a form.
    if (fresh && (reason === 'signup' || reason === 'waitlist') && registrationView(fresh, new Date()).actions.includes(reason)) setForm(reason)
  }

  /** After a change the page reloads: seats and the registration come from the server. */
  const settle = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true)
    setMessage(null)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (e) {
      setMessage((e as RequestError).message)
    } finally {
      setBusy(false)
      await load()
    }
  }

  const withdraw = async (action: 'cancel' | 'leaveWaitlist' | 'decline') => {
    const { title, content, confirmText } = withdrawConfirmation(action)
    const { confirm } = await Taro.showModal({ title, content, confirmText, confirmColor: '#e34d59', cancelText: '再想想' })
    if (!confirm) return
    await settle(() => (action === 'decline' ? answerOffer(event.id, false) : cancelRegistration(event.id)), DONE_TOASTS[action])
  }

  const act = (action: Exclude<EventAction, 'checkin'>) => {
    if (busy) return
    switch (action) {
      case 'signup':
      case 'waitlist':
        openForm(action)
        return
      case 'accept':
        // The tap is the moment WeChat allows asking for the confirmation and reminder messages.
        void settle(() => requestEventMessages(templates?.signUp ?? []).then(() => answerOffer(event.id, true)), '已确认名额')
        return
      case 'ticket':
        void Taro.navigateTo({ url: ticketUrl(event.id) })
        return
      default:
        void withdraw(action)
    }
  }

  const openMap = () => {
    if (!venue.location) return
    Taro.openLocation({ latitude: venue.location.lat, longitude: venue.location.lng, name: venue.name, address: venue.address, scale: 16 }).catch(() => {
      // Closed, or the map is not available on this device.
    })
  }

  const buttons = view.actions.filter((a): a is Exclude<EventAction, 'checkin'> => a !== 'checkin' && !(form && (a === 'signup' || a === 'waitlist')))

  return (
    <View className='event-detail'>
      {cover ? <Image className='event-detail__cover' src={cover} mode='aspectFill' /> : null}

      <View className='card event-detail__head'>
        <View className='event-detail__tags'>
          <Text className='event-tag event-tag--place'>{PLACE_TYPE_LABELS[event.placeType]}</Text>
          <Text className='event-tag'>{EVENT_KIND_LABELS[event.kind]}</Text>
        </View>
        <Text className='event-detail__title'>{event.title}</Text>
        <View className='event-detail__status'>
          <Text className={`event-status event-status--${view.status.tone}`}>{view.status.label}</Text>
        </View>
        {view.note && <Text className='event-detail__note'>{view.note}</Text>}
        {message && <Text className='event-problems event-message'>{message}</Text>}
        {buttons.length > 0 && (
          <View className='event-actions'>
            {buttons.map((a) => (
              <Button key={a} className={ACTION_CLASSES[a]} disabled={busy || undefined} onClick={() => act(a)}>
                {EVENT_ACTION_LABELS[a]}
              </Button>
            ))}
          </View>
        )}
        {view.checkinNote && <Text className='event-detail__checkin-note'>{view.checkinNote}</Text>}
      </View>

      {loginFor && <LoginPrompt hint={LOGIN_HINTS[loginFor]} onLoggedIn={(p) => void onLoggedIn(p)} />}

      {form && (
        <SignupForm
          key={form}
          event={event}
          initialMode={form}
          templates={templates}
          onDone={(registration) => {
            setForm(null)
            void Taro.showToast({ title: registration.status === 'waitlisted' ? '已加入候补' : '报名成功', icon: 'success' })
            void load()
          }}
          onRefused={(text) => {
            setForm(null)
            setMessage(text)
            void load()
          }}
          onCancel={() => setForm(null)}
        />
      )}

      {(view.actions.includes('checkin') || checkedInHere) && (
        <CheckinPanel
          event={event}
          signedIn={signedIn}
          onNeedLogin={() => askLogin('checkin')}
          onCheckedIn={() => {
            setCheckedInHere(true)
            void load()
          }}
        />
      )}

      <View className='card event-detail__info'>
        <InfoRow label='时间'>
          <Text>{formatEventTime(event.startsAt, event.endsAt, now)}</Text>
        </InfoRow>
        <InfoRow label='地点' className={canOpenMap ? 'event-detail__venue event-info--link' : 'event-detail__venue'} onClick={canOpenMap ? openMap : undefined}>
          <Text className='event-info__strong'>{venue.name}</Text>
          <Text className='event-info__sub'>{venue.address}</Text>
          {canOpenMap && <Text className='event-info__map'>查看地图 ›</Text>}
        </InfoRow>
        {event.hostUnitName && (
          <InfoRow label='承办单位'>
            <Text>{event.hostUnitName}</Text>
          </InfoRow>
        )}
        <InfoRow label='所属地区'>
          <Text>{event.regionName}</Text>
        </InfoRow>
        <InfoRow label='面向人群'>
          <Text>{audiencesText(event.audiences)}</Text>
        </InfoRow>
        <InfoRow label='名额' className='event-detail__seats'>
          <Text>
            共 {event.capacity} 个 · {seats.text}
          </Text>
        </InfoRow>
        <InfoRow label='报名时间'>
          <Text>{signupWindowText(event, now)}</Text>
        </InfoRow>
        {event.cancelClosesAt && (
          <InfoRow label='取消截止'>
            <Text>{formatMoment(event.cancelClosesAt, now)}</Text>
          </InfoRow>
        )}
      </View>

      {event.speakers.length > 0 && (
        <View className='card event-speakers'>
          <Text className='event-section-title'>主讲人</Text>
          {event.speakers.map((s) => (
            <View key={`${s.name}-${s.title ?? ''}`} className='event-speaker'>
              <Text className='event-speaker__name'>
                {s.name}
                {s.title ? <Text className='event-speaker__title'> · {s.title}</Text> : null}
              </Text>
              {s.bio ? <Text className='event-speaker__bio'>{s.bio}</Text> : null}
            </View>
          ))}
        </View>
      )}

      {event.description ? (
        <View className='card'>
          <Text className='event-section-title'>活动介绍</Text>
          <Text className='event-detail__desc'>{event.description}</Text>
        </View>
      ) : null}

      {quizId !== null && (
        <View className='card event-detail__quiz'>
          <Text className='event-detail__quiz-text'>本活动配有心理健康知识问答，答完可以查看解析，看看自己的收获。</Text>
          <Button className='xq-button xq-button--plain event-quiz' onClick={() => void Taro.navigateTo({ url: takeQuizUrl(quizId, event.campaignId) })}>
            参加知识问答
          </Button>
        </View>
      )}

      <PrivacyNotice />
    </View>
  )
}
