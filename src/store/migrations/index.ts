import type { Migration } from 'kysely';
import { initial } from './001-initial.js';
import { accountsSearch } from './002-accounts-search.js';
import { reporting } from './003-reporting.js';
import { bulletins } from './004-bulletins.js';
import { publicPortal } from './005-public-portal.js';
import { orgTree } from './006-org-tree.js';

/**
 * Every migration, by name. Listed by hand instead of read from the folder so the build in dist/
 * (and a bundled CLI) carries them without filesystem globbing. Names sort in the order they run:
 * add a new one as `NNN-name` with the next number.
 */
export const migrations: Record<string, Migration> = {
  '001-initial': initial,
  '002-accounts-search': accountsSearch,
  '003-reporting': reporting,
  '004-bulletins': bulletins,
  '005-public-portal': publicPortal,
  '006-org-tree': orgTree,
};
