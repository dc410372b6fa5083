/** Small helpers of the report form's hook (useReportForm.ts): the item's shape, look-ups. */
import { api, ApiError } from '../../api/client';
import type { ItemDetail, ItemList, ReportContent } from '../../api/types';
import type { ItemShape } from './report-draft';

export function unitsOf(item: ItemDetail) {
  return {
    leadUnitId: item.units.find((u) => u.role === 'lead')?.id ?? null,
    coUnitIds: item.units.filter((u) => u.role === 'co').map((u) => u.id),
  };
}

export function shapeOf(item: ItemDetail): ItemShape {
  return {
    milestones: item.milestones.length,
    targets: item.targets.map((t) => ({ unit: t.unit, value: t.value })),
    achievements: item.achievements.length,
  };
}

export function notFound(e: unknown): null {
  if (e instanceof ApiError && e.status === 404) return null;
  throw e;
}

export function sameContent(a: ReportContent, b: ReportContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export async function findItemNumber(itemKey: string, signal: AbortSignal): Promise<number | null> {
  const list = await api.get<ItemList>('/items', { pageSize: 200 }, { signal });
  return list.items.find((i) => i.itemKey === itemKey)?.number ?? null;
}
