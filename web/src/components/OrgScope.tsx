/**
 * Around every page (issue 9): decides whose ledger it shows from `?org=` and keeps that org in
 * the URL across navigation, says so in a banner ("正在查看：三门县（只读）"), and shows a
 * not-found state for an org the user may not read (a sibling, a mistyped id) instead of the
 * page — the server would answer 404 to each of its requests anyway.
 *
 * Keeping the org: a link inside another org's pages (the items list, a unit) has no `?org=`; a
 * push or replace to a page of the ledger without one keeps the org being viewed and puts it
 * back into the URL. Back/forward to a URL without one returns to the user's own org, as does any
 * page of the office's own (users, audit, to-do…), and the switcher.
 */
import { useLayoutEffect, type ReactNode } from 'react';
import { Alert, Button, Result } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useLocation, useNavigate, useNavigationType } from 'react-router';
import { useSession } from '../app/session';
import { isOrgPage, notifyViewedOrg, setViewedOrg, viewedOrgId, withOrg } from '../app/org-context';
import { findOrg, useOrgTree } from '../app/org-tree';
import type { OrgTree } from '../api/types';
import { useI18n } from '../i18n';
import { PageLoading } from './PageLoading';
import '../styles/org-view.css';

/** The org a location shows: its `?org=`, or the one viewed before for a push within the ledger. */
function orgOfLocation(
  pathname: string,
  search: string,
  pop: boolean,
  ownId: string,
  tree: OrgTree | undefined,
): { org: string | null; fixUrl: boolean } {
  const param = new URLSearchParams(search).get('org') || null;
  if (!isOrgPage(pathname)) return { org: null, fixUrl: param !== null };
  if (param === ownId) return { org: null, fixUrl: true };
  if (param !== null) return { org: param, fixUrl: false };
  const before = viewedOrgId();
  if (before === null || pop) return { org: null, fixUrl: false };
  // The roll-up of an org with nothing below it would be empty: the menu's 汇总 from a county's
  // pages goes back to one's own roll-up.
  if (pathname.startsWith('/rollup') && tree && !tree.orgs.some((o) => o.parentId === before)) {
    return { org: null, fixUrl: false };
  }
  return { org: before, fixUrl: true };
}

export function OrgScope({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { user } = useSession();
  const { pathname, search, hash } = useLocation();
  const pop = useNavigationType() === 'POP';
  const navigate = useNavigate();
  const ownId = user?.org.id ?? '';
  const { tree, error } = useOrgTree(user?.id);
  const { org, fixUrl } = orgOfLocation(pathname, search, pop, ownId, tree);
  // Before the page renders, so its first request already names the org (see org-context.ts).
  setViewedOrg(org, { quiet: true });
  useLayoutEffect(() => {
    notifyViewedOrg();
    if (fixUrl) void navigate(withOrg(`${pathname}${search}`, org) + hash, { replace: true });
  }, [org, fixUrl, pathname, search, hash, navigate]);

  if (org === null) return <>{children}</>;
  if (!tree && !error) return <PageLoading />;
  const node = findOrg(tree, org);
  // To one's own org by id: OrgScope takes it out of the URL (clearing the store first would
  // race the render of the location being left, which still names the other org).
  const leave = () => void navigate(withOrg('/', ownId));
  if (!node) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('orgView.notFound')}
        data-testid="org-not-found"
        extra={<Button onClick={leave}>{t('orgView.backOwn', { org: user?.org.name ?? '' })}</Button>}
      />
    );
  }
  return (
    <>
      <Alert
        className="org-view-banner no-print"
        type="info"
        showIcon
        icon={<EyeOutlined />}
        role="status"
        data-testid="org-view-banner"
        title={t('orgView.banner', { org: node.name })}
        action={
          <Button size="small" onClick={leave} data-testid="org-view-leave">
            {t('orgView.backOwn', { org: user?.org.name ?? '' })}
          </Button>
        }
      />
      {children}
    </>
  );
}
