import { z } from 'zod';
import { findingSchema, itemSchema, planSchema } from '../../domain/plan-schema.js';

const itemRef = z.object({ number: z.number().int().nullable(), title: z.string() });

export const diffSummarySchema = z.object({
  added: z.array(itemRef),
  removed: z.array(itemRef),
  changed: z.array(itemRef.extend({ fields: z.array(z.string()) })),
  unchanged: z.number().int(),
});
export type DiffSummary = z.infer<typeof diffSummarySchema>;

export const importPreviewSchema = z.object({
  /** Pass to /imports/:id/confirm or DELETE /imports/:id. */
  id: z.string(),
  file: z.object({ name: z.string(), format: z.string(), sha256: z.string(), bytes: z.number().int() }),
  plan: planSchema,
  /** Against the org's current version of the plan with the same title (all added when none). */
  currentVersion: z.number().int().nullable(),
  diff: diffSummarySchema,
  findings: z.array(findingSchema),
  /** The preview is kept until then (ISO timestamp). */
  expiresAt: z.string(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

/**
 * `items`: the complete corrected item list, replacing the parsed items; omit it (or the whole
 * body) to store the plan as parsed.
 */
export const importConfirmBodySchema = z
  .object({ items: z.array(itemSchema).min(1).optional() })
  .strict()
  .nullish();
export type ImportConfirmBody = z.infer<typeof importConfirmBodySchema>;

export const importConfirmSchema = z.object({
  /** `unchanged`: the file is the current version byte for byte; nothing was written. */
  status: z.enum(['imported', 'unchanged']),
  version: z.number().int(),
  diff: diffSummarySchema,
});
export type ImportConfirm = z.infer<typeof importConfirmSchema>;
