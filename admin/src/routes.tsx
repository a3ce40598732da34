import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import type { Permission } from '@xinqiao/shared';
import { RequireAuth, RequirePermission } from './auth/guards';
import { NotAllowed } from './components/NotAllowed';
import { PageLoading } from './components/PageLoading';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';

const AdminLayout = lazy(() => import('./layouts/AdminLayout'));
const LoginPage = lazy(() => import('./pages/auth/LoginPage'));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const ArticleListPage = lazy(() => import('./pages/articles/ArticleListPage'));
const ArticleEditorPage = lazy(() => import('./pages/articles/ArticleEditorPage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const StaffListPage = lazy(() => import('./pages/staff/StaffListPage'));
const AuditLogPage = lazy(() => import('./pages/audit/AuditLogPage'));
const AlertListPage = lazy(() => import('./pages/alerts/AlertListPage'));
const AlertDetailPage = lazy(() => import('./pages/alerts/AlertDetailPage'));
const ScalesPage = lazy(() => import('./pages/scales/ScalesPage'));
const ScaleStatsPage = lazy(() => import('./pages/scales/ScaleStatsPage'));
const HotlineListPage = lazy(() => import('./pages/hotlines/HotlineListPage'));

const guarded = (permission: Permission, page: ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;

export function AppRoutes() {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route path="/change-password" element={<ChangePasswordPage />} />
          <Route
            element={
              <RequireAuth>
                <AdminLayout />
              </RequireAuth>
            }
          >
            <Route index element={<DashboardPage />} />
            <Route path="content" element={<Navigate to="/articles" replace />} />
            <Route path="articles" element={guarded('articles.edit', <ArticleListPage />)} />
            <Route path="articles/new" element={guarded('articles.edit', <ArticleEditorPage />)} />
            <Route path="articles/:id" element={guarded('articles.edit', <ArticleEditorPage />)} />
            <Route path="psych" element={<Navigate to="/alerts" replace />} />
            <Route path="alerts" element={guarded('alerts.oversee', <AlertListPage />)} />
            <Route path="alerts/:id" element={guarded('alerts.handle', <AlertDetailPage />)} />
            <Route path="scales" element={guarded('scales.manage', <ScalesPage tab="scales" />)} />
            <Route path="scales/alert-rules" element={guarded('scales.manage', <ScalesPage tab="rules" />)} />
            <Route path="scale-stats" element={guarded('scales.stats', <ScaleStatsPage />)} />
            <Route path="hotlines" element={guarded('hotlines.manage', <HotlineListPage />)} />
            <Route path="regions" element={guarded('regions.manage', <RegionsPage />)} />
            <Route path="staff" element={guarded('staff.manage', <StaffListPage />)} />
            <Route path="audit" element={guarded('audit.read', <AuditLogPage />)} />
            <Route path="*" element={<NotAllowed status={404} />} />
          </Route>
        </Routes>
      </Suspense>
    </RouteErrorBoundary>
  );
}
