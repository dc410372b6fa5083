import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { labelChars } from '../../src/writers/bulletin/chart-font.js';
import { findCjkFont, fontFamily } from '../../src/writers/bulletin/cjk-font.js';
import { subsetFont } from '../../src/writers/bulletin/font-subset.js';

/**
 * The CJK font cut down to a chart's characters draws exactly what the whole font draws
 * (scripts/test-setup.sh installs fonts-wqy-microhei, the font these tests need).
 */

const dir = mkdtempSync(join(tmpdir(), 'rl-font-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LABELS = [
  '县农业农村局',
  '台州银保监分局三门监管组',
  '2022年6月',
  '逾期',
  '预警',
  '正常',
  '已完成',
  '0',
  '12',
  '37',
  '…',
];
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="${LABELS.length * 20 + 10}">${LABELS.map(
  (l, i) => `<text x="8" y="${i * 20 + 20}" style="font-size:12px;font-family:sans-serif;">${l}</text>`,
).join('')}</svg>`;

function draw(font: string): Buffer {
  const family = fontFamily(font)!;
  return new Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [font], defaultFontFamily: family, sansSerifFamily: family },
    logLevel: 'off',
  })
    .render()
    .asPng();
}

describe('font subset for the server-drawn charts', () => {
  const cjk = findCjkFont();

  it('finds a CJK font on this machine and reads its family name', () => {
    expect(cjk, 'install fonts-wqy-microhei (scripts/test-setup.sh)').not.toBeNull();
    expect(fontFamily(cjk!)).toMatch(/\S/);
  });

  it('draws the labels pixel for pixel as the whole font does, from a file a hundredth its size', () => {
    const bytes = subsetFont(cjk!, labelChars([svg]))!;
    expect(bytes).not.toBeNull();
    expect(bytes.length).toBeLessThan(100_000);
    const file = join(dir, 'subset.ttf');
    writeFileSync(file, bytes);
    expect(fontFamily(file)).toBe(fontFamily(cjk!));
    expect(Buffer.compare(draw(file), draw(cjk!))).toBe(0);
  });

  it('reads the characters of every label, entities decoded', () => {
    const chars = labelChars(['<text x="1">A&amp;B &#x4e09;&#38376;</text><text>县</text>']);
    expect([...chars].sort()).toEqual([' ', '&', 'A', 'B', '三', '县', '门'].sort());
  });

  it('gives up (null: use the whole font) on what it cannot subset', () => {
    expect(subsetFont(join(dir, 'missing.ttf'), ['县'])).toBeNull();
    writeFileSync(join(dir, 'not-a-font.ttf'), 'plain text, not a font');
    expect(subsetFont(join(dir, 'not-a-font.ttf'), ['县'])).toBeNull();
    expect(subsetFont(cjk!, ['𠀀'])).toBeNull(); // outside the BMP
  });
});
