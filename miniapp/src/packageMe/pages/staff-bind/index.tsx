import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { StaffBindingResult } from '@xinqiao/shared';
import { acceptStaffAlert, bindStaff, extractBindingCode, staffAlertsAvailable } from '../../../services/staffBinding';
import './index.scss';

/**
 * For staff: binds this WeChat to their 心桥 staff account with the code shown in the admin's
 * 通知设置, then asks WeChat for 值班提醒 messages (each accept allows one message, so they may tap
 * again to allow more). Staff notices sent to this WeChat open this page too.
 */
export default function StaffBindPage() {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bound, setBound] = useState<StaffBindingResult | null>(null);
  const [available, setAvailable] = useState<number | null>(null);

  const bind = async (raw: string) => {
    const code = extractBindingCode(raw);
    if (!code) {
      setError('没有识别到绑定码，请扫描管理后台「通知设置」中的二维码，或完整粘贴绑定码');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await bindStaff(code);
      setBound(result);
      if (result.templateId) setAvailable(await staffAlertsAvailable(result.templateId).catch(() => null));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ scanType: ['qrCode'] });
      setText(result);
      await bind(result);
    } catch {
      // cancelled
    }
  };

  const accept = async () => {
    if (!bound?.templateId) return;
    const ok = await acceptStaffAlert(bound.templateId);
    if (!ok) {
      void Taro.showToast({ title: '未允许，收不到微信提醒', icon: 'none' });
      return;
    }
    setAvailable(await staffAlertsAvailable(bound.templateId).catch(() => null));
  };

  if (bound) {
    return (
      <View className="staff-bind">
        <Text className="staff-bind__done">已绑定工作账号：{bound.staffName}</Text>
        {bound.templateId ? (
          <>
            <Text className="staff-bind__intro">
              微信每次授权只允许发送一条提醒。请点击下方按钮并选择“允许”，可多次点击以接收多条提醒。
              {available !== null ? `当前可接收 ${available} 条。` : ''}
            </Text>
            {process.env.TARO_ENV === 'weapp' ? (
              <Button className="xq-button staff-bind__accept" onClick={() => void accept()}>
                允许接收值班提醒
              </Button>
            ) : (
              <Text className="staff-bind__hint">请在微信小程序中打开本页面以允许接收提醒。</Text>
            )}
          </>
        ) : (
          <Text className="staff-bind__hint">系统尚未配置微信值班提醒，暂时不会通过微信提醒您。</Text>
        )}
        <Text className="staff-bind__hint">处理预警请在电脑上登录心桥管理后台。</Text>
      </View>
    );
  }

  return (
    <View className="staff-bind">
      <Text className="staff-bind__intro">
        仅供工作人员使用：在电脑上登录心桥管理后台，打开「通知设置」获取绑定二维码，然后在这里扫码或粘贴绑定码。绑定后新预警等提醒会发到本微信。
      </Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Button className="xq-button staff-bind__scan" disabled={busy} onClick={() => void scan()}>
          扫描绑定二维码
        </Button>
      )}
      <Input className="staff-bind__input" value={text} maxlength={80} placeholder="或粘贴绑定码 xqbind:…" onInput={(e) => setText(e.detail.value)} />
      <Button className="xq-button xq-button--plain staff-bind__submit" disabled={busy || !text.trim()} onClick={() => void bind(text)}>
        绑定
      </Button>
      {error && <Text className="staff-bind__error">{error}</Text>}
      <Text className="staff-bind__hint">处理预警请在电脑上登录心桥管理后台。</Text>
    </View>
  );
}
