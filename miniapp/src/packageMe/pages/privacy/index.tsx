import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { EVENT_REGISTRATION_RETENTION_DAYS, SCALE_RESULT_RETENTION_YEARS } from '@xinqiao/shared';
import { PRIVACY_POLICY_VERSION, getPrivacyConsent, revokePrivacyConsent, type PrivacyConsent } from '../../../services/privacy';
import { logout } from '../../../services/auth';
import { formatDateTime } from '../../../utils/format';
import './index.scss';

interface Section {
  title: string;
  paragraphs: string[];
}

/** The 用户隐私保护指引 (PIPL). Keep in step with the guide configured in the WeChat console. */
export const PRIVACY_SECTIONS: Section[] = [
  {
    title: '一、我们是谁',
    paragraphs: [
      '“心桥”是面向居民的社会心理服务平台，由所在地区负责社会心理服务体系建设的部门运营（运营主体以小程序资料页显示的主体信息为准），提供心理健康科普、心理自测、活动预约、心理咨询预约和求助热线等服务。',
    ],
  },
  {
    title: '二、我们收集哪些信息，为什么收集',
    paragraphs: [
      '1. 账号标识：你登录时，微信向我们提供你在本小程序中的唯一标识（openid），用于识别你的账号、保存你的资料。我们不会获取你的手机号、微信头像和好友信息。',
      '2. 你主动填写的资料：昵称、所在社区/村、人群类别和年龄段，均为选填。用于向你推荐本地的科普内容和活动，并以汇总、不可识别个人的方式统计各地区心理健康服务的覆盖情况。',
      `3. 心理自测的答案和结果：属于敏感个人信息（健康信息）。每次开始自测前单独征得你的同意，由你选择“保存到我的记录”（保存答案和结果，只有你本人可以在“我的测评”中查看，最长保存 ${SCALE_RESULT_RETENTION_YEARS} 年，可随时删除）或匿名测评（不保存答案和任何可识别你的信息，只把结果等级按地区和日期计入统计）。只有你另外同意社区心理咨询师跟进时，我们才保存你留下的联系电话和称呼，并让你所在社区经授权的心理咨询师查看这次的结果和答案。未满 14 周岁的孩子参加测评需要监护人同意，我们会记录监护人的姓名和关系。结果仅作筛查参考，不是诊断。`,
      `4. 活动报名和签到记录：你报名、候补、取消和签到的活动。活动需要时，报名或现场登记会请你填写姓名和手机号，填写前单独征得你的同意；这些信息只用于该活动的报名核对、现场签到和活动变更通知，只有该活动的组织者看得到完整手机号（签到工作人员只看到部分信息），活动结束（或取消）${EVENT_REGISTRATION_RETENTION_DAYS} 天后自动删除。你在报名时同意接收的微信订阅消息（报名成功、活动提醒、候补名额、活动变更），每同意一次我们最多发送一条。自助签到时使用摄像头扫描现场签到码，我们不保存拍摄的画面。`,
      '5. 心理咨询预约和“请人联系我”：你预约的服务、时间、站点和咨询师，以及你留下的联系电话、年龄段（未满 14 周岁时还有监护人的姓名和关系），用于安排咨询、提醒和改期；预约前单独征得你的同意。咨询主题和情况说明属于敏感个人信息，只有你另外同意时才填写，只有负责这次咨询的咨询师（或热线值班人员）可以查看。你提交“请人联系我”时，你所在社区经授权的心理咨询师会看到你的联系方式和你选择的紧急程度，以便尽快联系你。你在预约时同意接收的微信订阅消息（预约成功、预约提醒、预约变更），每同意一次我们最多发送一条。',
      '6. 位置信息：只在你查看服务站点并允许获取位置时使用一次，用于按距离排列附近的站点；位置只随这次查询发送，不会保存。不允许时按地区列出站点。',
      '7. 服务日志：访问时间、IP 地址等，用于保障系统安全和排查故障。文章阅读次数只做匿名计数。',
    ],
  },
  {
    title: '三、谁能看到你的信息',
    paragraphs: [
      '只有经过授权的工作人员能在履行职责所必需的范围内查看，并按区县、街道、社区分级授权；所有查看和修改都会留下审计记录。统计报表只使用汇总数据。',
      '我们不会出售你的个人信息，也不会向无关的第三方提供，法律法规另有规定或为保护你的生命安全所必需的除外。',
    ],
  },
  {
    title: '四、保存地点和期限',
    paragraphs: [
      '你的信息保存在中华人民共和国境内的服务器上，并采取加密传输、访问控制等安全措施；手机号、自测答案、你填写的昵称和称呼等在服务器上加密保存。',
      '账号存续期间我们保存你的信息；你注销后，我们将删除你的个人信息。法律法规要求留存的安全日志（网络日志不少于六个月）在期限届满后删除。',
    ],
  },
  {
    title: '五、你的权利',
    paragraphs: [
      '查阅、复制：在“我的 → 导出我的数据”中查看并复制我们保存的全部个人数据。',
      '更正、补充：在“我的 → 个人资料”中随时修改。',
      '删除、注销：在“我的 → 注销并删除我的数据”中注销账号，我们将删除你的个人数据。',
      '撤回同意：在本页底部撤回对本指引的同意；撤回后需要登录的功能将无法使用，但不影响撤回前已进行的处理。',
      '如有疑问或投诉，可联系所在社区的心理服务站，或拨打 12345 政务服务便民热线。',
    ],
  },
  {
    title: '六、未成年人',
    paragraphs: ['未满 14 周岁的未成年人，请在父母或其他监护人同意并陪同下使用本服务并填写资料。'],
  },
  {
    title: '七、指引的更新',
    paragraphs: ['本指引更新后，我们会在你下次使用时再次提示并征求你的同意。'],
  },
];

export default function PrivacyGuide() {
  const [consent, setConsent] = useState<PrivacyConsent | null>(getPrivacyConsent());
  useDidShow(() => setConsent(getPrivacyConsent()));

  const revoke = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回同意',
      content: '撤回后将退出登录，需要登录的功能将无法使用。已保存在服务器的数据不会因此删除，如需删除请使用“注销并删除我的数据”。',
      confirmText: '撤回',
    });
    if (!confirm) return;
    revokePrivacyConsent();
    logout();
    setConsent(null);
    void Taro.showToast({ title: '已撤回同意', icon: 'none' });
  };

  return (
    <View className="privacy-page">
      <Text className="privacy-page__title">心桥用户隐私保护指引</Text>
      <Text className="privacy-page__version">版本：{PRIVACY_POLICY_VERSION}</Text>
      {PRIVACY_SECTIONS.map((s) => (
        <View key={s.title} className="privacy-page__section">
          <Text className="privacy-page__heading">{s.title}</Text>
          {s.paragraphs.map((p) => (
            <Text key={p} className="privacy-page__para">
              {p}
            </Text>
          ))}
        </View>
      ))}
      <View className="privacy-page__consent">
        {consent ? (
          <>
            <Text className="privacy-page__consent-text">你已于 {formatDateTime(consent.agreedAt)} 同意本指引。</Text>
            <Text className="privacy-page__revoke" onClick={() => void revoke()}>
              撤回同意
            </Text>
          </>
        ) : (
          <Text className="privacy-page__consent-text">你尚未同意本指引。</Text>
        )}
        {process.env.TARO_ENV === 'weapp' && (
          <Text className="privacy-page__official" onClick={() => Taro.openPrivacyContract({})}>
            查看微信平台隐私保护指引
          </Text>
        )}
      </View>
    </View>
  );
}
