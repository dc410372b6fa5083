import { z } from 'zod';
import { passwordSchema, roleSchema } from './session.js';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,31}$/, 'validation.username');

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: roleSchema,
    unitId: z.string().nullable(),
    disabled: z.boolean(),
    /** Set while the account is locked after failed logins (ISO timestamp). */
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });
export type UserDto = z.infer<typeof userSchema>;

export const usersSchema = z.object({ users: z.array(userSchema) });

const displayName = z.string().trim().min(1).max(50);

/** A reporter is bound to one unit: the server refuses one without it (field `unitId`). */
export const userCreateBodySchema = z
  .object({
    username: usernameSchema,
    displayName,
    role: roleSchema,
    unitId: z.uuid().nullable().optional(),
    password: passwordSchema,
  })
  .strict();
export type UserCreateBody = z.infer<typeof userCreateBodySchema>;

/** Any subset; `password` sets a new one (the user's sessions end), `disabled` locks them out. */
export const userPatchBodySchema = z
  .object({
    displayName: displayName.optional(),
    role: roleSchema.optional(),
    unitId: z.uuid().nullable().optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  })
  .strict();
export type UserPatchBody = z.infer<typeof userPatchBodySchema>;
