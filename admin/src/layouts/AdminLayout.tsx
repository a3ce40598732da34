import { Suspense, useMemo } from 'react';
import { ProLayout, type MenuDataItem } from '@ant-design/pro-components';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useStaff } from '../auth/SessionContext';
import { RegionsProvider } from '../hooks/useRegions';
import { LiveNotices } from '../components/live/LiveNotices';
import { PageLoading } from '../components/PageLoading';
import { RouteErrorBoundary } from '../components/RouteErrorBoundary';
import { HeaderActions } from './HeaderActions';
import { MENU_ICONS } from './icons';
import { visibleMenu, type MenuEntry } from './menu';

function toMenuData(entries: MenuEntry[]): MenuDataItem[] {
  return entries.map((e) => ({
    path: e.path,
    name: e.name,
    icon: MENU_ICONS[e.icon],
    children: e.children ? toMenuData(e.children) : undefined,
  }));
}

/** The signed-in frame: a menu filtered by the role's permissions, and the user in the header. */
export default function AdminLayout() {
  const staff = useStaff();
  const location = useLocation();
  const navigate = useNavigate();
  const route = useMemo(() => ({ path: '/', children: toMenuData(visibleMenu(staff.role)) }), [staff.role]);

  return (
    <RegionsProvider>
      <LiveNotices />
      <ProLayout
        title="心桥管理后台"
        logo={<span className="xq-logo">心</span>}
        layout="mix"
        fixSiderbar
        fixedHeader
        siderWidth={208}
        route={route}
        location={{ pathname: location.pathname }}
        menu={{ locale: false, defaultOpenAll: true }}
        menuItemRender={(item, dom) => (item.path ? <Link to={item.path}>{dom}</Link> : dom)}
        onMenuHeaderClick={() => navigate('/')}
        actionsRender={() => [<HeaderActions key="user" />]}
        footerRender={false}
      >
        <RouteErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </RouteErrorBoundary>
      </ProLayout>
    </RegionsProvider>
  );
}
