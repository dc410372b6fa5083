import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { publicPortal as en } from '../../i18n/en-US/public.js';
import { publicPortal as zh } from '../../i18n/zh-CN/public.js';

/** The public site's words: both languages have every key, and every key the pages use exists. */
describe('public portal catalogue', () => {
  it('has the same keys in zh-CN and en-US', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
  });

  it('has every key the pages name literally', () => {
    const dir = import.meta.dirname;
    const used = new Set<string>();
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(public\.[\w.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !(k in zh))).toEqual([]);
  });
});
