import { z } from 'zod';

export const MAX_WARNING_DAYS = 365;

export const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Days before a deadline in which an open milestone turns yellow. */
  warningDays: z.number().int(),
});
export type OrgDto = z.infer<typeof orgSchema>;

export const orgPatchBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    warningDays: z.number().int().min(0).max(MAX_WARNING_DAYS).optional(),
  })
  .strict();
export type OrgPatchBody = z.infer<typeof orgPatchBodySchema>;
