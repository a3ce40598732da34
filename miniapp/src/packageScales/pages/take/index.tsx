import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { ScaleDefinition, ScaleResponseInput } from '@xinqiao/shared';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import StepProgress from '../../../components/StepProgress';
import { clearDraft, loadDraft, saveDraft, withAnswer, withIndex, type ScaleDraft } from '../../../features/scales/draft';
import { handOverResult } from '../../../features/scales/handoff';
import { answeredCount, isComplete, itemOptions, nextIndexAfterAnswer, progressPercent, resumeIndex, sanitizeAnswers } from '../../../features/scales/progress';
import { introUrl, justSubmittedResultUrl, resultUrlById } from '../../../features/scales/routes';
import { useLoad } from '../../../hooks/useLoad';
import type { RequestError } from '../../../services/request';
import { forgetScaleDefinitions, getScale, submitResponse } from '../../../services/scales';
import { ADVANCE_DELAY_MS, progressLabel } from '../../../utils/steps';
import './index.scss';

/**
 * What to offer after a failed submission. The draft (with its clientRequestId) is kept for `retry`,
 * so a submission that did reach the server is not stored twice.
 */
type SubmitState = { status: 'idle' } | { status: 'sending' } | { status: 'failed'; message: string; action: 'retry' | 'restart' | 'fix' };

function failureAction(err: RequestError): 'retry' | 'restart' | 'fix' {
  const code = String(err.code);
  if (code === 'INVALID_ANSWERS') return 'fix';
  // The scale or the consent wording changed, or the scale was withdrawn: start over from the intro.
  if (code === 'SCALE_VERSION_MISMATCH' || code === 'CONSENT_REQUIRED' || code === 'GUARDIAN_CONSENT_REQUIRED' || err.statusCode === 404) return 'restart';
  if (err.statusCode === 409 || err.statusCode === 400) return 'restart';
  return 'retry';
}

/** 1-based item number of the first problem the server reported, if it said. */
function firstProblemItem(details: unknown): number | null {
  if (!Array.isArray(details)) return null;
  const n = (details[0] as { itemNumber?: unknown } | undefined)?.itemNumber;
  return typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null;
}

