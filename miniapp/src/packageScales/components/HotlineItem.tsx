import { Text, View } from '@tarojs/components';
import type { Hotline } from '@xinqiao/shared';
import { audienceLabels } from '../../features/scales/hotlines';
import { callNumber } from './call';
import './HotlineItem.scss';

export default function HotlineItem({ hotline }: { hotline: Hotline }) {
  return (
    <View className="hotline-item" onClick={() => callNumber(hotline.number)}>
      <View className="hotline-item__main">
        <Text className="hotline-item__name">{hotline.name}</Text>
        <Text className="hotline-item__number">{hotline.number}</Text>
        <View className="hotline-item__tags">
          {hotline.is24h && <Text className="hotline-item__tag hotline-item__tag--24h">24小时</Text>}
          {audienceLabels(hotline).map((a) => (
            <Text key={a} className="hotline-item__tag">
              {a}
            </Text>
          ))}
          {!hotline.national && hotline.regionName ? <Text className="hotline-item__tag hotline-item__tag--region">{hotline.regionName}</Text> : null}
        </View>
        <Text className="hotline-item__hours">服务时间：{hotline.hours}</Text>
        {hotline.source ? <Text className="hotline-item__source">来源：{hotline.source}</Text> : null}
      </View>
      <Text className="hotline-item__call">拨打</Text>
    </View>
  );
}
