import { Text, View } from '@tarojs/components'
import HotlineCard from '../../components/HotlineCard'
import PrivacyNotice from '../../components/PrivacyNotice'
import UnderConstruction from '../../components/UnderConstruction'

export default function Scales() {
  return (
    <View className='page'>
      <UnderConstruction
        title='心理自测即将开放'
        description='我们正在准备经过授权、适合公共服务使用的心理自评量表，上线后你可以在这里了解自己的情绪和压力状况。自测结果只是筛查参考，不能代替专业诊断。'
      />
      <View className='section-title'>
        <Text>现在就需要帮助？</Text>
      </View>
      <HotlineCard />
      <PrivacyNotice />
    </View>
  )
}
