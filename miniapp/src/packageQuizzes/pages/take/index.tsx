import { useShareAppMessage } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { AGE_BAND_LABELS, GENDER_LABELS, POPULATION_GROUP_LABELS, QUESTION_KIND_LABELS } from '@xinqiao/shared';
import { ChoiceCard } from '../../../components/Choice';
import LoadStatus from '../../../components/LoadStatus';
import LoginPrompt from '../../../components/LoginPrompt';
import PrivacyNotice from '../../../components/PrivacyNotice';
import QuizCard from '../../../components/QuizCard';
import StepProgress from '../../../components/StepProgress';
import { answeredQuizCount, isAnswer, nextQuestionIndex, quizProgressPercent } from '../../../features/quizzes/answers';
import { needsDemographics, type StoredDemographics } from '../../../features/quizzes/demographics';
import { afterSubmitText, alreadyAnsweredText, closedReason, signInHint } from '../../../features/quizzes/display';
import { optionLabel } from '../../../features/quizzes/result';
import { HOME_URL, takeQuizUrl } from '../../../features/quizzes/routes';
import { progressLabel } from '../../../utils/steps';
import DemographicsStep from './Demographics';
import { useQuizSession } from './useQuizSession';
import './index.scss';

const demographicsSummary = (s: StoredDemographics) =>
  [s.regionName, POPULATION_GROUP_LABELS[s.populationGroup], AGE_BAND_LABELS[s.ageBand], GENDER_LABELS[s.gender]].join(' · ');

