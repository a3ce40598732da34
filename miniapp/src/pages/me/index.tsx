import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import type { ResidentProfile } from '@xinqiao/shared';
import DevLoginCard from '../../components/DevLoginCard';
import PrivacyNotice from '../../components/PrivacyNotice';
import { MY_EVENTS_URL } from '../../features/events/routes';
import { MY_BOOKINGS_URL, STATIONS_URL, helpUrl } from '../../features/bookings/routes';
import { HOTLINES_URL, SCALE_HISTORY_URL } from '../../features/scales/routes';
import { deleteMe, getMe } from '../../services/api';
import { ensureLogin, forgetAccount, logout } from '../../services/auth';
import { PRIVACY_PAGE_URL, hasPrivacyConsent } from '../../services/privacy';
import { getCachedResident, getToken } from '../../services/session';
import ProfileForm from './ProfileForm';
import './index.scss';

const EXPORT_PAGE_URL = '/packageMe/pages/export/index';
const STAFF_BIND_URL = '/packageMe/pages/staff-bind/index';
const IS_H5 = process.env.TARO_ENV === 'h5';

type AuthState = { status: 'checking' } | { status: 'anonymous'; error?: string } | { status: 'signedIn'; profile: ResidentProfile };

export default function Me() {
  const [auth, setAuth] = useState<AuthState>(() => {
    const cached = getToken() ? getCachedResident() : null;
    return cached ? { status: 'signedIn', profile: cached } : { status: 'checking' };
  });
  const [loggingIn, setLoggingIn] = useState(false);

  const refresh = useCallback(async (interactive: boolean) => {
    const canLogInSilently = !IS_H5 && hasPrivacyConsent();
    if (!getToken() && !interactive && !canLogInSilently) {
      setAuth({ status: 'anonymous' });
      return;
    }
    try {
      await ensureLogin();
      setAuth({ status: 'signedIn', profile: await getMe() });
    } catch (e) {
      setAuth(getToken() && getCachedResident() ? { status: 'signedIn', profile: getCachedResident()! } : { status: 'anonymous', error: (e as Error).message });
    }
  }, []);

  useDidShow(() => {
    void refresh(false);
  });

  const wechatLogin = async () => {
    setLoggingIn(true);
    await refresh(true);
    setLoggingIn(false);
  };

  const onDelete = async () => {
    const { confirm } = await Taro.showModal({
      title: '注销并删除我的数据',
      content: '注销后，我们将删除你的账号以及全部个人数据（个人资料、测评与预约记录），且无法恢复。确定继续吗？',
      confirmText: '确认注销',
      confirmColor: '#e34d59',
      cancelText: '再想想',
    });
    if (!confirm) return;
    try {
      await deleteMe();
      forgetAccount();
      setAuth({ status: 'anonymous' });
      void Taro.showToast({ title: '已注销并删除', icon: 'success' });
    } catch {
      // shown by the request wrapper
    }
  };

  const onLogout = () => {
    logout();
    setAuth({ status: 'anonymous' });
  };

  const profile = auth.status === 'signedIn' ? auth.profile : null;
  const displayName = profile ? profile.nickname || '心桥用户' : auth.status === 'checking' ? '正在登录…' : '未登录';

  return (
    <View className="page me">
      <View className="me__header">
        <View className="me__avatar">
          <Text>{profile?.nickname ? profile.nickname.slice(0, 1) : '心'}</Text>
        </View>
        <View className="me__who">
          <Text className="me__name">{displayName}</Text>
          <Text className="me__sub">{profile ? profile.regionName || '尚未选择所在社区/村' : '登录后可保存个人资料'}</Text>
        </View>
      </View>

      {auth.status === 'anonymous' && auth.error && <View className="me__error">{auth.error}</View>}

      {auth.status === 'anonymous' &&
        (IS_H5 ? (
          <DevLoginCard onLoggedIn={(resident) => setAuth({ status: 'signedIn', profile: resident })} />
        ) : (
          <View className="card me__login">
            <Text className="me__login-hint">使用微信身份登录，我们只获取你的账号标识，不会获取手机号、头像等信息。</Text>
            <Button className="me__login-button" type="primary" block loading={loggingIn} onClick={() => void wechatLogin()}>
              微信登录
            </Button>
          </View>
        ))}

      {profile && <ProfileForm profile={profile} onSaved={(p) => setAuth({ status: 'signedIn', profile: p })} />}

      <CellGroup title="心理测评">
        <Cell
          className="me__responses"
          title="我的测评"
          description="查看或删除保存的测评结果"
          clickable
          onClick={() => void Taro.navigateTo({ url: SCALE_HISTORY_URL })}
        />
        <Cell className="me__hotlines" title="心理援助热线" clickable onClick={() => void Taro.navigateTo({ url: HOTLINES_URL })} />
      </CellGroup>

      <CellGroup title="心理咨询">
        <Cell
          className="me__bookings"
          title="我的预约"
          description="查看、改期、取消和评价"
          clickable
          onClick={() => void Taro.navigateTo({ url: MY_BOOKINGS_URL })}
        />
        <Cell className="me__help" title="请人联系我" clickable onClick={() => void Taro.navigateTo({ url: helpUrl() })} />
        <Cell className="me__stations" title="服务站点" clickable onClick={() => void Taro.navigateTo({ url: STATIONS_URL })} />
      </CellGroup>

      <CellGroup title="活动讲座">
        <Cell
          className="me__events"
          title="我的活动"
          description="报名、候补、电子票和签到记录"
          clickable
          onClick={() => void Taro.navigateTo({ url: MY_EVENTS_URL })}
        />
      </CellGroup>

      <CellGroup title="数据与隐私">
        {profile && <Cell className="me__export" title="导出我的数据" clickable onClick={() => void Taro.navigateTo({ url: EXPORT_PAGE_URL })} />}
        <Cell
          className="me__staff-bind"
          title="绑定工作微信"
          description="工作人员接收值班提醒"
          clickable
          onClick={() => void Taro.navigateTo({ url: STAFF_BIND_URL })}
        />
        <Cell className="me__privacy" title="用户隐私保护指引" clickable onClick={() => void Taro.navigateTo({ url: PRIVACY_PAGE_URL })} />
        {profile && <Cell className="me__delete" title={<Text className="me__danger">注销并删除我的数据</Text>} clickable onClick={() => void onDelete()} />}
        {profile && IS_H5 && <Cell className="me__logout" title="退出体验账号" clickable onClick={onLogout} />}
      </CellGroup>

      <PrivacyNotice />
    </View>
  );
}
