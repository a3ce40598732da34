import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

/** A feature that lands in a later release: say so plainly, show nothing fake. */
export default function UnderConstruction({ title, description, children }: { title: string; description: string; children?: ReactNode }) {
  return (
    <View className='under-construction card'>
      <Text className='under-construction__badge'>功能建设中</Text>
      <Text className='under-construction__title'>{title}</Text>
      <Text className='under-construction__desc'>{description}</Text>
      {children}
    </View>
  )
}
