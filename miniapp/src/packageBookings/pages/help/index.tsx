import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { HELP_URGENCIES, type HelpRequestResult, type HelpUrgency } from '@xinqiao/shared';
import LoginPrompt from '../../../components/LoginPrompt';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { bookUrl } from '../../../features/bookings/routes';
import { useResident } from '../../../hooks/useResident';
import HelpRequestForm, { HelpRequestDone } from '../../components/HelpRequestForm';
import CrisisBlock from '../../components/CrisisBlock';
import '../../components/bookings.scss';

/** "请人联系我" without a self-test: a counsellor of the resident's community calls them back. */
export default function HelpPage() {
  const { params } = useRouter();
  const urgency = HELP_URGENCIES.find((u) => u === params.urgency);
  const { resident, profile, refresh, setProfile } = useResident();
  const [done, setDone] = useState<{ result: HelpRequestResult; urgency: HelpUrgency } | null>(null);

  useDidShow(() => {
    void refresh();
  });

  if (done) {
    return (
      <View className="bk-page help">
        <HelpRequestDone result={done.result} urgency={done.urgency} />
        <Button className="xq-button xq-button--plain help__home" onClick={() => void Taro.switchTab({ url: '/pages/index/index' })}>
          返回首页
        </Button>
        <PrivacyNotice firstUse={false} />
      </View>
    );
  }

  return (
    <View className="bk-page help">
      {/* Someone who says it is urgent sees the hotlines before anything else, signed in or not. */}
      {urgency === 'now' && <CrisisBlock />}
      <View className="card">
        <Text className="bk-title">请人联系我</Text>
        <Text className="bk-text">
          留下电话，您所在社区的心理咨询师会给您打电话。不需要先做测评，也不需要预约。如果想约定具体时间，也可以
          <Text className="bk-link" onClick={() => void Taro.navigateTo({ url: bookUrl() })}>
            预约咨询
          </Text>
          。
        </Text>
      </View>
      <LoadStatus loading={resident.status === 'checking'} />
      {resident.status === 'anonymous' && <LoginPrompt hint="请先登录，以便咨询师能找到您的请求并与您联系。" onLoggedIn={setProfile} />}
      {resident.status === 'signedIn' && (
        <HelpRequestForm
          crisisShown={urgency === 'now'}
          initial={{ urgency: urgency ?? null, regionId: profile?.regionId ?? null, ageBand: profile?.ageBand ?? null }}
          onDone={(result, u) => {
            setDone({ result, urgency: u });
            void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
          }}
        />
      )}
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
