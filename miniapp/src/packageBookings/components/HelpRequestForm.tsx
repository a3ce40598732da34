import { useState } from 'react';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { HELP_URGENCIES, HELP_URGENCY_LABELS, INTAKE_NOTE_MAX_CHARS, type HelpRequestResult, type HelpUrgency } from '@xinqiao/shared';
import { CheckRow, ChoiceCard } from '../../components/Choice';
import RegionField from '../../components/RegionField';
import { CONTACT_NAME_MAX, EMPTY_HELP, helpProblems, toHelpRequestInput, type HelpForm } from '../../features/bookings/forms';
import { uuidV4 } from '../../features/scales/uuid';
import { NOTICE_TEXT, noticeView, useNoticeStatus } from '../../features/alerts/notice';
import { createHelpRequest, getAlertNotice } from '../../services/bookings';
import type { RequestError } from '../../services/request';
import AgeGuardianFields from './AgeGuardianFields';
import CrisisBlock from './CrisisBlock';
import './bookings.scss';

export const HELP_CONSENT_TEXT =
  '我同意提供以上联系电话、称呼、所在社区/村和年龄段（未满 14 周岁时还有监护人信息），用于所在社区经授权的心理咨询师联系我；这些信息只用于这次联系，每次查看都会留下记录。';
export const HELP_SENSITIVE_TEXT = '我同意提供情况说明（属于敏感个人信息），只给联系我的心理咨询师查看。';

/**
 * "请人联系我": how urgent, how to reach the resident, where they live, and consent. With `now`
 * the crisis card comes first. `fixedUrgency` is the booking intake's "I am in danger now" path.
 */
export default function HelpRequestForm({
  fixedUrgency,
  crisisShown = false,
  initial,
  onDone,
}: {
  fixedUrgency?: HelpUrgency;
  /** The page already shows the crisis card above the form. */
  crisisShown?: boolean;
  initial?: Partial<HelpForm>;
  onDone: (result: HelpRequestResult, urgency: HelpUrgency) => void;
}) {
  const [form, setForm] = useState<HelpForm>(() => ({ ...EMPTY_HELP, ...initial, urgency: fixedUrgency ?? initial?.urgency ?? null }));
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One id per attempt: a retried request (lost answer) is answered once by the server.
  const [requestId, setRequestId] = useState(uuidV4);
  const patch = (p: Partial<HelpForm>) => setForm((f) => ({ ...f, ...p }));

  const problems = tried ? helpProblems(form) : [];

  const submit = () => {
    setTried(true);
    if (sending || helpProblems(form).length) return;
    setSending(true);
    setError(null);
    createHelpRequest(toHelpRequestInput(form, requestId)).then(
      (result) => onDone(result, form.urgency ?? 'now'),
      (e: RequestError) => {
        setSending(false);
        setError(e.message);
        // Refused as it stands: the corrected request is a new attempt.
        if (e.statusCode >= 400 && e.statusCode < 500) setRequestId(uuidV4());
      },
    );
  };

  return (
    <View className="help-form">
      {form.urgency === 'now' && !fixedUrgency && !crisisShown && <CrisisBlock />}

      {!fixedUrgency && (
        <View className="card">
          <Text className="bk-section">您希望多快被联系？</Text>
          {HELP_URGENCIES.map((u) => (
            <ChoiceCard
              key={u}
              className={`help-urgency help-urgency--${u}`}
              selected={form.urgency === u}
              title={HELP_URGENCY_LABELS[u]}
              onSelect={() => patch({ urgency: u })}
            />
          ))}
        </View>
      )}

      <View className="card">
        <Text className="bk-section">联系方式</Text>
        <View className="bk-field help-phone">
          <Text className="bk-field__label">联系电话</Text>
          <Input
            className="bk-field__input"
            type="tel"
            value={form.contactPhone}
            maxLength={20}
            placeholder="手机号或带区号的固话"
            onChange={(contactPhone) => patch({ contactPhone })}
          />
        </View>
        <View className="bk-field help-name">
          <Text className="bk-field__label">称呼</Text>
          <Input
            className="bk-field__input"
            value={form.contactName}
            maxLength={CONTACT_NAME_MAX}
            placeholder="怎么称呼您（选填）"
            onChange={(contactName) => patch({ contactName })}
          />
        </View>
        <RegionField className="help-region" regionId={form.regionId} onChange={(r) => patch({ regionId: r.id })} />
        <Text className="bk-small">心理咨询师按所在社区/村安排，请选择您现在居住的地方。</Text>
      </View>

      <View className="card">
        <AgeGuardianFields prefix="help" value={form} onChange={patch} />
      </View>

      <View className="card">
        <Text className="bk-section">想先说点什么吗？（选填）</Text>
        <Textarea
          className="bk-textarea help-note"
          value={form.note}
          maxlength={INTAKE_NOTE_MAX_CHARS}
          placeholder="简单说说您的情况，方便咨询师准备；不填也可以"
          onInput={(e) => patch({ note: e.detail.value })}
        />
        <CheckRow className="help-sensitive" checked={form.sensitive} onChange={(sensitive) => patch({ sensitive })}>
          {HELP_SENSITIVE_TEXT}
        </CheckRow>
        <CheckRow className="help-consent" checked={form.contactConsent} onChange={(contactConsent) => patch({ contactConsent })}>
          {HELP_CONSENT_TEXT}
        </CheckRow>
      </View>

      {problems.length > 0 && (
        <View className="bk-problems help-problems">
          {problems.map((p) => (
            <Text key={p}>{p}</Text>
          ))}
        </View>
      )}
      {error && <Text className="bk-problems help-error">{error}</Text>}

      <View className="bk-actions">
        <Button className="xq-button help-submit" disabled={sending || undefined} onClick={submit}>
          {sending ? '正在提交…' : form.urgency === 'now' ? '请人尽快联系我' : '提交，请人联系我'}
        </Button>
      </View>
    </View>
  );
}

/**
 * What the page shows after a request went in, honestly: "已通知值班心理咨询师" only once a notice
 * reached the people on duty (asked again for a minute while it is being sent); otherwise that the
 * request is in the counsellors' queue. The crisis card stays for an urgent request whatever happens.
 */
export function HelpRequestDone({ result, urgency }: { result: HelpRequestResult; urgency: HelpUrgency }) {
  const { status, polling } = useNoticeStatus(result.noticeStatus ?? 'none', () => getAlertNotice(result.alertId).then((a) => a.noticeStatus));
  const view = noticeView(status, polling);
  return (
    <View className="help-done">
      {urgency === 'now' && <CrisisBlock hotlines={result.crisisHotlines} />}
      <View className="card">
        <Text className={`help-done__text help-done__text--${view}${view === 'sent' ? ' bk-ok' : ''}`}>{NOTICE_TEXT[view]}</Text>
        <Text className="bk-text">
          {urgency === 'now'
            ? '在等待期间，如果您感到难以承受，请立即拨打上面的心理援助热线；遇到紧急危险请拨打 110 或 120。'
            : '请留意来电。如果等待期间情况变得紧急，请拨打 12356 心理援助热线；遇到紧急危险请拨打 110 或 120。'}
        </Text>
      </View>
    </View>
  );
}
