import { useCallback } from 'react';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { PublicCampaign } from '@xinqiao/shared';
import ArticleLink from '../../../components/ArticleLink';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import QuizCard from '../../../components/QuizCard';
import { campaignPeriod, sortQuizzes } from '../../../features/quizzes/display';
import { hasQuizDraft } from '../../../features/quizzes/draft';
import { HOME_URL, campaignUrl, idParam } from '../../../features/quizzes/routes';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { getCampaign } from '../../../services/quizzes';
import './index.scss';

export default function CampaignPage() {
  const { params } = useRouter();
  const id = idParam(params.id);
  const fetchCampaign = useCallback(async (): Promise<PublicCampaign> => {
    if (id === null) throw new FinalLoadError('活动地址有误');
    const campaign = await getCampaign(id);
    void Taro.setNavigationBarTitle({ title: campaign.title });
    return campaign;
  }, [id]);
  // Also when coming back: a quiz may have been answered or left half-way meanwhile.
  const { state, data: campaign, reload } = useLoad(fetchCampaign, { when: 'show', notFound: '这个活动不存在或已结束' });

  useShareAppMessage(() => ({
    title: campaign ? campaign.title : '心桥 · 宣传活动',
    path: id === null ? HOME_URL : campaignUrl(id),
  }));

  if (!campaign) {
    return (
      <LoadStatus state={state} onRetry={() => void reload()} className="campaign">
        <Text className="load-status__link" onClick={() => void Taro.switchTab({ url: HOME_URL })}>
          返回首页
        </Text>
      </LoadStatus>
    );
  }

  return (
    <View className="campaign">
      <View className="campaign__head">
        <Text className="campaign__title">{campaign.title}</Text>
        <Text className="campaign__period">活动时间：{campaignPeriod(campaign)}</Text>
      </View>
      {campaign.description ? <Text className="campaign__desc card">{campaign.description}</Text> : null}

      {campaign.quizzes.length > 0 && (
        <View className="campaign__quizzes">
          <View className="section-title">
            <Text>知识问答</Text>
          </View>
          {sortQuizzes(campaign.quizzes).map((q) => (
            <QuizCard key={q.id} quiz={q} campaignId={campaign.id} inProgress={hasQuizDraft(q.id)} />
          ))}
        </View>
      )}

      {campaign.articles.length > 0 && (
        <View className="campaign__articles">
          <View className="section-title">
            <Text>相关科普</Text>
          </View>
          {campaign.articles.map((a) => (
            <ArticleLink key={a.id} article={a} />
          ))}
        </View>
      )}
      <PrivacyNotice />
    </View>
  );
}
