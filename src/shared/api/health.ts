import { z } from 'zod';

export const healthSchema = z.object({ ok: z.literal(true), version: z.string() });
export type Health = z.infer<typeof healthSchema>;

/** GET /api/health/ready: is the database answering? 200 when it is, 503 when it is not. */
export const readinessSchema = z.object({
  ok: z.boolean(),
  version: z.string(),
  database: z.object({
    state: z.enum(['up', 'down']),
    dialect: z.enum(['sqlite', 'postgres']),
    /** The state in words, in the request's language. */
    message: z.string(),
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
