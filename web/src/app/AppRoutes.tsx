/** Routes, each page its own chunk (React.lazy) so the dashboard loads only what it needs. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { useSession } from './session';
import { prefetch } from '../api/client';
import { todayIso } from '../i18n/format';
import { AppLayout } from '../components/AppLayout';
import { PageLoading } from '../components/PageLoading';
import { Forbidden } from '../components/Forbidden';

const LoginPage = lazy(() => import('../pages/login/LoginPage'));
const loadDashboard = () => import('../pages/dashboard/DashboardPage');
// The dashboard is the first page of the day: fetch its code and its numbers while the session
// is being checked, not one after the other.
if (window.location.pathname === '/') {
  void loadDashboard();
  prefetch('/dashboard', { asOf: new URLSearchParams(window.location.search).get('asOf') ?? todayIso() });
}
const DashboardPage = lazy(loadDashboard);
const ItemsPage = lazy(() => import('../pages/items/ItemsPage'));
const ItemPage = lazy(() => import('../pages/item/ItemPage'));
const UnitsPage = lazy(() => import('../pages/units/UnitsPage'));
const UnitPage = lazy(() => import('../pages/units/UnitPage'));
const TimelinePage = lazy(() => import('../pages/timeline/TimelinePage'));
const ImportPage = lazy(() => import('../pages/import/ImportPage'));
const FindingsPage = lazy(() => import('../pages/findings/FindingsPage'));
const AdminPage = lazy(() => import('../pages/admin/AdminPage'));
const NotFound = lazy(() => import('../pages/NotFound'));

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
    <Suspense fallback={<PageLoading />}>
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
    </Suspense>
  );
}
