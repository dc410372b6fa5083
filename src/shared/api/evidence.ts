import { z } from 'zod';
import { evidenceSchema } from './reports.js';

/**
 * Evidence files (佐证材料) of a report: upload (multipart field `file`), list, download, remove.
 * The DTO is `evidenceSchema` of reports.ts: a report lists its files the same way.
 */

export const evidenceParamsSchema = z.object({ id: z.uuid() });

export const evidenceListSchema = z.object({ evidence: z.array(evidenceSchema) });
export type EvidenceList = z.infer<typeof evidenceListSchema>;

/**
 * What the server accepts, for the file picker's `accept` (a hint only: the server decides by
 * content). PDF, images, Word/Excel/PowerPoint (also legacy and WPS), OpenDocument.
 */
export const EVIDENCE_ACCEPT = [
  '.pdf',
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.webp',
  '.docx',
  '.xlsx',
  '.pptx',
  '.doc',
  '.xls',
  '.ppt',
  '.wps',
  '.et',
  '.dps',
  '.odt',
  '.ods',
  '.odp',
] as const;
