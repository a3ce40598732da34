import { useCallback, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SCALE_AUDIENCE_LABELS, type ScaleSummary } from '@xinqiao/shared';
import HotlineCard from '../../components/HotlineCard';
import LoadStatus from '../../components/LoadStatus';
import PrivacyNotice from '../../components/PrivacyNotice';
import { hasDraft } from '../../features/scales/draft';
import { HOTLINES_URL, SCALE_HISTORY_URL, introUrl } from '../../features/scales/routes';
import { listScales } from '../../services/scales';
import { getToken } from '../../services/session';
import './index.scss';

type ListState =
  { status: 'loading'; items: ScaleSummary[] } | { status: 'ready'; items: ScaleSummary[] } | { status: 'error'; items: ScaleSummary[]; message: string };

function ScaleCard({ scale, inProgress }: { scale: ScaleSummary; inProgress: boolean }) {
  return (
    <View className="scale-card" onClick={() => void Taro.navigateTo({ url: introUrl(scale.code) })}>
      <View className="scale-card__head">
        <Text className="scale-card__short">{scale.shortTitle}</Text>
        {inProgress && <Text className="scale-card__badge">未完成，可继续</Text>}
      </View>
      <Text className="scale-card__title">{scale.title}</Text>
      <Text className="scale-card__desc">{scale.description}</Text>
      <View className="scale-card__meta">
        <Text className="scale-card__meta-item">{scale.itemCount} 题</Text>
        <Text className="scale-card__meta-item">约 {scale.timeMinutes} 分钟</Text>
        <Text className="scale-card__meta-item">适用：{SCALE_AUDIENCE_LABELS[scale.audience] ?? scale.audience}</Text>
      </View>
    </View>
  );
}

export default function Scales() {
  const [all, setAll] = useState(false);
  const [list, setList] = useState<ListState>({ status: 'loading', items: [] });
  const [signedIn, setSignedIn] = useState(() => getToken() !== null);
  // Drafts change while the resident is on other pages: re-read them whenever the tab shows.
  const [drafts, setDrafts] = useState<Set<string>>(new Set());
  // An answer for a toggle position the resident has already left is dropped.
  const seq = useRef(0);

  const load = useCallback(async (showAll: boolean) => {
    const mine = ++seq.current;
    setList((s) => ({ status: 'loading', items: s.items }));
    try {
      const items = await listScales(showAll, { toast: false });
      if (mine !== seq.current) return;
      setList({ status: 'ready', items });
      setDrafts(new Set(items.filter((s) => hasDraft(s.code)).map((s) => s.code)));
    } catch (e) {
      if (mine !== seq.current) return;
      setList((s) => ({ status: 'error', items: s.items, message: (e as Error).message }));
    }
  }, []);

  useDidShow(() => {
    setSignedIn(getToken() !== null);
    void load(all);
  });

  usePullDownRefresh(() => {
    void load(all).finally(() => Taro.stopPullDownRefresh());
  });

  const toggle = () => {
    const next = !all;
    setAll(next);
    void load(next);
  };

  const heading = all || !signedIn ? '全部量表' : '适合你的量表';

  return (
    <View className="page scales">
      <View className="scales__intro">
        <Text className="scales__intro-title">心理自测</Text>
        <Text className="scales__intro-text">花几分钟，了解自己最近的情绪和压力状况。自测结果只是筛查参考，不能代替专业诊断。</Text>
      </View>

      <HotlineCard compact />

      <View className="scales__links">
        <View className="scales__link scales__link--hotlines" onClick={() => void Taro.navigateTo({ url: HOTLINES_URL })}>
          <Text className="scales__link-title">心理援助热线</Text>
          <Text className="scales__link-desc">全国与本地求助电话</Text>
        </View>
        <View className="scales__link scales__link--history" onClick={() => void Taro.navigateTo({ url: SCALE_HISTORY_URL })}>
          <Text className="scales__link-title">我的测评</Text>
          <Text className="scales__link-desc">历次结果与变化</Text>
        </View>
      </View>

      <View className="section-title">
        <Text>{heading}</Text>
        <Text className="section-title__more scales__toggle" onClick={toggle}>
          {all ? '只看适合我的' : '查看全部量表'}
        </Text>
      </View>
      {!signedIn && !all && <Text className="scales__hint">登录并在“我的”中填写年龄段和人群后，这里会优先显示适合你的量表。</Text>}

      {list.items.map((s) => (
        <ScaleCard key={s.code} scale={s} inProgress={drafts.has(s.code)} />
      ))}
      <LoadStatus
        loading={list.status === 'loading' && list.items.length === 0}
        error={list.status === 'error' ? list.message : null}
        onRetry={() => void load(all)}
      />
      {list.status === 'ready' && list.items.length === 0 && (
        <View className="list-status" onClick={all ? undefined : toggle}>
          {all ? '暂时没有开放的量表' : '暂时没有适合你的量表，点击查看全部量表'}
        </View>
      )}

      <PrivacyNotice />
    </View>
  );
}
