import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { ResidentProfile } from '@xinqiao/shared';
import { devLogin, getDevOpenid, isValidDevOpenid } from '../../services/auth';
import './index.scss';

/**
 * H5 has no wx.login: log in with a 体验账号 (an openid kept in storage). The server allows this
 * only when it runs with AUTH_DEV_LOGIN=true (demo and test deployments, never production).
 */
export default function DevLoginCard({ onLoggedIn }: { onLoggedIn: (resident: ResidentProfile) => void }) {
  const [openid, setOpenid] = useState(() => getDevOpenid());
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const value = openid.trim();
    if (!isValidDevOpenid(value)) {
      void Taro.showToast({ title: '体验账号为 4-64 位字母、数字、- 或 _', icon: 'none' });
      return;
    }
    setBusy(true);
    try {
      const result = await devLogin(value);
      void Taro.showToast({ title: '登录成功', icon: 'success' });
      onLoggedIn(result.resident);
    } catch {
      // The request wrapper already showed the reason.
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card dev-login">
      <Text className="dev-login__title">体验登录</Text>
      <Text className="dev-login__hint">网页版无法使用微信登录。体验账号只在演示环境开放，用于体验个人资料等功能；正式使用请在微信中打开心桥小程序。</Text>
      <View className="dev-login__field">
        <Text className="dev-login__label">体验账号</Text>
        <Input className="dev-login__input" value={openid} maxLength={64} placeholder="例如 h5-abc123" onChange={(v) => setOpenid(v)} />
      </View>
      <Button className="dev-login__submit" type="primary" block loading={busy} onClick={() => void submit()}>
        登录
      </Button>
    </View>
  );
}
