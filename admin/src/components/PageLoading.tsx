import { Spin } from 'antd';

export function PageLoading() {
  return (
    <div className="xq-page-loading">
      <Spin size="large" />
    </div>
  );
}
