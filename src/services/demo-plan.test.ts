import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { demoPlanText, shiftPlanDates } from './demo-plan.js';
import { readTextTable } from '../readers/text-table.reader.js';
import { normalizeDocument } from '../domain/normalize.js';

describe('the demo plan', () => {
  it('moves dates by months, across year ends', () => {
    expect(shiftPlanDates('1.2022年9月底前，融资达15亿元以上', 5)).toBe('1.2023年2月底前，融资达15亿元以上');
    expect(shiftPlanDates('2022年12月底前，完成；到2025年落实资金', 53)).toBe(
      '2027年5月底前，完成；到2029年落实资金',
    );
    expect(shiftPlanDates('《三门县…行动计划（2021-2023年）》', 12)).toBe(
      '《三门县…行动计划（2021-2024年）》',
    );
  });

  it('puts today in the middle of the Sanmen plan and labels it as demo data', () => {
    const seed = readFileSync(new URL('../../data-seed/sanmen-2022.txt', import.meta.url), 'utf8');
    const text = demoPlanText(seed, 2022, new Date('2026-11-28T00:00:00Z'));
    const plan = normalizeDocument(readTextTable(text, 'demo.txt'));
    expect(plan.title).toBe('【演示数据】三门县共同富裕“三十”工程改革库');
    expect(plan.items).toHaveLength(67);
    const deadlines = plan.items.flatMap((i) => i.milestones.map((m) => m.deadline));
    expect(deadlines.some((d) => d < '2026-11-28')).toBe(true);
    expect(deadlines.some((d) => d > '2026-11-28')).toBe(true);
    expect(plan.items[0]!.milestones.map((m) => m.deadline)).toEqual(['2027-02-28', '2027-05-31']);
  });
});
