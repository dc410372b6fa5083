import { describe, expect, it } from 'vitest';
import { localeFrom } from './locale.js';

describe('localeFrom (Accept-Language)', () => {
  it.each([
    [undefined, 'zh-CN'],
    ['', 'zh-CN'],
    ['en-US', 'en-US'],
    ['en', 'en-US'],
    ['en-GB,en;q=0.9', 'en-US'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['fr-FR,en;q=0.5', 'en-US'],
    ['fr-FR', 'zh-CN'],
    ['zh;q=0.4,en;q=0.6', 'en-US'],
    ['en;q=0,zh', 'zh-CN'],
    ['*', 'zh-CN'],
  ])('%s → %s', (header, locale) => {
    expect(localeFrom(header)).toBe(locale);
  });
});
