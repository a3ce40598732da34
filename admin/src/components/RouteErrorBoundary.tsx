import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from 'antd';

interface State {
  error: Error | null;
}

/**
 * Catches render errors of a page, most often a lazy chunk that no longer exists because a new
 * version was deployed while this tab was open. Offers a reload instead of a blank screen.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Page failed to render', error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      // Plain markup rather than antd's Result: this boundary wraps the login page, which loads with
      // the entry, and Result's illustrations are about 30 KB of script.
      <div className="xq-route-error" role="alert">
        <h2>页面加载失败</h2>
        <p>系统可能已更新或网络不稳定，请刷新页面后重试。</p>
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      </div>
    );
  }
}
