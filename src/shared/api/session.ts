import { z } from 'zod';

export const ROLES = ['admin', 'reporter', 'viewer'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** The password policy: ≥ 10 characters with letters and digits. The web form uses it too. */
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH)
  .max(PASSWORD_MAX_LENGTH)
  .regex(/\p{L}/u, 'validation.password_letters')
  .regex(/\p{Nd}/u, 'validation.password_digits');

export const loginBodySchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const sessionUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    /** The reporter's unit; null for admins and viewers. */
    unitId: z.string().nullable(),
    unitName: z.string().nullable(),
    org: z.object({ id: z.string(), name: z.string() }),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const sessionSchema = z.object({
  user: sessionUserSchema,
  /** Send as `X-CSRF-Token` on every request that is not GET or HEAD. */
  csrfToken: z.string(),
});
export type SessionDto = z.infer<typeof sessionSchema>;

export const passwordChangeBodySchema = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX_LENGTH),
  newPassword: passwordSchema,
});
export type PasswordChangeBody = z.infer<typeof passwordChangeBodySchema>;
