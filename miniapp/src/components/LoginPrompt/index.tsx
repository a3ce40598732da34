import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ResidentProfile } from '@xinqiao/shared';
import { wechatLogin } from '../../services/auth';
import DevLoginCard from '../DevLoginCard';
import './index.scss';

/** Sign-in where a feature needs an account: 微信登录 in WeChat, the 体验账号 card on H5 (as on 我的). */
export default function LoginPrompt({ hint, onLoggedIn }: { hint: string; onLoggedIn: (resident: ResidentProfile) => void }) {
  const [busy, setBusy] = useState(false);

  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className="login-prompt">
        <Text className="login-prompt__hint">{hint}</Text>
        <DevLoginCard onLoggedIn={onLoggedIn} />
      </View>
    );
  }

  const login = async () => {
    setBusy(true);
    try {
      const result = await wechatLogin();
      onLoggedIn(result.resident);
    } catch {
      // The reason was shown as a toast.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="login-prompt card">
      <Text className="login-prompt__hint">{hint}</Text>
      <Text className="login-prompt__note">使用微信身份登录，我们只获取你的账号标识，不会获取手机号、头像等信息。</Text>
      <Button className="login-prompt__button" type="primary" block loading={busy} onClick={() => void login()}>
        微信登录
      </Button>
    </View>
  );
}
