import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { PublicContent } from '../../domain/publication/types.js';
import type { Db } from '../../store/database.js';
import { getOrg } from '../../store/orgs.repository.js';
import {
  findPublication,
  listPublications,
  listPublishingOrgs,
  type PublicationRecord,
  type PublishingOrg,
} from '../../store/publications.repository.js';
import type { ServerContext } from '../context.js';

/**
 * What makes the public site fast: per org, the list of its publications (state and revision)
 * for a few seconds; each publication's frozen content under its revision (it never changes);
 * and each rendered page under (org, revision or the org's stamp, language, page). A request
 * for a cached page costs no query at all for STATE_TTL_MS at a time.
 *
 * This server's publish and withdraw invalidate the org's state at once (publications.routes.ts),
 * and so does the portal's own process when this server started it (public-process.ts); other
 * servers sharing the database see the change within STATE_TTL_MS. Browsers and proxies
 * may keep a page for its max-age on top of that (public-site.plugin.ts).
 */

export const STATE_TTL_MS = 5_000;
const MAX_PAGES = 2_000;
const MAX_CONTENTS = 200;
const MAX_ORGS = 1_000;

export interface OrgPublicState {
  org: { id: string; name: string } | null;
  /** Published and withdrawn, newest period first. */
  publications: PublicationRecord[];
  /** Changes whenever any publication of the org does: the key of pages spanning periods. */
  stamp: string;
  loadedAt: number;
}

/** A response ready to send: encoded (and compressed) once, sent many times. */
export interface Rendered {
  status: number;
  type: string;
  body: Buffer;
  /** The body gzipped, for clients that accept it; null when too small to be worth it. */
  gzip: Buffer | null;
  /** Weak: the gzipped and the plain body are the same page. */
  etag: string;
  cacheControl: string;
}

const GZIP_FROM_BYTES = 1024;

export function rendered(
  o: { status: number; type: string; cacheControl: string },
  content: string | Buffer,
  compress = true,
): Rendered {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    ...o,
    body,
    gzip: compress && body.length >= GZIP_FROM_BYTES ? gzipSync(body) : null,
    etag: etagOf(body),
  };
}

export function etagOf(body: string | Buffer): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** A Map used as a least-recently-used cache of at most `max` entries. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
  set(key: string, v: V): void {
    this.map.delete(key);
    this.map.set(key, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
  delete(key: string): void {
    this.map.delete(key);
  }
  get size(): number {
    return this.map.size;
  }
}

export class PublicCache {
  private readonly states = new Lru<OrgPublicState>(MAX_ORGS);
  private readonly loading = new Map<string, Promise<OrgPublicState>>();
  private readonly contents = new Lru<PublicContent>(MAX_CONTENTS);
  private readonly pages = new Lru<Rendered>(MAX_PAGES);
  private orgs: { list: PublishingOrg[]; loadedAt: number } | null = null;

  constructor(
    private readonly db: Db,
    private readonly clock: () => number = Date.now,
    private readonly onInvalidate: (orgId: string) => Promise<void> | void = () => {},
  ) {}

  async state(orgId: string): Promise<OrgPublicState> {
    const cached = this.states.get(orgId);
    if (cached && this.clock() - cached.loadedAt < STATE_TTL_MS) return cached;
    // One query for a burst of requests arriving together, not one each.
    let pending = this.loading.get(orgId);
    if (!pending) {
      pending = this.load(orgId).finally(() => this.loading.delete(orgId));
      this.loading.set(orgId, pending);
    }
    return pending;
  }

  private async load(orgId: string): Promise<OrgPublicState> {
    const [org, publications] = await Promise.all([
      getOrg(this.db.kysely, orgId),
      listPublications(this.db.kysely, orgId),
    ]);
    const state: OrgPublicState = {
      org: org ? { id: org.id, name: org.name } : null,
      publications: org ? publications : [],
      stamp: publications.map((p) => `${p.period}:${p.revision}`).join(','),
      loadedAt: this.clock(),
    };
    this.states.set(orgId, state);
    return state;
  }

  /** The frozen content of a publication at a revision (null when it is gone meanwhile). */
  async content(orgId: string, p: PublicationRecord): Promise<PublicContent | null> {
    const key = `${orgId}|${p.period}|${p.revision}`;
    const hit = this.contents.get(key);
    if (hit) return hit;
    const found = await findPublication(this.db.kysely, orgId, p.period);
    if (!found || found.state !== 'published') return null;
    this.contents.set(`${orgId}|${found.period}|${found.revision}`, found.content);
    return found.content;
  }

  /** The orgs with something public, for the directory; re-read like an org's state. */
  async directory(): Promise<PublishingOrg[]> {
    if (this.orgs && this.clock() - this.orgs.loadedAt < STATE_TTL_MS) return this.orgs.list;
    const list = await listPublishingOrgs(this.db.kysely);
    this.orgs = { list, loadedAt: this.clock() };
    return list;
  }

  async page(key: string, render: () => Promise<Rendered>): Promise<Rendered> {
    const hit = this.pages.get(key);
    if (hit) return hit;
    const page = await render();
    // Errors of the moment (a 5xx) are not kept; 404 and 410 are as cacheable as pages.
    if (page.status < 500) this.pages.set(key, page);
    return page;
  }

  /** Resolves once the portal's own process, if any, has forgotten too (read-your-writes). */
  async invalidate(orgId: string): Promise<void> {
    this.states.delete(orgId);
    this.orgs = null;
    await this.onInvalidate(orgId);
  }

  /** Told by another process that an org's publications changed: forget, and tell no one. */
  forget(orgId: string): void {
    this.states.delete(orgId);
    this.orgs = null;
  }
}

const caches = new WeakMap<ServerContext, PublicCache>();

/** The app's public cache: one per built app, shared by the public site and the office's routes. */
export function publicCacheOf(ctx: ServerContext): PublicCache {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new PublicCache(ctx.db, Date.now, ctx.onPublicChange);
    caches.set(ctx, cache);
  }
  return cache;
}
