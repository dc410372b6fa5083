import { z } from 'zod';
import { findingSchema } from '../../domain/plan-schema.js';

export const findingDtoSchema = findingSchema.meta({ id: 'Finding' });

export const findingsSchema = z.object({
  findings: z.array(findingDtoSchema),
  /** How many findings of each code. */
  byCode: z.record(z.string(), z.number().int()),
});
export type FindingsDto = z.infer<typeof findingsSchema>;
