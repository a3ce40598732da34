import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Input } from '@nutui/nutui-react-taro';
import { GUARDIAN_RELATIONS, GUARDIAN_RELATION_LABELS, SCALE_RESULT_RETENTION_YEARS } from '@xinqiao/shared';
import LoadStatus from '../../../components/LoadStatus';
import LoginPrompt from '../../../components/LoginPrompt';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { CONTACT_NAME_MAX, GUARDIAN_NAME_MAX } from '../../../features/scales/consent';
import { answeredCount } from '../../../features/scales/progress';
import { CheckRow, ChoiceCard, Chips } from '../../../components/Choice';
import { useScaleIntro } from './useScaleIntro';
import './index.scss';

const ME_TAB_URL = '/pages/me/index';
const RELATION_OPTIONS = GUARDIAN_RELATIONS.map((r) => ({ value: r, label: GUARDIAN_RELATION_LABELS[r] }));

export default function ScaleIntro() {
  const {
    state,
    def,
    reload,
    draft,
    step,
    form,
    resident,
    setProfile,
    signedIn,
    profileRegionId,
    problems,
    guardianNeeded,
    profileUnder14,
    patch,
    chooseMode,
    openConsent,
    backToInfo,
    resume,
    begin,
  } = useScaleIntro();

  if (!def) return <LoadStatus state={state} onRetry={() => void reload()} className="scale-intro" />;

  if (step === 'info') {
    return (
      <View className="scale-intro">
        <View className="scale-intro__head card">
          <Text className="scale-intro__title">{def.title}</Text>
          <View className="scale-intro__facts">
            <Text className="scale-intro__fact">{def.items.length} 题</Text>
            <Text className="scale-intro__fact">约 {def.timeMinutes} 分钟</Text>
          </View>
        </View>

        <View className="card">
          <Text className="scale-intro__label">测评目的</Text>
          <Text className="scale-intro__text">{def.description}</Text>
          <Text className="scale-intro__label">填写说明</Text>
          <Text className="scale-intro__text">{def.instructions}</Text>
          <Text className="scale-intro__text scale-intro__text--muted">
            共 {def.items.length} 题，每屏一题，选择后自动进入下一题；可以随时返回上一题修改。中途退出也没关系，答案会暂存在本机，下次可以继续。
          </Text>
        </View>

        {draft.status === 'outdated' && <View className="scale-intro__notice">这个量表已经更新，上次未完成的测评已作废，请重新开始。</View>}

        {draft.status === 'found' ? (
          <View className="scale-intro__actions">
            <Button className="xq-button scale-intro__resume" onClick={resume}>
              继续上次的测评（已答 {answeredCount(def, draft.draft.answers)} / {def.items.length} 题）
            </Button>
            <Button className="xq-button xq-button--plain scale-intro__start scale-intro__restart" onClick={openConsent}>
              重新开始
            </Button>
          </View>
        ) : (
          <View className="scale-intro__actions">
            <Button className="xq-button scale-intro__start" onClick={openConsent}>
              开始测评
            </Button>
          </View>
        )}

        <View className="scale-intro__small">
          <Text className="scale-intro__small-line">
            量表授权：{def.licence.name}
            {def.licence.note ? `。${def.licence.note}` : ''}
          </Text>
          <Text className="scale-intro__small-line">引用：{def.citation}</Text>
        </View>
        <PrivacyNotice />
      </View>
    );
  }

  return (
    <View className="scale-intro scale-consent">
      <View className="card">
        <Text className="scale-consent__title">开始前，请阅读并选择</Text>
        <Text className="scale-consent__text">心理测评的答案属于敏感个人信息。我们会单独征得你的同意，并只在你选择的范围内使用。</Text>
        <View className="scale-consent__facts">
          <Text className="scale-consent__fact">
            <Text className="scale-consent__fact-key">保存什么：</Text>
            选择“保存到我的记录”时，保存你的答案、得分和结果；如果你同意咨询师跟进，还保存你留下的联系电话和称呼；如有监护人同意，保存监护人姓名和关系。选择匿名测评时，不保存答案、账号或任何可识别你的信息，只把得分等级按地区和日期计入统计。
          </Text>
          <Text className="scale-consent__fact">
            <Text className="scale-consent__fact-key">谁能看到：</Text>
            保存的记录只有你本人能在“我的测评”中查看。只有你另外勾选同意跟进时，你所在社区经授权的心理咨询师才能看到这次的结果、答案和联系方式，每次查看都会留下记录。统计报表只使用汇总数据。
          </Text>
          <Text className="scale-consent__fact">
            <Text className="scale-consent__fact-key">保存多久：</Text>
            最长保存 {SCALE_RESULT_RETENTION_YEARS} 年，期满后删除；你可以随时在“我的测评”中删除任意一条记录，或在“我的”中注销并删除全部数据。
          </Text>
        </View>
      </View>

      <View className="card">
        <Text className="scale-consent__section">请选择测评方式</Text>
        <ChoiceCard
          className="consent-mode consent-mode--save"
          selected={form.mode === 'save'}
          disabled={!signedIn}
          title="保存到我的记录"
          description={signedIn ? '可以在“我的测评”中查看历次结果和变化趋势，随时可以删除。' : '需要先登录（见下方）；未登录时只能匿名测评。'}
          onSelect={() => chooseMode('save')}
          onDisabledClick={() => void Taro.showToast({ title: '请先登录，或选择匿名测评', icon: 'none' })}
        />
        <ChoiceCard
          className="consent-mode consent-mode--anonymous"
          selected={form.mode === 'anonymous'}
          title="匿名测评（不保存任何可识别信息，仅计入统计）"
          description="不需要登录。结果只在提交后显示一次，离开结果页后无法再次查看。"
          onSelect={() => chooseMode('anonymous')}
        />
        {resident.status === 'anonymous' && <LoginPrompt hint="登录后可以把结果保存到“我的测评”，并可请心理咨询师联系你。" onLoggedIn={setProfile} />}
      </View>

      <View className="card">
        <CheckRow
          className="consent-follow-up"
          checked={form.followUp}
          disabled={form.mode !== 'save'}
          onChange={(followUp) => patch({ followUp })}
          onDisabledClick={() => void Taro.showToast({ title: '需要先选择“保存到我的记录”', icon: 'none' })}
        >
          同意本社区心理咨询师联系我跟进
        </CheckRow>
        <Text className="scale-consent__hint">
          {form.mode === 'save'
            ? '可选。勾选后，如果结果提示需要关注，你所在社区的心理咨询师会通过你留下的电话联系你；电话只用于这次跟进。'
            : '只有选择“保存到我的记录”时才能勾选：匿名测评无法联系到你。'}
        </Text>
        {form.followUp && (
          <View className="scale-consent__contact">
            <View className="consent-field consent-phone">
              <Text className="consent-field__label">联系电话</Text>
              <Input
                className="consent-field__input"
                type="number"
                value={form.contactPhone}
                maxLength={11}
                placeholder="11 位手机号码"
                onChange={(contactPhone) => patch({ contactPhone })}
              />
            </View>
            <View className="consent-field consent-name">
              <Text className="consent-field__label">称呼</Text>
              <Input
                className="consent-field__input"
                value={form.contactName}
                maxLength={CONTACT_NAME_MAX}
                placeholder="怎么称呼你（选填）"
                onChange={(contactName) => patch({ contactName })}
              />
            </View>
            {signedIn && !profileRegionId && (
              <View className="scale-consent__warn" onClick={() => void Taro.switchTab({ url: ME_TAB_URL })}>
                咨询师按所在社区安排，请先在“我的”中选择所在社区（村）。点击前往
              </View>
            )}
          </View>
        )}
      </View>

      <View className="card">
        {profileUnder14 ? (
          <Text className="scale-consent__text">根据你的资料，答题人未满 14 周岁。</Text>
        ) : (
          <CheckRow className="consent-under14" checked={form.respondentUnder14} onChange={(respondentUnder14) => patch({ respondentUnder14 })}>
            答题人未满 14 周岁
          </CheckRow>
        )}
        {guardianNeeded && (
          <View className="consent-guardian">
            <Text className="scale-consent__text">
              根据《个人信息保护法》，未满 14 周岁的孩子参加测评，需要父母或其他监护人同意。请监护人阅读上面的说明后填写：
            </Text>
            <View className="consent-field consent-guardian-name">
              <Text className="consent-field__label">监护人姓名</Text>
              <Input
                className="consent-field__input"
                value={form.guardianName}
                maxLength={GUARDIAN_NAME_MAX}
                placeholder="请填写监护人姓名"
                onChange={(guardianName) => patch({ guardianName })}
              />
            </View>
            <Text className="scale-consent__section">与孩子的关系</Text>
            <Chips
              className="consent-guardian-relation"
              options={RELATION_OPTIONS}
              value={form.guardianRelation}
              onChange={(guardianRelation) => patch({ guardianRelation })}
            />
            <CheckRow className="consent-guardian-agree" checked={form.guardianAgreed} onChange={(guardianAgreed) => patch({ guardianAgreed })}>
              我是孩子的监护人，已阅读以上说明，同意孩子参加本次测评
            </CheckRow>
          </View>
        )}
      </View>

      {problems.length > 0 && (
        <View className="consent-problems">
          {problems.map((p) => (
            <Text key={p} className="consent-problems__item">
              {p}
            </Text>
          ))}
        </View>
      )}

      <View className="scale-intro__actions">
        <Button className="xq-button consent-submit" onClick={begin}>
          同意并开始测评
        </Button>
        <Button className="xq-button xq-button--plain scale-consent__back" onClick={backToInfo}>
          返回说明
        </Button>
      </View>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
