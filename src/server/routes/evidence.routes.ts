import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InputError, ValidationError } from '../../domain/errors.js';
import { formatBytes } from '../../readers/human-size.js';
import { evidenceListSchema, evidenceParamsSchema } from '../../shared/api/evidence.js';
import { evidenceSchema, reportParamsSchema } from '../../shared/api/reports.js';
import { orgQuerySchema } from '../../shared/api/orgs.js';
import { attachEvidence, type ReceivedFile } from '../../services/attach-evidence.service.js';
import type { EvidenceActor } from '../../services/evidence-access.js';
import { listReportEvidence, openEvidence } from '../../services/open-evidence.service.js';
import { removeEvidence } from '../../services/remove-evidence.service.js';
import { ANY_ROLE, authOf, requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { attachmentDisposition } from '../http/content-disposition.js';
import {
  AUTH_ERRORS,
  errors,
  ledgerOf,
  readLedgerOf,
  readOrgOf,
  SECURED,
  SECURED_WRITE,
  writeContextOf,
} from './route-support.js';

/**
 * Evidence files (佐证材料) of progress reports. Upload: multipart field `file`, at most
 * EVIDENCE_MAX_BYTES, type decided by content. Download: only to those who may read the report,
 * as an attachment that no browser renders in the app's origin.
 */

/** A downloaded file is never a page: no script, no plugins, no same-origin anything. */
const DOWNLOAD_CSP = "default-src 'none'; sandbox; frame-ancestors 'none'";

export function evidenceRoutes(app: ApiApp, ctx: ServerContext): void {
  const signedIn = requireRole(ctx, ...ANY_ROLE);
  const writers = requireRole(ctx, 'admin', 'reporter');
  const actorOf = (request: FastifyRequest): EvidenceActor => {
    const { user } = authOf(request);
    return { ...writeContextOf(ctx, request), role: user.role, unitId: user.unitId };
  };
  // Reads may name an org below (?org=, issue 9): there the caller is a viewer of that org.
  const readerOf = async (request: FastifyRequest) => {
    const scope = await readOrgOf(ctx, request);
    return { orgId: scope.orgId, role: scope.role, unitId: scope.unitId };
  };

  /** The upload, read only when asked (after the access check), within the evidence limit. */
  const receive = async (request: FastifyRequest): Promise<ReceivedFile> => {
    const limit = ctx.config.evidenceMaxBytes;
    const file = await request.file({ limits: { fileSize: limit }, throwFileSizeLimit: false });
    if (!file || file.fieldname !== 'file') {
      throw new ValidationError('error.upload_missing', {}, { field: 'file' });
    }
    const bytes = await file.toBuffer();
    if (file.file.truncated) {
      throw new InputError(
        'error.evidence_too_large',
        { limit: formatBytes(limit) },
        { file: file.filename },
      );
    }
    return { fileName: file.filename, bytes };
  };

  app.post(
    '/api/reports/:id/evidence',
    {
      onRequest: writers,
      schema: {
        tags: ['evidence'],
        summary:
          'Attach a file (multipart field "file"; PDF, image or Office document by content, ≤ EVIDENCE_MAX_BYTES) to a draft or returned report',
        security: SECURED_WRITE,
        consumes: ['multipart/form-data'],
        params: reportParamsSchema,
        response: {
          200: evidenceSchema,
          201: evidenceSchema,
          ...errors(400, ...AUTH_ERRORS, 404, 409, 413, 415),
        },
      },
    },
    async (request, reply) => {
      const { evidence, created } = await attachEvidence(
        ctx.db,
        ctx.evidenceStore,
        await ledgerOf(ctx, request),
        actorOf(request),
        { reportId: request.params.id, receive: () => receive(request) },
      );
      return reply.code(created ? 201 : 200).send(evidence);
    },
  );

  app.get(
    '/api/reports/:id/evidence',
    {
      onRequest: signedIn,
      schema: {
        tags: ['evidence'],
        summary: "A report's files, oldest first",
        security: SECURED,
        params: reportParamsSchema,
        querystring: orgQuerySchema,
        response: { 200: evidenceListSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => ({
      evidence: await listReportEvidence(
        ctx.db,
        await readLedgerOf(ctx, request),
        await readerOf(request),
        request.params.id,
      ),
    }),
  );

  app.get(
    '/api/evidence/:id',
    {
      onRequest: signedIn,
      schema: {
        tags: ['evidence'],
        summary:
          'Download a file (as an attachment, with its detected type); 404 to whoever may not read the report',
        security: SECURED,
        params: evidenceParamsSchema,
        querystring: orgQuerySchema,
        produces: ['application/octet-stream'],
        response: { 200: z.unknown().describe("The file's bytes"), ...errors(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { evidence, content } = await openEvidence(
        ctx.db,
        ctx.evidenceStore,
        await readLedgerOf(ctx, request),
        await readerOf(request),
        request.params.id,
      );
      return reply
        .type(evidence.mime)
        .header('content-length', evidence.bytes)
        .header('content-disposition', attachmentDisposition(evidence.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', DOWNLOAD_CSP)
        .header('cache-control', 'private, no-store')
        .send(content);
    },
  );

  app.delete(
    '/api/evidence/:id',
    {
      onRequest: writers,
      schema: {
        tags: ['evidence'],
        summary: 'Remove a file from a draft or returned report (a unit only its own; the office any)',
        security: SECURED_WRITE,
        params: evidenceParamsSchema,
        response: { 204: z.undefined(), ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => {
      await removeEvidence(ctx.db, await ledgerOf(ctx, request), actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
