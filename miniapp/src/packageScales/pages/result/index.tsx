import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { SCREENING_DISCLAIMER, type ScaleResponseResult } from '@xinqiao/shared';
import ArticleLink from '../../../components/ArticleLink';
import HotlineCard from '../../../components/HotlineCard';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { NOTICE_TEXT, noticeView, useNoticeStatus } from '../../../features/alerts/notice';
import { peekResult } from '../../../features/scales/handoff';
import { HOTLINES_URL, SCALES_TAB_URL, SCALE_HISTORY_URL } from '../../../features/scales/routes';
import { bookUrl, helpUrl } from '../../../features/bookings/routes';
import { severityTone } from '../../../features/scales/trend';
import { FinalLoadError, useLoad } from '../../../hooks/useLoad';
import { getMyResponse } from '../../../services/scales';
import { formatDateTime } from '../../../utils/format';
import CrisisCard from '../../components/CrisisCard';
import './index.scss';

/** From the moderate bands on (severity 2+), or when the crisis path opened, the result points to a counsellor. */
function suggestsProfessionalHelp(result: ScaleResponseResult): boolean {
  return result.crisis.triggered || result.band.severity >= 2;
}

/**
 * Whether the counsellors on duty were told: "已通知值班心理咨询师" only once a notice went out
 * (asked again for a minute while it is being sent), otherwise that the request is in their queue.
 */
function FollowUpNotice({ result }: { result: ScaleResponseResult }) {
  const id = result.id;
  const { status, polling } = useNoticeStatus(result.noticeStatus ?? 'none', id === null ? null : () => getMyResponse(id).then((r) => r.noticeStatus));
  const view = noticeView(status, polling);
  return <View className={`result-follow-up result-follow-up--${view}`}>{NOTICE_TEXT[view]}</View>;
}

export default function ScaleResult() {
  const { params } = useRouter();
  const id = params.id !== undefined ? Number(params.id) : null;
  const code = params.code ?? '';
  // The take page hands the fresh result over in memory; otherwise (from history) it is fetched.
  const [handed] = useState(() => (id !== null ? peekResult({ id }) : peekResult({ code })));
  const fetchResult = useCallback(async (): Promise<ScaleResponseResult> => {
    // A fresh anonymous result that is no longer in memory (page reloaded): it was never stored.
    if (id === null) throw new FinalLoadError('匿名测评的结果只在提交后显示一次，没有保存在手机或服务器上。');
    if (!Number.isInteger(id) || id <= 0) throw new FinalLoadError('测评记录地址有误');
    return getMyResponse(id);
  }, [id]);
  const { state, data: result, reload } = useLoad(fetchResult, { initial: handed, notFound: '这条测评记录不存在或已删除' });

  if (!result) {
    return (
      <LoadStatus state={state} onRetry={() => void reload()} className="scale-result">
        <Text className="load-status__link" onClick={() => void Taro.switchTab({ url: SCALES_TAB_URL })}>
          返回测评列表
        </Text>
        <View className="scale-result__help">
          <HotlineCard compact />
        </View>
      </LoadStatus>
    );
  }

  const tone = severityTone(result.band.severity, result.crisis.triggered);
  return (
    <View className="scale-result">
      {result.crisis.triggered && <CrisisCard hotlines={result.crisis.hotlines} reasons={result.crisis.reasons} />}

      <View className="scale-result__summary card">
        <Text className="scale-result__title">{result.scaleTitle}</Text>
        <View className="result-score">
          <Text className="result-score__value">{result.score}</Text>
          <Text className="result-score__max"> / {result.maxScore} 分</Text>
        </View>
        <Text className={`result-band result-band--${tone}`}>{result.band.label}</Text>
        <Text className="scale-result__date">测评时间：{formatDateTime(result.submittedAt)}</Text>
      </View>

      {result.followUpRequested && <FollowUpNotice result={result} />}

      <View className="card">
        <Text className="scale-result__label">结果解读</Text>
        <Text className="scale-result__text result-interpretation">{result.band.interpretation}</Text>
        <Text className="scale-result__label">建议</Text>
        <Text className="scale-result__text result-advice">{result.band.advice}</Text>
      </View>

      {suggestsProfessionalHelp(result) && (
        <View className="card result-professional">
          <Text className="scale-result__label">建议寻求专业帮助</Text>
          <Text className="scale-result__text">
            和专业的心理咨询师聊一聊会有帮助。您可以预约附近服务站的咨询师，也可以留下电话，请所在社区的心理咨询师联系您。
          </Text>
          <View className="result-professional__actions">
            <Button className="xq-button result-professional__book" onClick={() => void Taro.navigateTo({ url: bookUrl() })}>
              预约咨询
            </Button>
            <Button
              className="xq-button xq-button--plain result-professional__contact"
              onClick={() => void Taro.navigateTo({ url: helpUrl(result.crisis.triggered ? 'now' : 'soon') })}
            >
              请人联系我
            </Button>
          </View>
        </View>
      )}

      {result.subscales.length > 0 && (
        <View className="card result-subscales">
          <Text className="scale-result__label">分项得分</Text>
          {result.subscales.map((s) => (
            <View key={s.id} className="result-subscales__row">
              <Text>{s.title}</Text>
              <Text className="result-subscales__score">{s.score}</Text>
            </View>
          ))}
        </View>
      )}

      <Text className="result-disclaimer">{result.disclaimer || SCREENING_DISCLAIMER}</Text>

      <View className="scale-result__record">
        {result.consentMode === 'anonymous' ? (
          <Text className="result-anonymous">本次为匿名测评：结果没有与你的账号关联，也没有保存答案，离开本页后无法再次查看。</Text>
        ) : (
          <Text className="scale-result__saved" onClick={() => void Taro.navigateTo({ url: SCALE_HISTORY_URL })}>
            结果已保存到“我的测评”，你可以随时查看或删除。查看我的测评 ›
          </Text>
        )}
      </View>

      {result.suggestedArticles.length > 0 && (
        <View className="result-articles">
          <View className="section-title">
            <Text>推荐阅读</Text>
          </View>
          {result.suggestedArticles.map((a) => (
            <ArticleLink key={a.id} article={a} />
          ))}
        </View>
      )}

      <View className="section-title">
        <Text>需要倾诉或帮助？</Text>
        <Text className="section-title__more result-hotlines" onClick={() => void Taro.navigateTo({ url: HOTLINES_URL })}>
          全部心理援助热线 ›
        </Text>
      </View>
      <HotlineCard compact />

      <Button className="xq-button xq-button--plain scale-result__back" onClick={() => void Taro.switchTab({ url: SCALES_TAB_URL })}>
        返回测评列表
      </Button>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
