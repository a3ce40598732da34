import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { AttemptInput, Demographics, QuizPaper, QuizSummary } from '@xinqiao/shared';
import { allAnswered, nextQuestionIndex, resumeQuestionIndex, sanitizeQuizAnswers, selectOption, toAttemptAnswers } from '../../../features/quizzes/answers';
import {
  DEMOGRAPHIC_FIELDS,
  demographicsFromForm,
  demographicsProblems,
  fieldsToAsk,
  formFromStored,
  listRegionId,
  loadStoredDemographics,
  missingFromError,
  storeDemographics,
  storedToDemographics,
  type DemographicField,
  type DemographicsForm,
  type StoredDemographics,
} from '../../../features/quizzes/demographics';
import { clearQuizDraft, loadQuizDraft, newQuizDraft, saveQuizDraft, updateQuizDraft, type QuizDraft } from '../../../features/quizzes/draft';
import { handOverQuizResult } from '../../../features/quizzes/handoff';
import { HOME_URL, idParam, quizResultUrl } from '../../../features/quizzes/routes';
import { uuidV4 } from '../../../features/scales/uuid';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { useResident } from '../../../hooks/useResident';
import type { RequestError } from '../../../services/request';
import { getQuizPaper, listQuizzes, submitAttempt } from '../../../services/quizzes';
import { ADVANCE_DELAY_MS } from '../../../utils/steps';

/** After a failed submission: `retry` keeps the draft (and its request id); `home` means the quiz is gone or closed. */
export type SubmitState = { status: 'idle' } | { status: 'sending' } | { status: 'failed'; message: string; action: 'retry' | 'home' };

/**
 * The demographics step asked for beyond the profile's or the device's gaps: to edit what was
 * given before, or because the server said something is missing (then the answers go right after).
 */
type StepRequest = { fields: DemographicField[]; reason: 'edit' | 'server'; notice: string | null };

/**
 * The quiz page's session: the paper, the draft kept on the phone (answers, position, request id),
 * the demographics step when one is due, and the submission with what each server refusal means.
 */
