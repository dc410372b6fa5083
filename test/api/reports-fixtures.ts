import { expect } from 'vitest';
import type { ItemDetail, ItemsPage } from '../../src/shared/api/index.js';
import type { ReportContent, ReportDto, SaveReportBody } from '../../src/shared/api/reports.js';
import { call, type Harness, type Session } from './harness.js';

/**
 * Shared steps of the report API tests. Items are found through the API by their units, as the
 * web app finds them, never by hard-coded numbers: 农村宅基地改革 is led by 县农业农村局 (the
 * `nongyeju` reporter) with 县金融中心 (`jinrong`) among its co-units.
 */

export const PERIOD = '2022-06';

/** The item a unit leads whose title is `title`, complete. */
export async function itemLedBy(h: Harness, s: Session, unit: string, title: string): Promise<ItemDetail> {
  const unitId = await h.unitId(unit);
  const list = await call(h, s, 'GET', `/api/items?unit=${unitId}&role=lead&pageSize=200`);
  expect(list.statusCode, list.body).toBe(200);
  const found = list.json<ItemsPage>().items.find((i) => i.title === title);
  if (!found) throw new Error(`${unit} leads no item titled ${title}`);
  const detail = await call(h, s, 'GET', `/api/items/${found.number}`);
  expect(detail.statusCode, detail.body).toBe(200);
  return detail.json<ItemDetail>();
}

/** 农村宅基地改革: one milestone, targets 激活闲置农房建筑面积 (平方米) and 年促农民增收 (元). */
export function homesteadItem(h: Harness, s: Session): Promise<ItemDetail> {
  return itemLedBy(h, s, '县农业农村局', '农村宅基地改革');
}

/** A valid report on 农村宅基地改革 as of June 2022: in progress, two actuals, no achievement yet. */
export function homesteadContent(narrative = '已完成岩下村闲置农房摸底，盘活工作有序推进。'): ReportContent {
  return {
    milestones: [{ state: 'in_progress', percent: 40 }],
    targets: [
      { actual: 3200, unit: '平方米', reportedOn: '2022-06-20' },
      { actual: '45', unit: '万元', reportedOn: '2022-06-20' },
    ],
    achievements: [{ reached: false }],
    narrative,
  };
}

export function body(content: ReportContent, revision: number | null): SaveReportBody {
  return { ...content, revision };
}

export function reportUrl(item: { itemKey: string }, period = PERIOD): string {
  return `/api/reports/by-item/${item.itemKey}/${period}`;
}

/** PUT the report and expect `status`; the report as answered. */
export async function save(
  h: Harness,
  s: Session,
  item: { itemKey: string },
  content: ReportContent,
  revision: number | null,
  status = revision === null ? 201 : 200,
): Promise<ReportDto> {
  const r = await call(h, s, 'PUT', reportUrl(item), { body: body(content, revision) });
  expect(r.statusCode, r.body).toBe(status);
  return r.json<ReportDto>();
}

/** POST a workflow step (submit, return, approve) and expect 200. */
export async function step(
  h: Harness,
  s: Session,
  report: { id: string; revision: number },
  action: 'submit' | 'return' | 'approve',
  comment?: string,
): Promise<ReportDto> {
  const r = await call(h, s, 'POST', `/api/reports/${report.id}/${action}`, {
    body: { revision: report.revision, ...(comment !== undefined ? { comment } : {}) },
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<ReportDto>();
}
