import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import {
  AGE_BAND_LABELS,
  GENDER_LABELS,
  POPULATION_GROUP_LABELS,
  QUESTION_KIND_LABELS,
  type AttemptInput,
  type Demographics,
  type QuizPaper,
  type QuizSummary,
} from '@xinqiao/shared'
import { ChoiceCard } from '../../../components/Choice'
import LoginPrompt from '../../../components/LoginPrompt'
import PrivacyNotice from '../../../components/PrivacyNotice'
import QuizCard from '../../../components/QuizCard'
import StepProgress from '../../../components/StepProgress'
import {
  allAnswered,
  answeredQuizCount,
  isAnswer,
  nextQuestionIndex,
  quizProgressPercent,
  resumeQuestionIndex,
  sanitizeQuizAnswers,
  selectOption,
  toAttemptAnswers,
} from '../../../features/quizzes/answers'
import {
  DEMOGRAPHIC_FIELDS,
  demographicsFromForm,
  demographicsProblems,
  fieldsToAsk,
  formFromStored,
  listRegionId,
  loadStoredDemographics,
  missingFromError,
  needsDemographics,
  storeDemographics,
  storedToDemographics,
  type DemographicField,
  type DemographicsForm,
  type StoredDemographics,
} from '../../../features/quizzes/demographics'
import { afterSubmitText, alreadyAnsweredText, closedReason, signInHint } from '../../../features/quizzes/display'
import { clearQuizDraft, loadQuizDraft, newQuizDraft, saveQuizDraft, updateQuizDraft, type QuizDraft } from '../../../features/quizzes/draft'
import { handOverQuizResult } from '../../../features/quizzes/handoff'
import { optionLabel } from '../../../features/quizzes/result'
import { HOME_URL, idParam, quizResultUrl, takeQuizUrl } from '../../../features/quizzes/routes'
import { uuidV4 } from '../../../features/scales/uuid'
import { useResident } from '../../../hooks/useResident'
import type { RequestError } from '../../../services/request'
import { getQuizPaper, listQuizzes, submitAttempt } from '../../../services/quizzes'
import { ADVANCE_DELAY_MS, progressLabel } from '../../../utils/steps'
import DemographicsStep from './Demographics'
import './index.scss'

type LoadState = { status: 'loading' } | { status: 'ready'; paper: QuizPaper } | { status: 'error'; message: string; retry: boolean }

/** After a failed submission: `retry` keeps the draft (and its request id); `home` means the quiz is gone or closed. */
type SubmitState = { status: 'idle' } | { status: 'sending' } | { status: 'failed'; message: string; action: 'retry' | 'home' }

/**
 * The demographics step asked for beyond the profile's or the device's gaps: to edit what was
 * given before, or because the server said something is missing (then the answers go right after).
 */
type StepRequest = { fields: DemographicField[]; reason: 'edit' | 'server'; notice: string | null }

const demographicsSummary = (s: StoredDemographics) =>
  [s.regionName, POPULATION_GROUP_LABELS[s.populationGroup], AGE_BAND_LABELS[s.ageBand], GENDER_LABELS[s.gender]].join(' · ')