export default function ScaleTake() {
  const { params } = useRouter();
  const code = params.code ?? '';
  const [draft, setDraft] = useState<ScaleDraft | null>(null);
  const [submit, setSubmit] = useState<SubmitState>({ status: 'idle' });
  // An answer tapped while the previous one is still advancing would land on the wrong item.
  const advancing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fetchScale = useCallback(async (): Promise<ScaleDefinition> => {
    const def = await getScale(code);
    const found = loadDraft(code, def.version);
    if (found.status !== 'found') {
      // No consent on record for this attempt (or it was for an older version): go through the intro.
      void Taro.showToast({ title: found.status === 'outdated' ? '量表已更新，请重新开始' : '请先阅读说明并确认', icon: 'none' });
      void Taro.redirectTo({ url: introUrl(code) });
      return def;
    }
    const answers = sanitizeAnswers(def, found.draft.answers);
    setDraft({ ...found.draft, answers, index: resumeIndex(def, answers, found.draft.index) });
    void Taro.setNavigationBarTitle({ title: def.shortTitle });
    return def;
  }, [code]);
  const { state, data: def, reload } = useLoad(fetchScale);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const persist = (next: ScaleDraft) => {
    setDraft(next);
    saveDraft(next);
  };

  // Without a draft the page is on its way to the intro.
  if (!def || !draft) return <LoadStatus state={state} onRetry={() => void reload()} className="scale-take" />;
  const total = def.items.length;
  const index = Math.min(draft.index, total);
  const done = index >= total;
  const item = done ? null : def.items[index];
  const selected = item ? draft.answers[item.id] : undefined;

  const answer = (value: number) => {
    if (!item || advancing.current || submit.status === 'sending') return;
    const answers = { ...draft.answers, [item.id]: value };
    const next = nextIndexAfterAnswer(def, answers, index);
    // Saved before moving on, so closing the app right now loses nothing.
    const answered = withAnswer(draft, item.id, value, index);
    persist(answered);
    advancing.current = true;
    timer.current = setTimeout(() => {
      advancing.current = false;
      persist(withIndex(answered, next));
    }, ADVANCE_DELAY_MS);
  };

  const goTo = (i: number) => {
    if (advancing.current) return;
    setSubmit({ status: 'idle' });
    persist(withIndex(draft, Math.min(Math.max(i, 0), total)));
  };

  const send = async () => {
    if (!isComplete(def, draft.answers) || submit.status === 'sending') return;
    setSubmit({ status: 'sending' });
    const input: ScaleResponseInput = {
      scaleVersion: draft.scaleVersion,
      answers: draft.answers,
      consent: draft.consent,
      clientRequestId: draft.clientRequestId,
    };
    if (draft.ageBand) input.ageBand = draft.ageBand;
    if (draft.regionId !== undefined) input.regionId = draft.regionId;
    try {
      const result = await submitResponse(code, input);
      clearDraft(code);
      handOverResult(result);
      void Taro.redirectTo({ url: result.id !== null ? resultUrlById(result.id) : justSubmittedResultUrl(code) });
    } catch (e) {
      const err = e as RequestError;
      const action = failureAction(err);
      if (action === 'restart') {
        clearDraft(code);
        forgetScaleDefinitions();
      }
      if (action === 'fix') {
        const n = firstProblemItem(err.details);
        if (n !== null && n <= total) persist(withIndex(draft, n - 1));
      }
      setSubmit({ status: 'failed', message: err.message, action });
    }
  };

  return (
    <View className="scale-take">
      <StepProgress
        className="scale-progress"
        label={done ? `已完成全部 ${total} 题` : progressLabel(index, total)}
        count={`已答 ${answeredCount(def, draft.answers)} / ${total}`}
        percent={progressPercent(def, draft.answers)}
      />

      {item ? (
        <View className="scale-item">
          <Text className="scale-item__instructions">{def.instructions}</Text>
          <Text className="scale-item__text">
            {index + 1}. {item.text}
          </Text>
          <View className="scale-item__options">
            {itemOptions(def, item).map((o) => (
              <View key={o.value} className={`scale-option${selected === o.value ? ' scale-option--selected' : ''}`} onClick={() => answer(o.value)}>
                <Text className="scale-option__label">{o.label}</Text>
              </View>
            ))}
          </View>
        </View>
      ) : (
        <View className="scale-take__done card">
          <Text className="scale-take__done-title">全部题目已完成</Text>
          <Text className="scale-take__done-text">
            {draft.consent.mode === 'save' ? '提交后，结果会保存到“我的测评”。' : '本次为匿名测评，提交后结果只显示一次，不会保存。'}
          </Text>
          {submit.status === 'failed' && (
            <View className="scale-take__error">
              <Text>{submit.message}</Text>
            </View>
          )}
          {submit.status === 'failed' && submit.action === 'restart' ? (
            <Button className="xq-button scale-take__restart" onClick={() => void Taro.redirectTo({ url: introUrl(code) })}>
              重新开始
            </Button>
          ) : (
            <Button
              className={`xq-button scale-take__submit${submit.status === 'failed' ? ' scale-take__retry' : ''}`}
              disabled={submit.status === 'sending' || undefined}
              onClick={() => void send()}
            >
              {submit.status === 'failed' ? '重新提交' : submit.status === 'sending' ? '正在提交…' : '提交并查看结果'}
            </Button>
          )}
        </View>
      )}

      {/* `disabled` is left out rather than false: H5 renders disabled="false", styled as disabled. */}
      <View className="scale-take__nav">
        <Button className="xq-button xq-button--plain scale-take__back" disabled={index === 0 || undefined} onClick={() => goTo(index - 1)}>
          上一题
        </Button>
        {!done && selected !== undefined && (
          <Button className="xq-button xq-button--plain scale-take__next" onClick={() => goTo(index + 1)}>
            下一题
          </Button>
        )}
      </View>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
