import { describe, expect, it } from 'vitest';
import { isolateBidi } from './bidi.js';

describe('isolateBidi', () => {
  it('leaves Chinese and Latin text as it is', () => {
    for (const s of ['县农业农村局', '“农户家庭资产池”融资达15亿元以上', 'abc <b>', '']) {
      expect(isolateBidi(s)).toBe(s);
    }
  });

  it('wraps text with an override, an isolate or right-to-left letters in FSI … PDI', () => {
    expect(isolateBidi('\u202e县审计局')).toBe('\u2068\u202e县审计局\u2069');
    expect(isolateBidi('完成 \u202b任务')).toBe('\u2068完成 \u202b任务\u2069');
    expect(isolateBidi('שלום')).toBe('\u2068שלום\u2069');
    expect(isolateBidi('مرحبا 2022')).toBe('\u2068مرحبا 2022\u2069');
  });

  it('closes the isolates the text leaves open before closing its own', () => {
    expect(isolateBidi('完成 \u2067任务')).toBe('\u2068完成 \u2067任务\u2069\u2069');
    expect(isolateBidi('\u2066a\u2067b\u2069c')).toBe('\u2068\u2066a\u2067b\u2069c\u2069\u2069');
  });

  it('drops a PDI the text did not open (it would close the wrapper early), keeps matched ones', () => {
    expect(isolateBidi('a\u2069\u202eb')).toBe('\u2068a\u202eb\u2069');
    expect(isolateBidi('\u2067x\u2069\u2069')).toBe('\u2068\u2067x\u2069\u2069');
  });
});
