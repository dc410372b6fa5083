import { describe, expect, it } from 'vitest';
import { readTextTable } from '../../src/readers/text-table.reader.js';
import { normalizeDocument } from '../../src/domain/normalize.js';
import { reextractCorrected } from '../../src/domain/reextract.js';

const doc = readTextTable(
  [
    '\t序号',
    '\t改革事项',
    '\t改革举措',
    '\t主要目标',
    '\t标志性成果',
    '\t责任单位',
    '',
    '\t1',
    '\t完善城乡居民基本养老保险制度',
    '\t1.推动企业职工基本养老保险应保尽保；',
    '\t1.2022年3月底前，新业态从业人员企业职工基本养老保险参保率达  %；\n2.2022年6月底前，参保率达  %。',
    '\t城乡居保人均待遇水平稳步提升。',
    '\t县人力社保局',
    '',
  ].join('\n'),
  'plan.txt',
);
const parsed = normalizeDocument(doc).items[0]!;

describe('re-reading a corrected item', () => {
  it('reads milestones and targets again from corrected goals', () => {
    const goalsText = parsed.goalsText
      .replace('参保率达  %；', '参保率达90%；')
      .replace('参保率达  %。', '参保率达95%。');
    const out = reextractCorrected(parsed, { ...parsed, goalsText }, 2022);
    expect(out.targets.map((t) => [t.deadline, t.op, t.value, t.unit])).toEqual([
      ['2022-03-31', '>=', 90, '%'],
      ['2022-06-30', '>=', 95, '%'],
    ]);
    expect(out.milestones.map((m) => m.deadline)).toEqual(['2022-03-31', '2022-06-30']);
  });

  it('keeps targets the admin edited by hand', () => {
    const targets = parsed.targets.map((t) => ({ ...t, value: 80 }));
    const goalsText = parsed.goalsText.replace('参保率达  %；', '参保率达90%；');
    const out = reextractCorrected(parsed, { ...parsed, goalsText, targets }, 2022);
    expect(out.targets.map((t) => t.value)).toEqual([80, 80]);
  });

  it('leaves an item whose texts did not change as it is', () => {
    const corrected = { ...parsed, title: '完善城乡居民养老保险制度' };
    expect(reextractCorrected(parsed, corrected, 2022)).toBe(corrected);
  });
});
