import { z } from 'zod';

export const MAX_WARNING_DAYS = 365;

export const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Days before a deadline in which an open milestone turns yellow. */
  warningDays: z.number().int(),
  /** Reporting period length: monthly (2022-06) or quarterly (2022Q2). */
  cadence: z.enum(['monthly', 'quarterly']),
  /** Day of a period's last month its report is due (clamped to the month's end). */
  dueDay: z.number().int(),
});
export type OrgDto = z.infer<typeof orgSchema>;

export const orgPatchBodySchema = z
  .object({
    name: z.string().trim().min(1).max(100).optional(),
    warningDays: z.number().int().min(0).max(MAX_WARNING_DAYS).optional(),
    cadence: z.enum(['monthly', 'quarterly']).optional(),
    dueDay: z.number().int().min(1).max(31).optional(),
  })
  .strict();
export type OrgPatchBody = z.infer<typeof orgPatchBodySchema>;
