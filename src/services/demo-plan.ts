/**
 * The demo (`npm run demo`): the bundled plan moved in time so that "today" falls in the middle
 * of it — some milestones already past, some due soon, some ahead — and labelled 演示数据
 * everywhere it shows, in a database of its own. Dates are moved as text, before parsing, so
 * the demo also exercises the importer.
 */

export const DEMO_LABEL = '演示数据';
export const DEMO_ORG = `演示县（${DEMO_LABEL}）`;

const YEAR_MONTH = /(?<!\d)(20\d{2})(\s*年\s*)(1[0-2]|0?[1-9])(\s*月)/gu;
const YEAR = /(?<!\d)(20\d{2})(\s*年)(?!\s*(?:1[0-2]|0?[1-9])\s*月)/gu;

/** Shift every "YYYY年M月" by `months` and every other "YYYY年" by the whole years that makes. */
export function shiftPlanDates(text: string, months: number): string {
  const years = Math.round(months / 12);
  return text
    .replace(YEAR_MONTH, (_m, y: string, sep: string, mo: string, end: string) => {
      const total = Number(y) * 12 + (Number(mo) - 1) + months;
      return `${Math.floor(total / 12)}${sep}${(total % 12) + 1}${end}`;
    })
    .replace(YEAR, (_m, y: string, end: string) => `${Number(y) + years}${end}`);
}

/**
 * The demo plan text: the plan's middle month (June of its dominant year) becomes the month of
 * `today`, and the title says it is demo data.
 */
export function demoPlanText(seed: string, planYear: number, today: Date): string {
  const months = today.getUTCFullYear() * 12 + today.getUTCMonth() - (planYear * 12 + 5);
  const shifted = shiftPlanDates(seed, months);
  // The title is the last line above the table; mark it so no one takes the demo for the real plan.
  const lines = shifted.split('\n');
  const firstCell = lines.findIndex((l) => /^[ \u3000]*\t/u.test(l));
  const titleAt = lines.slice(0, firstCell).findLastIndex((l) => l.trim() !== '' && !/^附件/u.test(l.trim()));
  if (titleAt >= 0)
    lines[titleAt] = `【${DEMO_LABEL}】${lines[titleAt]!.replace(/^\[bookmark: [^\]]*\]/u, '')}`;
  return lines.join('\n');
}
