/** The roll-up's three views side by side: figures and ranking, common reforms, search across orgs. */
import { Tabs } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../i18n';

const VIEWS = [
  { path: '/rollup', label: 'rollup.tab.overview' },
  { path: '/rollup/themes', label: 'rollup.tab.themes' },
  { path: '/rollup/search', label: 'rollup.tab.search' },
] as const;

export function RollupTabs() {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const asOf = new URLSearchParams(search).get('asOf');
  return (
    <Tabs
      className="rollup-tabs no-print"
      activeKey={pathname}
      onChange={(path) => void navigate(asOf ? `${path}?asOf=${asOf}` : path)}
      items={VIEWS.map((v) => ({ key: v.path, label: t(v.label) }))}
    />
  );
}
