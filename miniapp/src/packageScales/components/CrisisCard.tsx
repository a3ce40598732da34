import { Text, View } from '@tarojs/components';
import type { Hotline } from '@xinqiao/shared';
import { EMERGENCY_NOTE } from '../../constants/hotlines';
import { crisisHotlineList } from '../../features/scales/hotlines';
import { callNumber } from './call';
import './CrisisCard.scss';

/** First thing on a result that opened the crisis path, whatever the consent mode. */
export default function CrisisCard({ hotlines, reasons }: { hotlines: readonly Hotline[]; reasons: readonly string[] }) {
  const lines = crisisHotlineList(hotlines);
  return (
    <View className="crisis-card">
      <Text className="crisis-card__title">你并不孤单，现在就可以求助</Text>
      <Text className="crisis-card__text">
        你的回答提示你最近可能正承受很大的痛苦。请现在就拨打下面的热线，和专业人员聊一聊；也可以告诉身边信任的人，请他们陪着你。
      </Text>
      {reasons.length > 0 && (
        <View className="crisis-card__reasons">
          {reasons.map((r) => (
            <Text key={r} className="crisis-card__reason">
              {r}
            </Text>
          ))}
        </View>
      )}
      {lines.map((h) => (
        <View key={`${h.id}-${h.number}`} className="crisis-card__hotline" onClick={() => callNumber(h.number)}>
          <View className="crisis-card__hotline-main">
            <Text className="crisis-card__hotline-name">{h.name}</Text>
            <Text className="crisis-card__hotline-number">{h.number}</Text>
            <Text className="crisis-card__hotline-hours">{h.is24h ? '24 小时' : h.hours}</Text>
          </View>
          <Text className="crisis-card__call">拨打</Text>
        </View>
      ))}
      <Text className="crisis-card__emergency">{EMERGENCY_NOTE}</Text>
    </View>
  );
}
