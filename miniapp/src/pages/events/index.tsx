import { View } from '@tarojs/components'
import HotlineCard from '../../components/HotlineCard'
import PrivacyNotice from '../../components/PrivacyNotice'
import UnderConstruction from '../../components/UnderConstruction'

export default function Events() {
  return (
    <View className='page'>
      <UnderConstruction
        title='活动报名即将开放'
        description='社区心理健康讲座、团体辅导等线下活动的报名、预约和签到将在这里开放，敬请期待。'
      />
      <HotlineCard compact />
      <PrivacyNotice />
    </View>
  )
}
