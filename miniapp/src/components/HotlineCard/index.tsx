import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EMERGENCY_NOTE, HOTLINE_DESCRIPTION, HOTLINE_NUMBER, HOTLINE_TITLE } from '../../constants/hotlines';
import './index.scss';

export function callHotline(): void {
  Taro.makePhoneCall({ phoneNumber: HOTLINE_NUMBER }).catch(() => {
    // Cancelled by the resident, or no phone on this device (desktop browser).
  });
}

export default function HotlineCard({ compact = false }: { compact?: boolean }) {
  return (
    <View className={`hotline-card${compact ? ' hotline-card--compact' : ''}`} onClick={callHotline}>
      <View className="hotline-card__main">
        <Text className="hotline-card__title">{HOTLINE_TITLE}</Text>
        <Text className="hotline-card__number">{HOTLINE_NUMBER}</Text>
        {!compact && <Text className="hotline-card__desc">{HOTLINE_DESCRIPTION}</Text>}
      </View>
      <View className="hotline-card__call">
        <Text>拨打</Text>
      </View>
      {!compact && <Text className="hotline-card__note">{EMERGENCY_NOTE}</Text>}
    </View>
  );
}
