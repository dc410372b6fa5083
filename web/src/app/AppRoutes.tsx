/** Routes, each page its own chunk (lazyPage) so the dashboard loads only what it needs. */
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './session';
import { prefetch } from '../api/client';
import { todayIso } from '../i18n/format';
import { AppLayout } from '../components/AppLayout';
import { PageLoading } from '../components/PageLoading';
import { lazyPage } from './lazyPage';
import { Forbidden } from '../components/Forbidden';
import { RollupOnly } from '../components/RollupOnly';

const LoginPage = lazyPage(() => import('../pages/login/LoginPage'));
const DashboardPage = lazyPage(() => import('../pages/dashboard/DashboardPage'));
// The dashboard is the first page of the day: fetch its code and its numbers while the session
// is being checked, not one after the other.
if (window.location.pathname === '/') {
  void DashboardPage.preload();
  prefetch('/dashboard', { asOf: new URLSearchParams(window.location.search).get('asOf') ?? todayIso() });
}
const ItemsPage = lazyPage(() => import('../pages/items/ItemsPage'));
const ItemPage = lazyPage(() => import('../pages/item/ItemPage'));
const UnitsPage = lazyPage(() => import('../pages/units/UnitsPage'));
const UnitPage = lazyPage(() => import('../pages/units/UnitPage'));
const TimelinePage = lazyPage(() => import('../pages/timeline/TimelinePage'));
const ImportPage = lazyPage(() => import('../pages/import/ImportPage'));
const FindingsPage = lazyPage(() => import('../pages/findings/FindingsPage'));
const AdminPage = lazyPage(() => import('../pages/admin/AdminPage'));
const TodoPage = lazyPage(() => import('../pages/reports/TodoPage'));
const ReportFormPage = lazyPage(() => import('../pages/reports/ReportFormPage'));
const ReviewPage = lazyPage(() => import('../pages/reports/ReviewPage'));
const ScoreboardPage = lazyPage(() => import('../pages/scoreboard/ScoreboardPage'));
const AuditPage = lazyPage(() => import('../pages/audit/AuditPage'));
const RemindersPage = lazyPage(() => import('../pages/reminders/RemindersPage'));
const BulletinsPage = lazyPage(() => import('../pages/bulletins/BulletinsPage'));
const PublicationsPage = lazyPage(() => import('../pages/publications/PublicationsPage'));
const NotFound = lazyPage(() => import('../pages/NotFound'));
const RollupPage = lazyPage(() => import('../pages/rollup/RollupPage'));
const ThemesPage = lazyPage(() => import('../pages/rollup/ThemesPage'));
const RollupSearchPage = lazyPage(() => import('../pages/rollup/SearchPage'));

function RequireUser({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (user === undefined) return <PageLoading />;
  if (user === null) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`} replace />;
  }
  return <>{children}</>;
}

function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  return user?.role === 'admin' ? <>{children}</> : <Forbidden />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireUser>
            <AppLayout />
          </RequireUser>
        }
      >
        <Route index element={<DashboardPage />} />
        <Route path="items" element={<ItemsPage />} />
        <Route path="items/:number" element={<ItemPage />} />
        <Route path="units" element={<UnitsPage />} />
        <Route path="units/:id" element={<UnitPage />} />
        <Route path="timeline" element={<TimelinePage />} />
        <Route path="findings" element={<FindingsPage />} />
        <Route path="todo" element={<TodoPage />} />
        <Route path="reports/:itemKey/:period" element={<ReportFormPage />} />
        <Route path="scoreboard" element={<ScoreboardPage />} />
        <Route path="bulletins" element={<BulletinsPage />} />
        <Route path="rollup" element={<RollupOnly />}>
          <Route index element={<RollupPage />} />
          <Route path="themes" element={<ThemesPage />} />
          <Route path="search" element={<RollupSearchPage />} />
        </Route>
        <Route
          path="publications"
          element={
            <AdminOnly>
              <PublicationsPage />
            </AdminOnly>
          }
        />
        <Route
          path="review"
          element={
            <AdminOnly>
              <ReviewPage />
            </AdminOnly>
          }
        />
        <Route
          path="audit"
          element={
            <AdminOnly>
              <AuditPage />
            </AdminOnly>
          }
        />
        <Route
          path="reminders"
          element={
            <AdminOnly>
              <RemindersPage />
            </AdminOnly>
          }
        />
        <Route
          path="import"
          element={
            <AdminOnly>
              <ImportPage />
            </AdminOnly>
          }
        />
        <Route
          path="admin"
          element={
            <AdminOnly>
              <AdminPage />
            </AdminOnly>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
