import type { Locale } from '../i18n/index.js';
import type { Db } from '../store/database.js';
import type { ItemFilters } from '../shared/api/items.js';
import { writeItemsXlsx } from '../writers/items-xlsx.writer.js';
import type { Ledger } from './ledger.service.js';
import { filterItems } from './list-items.service.js';

/** GET /items/export.xlsx: every item matching the filters (no paging), as a spreadsheet. */
export async function exportItems(
  db: Db,
  ledger: Ledger,
  filters: ItemFilters,
  asOf: string,
  locale: Locale,
): Promise<Buffer> {
  const rated = await filterItems(db, ledger, filters, asOf);
  return writeItemsXlsx(
    rated.map(({ entry, rating }) => ({
      number: entry.item.number,
      key: entry.item.key,
      title: entry.item.title,
      section: entry.item.section ?? null,
      status: rating.status,
      leadUnit: entry.lead?.canonical ?? null,
      coUnits: entry.units.filter((u) => u.role === 'co').map((u) => u.canonical),
      nextDeadline: rating.next,
      measures: entry.item.measures,
      goalsText: entry.item.goalsText,
      achievements: entry.item.achievements,
    })),
    locale,
    asOf,
  );
}
