import { useCallback, useState } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ArticleSummary } from '@xinqiao/shared'
import ArticleCard from '../../components/ArticleCard'
import HotlineCard from '../../components/HotlineCard'
import PrivacyNotice from '../../components/PrivacyNotice'
import { listArticles } from '../../services/api'
import { getCachedResident } from '../../services/session'
import { greeting } from '../../utils/format'
import './index.scss'

const SHORTCUTS = [
  { key: 'articles', title: '心理科普', desc: '读懂情绪与压力', url: '/pages/articles/index' },
  { key: 'scales', title: '心理自测', desc: '了解自己的状态', url: '/pages/scales/index' },
  { key: 'events', title: '活动讲座', desc: '身边的心理服务', url: '/pages/events/index' },
  { key: 'me', title: '我的', desc: '资料与隐私设置', url: '/pages/me/index' },
] as const

type LatestState = { status: 'loading' } | { status: 'ready'; items: ArticleSummary[] } | { status: 'error'; message: string }

export default function Index() {
  const [latest, setLatest] = useState<LatestState>({ status: 'loading' })
  const [nickname, setNickname] = useState<string | null>(null)

  const loadLatest = useCallback(async () => {
    try {
      const page = await listArticles({ page: 1, pageSize: 3 }, { toast: false })
      setLatest({ status: 'ready', items: page.items })
    } catch (e) {
      setLatest({ status: 'error', message: (e as Error).message })
    }
  }, [])

  useDidShow(() => {
    setNickname(getCachedResident()?.nickname ?? null)
    void loadLatest()
  })

  usePullDownRefresh(() => {
    void loadLatest().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <View className='page home'>
      <View className='home__banner'>
        <Text className='home__greeting'>
          {greeting()}，{nickname || '朋友'}
        </Text>
        <Text className='home__slogan'>每个人都是自己心理健康的第一责任人</Text>
        <Text className='home__sub'>心桥 · 身边的社会心理服务</Text>
      </View>

      <HotlineCard />

      <View className='home__shortcuts'>
        {SHORTCUTS.map((s) => (
          <View key={s.key} className={`home__shortcut home__shortcut--${s.key}`} onClick={() => void Taro.switchTab({ url: s.url })}>
            <Text className='home__shortcut-title'>{s.title}</Text>
            <Text className='home__shortcut-desc'>{s.desc}</Text>
          </View>
        ))}
      </View>

      <View className='section-title'>
        <Text>最新科普</Text>
        <Text className='section-title__more' onClick={() => void Taro.switchTab({ url: '/pages/articles/index' })}>
          查看更多
        </Text>
      </View>
      {latest.status === 'loading' && <View className='list-status'>加载中…</View>}
      {latest.status === 'error' && (
        <View className='list-status' onClick={() => void loadLatest()}>
          {latest.message}，点击重试
        </View>
      )}
      {latest.status === 'ready' && latest.items.length === 0 && <View className='list-status'>暂无文章</View>}
      {latest.status === 'ready' && latest.items.map((a) => <ArticleCard key={a.id} article={a} />)}

      <PrivacyNotice />
    </View>
  )
}
