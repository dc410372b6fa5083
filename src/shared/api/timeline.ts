import { z } from 'zod';
import { isoDate, statusSchema } from './common.js';

export const timelineSchema = z.object({
  asOf: isoDate,
  /** Every quarter from the first deadline to the last, without gaps. */
  quarters: z.array(z.string()),
  items: z.array(
    z.object({
      itemKey: z.string(),
      number: z.number().int().nullable(),
      title: z.string(),
      key: z.boolean(),
      status: statusSchema,
      milestones: z.array(
        z.object({ deadline: isoDate, quarter: z.string(), status: statusSchema, text: z.string() }),
      ),
    }),
  ),
});
export type Timeline = z.infer<typeof timelineSchema>;
