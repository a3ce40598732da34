import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { alreadyAnsweredText } from '../../../features/quizzes/display';
import { peekQuizResult } from '../../../features/quizzes/handoff';
import { answerKeyNote, formatScore, passLine, resultItemViews } from '../../../features/quizzes/result';
import { HOME_URL, campaignUrl, idParam, takeQuizUrl } from '../../../features/quizzes/routes';
import './index.scss';

export default function QuizResult() {
  const { params } = useRouter();
  const quizId = idParam(params.quizId);
  // Handed over by the take page; there is no endpoint to read an attempt again.
  const [submitted] = useState(() => (quizId === null ? null : peekQuizResult(quizId)));

  const goHome = () => void Taro.switchTab({ url: HOME_URL });

  if (!submitted) {
    return (
      <View className="quiz-result quiz-result--empty">
        <Text className="quiz-result__empty-text">答题结果只在提交后显示一次。你可以回到首页，参加其他知识问答。</Text>
        <Text className="quiz-result__link" onClick={goHome}>
          返回首页
        </Text>
        <PrivacyNotice firstUse={false} />
      </View>
    );
  }

  const { result, paper, campaignId } = submitted;
  const items = resultItemViews(result, paper);
  const keyNote = answerKeyNote(result);
  return (
    <View className="quiz-result">
      {result.alreadyAnswered && (
        <View className="quiz-result__already">{alreadyAnsweredText(paper.kind)}。以下是你第一次提交的结果，这次的作答没有改变任何记录。</View>
      )}

      <View className="quiz-result__summary card">
        <Text className="quiz-result__title">{paper.title}</Text>
        <View className="quiz-result__score">
          <Text className="quiz-result__score-value">{formatScore(result.score)}</Text>
          <Text className="quiz-result__score-max"> / {formatScore(result.maxScore)} 分</Text>
        </View>
        <Text className="quiz-result__correct">
          答对 {result.correctCount} / {result.questionCount} 题
        </Text>
        <Text className={`quiz-result__passed quiz-result__passed--${result.passed ? 'yes' : 'no'}`}>
          {result.passed ? '及格' : '未及格'} · {passLine(result)}
        </Text>
        {paper.kind === 'survey' && <Text className="quiz-result__thanks">感谢参与心理健康知识知晓率调查！</Text>}
      </View>

      <View className="section-title">
        <Text>{keyNote ? '你的作答' : '答案与解析'}</Text>
      </View>
      {keyNote && <View className="quiz-result__key-note">{keyNote}</View>}
      {items.map((item) => (
        <View
          key={item.code}
          className={`quiz-result-item card quiz-result-item--${item.isCorrect === null ? 'pending' : item.isCorrect ? 'correct' : 'wrong'}`}
        >
          <View className="quiz-result-item__head">
            <Text className="quiz-result-item__stem">
              {item.number}. {item.stem}
            </Text>
            {item.isCorrect !== null && <Text className="quiz-result-item__mark">{item.isCorrect ? '答对' : '答错'}</Text>}
          </View>
          <Text className="quiz-result-item__line">你的答案：{item.yourAnswer}</Text>
          {item.correctAnswer !== null && <Text className="quiz-result-item__line quiz-result-item__correct">正确答案：{item.correctAnswer}</Text>}
          {item.explanation !== null && <Text className="quiz-result-item__explanation">解析：{item.explanation}</Text>}
          {item.knowledgePoint ? <Text className="quiz-result-item__point">知识点：{item.knowledgePoint}</Text> : null}
        </View>
      ))}

      <View className="quiz-result__actions">
        {paper.kind === 'practice' && (
          <Button className="xq-button quiz-result__again" onClick={() => void Taro.redirectTo({ url: takeQuizUrl(paper.id, campaignId) })}>
            再练一次
          </Button>
        )}
        {campaignId !== null && (
          <Button className="xq-button xq-button--plain quiz-result__campaign" onClick={() => void Taro.redirectTo({ url: campaignUrl(campaignId) })}>
            返回宣传活动
          </Button>
        )}
        <Button className="xq-button xq-button--plain quiz-result__home" onClick={goHome}>
          返回首页
        </Button>
      </View>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
