import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isOrgPage, orgForRequest, setViewedOrg, withOrg } from '../../web/src/app/org-context.js';
import { findOrg, mayRollUp, nestOrgs } from '../../web/src/app/org-tree-data.js';
import type { OrgNodeDto, OrgTreeDto } from '../../src/shared/api/orgs.js';
import { call, openHarness, type Harness } from '../api/harness.js';

/**
 * The web app's view of another org (issue 9): which requests name it, which pages show it, the
 * tree the switcher nests. The list of API routes that take `?org=` is checked against the
 * server's own OpenAPI document, both ways: a read route the web app would not send the org to
 * shows the user's own org under another org's banner; one it sends the org to but the server
 * does not take answers 400.
 */

const OTHER = 'org-below-1';

describe('org-context: the viewed org in requests, pages and links', () => {
  afterAll(() => setViewedOrg(null));

  it('names the org on reads of the ledger only, and only while viewing another org', () => {
    setViewedOrg(null);
    expect(orgForRequest('GET', '/dashboard')).toBeUndefined();
    setViewedOrg(OTHER);
    expect(orgForRequest('GET', '/dashboard')).toBe(OTHER);
    expect(orgForRequest('GET', '/items/12')).toBe(OTHER);
    expect(orgForRequest('GET', '/ledger.xlsx')).toBe(OTHER);
    expect(orgForRequest('GET', '/bulletins/b1.docx')).toBe(OTHER);
    expect(orgForRequest('GET', '/reports/by-item/k/2022-06')).toBe(OTHER);
    // Writes never; the office's own routes never.
    expect(orgForRequest('POST', '/items')).toBeUndefined();
    expect(orgForRequest('PUT', '/reports/r1')).toBeUndefined();
    for (const own of [
      '/reports/todo',
      '/users',
      '/audit',
      '/orgs',
      '/org/reminders',
      '/notifications',
      '/session',
    ]) {
      expect(orgForRequest('GET', own), own).toBeUndefined();
    }
  });

  it('tells the ledger’s pages from the office’s own', () => {
    for (const p of [
      '/',
      '/items',
      '/items/3',
      '/units/u1',
      '/timeline',
      '/findings',
      '/scoreboard',
      '/bulletins',
    ]) {
      expect(isOrgPage(p), p).toBe(true);
    }
    expect(isOrgPage('/rollup/themes')).toBe(true);
    expect(isOrgPage('/reports/key-1/2022-06')).toBe(true);
    for (const p of [
      '/todo',
      '/review',
      '/admin',
      '/audit',
      '/import',
      '/reminders',
      '/publications',
      '/login',
    ]) {
      expect(isOrgPage(p), p).toBe(false);
    }
  });

  it('sets and removes ?org= keeping the rest of a link', () => {
    expect(withOrg('/items?status=red&asOf=2022-06-30', OTHER)).toBe(
      `/items?status=red&asOf=2022-06-30&org=${OTHER}`,
    );
    expect(withOrg(`/?org=${OTHER}&asOf=2022-06-30`, null)).toBe('/?asOf=2022-06-30');
    expect(withOrg('/', null)).toBe('/');
  });
});

describe('org-tree: nesting the flat tree, who may roll up', () => {
  const node = (
    id: string,
    parentId: string | null,
    depth: number,
    type: OrgNodeDto['type'],
  ): OrgNodeDto => ({
    id,
    name: id,
    type,
    parentId,
    depth,
    path: [],
    hasPlan: false,
    userCount: null,
    createdAt: '2022-06-30T02:00:00.000Z',
  });
  // The caller's own org has a parent they do not see: it is still the root.
  const orgs = [
    node('city', 'province', 0, 'city'),
    node('sanmen', 'city', 1, 'county'),
    node('haiyou', 'sanmen', 2, 'town'),
    node('tiantai', 'city', 1, 'county'),
  ];
  const tree = (over: Partial<OrgTreeDto>): OrgTreeDto => ({
    own: { id: 'city', name: 'city', type: 'city' },
    readBelow: true,
    manage: false,
    orgs,
    ...over,
  });

  it('nests by parent, the own org at the root', () => {
    const roots = nestOrgs(orgs);
    expect(roots.map((r) => r.value)).toEqual(['city']);
    expect(roots[0]!.children.map((c) => c.value)).toEqual(['sanmen', 'tiantai']);
    expect(roots[0]!.children[0]!.children.map((c) => c.value)).toEqual(['haiyou']);
    expect(findOrg(tree({}), 'tiantai')?.type).toBe('county');
    expect(findOrg(tree({}), 'elsewhere')).toBeUndefined();
  });

  it('offers the roll-up to a city or province that reads below, to no one else', () => {
    expect(mayRollUp(tree({}))).toBe(true);
    expect(mayRollUp(tree({ own: { id: 'p', name: 'p', type: 'province' } }))).toBe(true);
    expect(mayRollUp(tree({ readBelow: false }))).toBe(false);
    expect(mayRollUp(tree({ own: { id: 'sanmen', name: 'sanmen', type: 'county' } }))).toBe(false);
    expect(mayRollUp(undefined)).toBe(false);
  });
});

describe('the routes that take ?org= are the ones the web app names the org on', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness('sqlite');
  });
  afterAll(async () => {
    setViewedOrg(null);
    await h?.close();
  });

  it('matches the OpenAPI document, route by route', async () => {
    type Op = { parameters?: { in: string; name: string }[] };
    const doc = (await call(h, null, 'GET', '/api/openapi.json')).json<{
      paths: Record<string, Record<string, Op>>;
    }>();
    setViewedOrg(OTHER);
    const mismatches: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      const get = ops.get;
      if (!get || !path.startsWith('/api/')) continue;
      const takesOrg = (get.parameters ?? []).some((p) => p.in === 'query' && p.name === 'org');
      // The web app's path: without /api, a sample value for each {param}.
      const sample = path.slice('/api'.length).replace(/\{[^}]+\}/g, 'x1');
      const named = orgForRequest('GET', sample) !== undefined;
      if (takesOrg !== named) mismatches.push(`${path}: server ${takesOrg}, web ${named}`);
    }
    expect(mismatches).toEqual([]);
  });
});
