import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { EventDetail, EventNotificationTemplates, MyRegistration, ResidentProfile } from '@xinqiao/shared';
import { registrationView, withdrawConfirmation, type EventAction } from '../../../features/events/registration';
import { ticketUrl } from '../../../features/events/routes';
import { idParam } from '../../../features/quizzes/routes';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { useResident } from '../../../hooks/useResident';
import { answerOffer, cancelRegistration, getEvent, getNotificationTemplates, requestEventMessages } from '../../../services/events';
import type { RequestError } from '../../../services/request';
import type { SignupMode } from '../../components/SignupForm';

/** What the resident tapped before being asked to sign in: carried on once they are. */
export type LoginReason = SignupMode | 'checkin';

const DONE_TOASTS = { cancel: '已取消报名', leaveWaitlist: '已退出候补', decline: '已放弃名额' } as const;

/**
 * The event detail page's session: the event with the resident's registration (reloaded on every
 * show and after every change, since seats come from the server), the open form or login prompt,
 * and the actions behind the page's buttons.
 */
export function useEventDetail() {
  const { params } = useRouter();
  const eventId = idParam(params.id);
  const { resident, refresh, setProfile } = useResident();
  const [templates, setTemplates] = useState<EventNotificationTemplates | null>(null);
  const [form, setForm] = useState<SignupMode | null>(null);
  const [loginFor, setLoginFor] = useState<LoginReason | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  // Keeps the check-in result on screen after the reload that turns the status into 已签到.
  const [checkedInHere, setCheckedInHere] = useState(false);

  const fetchEvent = useCallback(async (): Promise<EventDetail> => {
    if (eventId === null) throw new FinalLoadError('活动地址有误');
    // Signed in first (silently on WeChat), so the answer carries the resident's registration.
    await refresh();
    return getEvent(eventId);
  }, [eventId, refresh]);
  // Back from the ticket, a quiz or another tab: seats and the registration may have changed.
  // A failed reload keeps the page that is shown and only says why.
  const { state, data: event, reload: load } = useLoad(fetchEvent, { when: 'show', notFound: '活动不存在或已下线', keepOnError: true });

  useEffect(() => {
    getNotificationTemplates().then(setTemplates, () => setTemplates(null));
  }, []);

  const signedIn = resident.status === 'signedIn';

  const askLogin = (reason: LoginReason) => {
    setForm(null);
    setLoginFor(reason);
  };

  const openForm = (mode: SignupMode) => {
    setMessage(null);
    if (!signedIn) askLogin(mode);
    else setForm(mode);
  };

  const onLoggedIn = async (profile: ResidentProfile) => {
    setProfile(profile);
    const reason = loginFor;
    setLoginFor(null);
    const fresh = await load();
    // Already registered under this account: the reloaded page shows it instead of a form.
    if (fresh && (reason === 'signup' || reason === 'waitlist') && registrationView(fresh, new Date()).actions.includes(reason)) setForm(reason);
  };

  /** After a change the page reloads: seats and the registration come from the server. */
  const settle = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      await work();
      void Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      setMessage((e as RequestError).message);
    } finally {
      setBusy(false);
      await load();
    }
  };

  const withdraw = async (id: number, action: 'cancel' | 'leaveWaitlist' | 'decline') => {
    const { title, content, confirmText } = withdrawConfirmation(action);
    const { confirm } = await Taro.showModal({ title, content, confirmText, confirmColor: '#e34d59', cancelText: '再想想' });
    if (!confirm) return;
    await settle(() => (action === 'decline' ? answerOffer(id, false) : cancelRegistration(id)), DONE_TOASTS[action]);
  };

  const act = (action: Exclude<EventAction, 'checkin'>) => {
    if (busy || !event) return;
    switch (action) {
      case 'signup':
      case 'waitlist':
        openForm(action);
        return;
      case 'accept':
        // The tap is the moment WeChat allows asking for the confirmation and reminder messages.
        void settle(() => requestEventMessages(templates?.signUp ?? []).then(() => answerOffer(event.id, true)), '已确认名额');
        return;
      case 'ticket':
        void Taro.navigateTo({ url: ticketUrl(event.id) });
        return;
      default:
        void withdraw(event.id, action);
    }
  };

  const signupDone = (registration: MyRegistration) => {
    setForm(null);
    void Taro.showToast({ title: registration.status === 'waitlisted' ? '已加入候补' : '报名成功', icon: 'success' });
    void load();
  };

  const signupRefused = (text: string) => {
    setForm(null);
    setMessage(text);
    void load();
  };

  const checkedIn = () => {
    setCheckedInHere(true);
    void load();
  };

  return {
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
    closeForm: () => setForm(null),
    signupDone,
    signupRefused,
    checkedIn,
  };
}
