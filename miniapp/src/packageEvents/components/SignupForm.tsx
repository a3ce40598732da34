import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { EventDetail, EventNotificationTemplates, MyRegistration } from '@xinqiao/shared';
import { signUpFailure } from '../../features/events/errors';
import { detailsFormFrom, detailsProblems, fieldList, toDetails, type DetailsForm } from '../../features/events/registration';
import { uuidV4 } from '../../features/scales/uuid';
import { requestEventMessages, signUp } from '../../services/events';
import type { RequestError } from '../../services/request';
import DetailsFields from './DetailsFields';
import './events.scss';

export type SignupMode = 'signup' | 'waitlist';

/**
 * Sign-up (or joining the waiting list) for one event: the details it asks for, if any, then at
 * the tap the WeChat message request and the POST. A sign-up that finds the event just filled up
 * turns into a waiting-list request, which the resident confirms with another tap.
 */
export default function SignupForm({
  event,
  initialMode,
  templates,
  onDone,
  onRefused,
  onCancel,
}: {
  event: EventDetail;
  initialMode: SignupMode;
  /** Loaded with the page: the message request must be the first thing the tap does. */
  templates: EventNotificationTemplates | null;
  onDone: (registration: MyRegistration) => void;
  /** The event no longer takes the sign-up; the page reloads it and shows why. */
  onRefused: (message: string) => void;
  onCancel: () => void;
}) {
  const fields = event.requiredFields;
  const [mode, setMode] = useState<SignupMode>(initialMode);
  const [form, setForm] = useState<DetailsForm>(() => detailsFormFrom(event.myRegistration));
  const [tried, setTried] = useState(false);
  const [sending, setSending] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // One id per attempt, so a retried request is answered once by the server.
  const [requestId, setRequestId] = useState(uuidV4);

  const problems = tried ? detailsProblems(form, fields) : [];

  const submit = () => {
    setTried(true);
    if (sending || detailsProblems(form, fields).length) return;
    setSending(true);
    setError(null);
    const templateIds = templates ? (mode === 'waitlist' ? templates.waitlist : templates.signUp) : [];
    void requestEventMessages(templateIds)
      .then(() => signUp(event.id, { ...toDetails(form, fields), joinWaitlist: mode === 'waitlist' ? true : undefined, clientRequestId: requestId }))
      .then(
        (registration) => onDone(registration),
        (e: RequestError) => {
          setSending(false);
          const failure = signUpFailure(e);
          if (failure.kind === 'waitlist_open') {
            setMode('waitlist');
            setNotice(failure.message);
            setRequestId(uuidV4());
          } else if (failure.kind === 'refused') {
            onRefused(failure.message);
          } else {
            setError(failure.message);
          }
        },
      );
  };

  const waitlist = mode === 'waitlist';
  return (
    <View className="card event-signup-form">
      <Text className="event-signup-form__title">
        {waitlist ? '加入候补' : '报名'}：{event.title}
      </Text>
      {notice && <Text className="event-signup-form__notice">{notice}</Text>}
      <Text className="event-signup-form__text">
        {fields.length ? `本活动报名需要填写${fieldList(fields)}，用于报名核对和现场签到。` : '本活动报名无需填写个人信息。'}
        {waitlist ? '有人取消时将按候补顺序为你保留名额，并通知你在期限内确认。' : '报名成功后可在“我的活动”中查看电子票。'}
      </Text>
      <DetailsFields prefix="event-signup" fields={fields} form={form} onChange={setForm} />
      {problems.length > 0 && (
        <View className="event-problems event-signup-problems">
          {problems.map((p) => (
            <Text key={p} className="event-problems__item">
              {p}
            </Text>
          ))}
        </View>
      )}
      {error && <Text className="event-problems event-signup-error">{error}</Text>}
      <View className="event-actions">
        <Button className="xq-button event-signup-submit" disabled={sending || undefined} onClick={submit}>
          {sending ? '正在提交…' : waitlist ? '确认加入候补' : '确认报名'}
        </Button>
        <Button className="xq-button xq-button--plain event-signup-cancel" disabled={sending || undefined} onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}