export default function QuizTake() {
  const quiz = useQuizSession();
  const { quizId, state, paper, reload, resident, profile, setProfile, draft, stored, index, question, submit, sending, goHome } = quiz;

  useShareAppMessage(() => ({
    title: paper ? paper.title : '心桥 · 心理健康知识问答',
    path: quizId === null ? HOME_URL : takeQuizUrl(quizId),
  }));

  if (resident.status === 'checking') return <LoadStatus loading className="quiz-take" />;
  if (!paper) {
    return (
      <LoadStatus state={state} onRetry={() => void reload()} className="quiz-take">
        <Text className="load-status__link" onClick={goHome}>
          返回首页
        </Text>
      </LoadStatus>
    );
  }

  if (!paper.open) {
    return (
      <View className="quiz-take quiz-take--message quiz-closed">
        <Text className="quiz-take__message">{closedReason(paper)}</Text>
        <Text className="quiz-take__link" onClick={goHome}>
          返回首页
        </Text>
        <PrivacyNotice />
      </View>
    );
  }
  if (paper.alreadyAnswered) {
    return (
      <View className="quiz-take quiz-answered">
        <View className="card quiz-answered__card">
          <Text className="quiz-answered__title">{alreadyAnsweredText(paper.kind)}</Text>
          <Text className="quiz-answered__text">每人只需参加一次。想继续巩固心理健康知识，可以做做下面的知识练习，练习可以反复做。</Text>
        </View>
        {quiz.practice.map((q) => (
          <QuizCard key={q.id} quiz={q} />
        ))}
        <Button className="xq-button xq-button--plain quiz-take__home" onClick={goHome}>
          返回首页
        </Button>
        <PrivacyNotice />
      </View>
    );
  }

  // A survey wave counts one answer per person: sign in before the first question.
  const needsSignIn = signInHint(paper.kind);
  if (needsSignIn && !profile) {
    return (
      <View className="quiz-take quiz-sign-in">
        <View className="quiz-take__head">
          <Text className="quiz-take__title">{paper.title}</Text>
          {paper.description ? <Text className="quiz-take__desc">{paper.description}</Text> : null}
        </View>
        <LoginPrompt
          hint={needsSignIn}
          onLoggedIn={(p) => {
            setProfile(p);
            // Answered before under this account? The paper says so.
            void reload();
          }}
        />
        <PrivacyNotice />
      </View>
    );
  }

  if (!draft) return <LoadStatus loading className="quiz-take" />;

  const { questions } = paper;
  const total = questions.length;

  if (quiz.fields.length) {
    const reason = quiz.stepReason;
    return (
      <View className="quiz-take">
        <View className="quiz-take__head">
          <Text className="quiz-take__title">{paper.title}</Text>
          {paper.description ? <Text className="quiz-take__desc">{paper.description}</Text> : null}
        </View>
        <DemographicsStep
          fields={quiz.fields}
          form={quiz.form}
          signedIn={profile !== null}
          problems={quiz.stepProblems}
          notice={quiz.stepNotice}
          submitLabel={reason === 'edit' ? '保存' : reason === 'server' ? '保存并提交答案' : '开始答题'}
          onChange={quiz.setForm}
          onSubmit={quiz.confirmStep}
          onCancel={reason === 'edit' ? quiz.cancelEdit : undefined}
        />
        <PrivacyNotice />
      </View>
    );
  }

  const answered = question ? isAnswer(question, draft.answers[question.code]) : false;
  const multiple = question?.kind === 'multiple';

  return (
    <View className="quiz-take">
      <StepProgress
        className="quiz-progress"
        label={question ? progressLabel(index, total) : `已完成全部 ${total} 题`}
        count={`已答 ${answeredQuizCount(questions, draft.answers)} / ${total}`}
        percent={quizProgressPercent(questions, draft.answers)}
      />

      {question ? (
        <View className="quiz-question">
          {index === 0 && paper.description ? <Text className="quiz-question__intro">{paper.description}</Text> : null}
          <Text className="quiz-question__kind">
            {QUESTION_KIND_LABELS[question.kind]}
            {multiple ? '（可多选，选好后点“确定”）' : ''}
          </Text>
          <Text className="quiz-question__stem">
            {index + 1}. {question.stem}
          </Text>
          <View className="quiz-question__options">
            {question.options.map((o) => (
              <ChoiceCard
                key={o.key}
                className="quiz-option"
                indicator={multiple ? 'check' : 'radio'}
                selected={(draft.answers[question.code] ?? []).includes(o.key)}
                title={optionLabel(question, o.key)}
                onSelect={() => quiz.choose(o.key)}
              />
            ))}
          </View>
        </View>
      ) : (
        <View className="quiz-done card">
          <Text className="quiz-done__title">全部题目已答完</Text>
          <Text className="quiz-done__text">{afterSubmitText(paper.kind)}</Text>
          {!profile && stored && needsDemographics(paper.kind) && (
            <View className="quiz-demographics-summary">
              <Text className="quiz-demographics-summary__text">答题人信息（仅用于匿名统计）：{demographicsSummary(stored)}</Text>
              <Text className="quiz-demographics-summary__edit" onClick={quiz.editDemographics}>
                修改
              </Text>
            </View>
          )}
          {submit.status === 'failed' && <Text className="quiz-done__error">{submit.message}</Text>}
          {submit.status === 'failed' && submit.action === 'home' ? (
            <Button className="xq-button quiz-take__home" onClick={goHome}>
              返回首页
            </Button>
          ) : (
            <Button className="xq-button quiz-submit" disabled={sending || undefined} onClick={quiz.sendDraft}>
              {sending ? '正在提交…' : submit.status === 'failed' ? '重新提交' : '提交答案'}
            </Button>
          )}
        </View>
      )}

      {/* `disabled` is left out rather than false: H5 renders disabled="false", styled as disabled. */}
      <View className="quiz-take__nav">
        <Button className="xq-button xq-button--plain quiz-back" disabled={index === 0 || sending || undefined} onClick={() => quiz.goTo(index - 1)}>
          上一题
        </Button>
        {question && (multiple || answered) && (
          <Button
            className="xq-button quiz-next"
            disabled={!answered || undefined}
            onClick={() => quiz.goTo(multiple ? nextQuestionIndex(questions, draft.answers, index) : index + 1)}
          >
            {multiple ? '确定' : '下一题'}
          </Button>
        )}
      </View>
      <PrivacyNotice />
    </View>
  );
}
