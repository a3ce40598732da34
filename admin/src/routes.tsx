import { lazy, Suspense, type ReactNode } from 'react';
import { SECTION_READERS, type ConsoleSection } from '@xinqiao/shared';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireAuth, RequirePermission, RequireSignIn } from './auth/guards';
import type { PermissionRequirement } from './auth/permissions';
import { NotAllowed } from './components/NotAllowed';
import { PageLoading } from './components/PageLoading';
import { RouteErrorBoundary } from './components/RouteErrorBoundary';
// Not lazy: the login page is the first screen of every new session, so it loads with the entry
// (in parallel, as modulepreloads) instead of after it. Its antd parts (form, input, button, card)
// are the ones nearly every console page uses anyway.
import LoginPage from './pages/auth/LoginPage';

const ConsoleApp = lazy(() => import('./ConsoleApp'));
const AdminLayout = lazy(() => import('./layouts/AdminLayout'));
// Lazy like the pages: it reads the menu, which would otherwise pull the menu data into the entry chunk.
const GroupIndex = lazy(() => import('./layouts/GroupIndex'));
const ChangePasswordPage = lazy(() => import('./pages/auth/ChangePasswordPage'));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const NotificationSettingsPage = lazy(() => import('./pages/notifications/NotificationSettingsPage'));
const ArticleListPage = lazy(() => import('./pages/articles/ArticleListPage'));
const ArticleEditorPage = lazy(() => import('./pages/articles/ArticleEditorPage'));
const RegionsPage = lazy(() => import('./pages/regions/RegionsPage'));
const StaffListPage = lazy(() => import('./pages/staff/StaffListPage'));
const AuditLogPage = lazy(() => import('./pages/audit/AuditLogPage'));
const AlertListPage = lazy(() => import('./pages/alerts/AlertListPage'));
const AlertDetailPage = lazy(() => import('./pages/alerts/AlertDetailPage'));
const DutyPage = lazy(() => import('./pages/duty/DutyPage'));
const AlertIndicatorsPage = lazy(() => import('./pages/alerts/AlertIndicatorsPage'));
const ScalesPage = lazy(() => import('./pages/scales/ScalesPage'));
const ScaleStatsPage = lazy(() => import('./pages/scales/ScaleStatsPage'));
const HotlineListPage = lazy(() => import('./pages/hotlines/HotlineListPage'));
const QuestionListPage = lazy(() => import('./pages/questions/QuestionListPage'));
const QuizListPage = lazy(() => import('./pages/quizzes/QuizListPage'));
const QuizEditorPage = lazy(() => import('./pages/quizzes/QuizEditorPage'));
const AwarenessPage = lazy(() => import('./pages/awareness/AwarenessPage'));
const CampaignListPage = lazy(() => import('./pages/campaigns/CampaignListPage'));
const CampaignDashboardPage = lazy(() => import('./pages/campaigns/CampaignDashboardPage'));
const EventListPage = lazy(() => import('./pages/events/EventListPage'));
const EventEditorPage = lazy(() => import('./pages/events/EventEditorPage'));
const EventDetailPage = lazy(() => import('./pages/events/EventDetailPage'));
const EventCheckinPage = lazy(() => import('./pages/events/EventCheckinPage'));
const EventScreenPage = lazy(() => import('./pages/events/EventScreenPage'));
const EventStatsPage = lazy(() => import('./pages/events/EventStatsPage'));
const EventCoveragePage = lazy(() => import('./pages/events/EventCoveragePage'));
const HostUnitsPage = lazy(() => import('./pages/events/HostUnitsPage'));
const StationListPage = lazy(() => import('./pages/stations/StationListPage'));
const StationEditorPage = lazy(() => import('./pages/stations/StationEditorPage'));
const CounsellorListPage = lazy(() => import('./pages/counsellors/CounsellorListPage'));
const CounsellorEditorPage = lazy(() => import('./pages/counsellors/CounsellorEditorPage'));
const HolidaysPage = lazy(() => import('./pages/holidays/HolidaysPage'));
const CallbackLinesPage = lazy(() => import('./pages/stations/CallbackLinesPage'));
const BookingsPage = lazy(() => import('./pages/bookings/BookingsPage'));
const BookingStatsPage = lazy(() => import('./pages/bookings/BookingStatsPage'));
const BookingSettingsPage = lazy(() => import('./pages/bookings/BookingSettingsPage'));
const MyAvailabilityPage = lazy(() => import('./pages/bookings/MyAvailabilityPage'));

const guarded = (permission: PermissionRequirement, page: ReactNode) => <RequirePermission permission={permission}>{page}</RequirePermission>;

/** A section's page, open to the roles its server route lets in (`SECTION_READERS`, shared with the menu). */
const section = (name: ConsoleSection, page: ReactNode) => guarded(SECTION_READERS[name], page);

/** Pages used on a phone at the door or on a projector: signed in, but without the console frame. */
const standalone = (permission: PermissionRequirement, page: ReactNode) => <RequireAuth>{guarded(permission, page)}</RequireAuth>;

