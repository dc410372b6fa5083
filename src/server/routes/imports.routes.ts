import { safeFileName } from '../../domain/safe-file-name.js';
import { z } from 'zod';
import { ValidationError } from '../../domain/errors.js';
import { idParamsSchema } from '../../shared/api/common.js';
import {
  importConfirmBodySchema,
  importConfirmSchema,
  importPreviewSchema,
} from '../../shared/api/imports.js';
import {
  confirmImport,
  discardImport,
  previewImport,
  type ImportActor,
} from '../../services/import-preview.service.js';
import { requireRole } from '../auth/require-role.js';
import type { ApiApp, ServerContext } from '../context.js';
import { AUTH_ERRORS, errors, SECURED_WRITE, writeContextOf } from './route-support.js';
import type { FastifyRequest } from 'fastify';

/**
 * Import through the web app: upload (multipart, field `file`; size limited by MAX_UPLOAD_BYTES,
 * type decided by content) → preview → confirm or discard. Admins only.
 */
export function importsRoutes(app: ApiApp, ctx: ServerContext): void {
  const admin = requireRole(ctx, 'admin');
  const actorOf = (request: FastifyRequest): ImportActor => ({
    ...writeContextOf(ctx, request),
    locale: request.locale,
  });

  app.post(
    '/api/imports',
    {
      onRequest: admin,
      schema: {
        tags: ['imports'],
        summary:
          'Upload a plan (.docx .xlsx .csv .txt, multipart field "file"); returns the preview and diff',
        security: SECURED_WRITE,
        consumes: ['multipart/form-data'],
        response: { 200: importPreviewSchema, ...errors(400, ...AUTH_ERRORS, 413, 415) },
      },
    },
    async (request) => {
      const file = await request.file();
      if (!file || file.fieldname !== 'file')
        throw new ValidationError('error.upload_missing', {}, { field: 'file' });
      // toBuffer() throws a 413 error as soon as the stream passes the limit.
      const bytes = await file.toBuffer();
      return previewImport(ctx.db, actorOf(request), {
        bytes,
        // Kept with the preview and shown in the app: no folders, control or direction characters.
        fileName: safeFileName(file.filename) || 'upload',
        maxBytes: ctx.config.maxUploadBytes,
      });
    },
  );

  app.post(
    '/api/imports/:id/confirm',
    {
      onRequest: admin,
      schema: {
        tags: ['imports'],
        summary: 'Store the previewed plan (optionally with the corrected item list) as a new version',
        security: SECURED_WRITE,
        params: idParamsSchema,
        body: importConfirmBodySchema,
        response: { 200: importConfirmSchema, ...errors(400, ...AUTH_ERRORS, 404, 409) },
      },
    },
    async (request) => confirmImport(ctx.db, actorOf(request), request.params.id, request.body?.items),
  );

  app.delete(
    '/api/imports/:id',
    {
      onRequest: admin,
      schema: {
        tags: ['imports'],
        summary: 'Discard a preview',
        security: SECURED_WRITE,
        params: idParamsSchema,
        response: { 204: z.undefined(), ...errors(400, ...AUTH_ERRORS, 404) },
      },
    },
    async (request, reply) => {
      await discardImport(ctx.db, actorOf(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
