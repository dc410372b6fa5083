import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSerializerCompiler } from './serializer.js';

const schema = z.object({
  number: z.number().int().nullable(),
  title: z.string(),
  units: z.array(z.object({ id: z.string() })),
});
const compile = (validate: boolean) =>
  createSerializerCompiler(validate)({ schema, method: 'GET', url: '/api/items', httpStatus: '200' });

describe('response serializer', () => {
  const ok = { title: '保险制度改革', number: 2, units: [{ id: 'u1' }] };

  it('writes JSON as it is', () => {
    expect(compile(false)(ok)).toBe(JSON.stringify(ok));
    expect(compile(true)(ok)).toBe(JSON.stringify(ok));
  });

  it('when validating, refuses a body that breaks the schema or carries undeclared fields', () => {
    expect(() => compile(true)({ ...ok, number: '2' })).toThrow(/breaks its schema/);
    expect(() => compile(true)({ ...ok, passwordHash: 'scrypt$…' })).toThrow(/does not declare/);
    expect(() => compile(true)({ ...ok, units: [{ id: 'u1', secret: 1 }] })).toThrow(/does not declare/);
  });
});