export default function QuizTake() {
  const { params } = useRouter()
  const quizId = idParam(params.id)
  const urlCampaignId = idParam(params.campaignId)
  const { resident, profile, refresh, setProfile } = useResident()
  const [state, setState] = useState<LoadState>({ status: 'loading' })
  const [draft, setDraft] = useState<QuizDraft | null>(null)
  const [stored, setStored] = useState<StoredDemographics | null>(loadStoredDemographics)
  const [form, setForm] = useState<DemographicsForm>(() => formFromStored(loadStoredDemographics()))
  const [stepRequest, setStepRequest] = useState<StepRequest | null>(null)
  const [stepTried, setStepTried] = useState(false)
  const [submit, setSubmit] = useState<SubmitState>({ status: 'idle' })
  const [practice, setPractice] = useState<QuizSummary[]>([])
  // An answer tapped while the previous one is still advancing would land on the wrong question.
  const advancing = useRef(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const load = useCallback(async () => {
    if (quizId === null) {
      setState({ status: 'error', message: '问答地址有误', retry: false })
      return
    }
    setState({ status: 'loading' })
    // Sign in first (silently on WeChat) so the server can tell whether this resident answered already.
    await refresh()
    try {
      const paper = await getQuizPaper(quizId)
      void Taro.setNavigationBarTitle({ title: paper.title })
      if (!paper.open || paper.alreadyAnswered) {
        clearQuizDraft(paper.id)
        setDraft(null)
        if (paper.alreadyAnswered) {
          listQuizzes({ kind: 'practice', regionId: listRegionId() }, { toast: false }).then(setPractice, () => setPractice([]))
        }
      } else {
        const codes = paper.questions.map((q) => q.code)
        const found = loadQuizDraft(paper.id, codes)
        if (found) {
          const answers = sanitizeQuizAnswers(paper.questions, found.answers)
          setDraft({ ...found, answers, index: resumeQuestionIndex(paper.questions, answers, found.index), campaignId: urlCampaignId ?? found.campaignId })
        } else {
          // Written to storage with the first answer, so merely looking leaves nothing to resume.
          setDraft(newQuizDraft({ quizId: paper.id, questionCodes: codes, clientRequestId: uuidV4(), campaignId: urlCampaignId }))
        }
      }
      setState({ status: 'ready', paper })
    } catch (e) {
      const err = e as RequestError
      setState({ status: 'error', message: err.statusCode === 404 ? '这份问答不存在或已下线' : err.message, retry: err.statusCode !== 404 })
    }
  }, [quizId, urlCampaignId, refresh])

  useEffect(() => {
    void load()
    return () => {
      if (timer.current) clearTimeout(timer.current)
    }
  }, [load])

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? state.paper.title : '心桥 · 心理健康知识问答',
    path: quizId === null ? HOME_URL : takeQuizUrl(quizId),
  }))

  const goHome = () => void Taro.switchTab({ url: HOME_URL })

  if (state.status === 'loading' || resident.status === 'checking') return <View className='quiz-take list-status'>加载中…</View>
  if (state.status === 'error') {
    return (
      <View className='quiz-take quiz-take--message'>
        <Text className='quiz-take__message'>{state.message}</Text>
        {state.retry && (
          <Text className='quiz-take__link' onClick={() => void load()}>
            点击重试
          </Text>
        )}
        <Text className='quiz-take__link' onClick={goHome}>
          返回首页
        </Text>
      </View>
    )
  }

  const { paper } = state
  if (!paper.open) {
    return (
      <View className='quiz-take quiz-take--message quiz-closed'>
        <Text className='quiz-take__message'>{closedReason(paper)}</Text>
        <Text className='quiz-take__link' onClick={goHome}>
          返回首页
        </Text>
        <PrivacyNotice />
      </View>
    )
  }
  if (paper.alreadyAnswered) {
    return (
      <View className='quiz-take quiz-answered'>
        <View className='card quiz-answered__card'>
          <Text className='quiz-answered__title'>{alreadyAnsweredText(paper.kind)}</Text>
          <Text className='quiz-answered__text'>每人只需参加一次。想继续巩固心理健康知识，可以做做下面的知识练习，练习可以反复做。</Text>
        </View>
        {practice.map((q) => (
          <QuizCard key={q.id} quiz={q} />
        ))}
        <Button className='xq-button xq-button--plain quiz-take__home' onClick={goHome}>
          返回首页
        </Button>
        <PrivacyNotice />
      </View>
    )
  }

  // A survey wave counts one answer per person: sign in before the first question.
  const needsSignIn = signInHint(paper.kind)
  if (needsSignIn && !profile) {
    return (
      <View className='quiz-take quiz-sign-in'>
        <View className='quiz-take__head'>
          <Text className='quiz-take__title'>{paper.title}</Text>
          {paper.description ? <Text className='quiz-take__desc'>{paper.description}</Text> : null}
        </View>
        <LoginPrompt
          hint={needsSignIn}
          onLoggedIn={(p) => {
            setProfile(p)
            // Answered before under this account? The paper says so.
            void load()
          }}
        />
        <PrivacyNotice />
      </View>
    )
  }

  if (!draft) return <View className='quiz-take list-status'>加载中…</View>

  const { questions } = paper
  const total = questions.length
  const sending = submit.status === 'sending'

  const persist = (next: QuizDraft) => {
    setDraft(next)
    saveQuizDraft(next)
  }

  /** What goes with the attempt: the step's answers for the profile's gaps, or what the device remembers. */
  const demographicsFor = (current: QuizDraft, remembered: StoredDemographics | null): Partial<Demographics> =>
    profile ? current.demographics : remembered ? storedToDemographics(remembered) : {}

  const send = async (current: QuizDraft, demographics: Partial<Demographics>) => {
    if (!allAnswered(questions, current.answers) || sending) return
    setSubmit({ status: 'sending' })
    const input: AttemptInput = { answers: toAttemptAnswers(questions, current.answers), clientRequestId: current.clientRequestId }
    if (current.campaignId) input.campaignId = current.campaignId
    if (Object.keys(demographics).length) input.demographics = demographics
    try {
      const result = await submitAttempt(paper.id, input)
      clearQuizDraft(paper.id)
      handOverQuizResult({ result, paper, campaignId: current.campaignId ?? paper.campaignId })
      void Taro.redirectTo({ url: quizResultUrl(paper.id) })
    } catch (e) {
      const err = e as RequestError
      const missing = err.code === 'VALIDATION_FAILED' ? missingFromError(err.details) : []
      if (missing.length) {
        // Without an account the four are asked together, as the first time.
        setForm(formFromStored(stored, missing))
        setStepRequest({ fields: profile ? missing : [...DEMOGRAPHIC_FIELDS], reason: 'server', notice: err.message })
        setSubmit({ status: 'idle' })
        return
      }
      if (err.code === 'INVALID_ANSWERS') {
        const code = (err.details as { questionCode?: unknown } | undefined)?.questionCode
        const i = questions.findIndex((q) => q.code === code)
        if (i >= 0) persist(updateQuizDraft(current, { index: i }))
        void Taro.showToast({ title: err.message, icon: 'none', duration: 2500 })
        setSubmit({ status: 'idle' })
        return
      }
      if (err.code === 'SIGN_IN_REQUIRED') {
        // The session ended meanwhile: the page asks to sign in again; the answers stay in the draft.
        setSubmit({ status: 'idle' })
        await refresh()
        return
      }
      if (err.statusCode === 409) {
        // The request id was used elsewhere (e.g. under another account): this answer needs its own.
        persist(updateQuizDraft(current, { clientRequestId: uuidV4() }))
      }
      const gone = err.statusCode === 404 || err.code === 'INVALID_STATE'
      if (gone) clearQuizDraft(paper.id)
      setSubmit({ status: 'failed', message: err.message, action: gone ? 'home' : 'retry' })
    }
  }

  const fields = stepRequest?.fields ?? fieldsToAsk(paper.kind, profile, stored, draft.demographics)
  if (fields.length) {
    const confirmStep = () => {
      setStepTried(true)
      const problems = demographicsProblems(form, fields)
      if (problems.length) {
        void Taro.showToast({ title: problems[0], icon: 'none', duration: 2500 })
        return
      }
      let current = draft
      let remembered = stored
      if (profile) {
        current = updateQuizDraft(draft, { demographics: { ...draft.demographics, ...demographicsFromForm(form, fields) } })
        persist(current)
      } else {
        remembered = storeDemographics(form)
        setStored(remembered)
      }
      const resubmit = stepRequest?.reason === 'server'
      setStepRequest(null)
      setStepTried(false)
      if (resubmit) void send(current, demographicsFor(current, remembered))
    }
    return (
      <View className='quiz-take'>
        <View className='quiz-take__head'>
          <Text className='quiz-take__title'>{paper.title}</Text>
          {paper.description ? <Text className='quiz-take__desc'>{paper.description}</Text> : null}
        </View>
        <DemographicsStep
          fields={fields}
          form={form}
          signedIn={profile !== null}
          problems={stepTried ? demographicsProblems(form, fields) : []}
          notice={stepRequest?.notice ?? null}
          submitLabel={stepRequest?.reason === 'edit' ? '保存' : stepRequest?.reason === 'server' ? '保存并提交答案' : '开始答题'}
          onChange={setForm}
          onSubmit={confirmStep}
          onCancel={stepRequest?.reason === 'edit' ? () => setStepRequest(null) : undefined}
        />
        <PrivacyNotice />
      </View>
    )
  }

  const index = Math.min(draft.index, total)
  const question = index < total ? questions[index] : null
  const answered = question ? isAnswer(question, draft.answers[question.code]) : false
  const multiple = question?.kind === 'multiple'

  const choose = (key: string) => {
    if (!question || advancing.current || sending) return
    const answers = { ...draft.answers, [question.code]: selectOption(question, draft.answers[question.code], key) }
    const next = updateQuizDraft(draft, { answers })
    // Saved before moving on, so closing the app right now loses nothing.
    persist(next)
    if (multiple) return
    advancing.current = true
    timer.current = setTimeout(() => {
      advancing.current = false
      persist(updateQuizDraft(next, { index: nextQuestionIndex(questions, answers, index) }))
    }, ADVANCE_DELAY_MS)
  }

  const goTo = (i: number) => {
    if (advancing.current) return
    setSubmit({ status: 'idle' })
    persist(updateQuizDraft(draft, { index: Math.min(Math.max(i, 0), total) }))
  }

  const editDemographics = () => {
    setForm(formFromStored(stored))
    setStepTried(false)
    setStepRequest({ fields: [...DEMOGRAPHIC_FIELDS], reason: 'edit', notice: null })
  }

  return (
    <View className='quiz-take'>
      <StepProgress
        className='quiz-progress'
        label={question ? progressLabel(index, total) : `已完成全部 ${total} 题`}
        count={`已答 ${answeredQuizCount(questions, draft.answers)} / ${total}`}
        percent={quizProgressPercent(questions, draft.answers)}
      />

      {question ? (
        <View className='quiz-question'>
          {index === 0 && paper.description ? <Text className='quiz-question__intro'>{paper.description}</Text> : null}
          <Text className='quiz-question__kind'>
            {QUESTION_KIND_LABELS[question.kind]}
            {multiple ? '（可多选，选好后点“确定”）' : ''}
          </Text>
          <Text className='quiz-question__stem'>
            {index + 1}. {question.stem}
          </Text>
          <View className='quiz-question__options'>
            {question.options.map((o) => (
              <ChoiceCard
                key={o.key}
                className='quiz-option'
                indicator={multiple ? 'check' : 'radio'}
                selected={(draft.answers[question.code] ?? []).includes(o.key)}
                title={optionLabel(question, o.key)}
                onSelect={() => choose(o.key)}
              />
            ))}
          </View>
        </View>
      ) : (
        <View className='quiz-done card'>
          <Text className='quiz-done__title'>全部题目已答完</Text>
          <Text className='quiz-done__text'>{afterSubmitText(paper.kind)}</Text>
          {!profile && stored && needsDemographics(paper.kind) && (
            <View className='quiz-demographics-summary'>
              <Text className='quiz-demographics-summary__text'>答题人信息（仅用于匿名统计）：{demographicsSummary(stored)}</Text>
              <Text className='quiz-demographics-summary__edit' onClick={editDemographics}>
                修改
              </Text>
            </View>
          )}
          {submit.status === 'failed' && <Text className='quiz-done__error'>{submit.message}</Text>}
          {submit.status === 'failed' && submit.action === 'home' ? (
            <Button className='xq-button quiz-take__home' onClick={goHome}>
              返回首页
            </Button>
          ) : (
            <Button className='xq-button quiz-submit' disabled={sending || undefined} onClick={() => void send(draft, demographicsFor(draft, stored))}>
              {sending ? '正在提交…' : submit.status === 'failed' ? '重新提交' : '提交答案'}
            </Button>
          )}
        </View>
      )}

      {/* `disabled` is left out rather than false: H5 renders disabled="false", styled as disabled. */}
      <View className='quiz-take__nav'>
        <Button className='xq-button xq-button--plain quiz-back' disabled={index === 0 || sending || undefined} onClick={() => goTo(index - 1)}>
          上一题
        </Button>
        {question && (multiple || answered) && (
          <Button
            className='xq-button quiz-next'
            disabled={!answered || undefined}
            onClick={() => goTo(multiple ? nextQuestionIndex(questions, draft.answers, index) : index + 1)}
          >
            {multiple ? '确定' : '下一题'}
          </Button>
        )}
      </View>
      <PrivacyNotice />
    </View>
  )
}
