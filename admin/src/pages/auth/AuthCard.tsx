import type { ReactNode } from 'react';

/**
 * The centred card used by the login and password pages. Plain markup styled like an antd Card and
 * Titles: antd's Card brings Tabs (and with them Menu and Dropdown) and Typography brings its copy and
 * edit tooling, about 40 KB of script that the first screen of a session does not need.
 */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="xq-auth-page">
      <section className="xq-auth-card" aria-labelledby="xq-auth-title">
        <div className="xq-auth-brand">
          <span className="xq-logo" aria-hidden>
            心
          </span>
          <h1>心桥 · 管理后台</h1>
        </div>
        <h2 id="xq-auth-title" className="xq-auth-title">
          {title}
        </h2>
        {children}
      </section>
    </div>
  );
}
