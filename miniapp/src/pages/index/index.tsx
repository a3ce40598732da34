import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ArticleSummary, PublicCampaign, QuizSummary } from '@xinqiao/shared';
import ArticleCard from '../../components/ArticleCard';
import HotlineCard from '../../components/HotlineCard';
import LoadStatus from '../../components/LoadStatus';
import PrivacyNotice from '../../components/PrivacyNotice';
import QuizCard from '../../components/QuizCard';
import { listRegionId } from '../../features/quizzes/demographics';
import { campaignPeriod, sortQuizzes } from '../../features/quizzes/display';
import { hasQuizDraft } from '../../features/quizzes/draft';
import { campaignUrl } from '../../features/quizzes/routes';
import { STATIONS_URL, bookUrl, helpUrl } from '../../features/bookings/routes';
import { listArticles } from '../../services/api';
import { listCampaigns, listQuizzes } from '../../services/quizzes';
import { getCachedResident } from '../../services/session';
import { greeting } from '../../utils/format';
import './index.scss';

const SHORTCUTS = [
  { key: 'articles', title: '心理科普', desc: '读懂情绪与压力', url: '/pages/articles/index' },
  { key: 'scales', title: '心理自测', desc: '了解自己的状态', url: '/pages/scales/index' },
  { key: 'events', title: '活动讲座', desc: '身边的心理服务', url: '/pages/events/index' },
  { key: 'me', title: '我的', desc: '资料与隐私设置', url: '/pages/me/index' },
] as const;

/** Booking help: subpackage pages, opened with navigateTo. */
const HELP_ENTRIES = [
  { key: 'book', title: '预约咨询', desc: '到站面询、电话咨询、热线回电', url: bookUrl() },
  { key: 'contact', title: '请人联系我', desc: '留下电话，咨询师联系您', url: helpUrl() },
  { key: 'stations', title: '服务站点', desc: '离您最近的心理服务站', url: STATIONS_URL },
] as const;

type ListState<T> = { status: 'loading' } | { status: 'ready'; items: T[] } | { status: 'error'; message: string };

function CampaignCard({ campaign }: { campaign: PublicCampaign }) {
  return (
    <View className="campaign-card" onClick={() => void Taro.navigateTo({ url: campaignUrl(campaign.id) })}>
      <Text className="campaign-card__title">{campaign.title}</Text>
      <Text className="campaign-card__period">{campaignPeriod(campaign)}</Text>
      {campaign.description ? <Text className="campaign-card__desc">{campaign.description}</Text> : null}
      <Text className="campaign-card__more">参与活动 ›</Text>
    </View>
  );
}

export default function Index() {
  const [latest, setLatest] = useState<ListState<ArticleSummary>>({ status: 'loading' });
  const [campaigns, setCampaigns] = useState<ListState<PublicCampaign>>({ status: 'loading' });
  const [quizzes, setQuizzes] = useState<ListState<QuizSummary>>({ status: 'loading' });
  const [nickname, setNickname] = useState<string | null>(null);

  const loadLatest = useCallback(async () => {
    try {
      const page = await listArticles({ page: 1, pageSize: 3 }, { toast: false });
      setLatest({ status: 'ready', items: page.items });
    } catch (e) {
      setLatest({ status: 'error', message: (e as Error).message });
    }
  }, []);

  // Campaigns and quizzes are scoped to where the resident lives, as far as the device knows it.
  const loadQuizzes = useCallback(async () => {
    const regionId = listRegionId();
    await Promise.all([
      listCampaigns(regionId, { toast: false }).then(
        (items) => setCampaigns({ status: 'ready', items }),
        (e: Error) => setCampaigns({ status: 'error', message: e.message }),
      ),
      listQuizzes({ regionId }, { toast: false }).then(
        (items) => setQuizzes({ status: 'ready', items: sortQuizzes(items) }),
        (e: Error) => setQuizzes({ status: 'error', message: e.message }),
      ),
    ]);
  }, []);

  const loadAll = useCallback(() => Promise.all([loadLatest(), loadQuizzes()]), [loadLatest, loadQuizzes]);

  useDidShow(() => {
    setNickname(getCachedResident()?.nickname ?? null);
    void loadAll();
  });

  usePullDownRefresh(() => {
    void loadAll().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className="page home">
      <View className="home__banner">
        <Text className="home__greeting">
          {greeting()}，{nickname || '朋友'}
        </Text>
        <Text className="home__slogan">每个人都是自己心理健康的第一责任人</Text>
        <Text className="home__sub">心桥 · 身边的社会心理服务</Text>
      </View>

      <HotlineCard />

      <View className="home__shortcuts">
        {SHORTCUTS.map((s) => (
          <View key={s.key} className={`home__shortcut home__shortcut--${s.key}`} onClick={() => void Taro.switchTab({ url: s.url })}>
            <Text className="home__shortcut-title">{s.title}</Text>
            <Text className="home__shortcut-desc">{s.desc}</Text>
          </View>
        ))}
      </View>

      <View className="home__help">
        <View className="section-title">
          <Text>心理咨询</Text>
        </View>
        <View className="home__help-entries">
          {HELP_ENTRIES.map((e) => (
            <View key={e.key} className={`home__help-entry home__help-entry--${e.key}`} onClick={() => void Taro.navigateTo({ url: e.url })}>
              <Text className="home__help-title">{e.title}</Text>
              <Text className="home__help-desc">{e.desc}</Text>
            </View>
          ))}
        </View>
      </View>

      {campaigns.status === 'ready' && campaigns.items.length > 0 && (
        <View className="home__campaigns">
          <View className="section-title">
            <Text>宣传活动</Text>
          </View>
          {campaigns.items.map((c) => (
            <CampaignCard key={c.id} campaign={c} />
          ))}
        </View>
      )}

      <View className="home__quizzes">
        <View className="section-title">
          <Text>心理健康知识问答</Text>
        </View>
        <LoadStatus
          loading={quizzes.status === 'loading'}
          error={quizzes.status === 'error' ? quizzes.message : null}
          onRetry={() => void loadQuizzes()}
          empty={quizzes.status === 'ready' && quizzes.items.length === 0 && '暂时没有进行中的知识问答'}
        />
        {quizzes.status === 'ready' && quizzes.items.map((q) => <QuizCard key={q.id} quiz={q} inProgress={hasQuizDraft(q.id)} />)}
      </View>

      <View className="section-title">
        <Text>最新科普</Text>
        <Text className="section-title__more" onClick={() => void Taro.switchTab({ url: '/pages/articles/index' })}>
          查看更多
        </Text>
      </View>
      <LoadStatus
        loading={latest.status === 'loading'}
        error={latest.status === 'error' ? latest.message : null}
        onRetry={() => void loadLatest()}
        empty={latest.status === 'ready' && latest.items.length === 0 && '暂无文章'}
      />
      {latest.status === 'ready' && latest.items.map((a) => <ArticleCard key={a.id} article={a} />)}

      <PrivacyNotice />
    </View>
  );
}
