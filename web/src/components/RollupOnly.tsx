/**
 * The roll-up pages (issue 9) are for users of a city or the province who may read the orgs
 * below; anyone else gets the 403 page (the server refuses them anyway).
 */
import { Outlet } from 'react-router';
import { mayRollUp, useOrgTree } from '../app/org-tree';
import { useSession } from '../app/session';
import { Forbidden } from './Forbidden';
import { PageLoading } from './PageLoading';

export function RollupOnly() {
  const { user } = useSession();
  const { tree, error } = useOrgTree(user?.id);
  if (!tree && !error) return <PageLoading />;
  return mayRollUp(tree) ? <Outlet /> : <Forbidden />;
}

/** Whether the menu offers the roll-up (the same rule as the pages'). */
export function useMayRollUp(): boolean {
  const { user } = useSession();
  return mayRollUp(useOrgTree(user?.id).tree);
}
