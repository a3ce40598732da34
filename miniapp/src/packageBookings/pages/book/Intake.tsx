import { Button, Text, Textarea, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { BOOKING_KIND_LABELS, INTAKE_NOTE_MAX_CHARS, INTAKE_TOPICS, INTAKE_TOPIC_LABELS, type BookingKind, type Hold } from '@xinqiao/shared';
import { CheckRow, Chips } from '../../../components/Choice';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { bookingWhen, holdCountdown } from '../../../features/bookings/display';
import { DANGER_QUESTION, type IntakeForm } from '../../../features/bookings/forms';
import AgeGuardianFields from '../../components/AgeGuardianFields';
import CrisisBlock from '../../components/CrisisBlock';
import HelpRequestForm, { HelpRequestDone } from '../../components/HelpRequestForm';
import { BOOKING_CONSENT_TEXT, SENSITIVE_CONSENT_TEXT } from './consent';
import type { BookSession } from './useBookSession';

const DANGER_OPTIONS = [
  { value: 'yes' as const, label: '是' },
  { value: 'no' as const, label: '否' },
];
const TOPIC_OPTIONS = [{ value: 'none', label: '暂不填写' }, ...INTAKE_TOPICS.map((t) => ({ value: t as string, label: INTAKE_TOPIC_LABELS[t] }))];

/** A slot is held: the countdown, then the intake (or, when moving a booking, the confirmation). */
export default function Intake({ session, hold, kind }: { session: BookSession; hold: Hold; kind: BookingKind }) {
  const {
    now,
    station,
    line,
    original,
    rescheduleId,
    counsellorName,
    changeSlot,
    error,
    sending,
    confirmReschedule,
    helpDone,
    helpRequested,
    form,
    patch,
    profile,
    problems,
    confirm,
  } = session;
  const left = holdCountdown(hold.expiresAt, now);
  const where = kind === 'in_person' ? (station?.name ?? '') : kind === 'callback' ? (line?.name ?? '') : '电话咨询';
  return (
    <View className="bk-page book book--intake">
      <View className="hold-bar">
        <Text>已为您保留这个时段，请在倒计时结束前完成</Text>
        <Text className="hold-bar__time book-countdown">{left.text}</Text>
      </View>

      <View className="card book-summary">
        <Text className="bk-section">{BOOKING_KIND_LABELS[kind]}</Text>
        <Text className="bk-text book-summary__when">{bookingWhen(hold, now)}</Text>
        {where && <Text className="bk-text">{where}</Text>}
        {hold.counsellorId !== null && <Text className="bk-text">咨询师：{counsellorName(hold.counsellorId)}</Text>}
        {original && <Text className="bk-small">原预约：{bookingWhen(original, now)}</Text>}
        <Text className="bk-link book-change" onClick={changeSlot}>
          更换时段
        </Text>
      </View>

      {rescheduleId !== null ? (
        <View className="card">
          <Text className="bk-text">改期后原时段将释放给其他居民，提醒会按新的时间发送。</Text>
          {error && <Text className="bk-problems book-error">{error}</Text>}
          <View className="bk-actions">
            <Button className="xq-button book-reschedule-confirm" disabled={sending || undefined} onClick={confirmReschedule}>
              {sending ? '正在提交…' : '确认改期'}
            </Button>
          </View>
        </View>
      ) : helpDone ? (
        <HelpRequestDone result={helpDone.result} urgency={helpDone.urgency} />
      ) : (
        <>
          <View className="card intake-danger-card">
            <Text className="bk-section">{DANGER_QUESTION}</Text>
            <Chips className="intake-danger" options={DANGER_OPTIONS} value={form.danger} onChange={(danger) => patch({ danger })} />
          </View>

          {form.danger === 'yes' ? (
            <>
              <CrisisBlock />
              <View className="card">
                <Text className="bk-text">您的安全最重要。与其等待几天后的预约，请现在就拨打上面的热线，或留下电话，请心理咨询师尽快联系您。</Text>
              </View>
              <HelpRequestForm
                fixedUrgency="now"
                initial={{
                  contactPhone: form.contactPhone,
                  ageBand: form.ageBand,
                  guardianName: form.guardianName,
                  guardianRelation: form.guardianRelation,
                  regionId: profile?.regionId ?? null,
                }}
                onDone={helpRequested}
              />
            </>
          ) : (
            <>
              <View className="card">
                <Text className="bk-section">想聊些什么？（选填）</Text>
                <Chips
                  className="intake-topic"
                  options={TOPIC_OPTIONS}
                  value={form.topic ?? 'none'}
                  onChange={(v) => patch({ topic: v === 'none' ? null : (v as IntakeForm['topic']) })}
                />
                <Textarea
                  className="bk-textarea intake-note"
                  value={form.note}
                  maxlength={INTAKE_NOTE_MAX_CHARS}
                  placeholder="用几句话说说您的情况（选填）"
                  onInput={(e) => patch({ note: e.detail.value })}
                />
                <CheckRow className="intake-sensitive" checked={form.sensitive} onChange={(sensitive) => patch({ sensitive })}>
                  {SENSITIVE_CONSENT_TEXT}
                </CheckRow>
              </View>

              <View className="card">
                <Text className="bk-section">联系方式</Text>
                <View className="bk-field intake-phone">
                  <Text className="bk-field__label">联系电话</Text>
                  <Input
                    className="bk-field__input"
                    type="tel"
                    value={form.contactPhone}
                    maxLength={20}
                    placeholder={kind === 'in_person' ? '选填，有变动时联系您' : '手机号或带区号的固话'}
                    onChange={(contactPhone) => patch({ contactPhone })}
                  />
                </View>
                <AgeGuardianFields prefix="intake" value={form} onChange={patch} />
              </View>

              <View className="card">
                <CheckRow className="intake-consent" checked={form.bookingConsent} onChange={(bookingConsent) => patch({ bookingConsent })}>
                  {BOOKING_CONSENT_TEXT}
                </CheckRow>
              </View>

              {problems.length > 0 && (
                <View className="bk-problems intake-problems">
                  {problems.map((p) => (
                    <Text key={p}>{p}</Text>
                  ))}
                </View>
              )}
              {error && <Text className="bk-problems book-error">{error}</Text>}
              <View className="bk-actions">
                <Button className="xq-button book-confirm" disabled={sending || undefined} onClick={confirm}>
                  {sending ? '正在提交…' : '确认预约'}
                </Button>
              </View>
            </>
          )}
        </>
      )}
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
