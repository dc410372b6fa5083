import { NotFoundError } from '../domain/errors.js';
import type { BulletinDetailDto, BulletinsDto } from '../shared/api/bulletins.js';
import { findBulletin, listBulletins, readDocx, type BulletinRecord } from '../store/bulletins.repository.js';
import type { Db } from '../store/database.js';
import { toBulletinDetail, toBulletinSummary } from './bulletin-view.js';
import { renderBulletin } from './publish-bulletin.service.js';

/**
 * Reading bulletins: every signed-in user sees and downloads the published ones; drafts are the
 * office's work in progress and exist only for admins (to anybody else a draft is not found).
 */

export interface Reader {
  orgId: string;
  role: string;
}

const mayEdit = (r: Reader) => r.role === 'admin';

export async function listBulletinsView(db: Db, reader: Reader): Promise<BulletinsDto> {
  const rows = await listBulletins(db.kysely, reader.orgId, { publishedOnly: !mayEdit(reader) });
  return { bulletins: rows.map(toBulletinSummary), canEdit: mayEdit(reader) };
}

export async function bulletinDetail(db: Db, reader: Reader, id: string): Promise<BulletinDetailDto> {
  return toBulletinDetail(await readable(db, reader, id));
}

/** The .docx: as published, or — a draft, for the office — drawn now as it would be issued today. */
export async function bulletinDocx(
  db: Db,
  reader: Reader,
  id: string,
  today: string,
): Promise<{ bytes: Uint8Array; fileName: string; bulletin: BulletinRecord }> {
  const b = await readable(db, reader, id);
  const stored = b.status === 'published' ? await readDocx(db.kysely, reader.orgId, id) : null;
  const bytes = stored ?? (await renderBulletin(b, today)).bytes;
  return { bytes, fileName: fileName(b), bulletin: b };
}

async function readable(db: Db, reader: Reader, id: string): Promise<BulletinRecord> {
  const b = await findBulletin(db.kysely, reader.orgId, id);
  if (!b || (b.status !== 'published' && !mayEdit(reader))) {
    throw new NotFoundError('error.bulletin_not_found', { id });
  }
  return b;
}

/** 通报-2022-06.docx; a corrected one 通报-2022-06-2.docx; a draft 通报-2022-06-草稿.docx. */
function fileName(b: BulletinRecord): string {
  const zh = b.content.locale === 'zh-CN';
  const which = b.seq === null ? (zh ? '-草稿' : '-draft') : b.seq === 1 ? '' : `-${b.seq}`;
  return `${zh ? '通报' : 'bulletin'}-${b.period}${which}.docx`;
}
