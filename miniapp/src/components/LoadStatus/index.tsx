import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import type { LoadState } from '../../hooks/useLoad';
import './index.scss';

export interface LoadStatusProps {
  /** A `useLoad` state; lists give `loading` / `error` instead. */
  state?: LoadState<unknown>;
  loading?: boolean;
  /** What is being waited for, when more telling than 加载中… */
  loadingText?: string;
  error?: string | null;
  /** Offered with the error as 点击重试; left out when retrying cannot help. */
  onRetry?: () => void;
  /** What to say when loading is done and there is nothing (text, or a node of its own). */
  empty?: ReactNode;
  /** Set when the status stands for the whole page (its page class). */
  className?: string;
  /** Ways on under an error (查看全部活动, 返回首页). */
  children?: ReactNode;
}

/** The one loading / error-with-retry / empty line of every page and list; renders nothing once there is content. */
export default function LoadStatus({ state, loading, loadingText = '加载中…', error, onRetry, empty, className, children }: LoadStatusProps) {
  const isLoading = state ? state.status === 'loading' : Boolean(loading);
  const message = state ? (state.status === 'error' ? state.message : null) : (error ?? null);
  const retry = state?.status === 'error' && !state.retry ? undefined : onRetry;
  // Standing for the whole page: a centred column under the page's own class; in a list: one line.
  const pageClass = className ? `${className} load-status load-status--page` : 'load-status';

  if (isLoading) return <View className={`${pageClass} list-status`}>{loadingText}</View>;
  if (message !== null) {
    return (
      <View className={`${pageClass} load-status--error`}>
        <Text className="list-status load-status__message" onClick={retry}>
          {retry ? `${message}，点击重试` : message}
        </Text>
        {children}
      </View>
    );
  }
  if (empty === undefined || empty === null || empty === false) return null;
  if (typeof empty !== 'string') return <>{empty}</>;
  return <View className={`${pageClass} list-status load-status--empty`}>{empty}</View>;
}
