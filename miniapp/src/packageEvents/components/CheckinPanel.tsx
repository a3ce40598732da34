import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { parseCheckinCode, type CheckinInput, type CheckinResult, type EventDetail, type RegistrationField } from '@xinqiao/shared';
import { formatMoment } from '../../features/events/display';
import { checkinFailure, type CheckinFailure } from '../../features/events/errors';
import { EMPTY_DETAILS_FORM, detailsProblems, toDetails, type DetailsForm } from '../../features/events/registration';
import { entryFromCode, scannedText } from '../../features/events/scene';
import { checkIn, getEvent } from '../../services/events';
import type { RequestError } from '../../services/request';
import DetailsFields from './DetailsFields';
import './events.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

type Outcome = { kind: 'done'; result: CheckinResult } | { kind: 'failed'; failure: CheckinFailure } | null;

/** Walk-in details asked for after `details_required`; kept for a rescan once given. */
interface DetailsStep {
  code: string;
  fields: RegistrationField[];
  submitted: boolean;
}

/**
 * Self check-in: scan the rotating code on the event screen (Taro.scanCode on WeChat; on H5 a text
 * field to paste it, for testing) and post it to /checkins. A walk-in at an event that needs name
 * or phone is asked for them, with consent, and the code is sent again.
 */
export default function CheckinPanel({
  event,
  initialCode,
  signedIn,
  onNeedLogin,
  onCheckedIn,
}: {
  /** The event page's event (for the details it asks for); null on the page a scanned code opens. */
  event: EventDetail | null;
  /** A code to post as soon as the resident is signed in (the mini-program was opened with it). */
  initialCode?: string;
  signedIn: boolean;
  onNeedLogin: () => void;
  onCheckedIn?: (result: CheckinResult) => void;
}) {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [sending, setSending] = useState(false);
  const [manual, setManual] = useState(false);
  const [typed, setTyped] = useState('');
  const [step, setStep] = useState<DetailsStep | null>(null);
  const [details, setDetails] = useState<DetailsForm>(EMPTY_DETAILS_FORM);
  const [tried, setTried] = useState(false);
  const posted = useRef(false);

  /** The fields a walk-in must give: from the page's event, else from the event the code is for. */
  const fieldsFor = async (code: string): Promise<RegistrationField[]> => {
    const eventId = parseCheckinCode(code)?.eventId;
    if (event && (eventId === undefined || eventId === event.id)) return event.requiredFields;
    if (eventId === undefined) return [];
    return (await getEvent(eventId)).requiredFields;
  };

  const post = async (code: string, withDetails: boolean) => {
    if (!signedIn) {
      onNeedLogin();
      return;
    }
    if (entryFromCode(code).kind === 'event') {
      setOutcome({ kind: 'failed', failure: { kind: 'rescan', message: '这是活动的宣传码，请扫描活动现场大屏上的签到码' } });
      return;
    }
    setSending(true);
    const input: CheckinInput = withDetails && step ? { token: code, ...toDetails(details, step.fields) } : { token: code };
    try {
      const result = await checkIn(input);
      setOutcome({ kind: 'done', result });
      setStep(null);
      setManual(false);
      onCheckedIn?.(result);
    } catch (e) {
      const failure = checkinFailure(e as RequestError);
      if (failure.kind === 'details_required') {
        try {
          setStep({ code, fields: await fieldsFor(code), submitted: false });
          setTried(false);
        } catch (loadError) {
          setOutcome({ kind: 'failed', failure: { kind: 'refused', message: (loadError as Error).message } });
          return;
        }
      }
      setOutcome({ kind: 'failed', failure });
    } finally {
      setSending(false);
    }
  };

  /** A new code: with the walk-in details when they were given already (the old code may have expired meanwhile). */
  const submitCode = (code: string) => {
    const text = code.trim();
    if (!text) {
      void Taro.showToast({ title: '请先粘贴签到码', icon: 'none' });
      return;
    }
    if (step?.submitted) setStep({ ...step, code: text });
    void post(text, Boolean(step?.submitted));
  };

  // Posts once, as soon as the resident is signed in (`post` is new on every render: the latest is used).
  const latestPost = useRef(post);
  useEffect(() => {
    latestPost.current = post;
  });
  useEffect(() => {
    if (initialCode && signedIn && !posted.current) {
      posted.current = true;
      void latestPost.current(initialCode, false);
    }
  }, [initialCode, signedIn]);

  const scan = async () => {
    if (!signedIn) {
      onNeedLogin();
      return;
    }
    if (!IS_WEAPP) {
      setManual(true);
      return;
    }
    try {
      // The code changes every 30 seconds: a photo of the screen would hold an expired one.
      const res = await Taro.scanCode({ onlyFromCamera: true });
      submitCode(scannedText(res));
    } catch {
      // The resident closed the scanner.
    }
  };

  const sendDetails = () => {
    if (!step || sending) return;
    setTried(true);
    if (detailsProblems(details, step.fields).length) return;
    setStep({ ...step, submitted: true });
    void post(step.code, true);
  };

  const problems = step && tried ? detailsProblems(details, step.fields) : [];
  const asking = step !== null && !step.submitted;

  return (
    <View className="event-checkin">
      {outcome?.kind !== 'done' && (
        <Button className="xq-button event-scan" disabled={sending || undefined} onClick={() => void scan()}>
          {sending ? '正在签到…' : outcome?.kind === 'failed' ? '重新扫码签到' : '扫码签到'}
        </Button>
      )}

      {manual && (
        <View className="card event-scan-manual">
          <Text className="event-scan-manual__hint">网页版无法调用摄像头扫码。测试时可把现场签到码的文字内容粘贴到下面（正式使用请在微信小程序中扫码）。</Text>
          <View className="event-field event-scan-input">
            <Text className="event-field__label">签到码</Text>
            <Input className="event-field__input" value={typed} placeholder="粘贴签到码，如 c1.xxxx.xxxx" onChange={setTyped} />
          </View>
          <Button className="xq-button event-scan-submit" disabled={sending || undefined} onClick={() => submitCode(typed)}>
            提交签到
          </Button>
        </View>
      )}

      {outcome && !asking && (
        <View className={`event-checkin-result event-checkin-result--${outcome.kind === 'done' ? 'success' : 'error'}`}>
          {outcome.kind === 'done' ? (
            <>
              <Text className="event-checkin-result__title">{outcome.result.outcome === 'already_checked_in' ? '你已签到，无需重复签到' : '签到成功'}</Text>
              <Text className="event-checkin-result__text">
                {outcome.result.eventTitle}
                {outcome.result.walkIn ? '（现场登记）' : ''}
              </Text>
              <Text className="event-checkin-result__text">签到时间：{formatMoment(outcome.result.checkedInAt, new Date())}</Text>
            </>
          ) : (
            <Text className="event-checkin-result__title">{outcome.failure.message}</Text>
          )}
        </View>
      )}

      {asking && (
        <View className="card event-checkin-form">
          <Text className="event-checkin-form__title">现场登记</Text>
          <Text className="event-checkin-form__text">你目前没有这场活动的名额，现场还有空位，可以直接登记参加。本活动需要登记以下信息：</Text>
          <DetailsFields prefix="event-checkin" fields={step.fields} form={details} onChange={setDetails} />
          {problems.length > 0 && (
            <View className="event-problems">
              {problems.map((p) => (
                <Text key={p} className="event-problems__item">
                  {p}
                </Text>
              ))}
            </View>
          )}
          <Button className="xq-button event-checkin-submit" disabled={sending || undefined} onClick={sendDetails}>
            登记并签到
          </Button>
        </View>
      )}
    </View>
  );
}
