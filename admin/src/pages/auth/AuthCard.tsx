import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';

/** The centred card used by the login and password pages. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="xq-auth-page">
      <Card className="xq-auth-card">
        <div className="xq-auth-brand">
          <span className="xq-logo" aria-hidden>
            心
          </span>
          <Typography.Title level={3} style={{ margin: 0 }}>
            心桥 · 管理后台
          </Typography.Title>
        </div>
        <Typography.Title level={4} className="xq-auth-title">
          {title}
        </Typography.Title>
        {children}
      </Card>
    </div>
  );
}
