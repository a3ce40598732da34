/** The quiz editor's session: the quiz being edited, the bank and links it draws on, saving, publishing and closing. */
import { useEffect, useMemo, useState } from 'react';
import { App, Form } from 'antd';
import { useNavigate } from 'react-router-dom';
import { hasPermission, mayReadSection, type AdminQuestion, type AdminQuiz, type CampaignDto, type QuizInput } from '@xinqiao/shared';
import { campaignsApi } from '../../api/campaigns';
import { questionsApi } from '../../api/questions';
import { quizzesApi } from '../../api/quizzes';
import { useStaff } from '../../auth/SessionContext';
import { useLoadItem } from '../../hooks/useLoadItem';
import { useInSubtree } from '../../hooks/useRegions';
import { emptyQuizForm, quizInputProblems, quizToForm, toQuizInput, type QuizFormValues } from './quizForm';
import { CLOSE_CONFIRM, PUBLISH_CONFIRM, useQuizActions } from './useQuizActions';

export type QuizEditorBusy = 'save' | 'publish' | 'close' | null;

/** `id` null: a new quiz; NaN: a malformed URL (nothing is loaded). */
export function useQuizEditor(id: number | null) {
  const staff = useStaff();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const actions = useQuizActions();
  const [form] = Form.useForm<QuizFormValues>();
  const canManage = hasPermission(staff.role, 'quizzes.manage');
  const canListCampaigns = mayReadSection(staff.role, 'campaigns');
  const key = id === null || Number.isNaN(id) ? null : id;
  const { item: quiz, error: loadError, setItem: setQuiz } = useLoadItem(key, () => quizzesApi.get(key as number), '测验加载失败');
  const [bank, setBank] = useState<AdminQuestion[]>([]);
  const [bankLoaded, setBankLoaded] = useState(false);
  const [campaigns, setCampaigns] = useState<CampaignDto[]>([]);
  const [preTests, setPreTests] = useState<AdminQuiz[]>([]);
  const [busy, setBusy] = useState<QuizEditorBusy>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const inSubtree = useInSubtree();
  // A quiz of a region above the caller's (e.g. the district's survey) is readable, not editable.
  const owned = quiz === null || inSubtree(quiz.regionId);
  const editable = canManage && owned && (id === null || quiz?.status === 'draft');
  const frozen = quiz !== null && quiz.status !== 'draft';

  // ProForm reads initialValues on mount only: computed once per loaded quiz.
  const quizId = quiz?.id;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const initialValues = useMemo(() => (quiz ? quizToForm(quiz) : emptyQuizForm(staff.regionId)), [quizId]);

  // The bank (and, for a published quiz, archived questions it may still use) to show stems and pick from.
  const loaded = id === null || quiz !== null;
  useEffect(() => {
    // Wait for the quiz: whether archived questions are needed depends on its status.
    if (!canManage || !loaded) return;
    let cancelled = false;
    const loads = [questionsApi.loadBank(false), frozen ? questionsApi.loadBank(true) : Promise.resolve([])];
    Promise.all(loads).then(
      ([live, archived]) => {
        if (cancelled) return;
        setBank([...live, ...archived]);
        setBankLoaded(true);
      },
      () => !cancelled && setBankLoaded(true),
    );
    return () => {
      cancelled = true;
    };
  }, [canManage, loaded, frozen]);

  useEffect(() => {
    if (canListCampaigns) campaignsApi.options({ silent: true }).then(setCampaigns, () => undefined);
    quizzesApi.options({ kind: 'pre_test' }, { silent: true }).then(setPreTests, () => undefined);
  }, [canListCampaigns]);

  const collect = async (): Promise<QuizInput | null> => {
    let values: QuizFormValues;
    try {
      values = await form.validateFields();
    } catch {
      void message.error('请检查表单中标红的内容');
      return null;
    }
    const input = toQuizInput(values, { eventId: quiz?.eventId });
    const found = quizInputProblems(input);
    setProblems(found);
    if (found.length) {
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return null;
    }
    return input;
  };

  const save = async (publish: boolean) => {
    const input = await collect();
    if (!input) return;
    if (publish) {
      const confirmed = await modal.confirm({ title: '发布测验', content: PUBLISH_CONFIRM, okText: '发布', cancelText: '取消' });
      if (!confirmed) return;
    }
    setBusy(publish ? 'publish' : 'save');
    let saved: AdminQuiz | null = null;
    try {
      saved = id === null ? await quizzesApi.create(input) : await quizzesApi.update(id, input);
      if (publish) saved = await actions.publish(saved.id);
      else void message.success('草稿已保存');
      // A new quiz continues on its own URL (a fresh mount); an existing one just updates.
      if (id === null) navigate(`/quizzes/${saved.id}`, { replace: true });
      else setQuiz(saved);
    } catch {
      // Shown by the API client. A new quiz that was saved but not published stays editable.
      if (id === null && saved) navigate(`/quizzes/${saved.id}`, { replace: true });
    } finally {
      setBusy(null);
    }
  };

  const close = async () => {
    if (!quiz) return;
    const confirmed = await modal.confirm({ title: '结束测验', content: CLOSE_CONFIRM, okText: '结束', okButtonProps: { danger: true }, cancelText: '取消' });
    if (!confirmed) return;
    setBusy('close');
    try {
      setQuiz(await actions.close(quiz.id));
    } catch {
      // Shown by the API client.
    } finally {
      setBusy(null);
    }
  };

  return {
    form,
    quiz,
    loadError,
    initialValues,
    canManage,
    canListCampaigns,
    owned,
    editable,
    frozen,
    bank,
    bankLoaded,
    campaigns,
    preTests,
    busy,
    problems,
    clearProblems: () => setProblems([]),
    save,
    close,
  };
}
