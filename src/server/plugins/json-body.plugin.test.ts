import { describe, expect, it } from 'vitest';
import { nestingDepth } from './json-body.plugin.js';

describe('nestingDepth', () => {
  it.each([
    ['{}', 1],
    ['{"a":[1,{"b":[]}]}', 4],
    ['"[[[[["', 0],
    ['{"a":"\\\\"}', 1],
    ['{"a":"\\"[[[["}', 1],
    ['[[]],[[[]]]', 3],
    [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 100_000],
  ])('%s → %i', (json, depth) => {
    expect(nestingDepth(json)).toBe(depth);
  });
});
