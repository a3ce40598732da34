import { useMemo } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SCALE_RESULT_RETENTION_YEARS, type MyScaleResponse } from '@xinqiao/shared';
import LoginPrompt from '../../../components/LoginPrompt';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { useMyPagedList } from '../../../hooks/useMyPagedList';
import { SCALES_TAB_URL, resultUrlById } from '../../../features/scales/routes';
import { groupResponses, severityTone, type ResponseGroup } from '../../../features/scales/trend';
import { deleteMyResponse, listMyResponses } from '../../../services/scales';
import { formatDateTime } from '../../../utils/format';
import './index.scss';

export const HISTORY_PAGE_SIZE = 50;

function Trend({ group }: { group: ResponseGroup }) {
  if (group.trend.length < 2) return null;
  return (
    <View className="history-trend">
      {group.trend.map((bar) => (
        <View key={bar.id} className="history-trend__col" onClick={() => void Taro.navigateTo({ url: resultUrlById(bar.id) })}>
          <Text className="history-trend__score">{bar.score}</Text>
          <View className="history-trend__track">
            <View className={`history-trend__bar history-trend__bar--${bar.tone}`} style={{ height: `${bar.heightPercent}%` }} />
          </View>
          <Text className="history-trend__date">{bar.dateLabel}</Text>
        </View>
      ))}
    </View>
  );
}

function Entry({ entry, onDelete }: { entry: MyScaleResponse; onDelete: (entry: MyScaleResponse) => void }) {
  const tone = severityTone(entry.severity, entry.crisis);
  return (
    <View className="history-entry" onClick={() => void Taro.navigateTo({ url: resultUrlById(entry.id) })}>
      <View className="history-entry__main">
        <View className="history-entry__line">
          <Text className="history-entry__score">
            {entry.score}
            <Text className="history-entry__max"> / {entry.maxScore} 分</Text>
          </Text>
          <Text className={`history-entry__band history-entry__band--${tone}`}>{entry.bandLabel}</Text>
        </View>
        <View className="history-entry__line">
          <Text className="history-entry__date">{formatDateTime(entry.submittedAt)}</Text>
          {entry.crisis && <Text className="history-entry__tag history-entry__tag--crisis">需要关注</Text>}
          {entry.followUpRequested && <Text className="history-entry__tag">已请咨询师跟进</Text>}
        </View>
      </View>
      <Text
        className="history-entry__delete"
        onClick={(e) => {
          e.stopPropagation();
          onDelete(entry);
        }}
      >
        删除
      </Text>
    </View>
  );
}

const fetchMyResponses = (page: number) => listMyResponses(page, HISTORY_PAGE_SIZE, { toast: false });

export default function ScaleHistory() {
  const { resident, setProfile, list, setList, load, retry, hasMore } = useMyPagedList((r: MyScaleResponse) => r.id, fetchMyResponses);

  const groups = useMemo(() => groupResponses(list.items), [list.items]);

  const remove = async (entry: MyScaleResponse) => {
    const { confirm } = await Taro.showModal({
      title: '删除这条测评记录？',
      content: `将删除 ${formatDateTime(entry.submittedAt)} 的“${entry.scaleTitle}”结果，删除后无法恢复；相关的咨询师跟进记录也会一并删除。`,
      confirmText: '删除',
      confirmColor: '#e34d59',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      await deleteMyResponse(entry.id);
      setList((s) => ({ ...s, items: s.items.filter((i) => i.id !== entry.id), total: Math.max(0, s.total - 1) }));
      void Taro.showToast({ title: '已删除', icon: 'success' });
    } catch {
      // The request wrapper showed the reason.
    }
  };

  if (resident.status === 'checking') return <LoadStatus loading className="history" />;
  if (resident.status === 'anonymous') {
    return (
      <View className="history">
        <LoginPrompt hint="登录后可以查看保存到“我的测评”的结果。匿名测评的结果不会保存，无法在这里查看。" onLoggedIn={setProfile} />
        <PrivacyNotice firstUse={false} />
      </View>
    );
  }

  return (
    <View className="history">
      <Text className="history__note">这里是你选择保存的测评结果，最长保存 {SCALE_RESULT_RETENTION_YEARS} 年。点击查看详情；不想保留的记录可以随时删除。</Text>

      {groups.map((g) => (
        <View key={g.scaleCode} className="history-group card">
          <View className="history-group__head">
            <Text className="history-group__title">{g.scaleTitle}</Text>
            <Text className="history-group__count">共 {g.entries.length} 次</Text>
          </View>
          <Trend group={g} />
          {g.entries.map((e) => (
            <Entry key={e.id} entry={e} onDelete={(x) => void remove(x)} />
          ))}
        </View>
      ))}

      <LoadStatus
        loading={list.loading}
        error={list.error}
        onRetry={() => void retry()}
        empty={
          list.items.length === 0 && (
            <View className="history__empty">
              <Text className="list-status">还没有保存的测评记录</Text>
              <Button className="xq-button history__go" onClick={() => void Taro.switchTab({ url: SCALES_TAB_URL })}>
                去做一次测评
              </Button>
            </View>
          )
        }
      />
      {!list.loading && !list.error && hasMore && (
        <View className="list-status" onClick={() => void load(list.page + 1)}>
          上拉或点击加载更多
        </View>
      )}
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
