/**
 * The header's org switcher (issue 9), for a user who may read the orgs below their own: choose
 * an org of the tree and the ledger's pages show it, read-only (OrgScope, app/org-context.ts);
 * choose one's own org to come back. The page stays the same kind (the items list stays the items
 * list); a page of one item or unit, which belongs to the org left, gives way to its list.
 */
import { TreeSelect } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../app/session';
import { isOrgPage, useViewedOrgId, withOrg } from '../app/org-context';
import { nestOrgs, useOrgTree } from '../app/org-tree';
import { useI18n } from '../i18n';
import '../styles/org-view.css';

const LISTS = new Set(['items', 'units', 'timeline', 'findings', 'scoreboard', 'bulletins']);

/** Where the same view of another org is: the list for a detail page, else the dashboard. */
function samePageFor(pathname: string): string {
  if (!isOrgPage(pathname)) return '/';
  if (pathname.startsWith('/rollup')) return pathname;
  const [, first = ''] = pathname.split('/');
  return LISTS.has(first) ? `/${first}` : '/';
}

export function OrgSwitcher({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { tree } = useOrgTree(user?.id);
  const viewed = useViewedOrgId();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  if (!user || !tree?.readBelow || tree.orgs.length < 2) return null;

  const choose = (id: string) => {
    const asOf = new URLSearchParams(search).get('asOf');
    const target = samePageFor(pathname) + (asOf ? `?asOf=${asOf}` : '');
    // One's own org by id too: OrgScope takes it out of the URL and leaves the other org's view.
    void navigate(withOrg(target, id));
  };
  return (
    <TreeSelect
      className="org-switcher"
      value={viewed ?? tree.own.id}
      treeData={nestOrgs(tree.orgs)}
      treeDefaultExpandAll
      showSearch={{ treeNodeFilterProp: 'title' }}
      popupMatchSelectWidth={false}
      style={{ width: compact ? 120 : 200 }}
      aria-label={t('orgView.switch')}
      title={t('orgView.switch')}
      data-testid="org-switcher"
      onChange={(id: string) => choose(id)}
    />
  );
}