export function AppRoutes() {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* Signed out, every console route leads to the login page without loading the console first. */}
          <Route
            element={
              <RequireSignIn>
                <ConsoleApp />
              </RequireSignIn>
            }
          >
            <Route path="/change-password" element={<ChangePasswordPage />} />
            <Route path="/events/:id/checkin" element={standalone('events.checkin', <EventCheckinPage />)} />
            <Route path="/events/:id/screen" element={standalone('events.checkin', <EventScreenPage />)} />
            <Route
              element={
                <RequireAuth>
                  <AdminLayout />
                </RequireAuth>
              }
            >
              <Route index element={<DashboardPage />} />
              <Route path="content" element={<Navigate to="/articles" replace />} />
              <Route path="articles" element={section('articles', <ArticleListPage />)} />
              <Route path="articles/new" element={guarded('articles.edit', <ArticleEditorPage />)} />
              <Route path="articles/:id" element={guarded('articles.edit', <ArticleEditorPage />)} />
              <Route path="psych" element={<Navigate to="/alerts" replace />} />
              <Route path="alerts" element={section('alerts', <AlertListPage />)} />
              <Route path="alerts/:id" element={guarded('alerts.handle', <AlertDetailPage />)} />
              <Route path="duty" element={section('duty', <DutyPage />)} />
              <Route path="alert-indicators" element={section('alertIndicators', <AlertIndicatorsPage />)} />
              <Route path="scales" element={section('scales', <ScalesPage tab="scales" />)} />
              <Route path="scales/alert-rules" element={section('scales', <ScalesPage tab="rules" />)} />
              <Route path="scale-stats" element={section('scaleStats', <ScaleStatsPage />)} />
              <Route path="hotlines" element={section('hotlines', <HotlineListPage />)} />
              <Route path="service-network" element={<GroupIndex group="/service-network" />} />
              <Route path="stations" element={section('stations', <StationListPage />)} />
              <Route path="stations/new" element={guarded('stations.manage', <StationEditorPage />)} />
              <Route path="stations/:id" element={guarded('stations.manage', <StationEditorPage />)} />
              <Route path="counsellors" element={section('counsellors', <CounsellorListPage />)} />
              <Route path="counsellors/new" element={guarded('stations.manage', <CounsellorEditorPage />)} />
              <Route path="counsellors/:id" element={guarded('stations.manage', <CounsellorEditorPage />)} />
              <Route path="holidays" element={section('holidays', <HolidaysPage />)} />
              <Route path="callback-lines" element={section('callbackLines', <CallbackLinesPage />)} />
              <Route path="booking" element={<GroupIndex group="/booking" />} />
              <Route path="bookings" element={section('bookings', <BookingsPage />)} />
              <Route path="my-availability" element={section('myAvailability', <MyAvailabilityPage />)} />
              <Route path="booking-stats" element={section('bookingStats', <BookingStatsPage />)} />
              <Route path="booking-settings" element={section('bookingSettings', <BookingSettingsPage />)} />
              <Route path="knowledge" element={<GroupIndex group="/knowledge" />} />
              <Route path="questions" element={section('questions', <QuestionListPage />)} />
              <Route path="quizzes" element={section('quizzes', <QuizListPage />)} />
              <Route path="quizzes/new" element={guarded('quizzes.manage', <QuizEditorPage />)} />
              <Route path="quizzes/:id" element={section('quizzes', <QuizEditorPage />)} />
              <Route path="awareness" element={section('awareness', <AwarenessPage section="report" />)} />
              <Route path="awareness/targets" element={section('awareness', <AwarenessPage section="targets" />)} />
              <Route path="campaigns" element={section('campaigns', <CampaignListPage />)} />
              <Route path="campaigns/:id" element={guarded(['campaigns.manage', 'awareness.read'], <CampaignDashboardPage />)} />
              <Route path="outreach" element={<GroupIndex group="/outreach" />} />
              <Route path="events" element={section('events', <EventListPage />)} />
              <Route path="events/new" element={guarded('events.manage', <EventEditorPage />)} />
              <Route path="events/:id" element={section('events', <EventDetailPage />)} />
              <Route path="events/:id/edit" element={guarded('events.manage', <EventEditorPage />)} />
              <Route path="event-stats" element={section('eventStats', <EventStatsPage />)} />
              <Route path="event-coverage" element={section('eventCoverage', <EventCoveragePage />)} />
              <Route path="host-units" element={section('hostUnits', <HostUnitsPage />)} />
              <Route path="regions" element={section('regions', <RegionsPage />)} />
              <Route path="staff" element={section('staff', <StaffListPage />)} />
              <Route path="audit" element={section('audit', <AuditLogPage />)} />
              <Route path="notifications" element={<NotificationSettingsPage />} />
              <Route path="*" element={<NotAllowed status={404} />} />
            </Route>
          </Route>
        </Routes>
      </Suspense>
    </RouteErrorBoundary>
  );
}
