import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, ScrollView, Text, View } from '@tarojs/components';
import LoadStatus from '../../../components/LoadStatus';
import PrivacyNotice from '../../../components/PrivacyNotice';
import { exportMe } from '../../../services/api';
import './index.scss';

type ExportState = { status: 'loading' } | { status: 'ready'; json: string } | { status: 'error'; message: string };

function toJson(data: unknown): string {
  if (typeof data === 'string') {
    try {
      return JSON.stringify(JSON.parse(data), null, 2);
    } catch {
      return data;
    }
  }
  return JSON.stringify(data, null, 2);
}

/** PIPL art. 45: residents may see and copy everything held about them. */
export default function ExportPage() {
  const [state, setState] = useState<ExportState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', json: toJson(await exportMe()) });
    } catch (e) {
      setState({ status: 'error', message: (e as Error).message });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const copy = () => {
    if (state.status !== 'ready') return;
    Taro.setClipboardData({ data: state.json }).catch(() => {
      void Taro.showToast({ title: '复制失败，请长按文本手动复制', icon: 'none' });
    });
  };

  const download = () => {
    if (state.status !== 'ready' || process.env.TARO_ENV !== 'h5') return;
    const url = URL.createObjectURL(new Blob([state.json], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `xinqiao-my-data-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <View className="export-page">
      <Text className="export-page__intro">以下是心桥保存的关于你的全部个人数据（JSON 格式），你可以复制保存。</Text>
      <LoadStatus
        loading={state.status === 'loading'}
        loadingText="正在整理你的数据…"
        error={state.status === 'error' ? state.message : null}
        onRetry={() => void load()}
      />
      {state.status === 'ready' && (
        <>
          <ScrollView className="export-page__json" scrollY scrollX>
            <Text className="export-page__code" userSelect>
              {state.json}
            </Text>
          </ScrollView>
          <View className="export-page__actions">
            <Button className="xq-button export-page__copy" onClick={copy}>
              复制全部
            </Button>
            {process.env.TARO_ENV === 'h5' && (
              <Button className="xq-button xq-button--plain export-page__download" onClick={download}>
                下载文件
              </Button>
            )}
          </View>
        </>
      )}
      <PrivacyNotice firstUse={false} />
    </View>
  );
}
