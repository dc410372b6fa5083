/** The frame around every page: navigation, language switch, user menu; the page in the middle. */
import { useState } from 'react';
import { Layout, Menu } from 'antd';
import {
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BellOutlined,
  CheckSquareOutlined,
  FileDoneOutlined,
  FileWordOutlined,
  GlobalOutlined,
  HistoryOutlined,
  TrophyOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  SettingOutlined,
  UnorderedListOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import { useI18n, type MessageKey } from '../i18n';
import { useUser } from '../app/session';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import { NotificationBell } from './NotificationBell';
import { NavDrawer } from './NavDrawer';
import { OfflineBanner } from './OfflineBanner';
import { usePhone } from '../hooks/usePhone';
import { OrgSwitcher } from './OrgSwitcher';
import { OrgScope } from './OrgScope';
import { useMayRollUp } from './RollupOnly';

interface NavEntry {
  path: string;
  label: MessageKey;
  icon: React.ReactNode;
  admin?: boolean;
  /** Shown to reporters only (their unit's work). */
  reporter?: boolean;
  /** The page reads ?asOf=: keep the date chosen on the page the user comes from. */
  asOf?: boolean;
  /** Shown to users of a city or the province who read the orgs below (issue 9). */
  rollup?: boolean;
}

const NAV: NavEntry[] = [
  { path: '/', label: 'nav.dashboard', icon: <DashboardOutlined />, asOf: true },
  { path: '/rollup', label: 'nav.rollup', icon: <ApartmentOutlined />, asOf: true, rollup: true },
  { path: '/items', label: 'nav.items', icon: <UnorderedListOutlined />, asOf: true },
  { path: '/units', label: 'nav.units', icon: <ClusterOutlined />, asOf: true },
  { path: '/timeline', label: 'nav.timeline', icon: <FieldTimeOutlined />, asOf: true },
  { path: '/todo', label: 'nav.todo', icon: <CheckSquareOutlined />, reporter: true },
  { path: '/review', label: 'nav.review', icon: <FileDoneOutlined />, admin: true },
  { path: '/scoreboard', label: 'nav.scoreboard', icon: <TrophyOutlined />, asOf: true },
  { path: '/bulletins', label: 'nav.bulletins', icon: <FileWordOutlined /> },
  { path: '/publications', label: 'nav.publications', icon: <GlobalOutlined />, admin: true },
  { path: '/findings', label: 'nav.findings', icon: <AuditOutlined /> },
  { path: '/import', label: 'nav.import', icon: <UploadOutlined />, admin: true },
  { path: '/reminders', label: 'nav.reminders', icon: <BellOutlined />, admin: true },
  { path: '/audit', label: 'nav.audit', icon: <HistoryOutlined />, admin: true },
  { path: '/admin', label: 'nav.admin', icon: <SettingOutlined />, admin: true },
];

function selectedKey(pathname: string): string {
  // A report form belongs to the reporters' to-do (for the office, to no entry: not to 总览).
  if (pathname.startsWith('/reports/')) return '/todo';
  const match = NAV.filter((n) => n.path !== '/' && pathname.startsWith(n.path));
  return match[0]?.path ?? '/';
}

export function AppLayout() {
  const { t } = useI18n();
  const user = useUser();
  const { pathname, search } = useLocation();
  const asOf = new URLSearchParams(search).get('asOf');
  const [collapsed, setCollapsed] = useState(false);
  // On a phone the side menu is a drawer behind a menu button: the page gets the whole width.
  const phone = usePhone();
  const rollup = useMayRollUp();
  const items = NAV.filter(
    (n) =>
      (!n.admin || user.role === 'admin') &&
      (!n.reporter || user.role === 'reporter') &&
      (!n.rollup || rollup),
  ).map((n) => ({
    key: n.path,
    icon: n.icon,
    label: <Link to={n.asOf && asOf ? `${n.path}?asOf=${asOf}` : n.path}>{t(n.label)}</Link>,
  }));
  return (
    <Layout className="app-shell">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      {!phone && (
        <Layout.Sider
          className="app-sider no-print"
          width={188}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          breakpoint="lg"
        >
          <Link to="/" className="app-brand" aria-label={t('app.name')}>
            <AppstoreOutlined aria-hidden />
            {!collapsed && <span>{t('app.name')}</span>}
          </Link>
          <nav aria-label={t('nav.label')}>
            <Menu mode="inline" selectedKeys={[selectedKey(pathname)]} items={items} />
          </nav>
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="app-header no-print">
          {phone && (
            <NavDrawer
              brand={
                <Link to="/" className="app-brand" aria-label={t('app.name')}>
                  <AppstoreOutlined aria-hidden />
                  <span>{t('app.name')}</span>
                </Link>
              }
            >
              <nav aria-label={t('nav.label')}>
                <Menu mode="inline" selectedKeys={[selectedKey(pathname)]} items={items} />
              </nav>
            </NavDrawer>
          )}
          <span className="app-header-title">{user.org.name || t('app.subtitle')}</span>
          <span className="app-header-actions">
            <OrgSwitcher compact={phone} />
            <NotificationBell />
            <LanguageSwitch compact={phone} />
            <UserMenu compact={phone} />
          </span>
        </Layout.Header>
        <Layout.Content id="main" className="app-content" tabIndex={-1}>
          <OfflineBanner />
          <OrgScope>
            <Outlet />
          </OrgScope>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
