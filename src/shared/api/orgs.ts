import { z } from 'zod';
import { roleSchema } from './session.js';

/**
 * Organisations as a tree (issue 9): province → cities → counties → towns (optional). Every
 * plan, unit, user, report and file belongs to exactly one org. docs/organisations.md says who
 * sees what; in short:
 *
 * - A user reads their own org. With the **read-below grant** (`readBelow`) they also read every
 *   org below theirs, read-only, seeing what a county `viewer` sees there (no drafts, no returned
 *   reports, no writes). Admins of an org have the grant implicitly (they create the orgs below).
 * - Read routes take `?org=<orgId>`; an org the caller may not read answers 404, never 403, so
 *   its existence is not revealed. Writes always go to the caller's own org.
 * - Admins manage the orgs at and below their own: create orgs under them, move users between
 *   them (the user's sessions end), set the read-below grant. Every such write is audited.
 *
 * This file is shared with the web app: zod only, no Node imports.
 */

/** Levels, top down. A child is one level below its parent, except that a county may sit directly under the province. */
export const ORG_TYPES = ['province', 'city', 'county', 'town'] as const;
export const orgTypeSchema = z.enum(ORG_TYPES).describe('省 province, 市 city, 县 county, 乡镇 town');
export type OrgTypeDto = z.infer<typeof orgTypeSchema>;

/** The types an org of each type may have directly below it. */
export const CHILD_TYPES: Record<OrgTypeDto, readonly OrgTypeDto[]> = {
  province: ['city', 'county'],
  city: ['county'],
  county: ['town'],
  town: [],
};

/**
 * An org id as the API takes it: UUIDs for orgs the app creates; checked loosely (generated data
 * sets may use other ids) — an id the caller may not read answers 404 whatever its shape.
 */
export const orgIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'validation.org_id');

/** The shortest way to name an org: in roll-up rows, search hits, links (`?org=<id>`). */
export const orgRefSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: orgTypeSchema,
  })
  .meta({ id: 'OrgRef' });
export type OrgRefDto = z.infer<typeof orgRefSchema>;

/** One org of the tree, flat: the web app nests them by parentId. */
export const orgNodeSchema = orgRefSchema
  .extend({
    /** Null for the root of the deployment (and for orgs created before the tree existed). */
    parentId: z.string().nullable(),
    /** 0 for the caller's own org, 1 for its children, … (relative to the caller). */
    depth: z.number().int().min(0),
    /** Path of names from the caller's own org down to this one, e.g. ["台州市", "三门县"]. */
    path: z.array(z.string()),
    /** The org has a current plan (an imported 改革库). */
    hasPlan: z.boolean(),
    /** Users of the org (enabled and disabled); only counted for admins, else null. */
    userCount: z.number().int().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'OrgNode' });
export type OrgNodeDto = z.infer<typeof orgNodeSchema>;

/**
 * GET /api/orgs: the caller's own org and, when they may read below it, every org below, in
 * tree order (depth first, siblings by name in Chinese order). Without the grant: the own org only.
 */
export const orgTreeSchema = z.object({
  own: orgRefSchema,
  /** The caller may read the orgs below (grant, or admin). Roll-up pages show only when true. */
  readBelow: z.boolean(),
  /** The caller may create orgs below and move users (an admin). */
  manage: z.boolean(),
  orgs: z.array(orgNodeSchema),
});
export type OrgTreeDto = z.infer<typeof orgTreeSchema>;

/** Names an org is known by in URLs, CLI flags and file names: no path separators or control characters. */
export const orgNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[^/\\\p{Cc}]+$/u, 'validation.org_name');

/**
 * POST /api/orgs (admin): a new org below the caller's own org or one of its descendants.
 * `parentId` defaults to the caller's own org. The type must be one CHILD_TYPES allows under the
 * parent (400, field `type`); the name is unique in the deployment (409).
 */
export const orgCreateBodySchema = z
  .object({
    name: orgNameSchema,
    type: orgTypeSchema,
    parentId: orgIdSchema.optional(),
  })
  .strict();
export type OrgCreateBody = z.infer<typeof orgCreateBodySchema>;

export const orgIdParamsSchema = z.object({ id: orgIdSchema });
export const orgUserParamsSchema = z.object({ userId: z.uuid() });

/** A user as the org admin pages list them: with their org and read-below grant. */
export const orgUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    unitId: z.string().nullable(),
    disabled: z.boolean(),
    org: orgRefSchema,
    /** The stored grant (admins read below whatever it says; see `readBelowEffective`). */
    readBelow: z.boolean(),
    /** What the user may actually do: the grant, or being an admin. */
    readBelowEffective: z.boolean(),
  })
  .meta({ id: 'OrgUser' });
export type OrgUserDto = z.infer<typeof orgUserSchema>;

/** GET /api/orgs/:id/users (admin, org at or below the caller's): the org's users. */
export const orgUsersSchema = z.object({ org: orgRefSchema, users: z.array(orgUserSchema) });
export type OrgUsersDto = z.infer<typeof orgUsersSchema>;

/**
 * POST /api/orgs/users/:userId/move (admin): move a user of an org at or below the caller's to
 * another org at or below it. Their sessions end (they sign in again) and their in-app
 * notifications, which are about the old org's reports, are dropped. A unit belongs to one org,
 * so `unitId` names a unit of the target org: required when the (new) role is reporter (400,
 * field `unitId`), else it defaults to none. An admin cannot move themselves (403).
 */
export const orgUserMoveBodySchema = z
  .object({
    orgId: orgIdSchema,
    role: roleSchema.optional(),
    unitId: z.uuid().nullable().optional(),
  })
  .strict();
export type OrgUserMoveBody = z.infer<typeof orgUserMoveBodySchema>;

/** PUT /api/orgs/users/:userId/read-below (admin): set or clear a user's read-below grant. */
export const orgGrantBodySchema = z.object({ readBelow: z.boolean() }).strict();
export type OrgGrantBody = z.infer<typeof orgGrantBodySchema>;

/**
 * `?org=<orgId>` on read routes: whose ledger to read. Absent or empty → the caller's own org.
 * Merge into a route's querystring schema with `.extend(orgQueryShape)`.
 */
export const orgQueryShape = {
  org: z.preprocess((v) => (v === '' ? undefined : v), orgIdSchema.optional()),
};
export const orgQuerySchema = z.object(orgQueryShape);
export type OrgQuery = z.output<typeof orgQuerySchema>;