export function useQuizSession() {
  const { params } = useRouter();
  const quizId = idParam(params.id);
  const urlCampaignId = idParam(params.campaignId);
  const { resident, profile, refresh, setProfile } = useResident();
  const [draft, setDraft] = useState<QuizDraft | null>(null);
  const [stored, setStored] = useState<StoredDemographics | null>(loadStoredDemographics);
  const [form, setForm] = useState<DemographicsForm>(() => formFromStored(loadStoredDemographics()));
  const [stepRequest, setStepRequest] = useState<StepRequest | null>(null);
  const [stepTried, setStepTried] = useState(false);
  const [submit, setSubmit] = useState<SubmitState>({ status: 'idle' });
  const [practice, setPractice] = useState<QuizSummary[]>([]);
  // An answer tapped while the previous one is still advancing would land on the wrong question.
  const advancing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fetchPaper = useCallback(async (): Promise<QuizPaper> => {
    if (quizId === null) throw new FinalLoadError('问答地址有误');
    // Sign in first (silently on WeChat) so the server can tell whether this resident answered already.
    await refresh();
    const paper = await getQuizPaper(quizId);
    void Taro.setNavigationBarTitle({ title: paper.title });
    if (!paper.open || paper.alreadyAnswered) {
      clearQuizDraft(paper.id);
      setDraft(null);
      if (paper.alreadyAnswered) {
        listQuizzes({ kind: 'practice', regionId: listRegionId() }, { toast: false }).then(setPractice, () => setPractice([]));
      }
    } else {
      const codes = paper.questions.map((q) => q.code);
      const found = loadQuizDraft(paper.id, codes);
      if (found) {
        const answers = sanitizeQuizAnswers(paper.questions, found.answers);
        setDraft({ ...found, answers, index: resumeQuestionIndex(paper.questions, answers, found.index), campaignId: urlCampaignId ?? found.campaignId });
      } else {
        // Written to storage with the first answer, so merely looking leaves nothing to resume.
        setDraft(newQuizDraft({ quizId: paper.id, questionCodes: codes, clientRequestId: uuidV4(), campaignId: urlCampaignId }));
      }
    }
    return paper;
  }, [quizId, urlCampaignId, refresh]);
  const { state, data: paper, reload } = useLoad(fetchPaper, { notFound: '这份问答不存在或已下线' });

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const questions = paper?.questions ?? [];
  const total = questions.length;
  const sending = submit.status === 'sending';
  /** The demographics the page asks for before (or, after a refusal, instead of) the questions. */
  const fields = paper && draft ? (stepRequest?.fields ?? fieldsToAsk(paper.kind, profile, stored, draft.demographics)) : [];
  const index = Math.min(draft?.index ?? 0, total);
  const question = index < total ? questions[index] : null;

  const persist = (next: QuizDraft) => {
    setDraft(next);
    saveQuizDraft(next);
  };

  /** What goes with the attempt: the step's answers for the profile's gaps, or what the device remembers. */
  const demographicsFor = (current: QuizDraft, remembered: StoredDemographics | null): Partial<Demographics> =>
    profile ? current.demographics : remembered ? storedToDemographics(remembered) : {};

  const send = async (current: QuizDraft, demographics: Partial<Demographics>) => {
    if (!paper || !allAnswered(questions, current.answers) || sending) return;
    setSubmit({ status: 'sending' });
    const input: AttemptInput = { answers: toAttemptAnswers(questions, current.answers), clientRequestId: current.clientRequestId };
    if (current.campaignId) input.campaignId = current.campaignId;
    if (Object.keys(demographics).length) input.demographics = demographics;
    try {
      const result = await submitAttempt(paper.id, input);
      clearQuizDraft(paper.id);
      handOverQuizResult({ result, paper, campaignId: current.campaignId ?? paper.campaignId });
      void Taro.redirectTo({ url: quizResultUrl(paper.id) });
    } catch (e) {
      const err = e as RequestError;
      const missing = err.code === 'VALIDATION_FAILED' ? missingFromError(err.details) : [];
      if (missing.length) {
        // Without an account the four are asked together, as the first time.
        setForm(formFromStored(stored, missing));
        setStepRequest({ fields: profile ? missing : [...DEMOGRAPHIC_FIELDS], reason: 'server', notice: err.message });
        setSubmit({ status: 'idle' });
        return;
      }
      if (err.code === 'INVALID_ANSWERS') {
        const code = (err.details as { questionCode?: unknown } | undefined)?.questionCode;
        const i = questions.findIndex((q) => q.code === code);
        if (i >= 0) persist(updateQuizDraft(current, { index: i }));
        void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 });
        setSubmit({ status: 'idle' });
        return;
      }
      if (err.code === 'SIGN_IN_REQUIRED') {
        // The session ended meanwhile: the page asks to sign in again; the answers stay in the draft.
        setSubmit({ status: 'idle' });
        await refresh();
        return;
      }
      if (err.statusCode === 409) {
        // The request id was used elsewhere (e.g. under another account): this answer needs its own.
        persist(updateQuizDraft(current, { clientRequestId: uuidV4() }));
      }
      const gone = err.statusCode === 404 || err.code === 'INVALID_STATE';
      if (gone) clearQuizDraft(paper.id);
      setSubmit({ status: 'failed', message: err.message, action: gone ? 'home' : 'retry' });
    }
  };

  const sendDraft = () => {
    if (draft) void send(draft, demographicsFor(draft, stored));
  };

  const confirmStep = () => {
    if (!draft) return;
    setStepTried(true);
    const problems = demographicsProblems(form, fields);
    if (problems.length) {
      void Taro.showToast({ title: problems[0], icon: 'none', duration: 2500 });
      return;
    }
    let current = draft;
    let remembered = stored;
    if (profile) {
      current = updateQuizDraft(draft, { demographics: { ...draft.demographics, ...demographicsFromForm(form, fields) } });
      persist(current);
    } else {
      remembered = storeDemographics(form);
      setStored(remembered);
    }
    const resubmit = stepRequest?.reason === 'server';
    setStepRequest(null);
    setStepTried(false);
    if (resubmit) void send(current, demographicsFor(current, remembered));
  };

  const choose = (key: string) => {
    if (!draft || !question || advancing.current || sending) return;
    const answers = { ...draft.answers, [question.code]: selectOption(question, draft.answers[question.code], key) };
    const next = updateQuizDraft(draft, { answers });
    // Saved before moving on, so closing the app right now loses nothing.
    persist(next);
    if (question.kind === 'multiple') return;
    advancing.current = true;
    timer.current = setTimeout(() => {
      advancing.current = false;
      persist(updateQuizDraft(next, { index: nextQuestionIndex(questions, answers, index) }));
    }, ADVANCE_DELAY_MS);
  };

  const goTo = (i: number) => {
    if (!draft || advancing.current) return;
    setSubmit({ status: 'idle' });
    persist(updateQuizDraft(draft, { index: Math.min(Math.max(i, 0), total) }));
  };

  const editDemographics = () => {
    setForm(formFromStored(stored));
    setStepTried(false);
    setStepRequest({ fields: [...DEMOGRAPHIC_FIELDS], reason: 'edit', notice: null });
  };

  return {
    quizId,
    state,
    paper,
    reload,
    resident,
    profile,
    setProfile,
    practice,
    draft,
    stored,
    form,
    setForm,
    fields,
    stepReason: stepRequest?.reason ?? null,
    stepNotice: stepRequest?.notice ?? null,
    stepProblems: stepTried ? demographicsProblems(form, fields) : [],
    confirmStep,
    cancelEdit: () => setStepRequest(null),
    editDemographics,
    index,
    question,
    choose,
    goTo,
    submit,
    sending,
    sendDraft,
    goHome: () => void Taro.switchTab({ url: HOME_URL }),
  };
}
