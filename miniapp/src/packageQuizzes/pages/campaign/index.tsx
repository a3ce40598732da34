import { useCallback, useState } from 'react'
import Taro, { useDidShow, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PublicCampaign } from '@xinqiao/shared'
import ArticleLink from '../../../components/ArticleLink'
import PrivacyNotice from '../../../components/PrivacyNotice'
import QuizCard from '../../../components/QuizCard'
import { campaignPeriod, sortQuizzes } from '../../../features/quizzes/display'
import { hasQuizDraft } from '../../../features/quizzes/draft'
import { HOME_URL, campaignUrl, idParam } from '../../../features/quizzes/routes'
import type { RequestError } from '../../../services/request'
import { getCampaign } from '../../../services/quizzes'
import './index.scss'

type State =
  | { status: 'loading' }
  | { status: 'ready'; campaign: PublicCampaign }
  | { status: 'error'; message: string; retry: boolean }

export default function CampaignPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  const [state, setState] = useState<State>({ status: 'loading' })

  const load = useCallback(async () => {
    if (id === null) {
      setState({ status: 'error', message: '活动地址有误', retry: false })
      return
    }
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    try {
      const campaign = await getCampaign(id)
      setState({ status: 'ready', campaign })
      void Taro.setNavigationBarTitle({ title: campaign.title })
    } catch (e) {
      const err = e as RequestError
      setState({ status: 'error', message: err.statusCode === 404 ? '这个活动不存在或已结束' : err.message, retry: err.statusCode !== 404 })
    }
  }, [id])

  // Also when coming back: a quiz may have been answered or left half-way meanwhile.
  useDidShow(() => {
    void load()
  })

  useShareAppMessage(() => ({
    title: state.status === 'ready' ? state.campaign.title : '心桥 · 宣传活动',
    path: id === null ? HOME_URL : campaignUrl(id),
  }))

  if (state.status === 'loading') return <View className='campaign list-status'>加载中…</View>
  if (state.status === 'error') {
    return (
      <View className='campaign campaign--empty'>
        <Text className='campaign__empty-text'>{state.message}</Text>
        {state.retry && (
          <Text className='campaign__link' onClick={() => void load()}>
            点击重试
          </Text>
        )}
        <Text className='campaign__link' onClick={() => void Taro.switchTab({ url: HOME_URL })}>
          返回首页
        </Text>
      </View>
    )
  }

  const { campaign } = state
  return (
    <View className='campaign'>
      <View className='campaign__head'>
        <Text className='campaign__title'>{campaign.title}</Text>
        <Text className='campaign__period'>活动时间：{campaignPeriod(campaign)}</Text>
      </View>
      {campaign.description ? <Text className='campaign__desc card'>{campaign.description}</Text> : null}

      {campaign.quizzes.length > 0 && (
        <View className='campaign__quizzes'>
          <View className='section-title'>
            <Text>知识问答</Text>
          </View>
          {sortQuizzes(campaign.quizzes).map((q) => (
            <QuizCard key={q.id} quiz={q} campaignId={campaign.id} inProgress={hasQuizDraft(q.id)} />
          ))}
        </View>
      )}

      {campaign.articles.length > 0 && (
        <View className='campaign__articles'>
          <View className='section-title'>
            <Text>相关科普</Text>
          </View>
          {campaign.articles.map((a) => (
            <ArticleLink key={a.id} article={a} />
          ))}
        </View>
      )}
      <PrivacyNotice />
    </View>
  )
}
