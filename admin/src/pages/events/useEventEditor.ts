/** The event editor's session: the event being edited, the options it links to, and saving (with publishing). */
import { useEffect, useMemo, useState } from 'react';
import { App, Form } from 'antd';
import { useNavigate } from 'react-router-dom';
import { mayReadSection, QUIZ_KIND_LABELS, QUIZ_STATUS_LABELS, type AdminEvent, type AdminQuiz, type CampaignDto } from '@xinqiao/shared';
import { campaignsApi } from '../../api/campaigns';
import { eventsApi } from '../../api/events';
import { quizzesApi } from '../../api/quizzes';
import { useStaff } from '../../auth/SessionContext';
import { useLoadItem } from '../../hooks/useLoadItem';
import { emptyEventForm, eventAbilities, eventFormProblems, eventToForm, toEventInput, type EventFormValues } from './eventForm';
import { PUBLISH_CONFIRM, useEventActions } from './useEventActions';

export type EventEditorBusy = 'save' | 'publish' | null;

/** `id` null: a new event; NaN: a malformed URL (nothing is loaded). */
export function useEventEditor(id: number | null) {
  const staff = useStaff();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const actions = useEventActions();
  const [form] = Form.useForm<EventFormValues>();
  const key = id === null || Number.isNaN(id) ? null : id;
  const { item: event, error: loadError, setItem: setEvent } = useLoadItem(key, () => eventsApi.get(key as number, { silent: true }), '活动加载失败');
  const [busy, setBusy] = useState<EventEditorBusy>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [quizzes, setQuizzes] = useState<AdminQuiz[]>([]);
  const [campaigns, setCampaigns] = useState<CampaignDto[]>([]);
  // Organisers may not read the quiz list (it belongs to quiz editors and the awareness figures).
  const canListQuizzes = mayReadSection(staff.role, 'quizzes');
  const canListCampaigns = mayReadSection(staff.role, 'campaigns');
  const editable = event === null || eventAbilities(event).edit;

  // ProForm reads initialValues on mount only: computed once per loaded event.
  const eventId = event?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initialValues = useMemo(() => (event ? eventToForm(event) : emptyEventForm(staff.regionId)), [eventId]);

  useEffect(() => {
    if (canListQuizzes) {
      // Pre- and post-tests are the quizzes meant for events.
      Promise.all([quizzesApi.options({ kind: 'pre_test' }, { silent: true }), quizzesApi.options({ kind: 'post_test' }, { silent: true })]).then(
        ([pre, post]) => setQuizzes([...pre, ...post]),
        () => undefined,
      );
    }
    if (canListCampaigns) campaignsApi.options({ silent: true }).then(setCampaigns, () => undefined);
  }, [canListQuizzes, canListCampaigns]);

  const quizOptions = quizzes.map((q) => ({ value: q.id, label: `${q.title}（${QUIZ_KIND_LABELS[q.kind]} · ${QUIZ_STATUS_LABELS[q.status]}）` }));
  if (event?.quizId && !quizzes.some((q) => q.id === event.quizId)) quizOptions.unshift({ value: event.quizId, label: `测验 #${event.quizId}` });
  const campaignOptions = campaigns.map((c) => ({ value: c.id, label: `${c.title}（${c.startsOn} 至 ${c.endsOn}）` }));
  if (event?.campaignId && !campaigns.some((c) => c.id === event.campaignId))
    campaignOptions.unshift({ value: event.campaignId, label: `宣传活动 #${event.campaignId}` });

  const save = async (publish: boolean) => {
    let values: EventFormValues;
    try {
      values = await form.validateFields();
    } catch {
      void message.error('请检查表单中标红的内容');
      return;
    }
    const found = eventFormProblems(values);
    setProblems(found);
    if (found.length) {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    if (publish) {
      const confirmed = await modal.confirm({ title: '发布活动', content: PUBLISH_CONFIRM, okText: '发布', cancelText: '取消' });
      if (!confirmed) return;
    }
    setBusy(publish ? 'publish' : 'save');
    let saved: AdminEvent | null = null;
    try {
      const input = toEventInput(values, event?.version);
      saved = id === null ? await eventsApi.create(input) : await eventsApi.update(id, input);
      if (publish) {
        saved = await actions.publish(saved.id);
        navigate(`/events/${saved.id}`);
        return;
      }
      void message.success(saved.status === 'draft' ? '草稿已保存' : '修改已保存');
      // A new event continues on its own URL (a fresh mount); an existing one just updates.
      if (id === null) navigate(`/events/${saved.id}/edit`, { replace: true });
      else setEvent(saved);
    } catch {
      // Shown by the API client. A new event that was saved but not published stays editable.
      if (id === null && saved) navigate(`/events/${saved.id}/edit`, { replace: true });
    } finally {
      setBusy(null);
    }
  };

  return {
    form,
    event,
    loadError,
    initialValues,
    editable,
    busy,
    problems,
    clearProblems: () => setProblems([]),
    save,
    canListQuizzes,
    canListCampaigns,
    quizOptions,
    campaignOptions,
    /** Where 返回/取消 lead: the event's page, or the list for a new one. */
    backPath: event ? `/events/${event.id}` : '/events',
  };
}
