import { useEffect } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { Popup } from '@nutui/nutui-react-taro';
import { usePrivacyState } from '../../hooks/usePrivacyState';
import { PRIVACY_AGREE_BUTTON_ID, PRIVACY_PAGE_URL, agreePrivacy, declinePrivacy, showFirstUseNoticeIfNeeded } from '../../services/privacy';
import './index.scss';

/**
 * The 用户隐私保护指引 notice: shown on first use, when a feature needs consent, and (weapp) when
 * WeChat asks through onNeedPrivacyAuthorization. Put one on every page that may need it.
 */
export default function PrivacyNotice({ firstUse = true }: { firstUse?: boolean }) {
  const { visible } = usePrivacyState();

  useEffect(() => {
    if (firstUse) showFirstUseNoticeIfNeeded();
  }, [firstUse]);

  const openGuide = () => {
    void Taro.navigateTo({ url: PRIVACY_PAGE_URL });
  };

  return (
    <Popup visible={visible} position="center" round closeOnOverlayClick={false} className="privacy-notice" onClose={() => undefined}>
      <View className="privacy-notice__body">
        <Text className="privacy-notice__title">用户隐私保护指引</Text>
        <Text className="privacy-notice__text">
          感谢你使用心桥。为了向你提供心理健康科普、自测和活动服务，我们会在你登录后保存你的账号标识（微信
          openid）以及你主动填写的资料；心理自测的答案只在你每次单独同意后才会保存（也可以匿名测评），活动预约在功能上线后才会收集，并会另行征得你的同意。你可以随时在“我的”中导出或删除这些数据。
        </Text>
        <Text className="privacy-notice__link" onClick={openGuide}>
          阅读完整的《用户隐私保护指引》
        </Text>
        <View className="privacy-notice__actions">
          <Button className="xq-button xq-button--plain privacy-notice__decline" onClick={declinePrivacy}>
            不同意
          </Button>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button
              id={PRIVACY_AGREE_BUTTON_ID}
              className="xq-button privacy-notice__agree"
              openType="agreePrivacyAuthorization"
              onAgreePrivacyAuthorization={agreePrivacy}
            >
              同意
            </Button>
          ) : (
            <Button className="xq-button privacy-notice__agree" onClick={agreePrivacy}>
              同意
            </Button>
          )}
        </View>
      </View>
    </Popup>
  );
}
