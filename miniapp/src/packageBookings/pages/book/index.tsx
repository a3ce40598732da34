import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { Button, Text, Textarea, View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import {
  BOOKING_KIND_LABELS,
  BOOKING_KINDS,
  INTAKE_NOTE_MAX_CHARS,
  INTAKE_TOPICS,
  INTAKE_TOPIC_LABELS,
  type BookingKind,
  type BookingKindSettings,
  type CallbackLine,
  type Hold,
  type HelpRequestResult,
  type HelpUrgency,
  type MyBooking,
  type Slot,
  type StationDetail,
} from '@xinqiao/shared'
import { CheckRow, Chips, ChoiceCard } from '../../../components/Choice'
import HotlineCard from '../../../components/HotlineCard'
import LoginPrompt from '../../../components/LoginPrompt'
import PrivacyNotice from '../../../components/PrivacyNotice'
import { bookingWhen, chinaClock, holdCountdown, slotQueryRange } from '../../../features/bookings/display'
import { bookingFailure } from '../../../features/bookings/errors'
import { DANGER_QUESTION, EMPTY_INTAKE, intakeProblems, toIntakeInput, type IntakeForm } from '../../../features/bookings/forms'
import { STATIONS_URL, bookingUrl, helpUrl } from '../../../features/bookings/routes'
import { idParam } from '../../../features/quizzes/routes'
import { uuidV4 } from '../../../features/scales/uuid'
import { useResident } from '../../../hooks/useResident'
import {
  confirmBooking,
  createHold,
  getBookingTemplateIds,
  getMyBooking,
  getStation,
  listBookingKinds,
  listCallbackLines,
  listCounsellors,
  listSlots,
  releaseHold,
  requestBookingMessages,
  rescheduleBooking,
} from '../../../services/bookings'
import type { RequestError } from '../../../services/request'
import AgeGuardianFields from '../../components/AgeGuardianFields'
import CrisisBlock from '../../components/CrisisBlock'
import HelpRequestForm, { HelpRequestDone } from '../../components/HelpRequestForm'
import SlotPicker from '../../components/SlotPicker'
import { BOOKING_CONSENT_TEXT, SENSITIVE_CONSENT_TEXT } from './consent'
import '../../components/bookings.scss'
import './index.scss'

/** Slots are asked for at most 31 days at once (the API's limit). */
const MAX_QUERY_DAYS = 31

const KIND_DESCRIPTIONS: Record<BookingKind, string> = {
  in_person: '到心理服务站与咨询师面对面交谈',
  phone: '咨询师在预约时间拨打您留下的电话',
  callback: '请回电给我：选择热线和时间段，值班人员在该时段内给您回电',
}

type SlotsState = { status: 'idle' } | { status: 'loading' } | { status: 'ready'; slots: Slot[] } | { status: 'error'; message: string }

const DANGER_OPTIONS = [
  { value: 'yes' as const, label: '是' },
  { value: 'no' as const, label: '否' },
]
const TOPIC_OPTIONS = [{ value: 'none', label: '暂不填写' }, ...INTAKE_TOPICS.map((t) => ({ value: t as string, label: INTAKE_TOPIC_LABELS[t] }))]

export default function BookPage() {
  const { params } = useRouter()
  const stationId = idParam(params.stationId)
  const rescheduleId = idParam(params.rescheduleId)
  const initialKind = BOOKING_KINDS.find((k) => k === params.kind) ?? null
  const { resident, profile, refresh, setProfile } = useResident()

  const [kinds, setKinds] = useState<BookingKindSettings[] | null>(null)
  const [kindsError, setKindsError] = useState<string | null>(null)
  const [kind, setKind] = useState<BookingKind | null>(initialKind)
  const [station, setStation] = useState<StationDetail | null>(null)
  const [names, setNames] = useState<Map<number, string>>(new Map())
  const [counsellorId, setCounsellorId] = useState<number | null>(idParam(params.counsellorId))
  const [lines, setLines] = useState<CallbackLine[] | null>(null)
  const [lineId, setLineId] = useState<number | null>(idParam(params.lineId))
  const [original, setOriginal] = useState<MyBooking | null>(null)
  const [slots, setSlots] = useState<SlotsState>({ status: 'idle' })
  const [notice, setNotice] = useState<string | null>(null)
  const [loginFor, setLoginFor] = useState<Slot | null>(null)
  const [holding, setHolding] = useState(false)
  const [hold, setHold] = useState<Hold | null>(null)
  const [now, setNow] = useState(() => new Date())
  const [form, setForm] = useState<IntakeForm>(EMPTY_INTAKE)
  const [tried, setTried] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // One id per booking attempt (per hold): a retried confirmation returns the first booking.
  const [requestId, setRequestId] = useState(uuidV4)
  const [templateIds, setTemplateIds] = useState<string[]>([])
  const [helpDone, setHelpDone] = useState<{ result: HelpRequestResult; urgency: HelpUrgency } | null>(null)

  const signedIn = resident.status === 'signedIn'
  const settings = kinds?.find((k) => k.kind === kind) ?? null

  useDidShow(() => {
    void refresh()
  })

  useEffect(() => {
    listBookingKinds().then(
      (list) => setKinds(list.filter((k) => k.enabled)),
      (e: RequestError) => setKindsError(e.message),
    )
  }, [])

  useEffect(() => {
    if (stationId === null) return
    getStation(stationId).then(
      (s) => {
        setStation(s)
        setNames((m) => new Map([...m, ...s.counsellors.map((c): [number, string] => [c.id, c.name])]))
      },
      (e: RequestError) => setNotice(e.message),
    )
  }, [stationId])

  useEffect(() => {
    if (kind !== 'phone') return
    listCounsellors({ mode: 'phone', pageSize: 100 }).then(
      (page) => setNames((m) => new Map([...m, ...page.items.map((c): [number, string] => [c.id, c.name])])),
      () => undefined,
    )
  }, [kind])

  useEffect(() => {
    if (kind !== 'callback' || lines) return
    listCallbackLines(profile?.regionId ?? null).then(setLines, (e: RequestError) => setNotice(e.message))
  }, [kind, lines, profile?.regionId])

  useEffect(() => {
    if (rescheduleId === null || !signedIn) return
    getMyBooking(rescheduleId).then(setOriginal, (e: RequestError) => setNotice(e.message))
  }, [rescheduleId, signedIn])

  useEffect(() => {
    if (signedIn) getBookingTemplateIds().then(setTemplateIds, () => setTemplateIds([]))
  }, [signedIn])

  useEffect(() => {
    if (!profile) return
    setForm((f) => ({ ...f, ageBand: f.ageBand ?? profile.ageBand ?? null }))
  }, [profile])

  /** What the slot query needs is known: the kind, and its station or line. */
  const target = useMemo(() => {
    if (!kind || !settings) return null
    if (kind === 'in_person') return stationId === null ? null : { kind, stationId, counsellorId: counsellorId ?? undefined }
    if (kind === 'callback') return lineId === null ? null : { kind, lineId }
    return { kind, counsellorId: counsellorId ?? undefined }
  }, [kind, settings, stationId, counsellorId, lineId])

  const loadSlots = useCallback(async () => {
    if (!target || !settings) return
    setSlots({ status: 'loading' })
    const range = slotQueryRange(new Date(), Math.min(settings.maxDaysAhead + 1, MAX_QUERY_DAYS))
    try {
      setSlots({ status: 'ready', slots: await listSlots({ ...target, ...range }) })
    } catch (e) {
      setSlots({ status: 'error', message: (e as RequestError).message })
    }
  }, [target, settings])

  useEffect(() => {
    void loadSlots()
  }, [loadSlots])

  // The hold is given back when the resident leaves without booking.
  const heldId = useRef<number | null>(null)
  heldId.current = hold?.id ?? null
  useEffect(
    () => () => {
      if (heldId.current !== null) void releaseHold(heldId.current)
    },
    [],
  )

  const dropHold = useCallback(
    (message: string | null) => {
      setHold(null)
      setTried(false)
      setError(null)
      setNotice(message)
      void loadSlots()
    },
    [loadSlots],
  )

  // The countdown; an expired hold sends the resident back to pick again.
  useEffect(() => {
    if (!hold) return
    const timer = setInterval(() => {
      const t = new Date()
      setNow(t)
      if (holdCountdown(hold.expiresAt, t).expired) dropHold('保留时间已过，这个时段已释放。请重新选择时段。')
    }, 1000)
    return () => clearInterval(timer)
  }, [hold, dropHold])

  const takeHold = async (slot: Slot) => {
    if (holding) return
    if (!signedIn) {
      setLoginFor(slot)
      return
    }
    setHolding(true)
    setNotice(null)
    try {
      const h = await createHold({
        kind: kind!,
        start: slot.start,
        counsellorId: slot.counsellorId ?? undefined,
        stationId: slot.stationId ?? undefined,
        lineId: slot.lineId ?? undefined,
      })
      setHold(h)
      setNow(new Date())
      setRequestId(uuidV4())
      setTried(false)
      setError(null)
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
    } catch (e) {
      const failure = bookingFailure(e as RequestError)
      setNotice(failure.message)
      if (failure.kind === 'slot_taken') void loadSlots()
    } finally {
      setHolding(false)
    }
  }

  const changeSlot = () => {
    if (hold) void releaseHold(hold.id)
    dropHold(null)
  }

  const onFailure = (e: RequestError) => {
    setSending(false)
    const failure = bookingFailure(e)
    if (failure.kind === 'slot_taken' || failure.kind === 'hold_expired') dropHold(failure.message)
    else setError(failure.message)
  }

  const confirm = () => {
    setTried(true)
    if (sending || !hold || !kind || intakeProblems(form, kind).length) return
    setSending(true)
    setError(null)
    // WeChat allows the message request only as the first thing a tap does.
    void requestBookingMessages(templateIds).then((reminders) =>
      confirmBooking({ holdId: hold.id, clientRequestId: requestId, intake: toIntakeInput(form) }).then((booking) => {
        heldId.current = null
        setHold(null)
        void Taro.redirectTo({ url: `${bookingUrl(booking.id, true)}${reminders ? '&reminders=1' : ''}` })
      }, onFailure),
    )
  }

  const confirmReschedule = () => {
    if (sending || !hold || rescheduleId === null) return
    setSending(true)
    setError(null)
    void requestBookingMessages(templateIds).then(() =>
      rescheduleBooking(rescheduleId, hold.id).then((booking) => {
        heldId.current = null
        setHold(null)
        void Taro.showToast({ title: '已改期', icon: 'success' })
        void Taro.redirectTo({ url: bookingUrl(booking.id) })
      }, onFailure),
    )
  }

  const patch = (p: Partial<IntakeForm>) => setForm((f) => ({ ...f, ...p }))
  const counsellorName = (id: number | null) => (id === null ? '' : names.get(id) ?? '咨询师')
  const line = lines?.find((l) => l.id === lineId) ?? null

  // ---- the intake (or, when moving a booking, the confirmation) ----
  if (hold && kind) {
    const left = holdCountdown(hold.expiresAt, now)
    const problems = tried ? intakeProblems(form, kind) : []
    const where = kind === 'in_person' ? station?.name ?? '' : kind === 'callback' ? line?.name ?? '' : '电话咨询'
    return (
      <View className='bk-page book book--intake'>
        <View className='hold-bar'>
          <Text>已为您保留这个时段，请在倒计时结束前完成</Text>
          <Text className='hold-bar__time book-countdown'>{left.text}</Text>
        </View>

        <View className='card book-summary'>
          <Text className='bk-section'>{BOOKING_KIND_LABELS[kind]}</Text>
          <Text className='bk-text book-summary__when'>
            {bookingWhen(hold, now)}
          </Text>
          {where && <Text className='bk-text'>{where}</Text>}
          {hold.counsellorId !== null && <Text className='bk-text'>咨询师：{counsellorName(hold.counsellorId)}</Text>}
          {original && <Text className='bk-small'>原预约：{bookingWhen(original, now)}</Text>}
          <Text className='bk-link book-change' onClick={changeSlot}>
            更换时段
          </Text>
        </View>

        {rescheduleId !== null ? (
          <View className='card'>
            <Text className='bk-text'>改期后原时段将释放给其他居民，提醒会按新的时间发送。</Text>
            {error && <Text className='bk-problems book-error'>{error}</Text>}
            <View className='bk-actions'>
              <Button className='xq-button book-reschedule-confirm' disabled={sending || undefined} onClick={confirmReschedule}>
                {sending ? '正在提交…' : '确认改期'}
              </Button>
            </View>
          </View>
        ) : helpDone ? (
          <HelpRequestDone result={helpDone.result} urgency={helpDone.urgency} />
        ) : (
          <>
            <View className='card intake-danger-card'>
              <Text className='bk-section'>{DANGER_QUESTION}</Text>
              <Chips className='intake-danger' options={DANGER_OPTIONS} value={form.danger} onChange={(danger) => patch({ danger })} />
            </View>

            {form.danger === 'yes' ? (
              <>
                <CrisisBlock />
                <View className='card'>
                  <Text className='bk-text'>您的安全最重要。与其等待几天后的预约，请现在就拨打上面的热线，或留下电话，请心理咨询师尽快联系您。</Text>
                </View>
                <HelpRequestForm
                  fixedUrgency='now'
                  initial={{
                    contactPhone: form.contactPhone,
                    ageBand: form.ageBand,
                    guardianName: form.guardianName,
                    guardianRelation: form.guardianRelation,
                    regionId: profile?.regionId ?? null,
                  }}
                  onDone={(result, urgency) => {
                    if (hold) void releaseHold(hold.id)
                    heldId.current = null
                    setHelpDone({ result, urgency })
                  }}
                />
              </>
            ) : (
              <>
                <View className='card'>
                  <Text className='bk-section'>想聊些什么？（选填）</Text>
                  <Chips
                    className='intake-topic'
                    options={TOPIC_OPTIONS}
                    value={form.topic ?? 'none'}
                    onChange={(v) => patch({ topic: v === 'none' ? null : (v as IntakeForm['topic']) })}
                  />
                  <Textarea
                    className='bk-textarea intake-note'
                    value={form.note}
                    maxlength={INTAKE_NOTE_MAX_CHARS}
                    placeholder='用几句话说说您的情况（选填）'
                    onInput={(e) => patch({ note: e.detail.value })}
                  />
                  <CheckRow className='intake-sensitive' checked={form.sensitive} onChange={(sensitive) => patch({ sensitive })}>
                    {SENSITIVE_CONSENT_TEXT}
                  </CheckRow>
                </View>

                <View className='card'>
                  <Text className='bk-section'>联系方式</Text>
                  <View className='bk-field intake-phone'>
                    <Text className='bk-field__label'>联系电话</Text>
                    <Input
                      className='bk-field__input'
                      type='tel'
                      value={form.contactPhone}
                      maxLength={20}
                      placeholder={kind === 'in_person' ? '选填，有变动时联系您' : '手机号或带区号的固话'}
                      onChange={(contactPhone) => patch({ contactPhone })}
                    />
                  </View>
                  <AgeGuardianFields prefix='intake' value={form} onChange={patch} />
                </View>

                <View className='card'>
                  <CheckRow className='intake-consent' checked={form.bookingConsent} onChange={(bookingConsent) => patch({ bookingConsent })}>
                    {BOOKING_CONSENT_TEXT}
                  </CheckRow>
                </View>

                {problems.length > 0 && (
                  <View className='bk-problems intake-problems'>
                    {problems.map((p) => (
                      <Text key={p}>{p}</Text>
                    ))}
                  </View>
                )}
                {error && <Text className='bk-problems book-error'>{error}</Text>}
                <View className='bk-actions'>
                  <Button className='xq-button book-confirm' disabled={sending || undefined} onClick={confirm}>
                    {sending ? '正在提交…' : '确认预约'}
                  </Button>
                </View>
              </>
            )}
          </>
        )}
        <PrivacyNotice firstUse={false} />
      </View>
    )
  }

  // ---- choosing what to book, then a slot ----
  return (
    <View className='bk-page book'>
      {notice && <Text className='bk-notice book-notice'>{notice}</Text>}
      {original && (
        <View className='card'>
          <Text className='bk-section'>改期</Text>
          <Text className='bk-text'>原预约：{bookingWhen(original, new Date())}。请选择新的时段。</Text>
        </View>
      )}

      {rescheduleId === null && (
        <View className='card book-kinds'>
          <Text className='bk-section'>选择预约方式</Text>
          {kindsError && <Text className='bk-problems'>{kindsError}</Text>}
          {kinds === null && !kindsError && <Text className='list-status'>加载中…</Text>}
          {kinds?.length === 0 && <Text className='list-status'>暂未开放在线预约，可拨打心理援助热线 12356</Text>}
          {kinds?.map((k) => (
            <ChoiceCard
              key={k.kind}
              className={`book-kind book-kind--${k.kind}`}
              selected={kind === k.kind}
              title={k.kind === 'in_person' && station ? `${BOOKING_KIND_LABELS[k.kind]} · ${station.name}` : k.kind === 'callback' ? '热线回电 · 请回电给我' : BOOKING_KIND_LABELS[k.kind]}
              description={k.kind === 'in_person' && stationId === null ? '先选择一个服务站点，再预约到站面询' : `${KIND_DESCRIPTIONS[k.kind]}（每次约 ${k.durationMinutes} 分钟）`}
              onSelect={() => {
                setNotice(null)
                if (k.kind === 'in_person' && stationId === null) void Taro.navigateTo({ url: STATIONS_URL })
                else setKind(k.kind)
              }}
            />
          ))}
        </View>
      )}

      {kind === 'callback' && rescheduleId === null && (
        <View className='card book-lines'>
          <Text className='bk-section'>选择热线</Text>
          {lines === null && <Text className='list-status'>加载中…</Text>}
          {lines?.length === 0 && <Text className='list-status'>您所在地区暂未开通热线回电，可直接拨打 12356</Text>}
          {lines?.map((l) => (
            <ChoiceCard
              key={l.id}
              className='book-line'
              selected={lineId === l.id}
              title={l.name}
              description={`${l.number} · ${l.regionName}`}
              onSelect={() => setLineId(l.id)}
            />
          ))}
        </View>
      )}

      {target && (
        <View className='card book-slots'>
          <Text className='bk-section'>选择时间</Text>
          {counsellorId !== null && (
            <View className='book-filter'>
              <Text className='bk-small'>只显示{counsellorName(counsellorId)}的时段。</Text>
              <Text className='bk-link book-filter__all' onClick={() => setCounsellorId(null)}>
                查看全部咨询师
              </Text>
            </View>
          )}
          {slots.status === 'loading' && <Text className='list-status'>正在查询可预约时段…</Text>}
          {slots.status === 'error' && (
            <Text className='list-status' onClick={() => void loadSlots()}>
              {slots.message}，点击重试
            </Text>
          )}
          {slots.status === 'ready' && (
            <SlotPicker slots={slots.slots} counsellorName={counsellorName} callback={kind === 'callback'} now={new Date()} disabled={holding} onPick={(s) => void takeHold(s)} />
          )}
          {holding && <Text className='list-status'>正在为您保留时段…</Text>}
        </View>
      )}

      {loginFor && !signedIn && (
        <LoginPrompt
          hint={`预约需要先登录。登录后将为您保留 ${chinaClock(loginFor.start)} 这个时段。`}
          onLoggedIn={(p) => {
            setProfile(p)
            const slot = loginFor
            setLoginFor(null)
            // Signed in now: the hold goes out with the fresh token.
            setTimeout(() => {
              void createHold({
                kind: kind!,
                start: slot.start,
                counsellorId: slot.counsellorId ?? undefined,
                stationId: slot.stationId ?? undefined,
                lineId: slot.lineId ?? undefined,
              }).then(
                (h) => {
                  setHold(h)
                  setNow(new Date())
                  setRequestId(uuidV4())
                },
                (e: RequestError) => {
                  const failure = bookingFailure(e)
                  setNotice(failure.message)
                  if (failure.kind === 'slot_taken') void loadSlots()
                },
              )
            }, 0)
          }}
        />
      )}

      <View className='card book-help'>
        <Text className='bk-text'>现在就很难受，等不及预约？</Text>
        <Text className='bk-link book-help__link' onClick={() => void Taro.navigateTo({ url: helpUrl('now') })}>
          请人尽快联系我 ›
        </Text>
      </View>
      <HotlineCard compact />
      <PrivacyNotice firstUse={false} />
    </View>
  )
}
