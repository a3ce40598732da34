import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { NATIONAL_HOTLINES, type Hotline } from '@xinqiao/shared';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { EMERGENCY_NOTE } from '../../../constants/hotlines';
import { groupHotlines } from '../../../features/scales/hotlines';
import { listHotlines } from '../../../services/scales';
import { getCachedResident, getToken } from '../../../services/session';
import HotlineItem from '../../components/HotlineItem';
import './index.scss';

type HotlinesState =
  | { status: 'loading' }
  | { status: 'ready'; hotlines: Hotline[] }
  /** The directory could not be loaded: the built-in national lines are still shown. */
  | { status: 'offline'; message: string };

const ME_TAB_URL = '/pages/me/index';

export default function Hotlines() {
  const [state, setState] = useState<HotlinesState>({ status: 'loading' });
  const regionId = getToken() ? (getCachedResident()?.regionId ?? null) : null;

  const load = useCallback(async () => {
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }));
    try {
      setState({ status: 'ready', hotlines: await listHotlines(regionId, { toast: false }) });
    } catch (e) {
      setState({ status: 'offline', message: (e as Error).message });
    }
  }, [regionId]);

  useEffect(() => {
    void load();
  }, [load]);

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  const { national, local } = groupHotlines(state.status === 'ready' ? state.hotlines : NATIONAL_HOTLINES);

  return (
    <View className="hotlines">
      <View className="hotlines__emergency">{EMERGENCY_NOTE}</View>

      <View className="section-title">
        <Text>全国热线</Text>
      </View>
      <View className="hotlines__national">
        {national.map((h) => (
          <HotlineItem key={`${h.id}-${h.number}`} hotline={h} />
        ))}
      </View>

      <View className="section-title">
        <Text>本地热线</Text>
      </View>
      <View className="hotlines__local">
        <LoadStatus
          loading={state.status === 'loading'}
          error={state.status === 'offline' ? `${state.message}，本地热线暂时无法显示` : null}
          onRetry={() => void load()}
        />
        {state.status === 'ready' && local.map((h) => <HotlineItem key={`${h.id}-${h.number}`} hotline={h} />)}
        {state.status === 'ready' && local.length === 0 && (
          <View className="hotlines__none">
            {regionId ? (
              <Text>你所在的地区暂未登记本地心理援助热线，可以拨打上面的全国热线。</Text>
            ) : (
              <Text onClick={() => void Taro.switchTab({ url: ME_TAB_URL })}>在“我的”中选择所在社区（村）后，这里会显示当地的心理援助热线。点击前往</Text>
            )}
          </View>
        )}
      </View>
      <Text className="hotlines__foot">号码以各地卫生健康部门公布为准；点击即可拨打。</Text>
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
