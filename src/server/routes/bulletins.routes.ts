import {
  bulletinDetailSchema,
  bulletinParamsSchema,
  bulletinsSchema,
  createBulletinBodySchema,
  patchBulletinBodySchema,
} from '../../shared/api/bulletins.js';
import { orgQuerySchema } from '../../shared/api/orgs.js';
import {
  bulletinDetail,
  bulletinDocx,
  listBulletinsView,
  type Reader,
} from '../../services/bulletins.service.js';
import { toBulletinDetail } from '../../services/bulletin-view.js';
import { editBulletin, generateBulletin } from '../../services/generate-bulletin.service.js';
import { publishBulletin } from '../../services/publish-bulletin.service.js';
import type { Clock } from '../../services/snapshots.service.js';
import { ANY_ROLE, authOf, requireRole } from '../auth/require-role.js';
import { today, type ApiApp, type ServerContext } from '../context.js';
import {
  AUTH_ERRORS,
  errors,
  ledgerOf,
  readOrgOf,
  SECURED,
  SECURED_WRITE,
  writeContextOf,
} from './route-support.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * Period bulletins (通报): the office (admin) generates a draft from the period's kept snapshot,
 * edits its opening, publishes it; every signed-in user lists and downloads the published ones.
 */
export function bulletinsRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);
  const admin = requireRole(ctx, 'admin');
  // ?org= (issue 9): a reader from above sees an org below as its viewers do (published only).
  const reader = async (request: Parameters<typeof authOf>[0]): Promise<Reader> => {
    const scope = await readOrgOf(ctx, request);
    return { orgId: scope.orgId, role: scope.role };
  };
  // Generating may keep the period's snapshot (and the trend's) if nobody has yet.
  const clock = (actor: string): Clock => ({ today: today(ctx), at: ctx.now().toISOString(), actor });

  app.get(
    '/api/bulletins',
    {
      onRequest: signedIn,
      schema: {
        tags: ['bulletins'],
        summary: 'Bulletins: every published one; drafts too for the office',
        security: SECURED,
        querystring: orgQuerySchema,
        response: { 200: bulletinsSchema, ...errors(401) },
      },
    },
    async (request) => listBulletinsView(ctx.db, await reader(request)),
  );

  app.post(
    '/api/bulletins',
    {
      onRequest: admin,
      schema: {
        tags: ['bulletins'],
        summary:
          "The period's draft: made from its kept snapshot, or the existing one (refresh: computed again)",
        security: SECURED_WRITE,
        body: createBulletinBodySchema,
        response: { 200: bulletinDetailSchema, ...errors(400, ...AUTH_ERRORS, 409) },
      },
    },
    async (request) => {
      const write = writeContextOf(ctx, request);
      const b = await generateBulletin(
        ctx.db,
        await ledgerOf(ctx, request),
        write,
        request.body,
        clock(write.actor),
        request.locale,
      );
      return toBulletinDetail(b);
    },
  );

  app.get(
    '/api/bulletins/:id',
    {
      onRequest: signedIn,
      schema: {
        tags: ['bulletins'],
        summary: 'One bulletin with its content (a draft: the office only)',
        security: SECURED,
        params: bulletinParamsSchema,
        querystring: orgQuerySchema,
        response: { 200: bulletinDetailSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => bulletinDetail(ctx.db, await reader(request), request.params.id),
  );

  app.patch(
    '/api/bulletins/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['bulletins'],
        summary: "A draft's opening paragraph (null: the default) and layout (red-headed block, issuer)",
        security: SECURED_WRITE,
        params: bulletinParamsSchema,
        body: patchBulletinBodySchema,
        response: { 200: bulletinDetailSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) =>
      toBulletinDetail(
        await editBulletin(ctx.db, writeContextOf(ctx, request), request.params.id, request.body),
      ),
  );

  app.post(
    '/api/bulletins/:id/publish',
    {
      onRequest: admin,
      schema: {
        tags: ['bulletins'],
        summary: 'Publish a draft: its .docx is stored and it is numbered within its period',
        security: SECURED_WRITE,
        params: bulletinParamsSchema,
        response: { 200: bulletinDetailSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) => {
      const { bulletin, warnings } = await publishBulletin(
        ctx.db,
        writeContextOf(ctx, request),
        request.params.id,
        today(ctx),
      );
      for (const w of warnings) request.log.warn(w);
      return toBulletinDetail(bulletin);
    },
  );

  app.get(
    '/api/bulletins/:id.docx',
    {
      onRequest: signedIn,
      schema: {
        tags: ['bulletins'],
        summary: 'The bulletin as .docx: as published (a draft: drawn now, the office only)',
        security: SECURED,
        params: bulletinParamsSchema,
        querystring: orgQuerySchema,
        produces: [DOCX],
      },
    },
    async (request, reply) => {
      const { bytes, fileName } = await bulletinDocx(
        ctx.db,
        await reader(request),
        request.params.id,
        today(ctx),
      );
      const ascii = fileName.replace(/[^\x20-\x7e]/g, '_');
      return reply
        .type(DOCX)
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        )
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    },
  );
}
