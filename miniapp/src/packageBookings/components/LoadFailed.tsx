import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import './bookings.scss'

/** A page whose record could not be loaded: the reason, a retry when it may help, and a way on. */
export default function LoadFailed({ message, onRetry, next }: { message: string; onRetry?: () => void; next: { label: string; url: string } }) {
  return (
    <View className='bk-page'>
      <Text className='list-status'>{message}</Text>
      {onRetry && (
        <Text className='bk-link' onClick={onRetry}>
          点击重试
        </Text>
      )}
      <Text className='bk-link' onClick={() => void Taro.redirectTo({ url: next.url })}>
        {next.label}
      </Text>
    </View>
  )
}
