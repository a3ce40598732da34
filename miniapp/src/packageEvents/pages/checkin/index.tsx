import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { CheckinResult } from '@xinqiao/shared';
import LoginPrompt from '../../../components/LoginPrompt';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { EVENTS_TAB_URL, eventDetailUrl } from '../../../features/events/routes';
import { decodeScene } from '../../../features/events/scene';
import { useResident } from '../../../hooks/useResident';
import CheckinPanel from '../../components/CheckinPanel';
import './index.scss';

/**
 * Where a scanned screen code lands (the mini-program opened with its `scene`): the code is posted
 * as soon as the resident is signed in; a refused or expired one can be scanned again here.
 */
export default function Checkin() {
  const { params } = useRouter();
  const code = decodeScene(params.code ?? '');
  const { resident, refresh, setProfile } = useResident();
  const [done, setDone] = useState<CheckinResult | null>(null);

  useDidShow(() => {
    void refresh();
  });

  if (resident.status === 'checking') return <View className="checkin list-status">正在签到…</View>;
  const signedIn = resident.status === 'signedIn';

  return (
    <View className="checkin">
      <View className="checkin__head">
        <Text className="checkin__title">活动签到</Text>
        <Text className="checkin__text">扫描活动现场大屏上的签到码即可签到。签到码每 30 秒更新一次，如提示过期请重新扫描。</Text>
      </View>
      {!signedIn && <LoginPrompt hint="签到需要先登录，登录后将自动为你签到。" onLoggedIn={setProfile} />}
      <CheckinPanel
        event={null}
        initialCode={code || undefined}
        signedIn={signedIn}
        onNeedLogin={() => void Taro.showToast({ title: '请先登录', icon: 'none' })}
        onCheckedIn={setDone}
      />
      {done && (
        <Button className="xq-button xq-button--plain checkin__event" onClick={() => void Taro.redirectTo({ url: eventDetailUrl(done.eventId) })}>
          查看活动详情
        </Button>
      )}
      <Text className="checkin__link" onClick={() => void Taro.switchTab({ url: EVENTS_TAB_URL })}>
        查看全部活动
      </Text>
      <PrivacyNotice />
    </View>
  );
}
