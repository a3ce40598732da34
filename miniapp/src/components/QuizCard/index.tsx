import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { QuizSummary } from '@xinqiao/shared';
import { quizKindLabel, quizMeta } from '../../features/quizzes/display';
import { takeQuizUrl } from '../../features/quizzes/routes';
import './index.scss';

/** A quiz in a list; opens the paper (`campaignId` when listed by a campaign, for its figures). */
export default function QuizCard({ quiz, campaignId = null, inProgress = false }: { quiz: QuizSummary; campaignId?: number | null; inProgress?: boolean }) {
  return (
    <View className="quiz-card" onClick={() => void Taro.navigateTo({ url: takeQuizUrl(quiz.id, campaignId) })}>
      <View className="quiz-card__body">
        <View className="quiz-card__head">
          <Text className={`quiz-card__kind quiz-card__kind--${quiz.kind}`}>{quizKindLabel(quiz.kind)}</Text>
          <Text className="quiz-card__meta">{quizMeta(quiz)}</Text>
        </View>
        <Text className="quiz-card__title">{quiz.title}</Text>
      </View>
      <Text className="quiz-card__start">{inProgress ? '继续答题' : '开始答题'}</Text>
    </View>
  );
}
