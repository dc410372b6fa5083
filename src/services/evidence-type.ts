import { fileTypeFromBuffer } from 'file-type';
import { InputError } from '../domain/errors.js';
import { safeFileName } from '../domain/safe-file-name.js';
import { compoundFileNames, isCompoundFile } from '../readers/ole-directory.js';
import { openZip, type ZipArchive } from '../readers/zip-guard.js';

/**
 * What an evidence file (佐证材料) is, decided by its content alone — never by its name or the
 * Content-Type the browser sent, both of which the uploader chooses. Accepted: PDF, JPEG, PNG,
 * GIF, WebP, Word/Excel/PowerPoint (OOXML and the legacy compound-file formats, which WPS also
 * writes) and OpenDocument. Everything else is refused with 415 — executables, HTML and SVG
 * (both can carry script), plain archives, text — and so are documents with macros.
 *
 * HEIC/HEIF (the iPhone camera's own format) is refused with a message of its own: most office
 * PCs cannot open it (Windows needs an extra codec, WPS and the Kylin/UOS desktops none), and
 * turning it into JPEG needs an HEVC decoder this server does not carry. An iPhone sends JPEG
 * anyway when a page's file field asks for images (`accept="image/*"`, the camera button):
 * HEIC only arrives as a file copied from elsewhere, and the message says how to get a JPEG.
 *
 * A name whose extension contradicts the content is not refused (phones save PNGs as .jpg, WPS
 * saves .docx content as .doc), but the stored name gets the extension of what the file is, so
 * the downloaded file opens in the program that can read it and nothing else.
 */

export interface EvidenceType {
  /** The canonical extension. */
  ext: string;
  mime: string;
  /** Extensions a file of this type may keep. */
  extensions: readonly string[];
}

const type = (ext: string, mime: string, extensions: readonly string[] = [ext]): EvidenceType => ({
  ext,
  mime,
  extensions,
});

const PDF = type('pdf', 'application/pdf');
const JPEG = type('jpg', 'image/jpeg', ['jpg', 'jpeg', 'jpe']);
const PNG = type('png', 'image/png');
const GIF = type('gif', 'image/gif');
const WEBP = type('webp', 'image/webp');
const DOCX = type('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
const XLSX = type('xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
const PPTX = type('pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation');
const DOC = type('doc', 'application/msword', ['doc', 'wps', 'dot']);
const XLS = type('xls', 'application/vnd.ms-excel', ['xls', 'et', 'xlt']);
const PPT = type('ppt', 'application/vnd.ms-powerpoint', ['ppt', 'dps', 'pps', 'pot']);
const ODT = type('odt', 'application/vnd.oasis.opendocument.text');
const ODS = type('ods', 'application/vnd.oasis.opendocument.spreadsheet');
const ODP = type('odp', 'application/vnd.oasis.opendocument.presentation');

export const EVIDENCE_TYPES: readonly EvidenceType[] = [
  PDF,
  JPEG,
  PNG,
  GIF,
  WEBP,
  DOCX,
  XLSX,
  PPTX,
  DOC,
  XLS,
  PPT,
  ODT,
  ODS,
  ODP,
];

/** By file-type's answer, for the formats whose magic bytes say everything. */
const BY_DETECTED_EXT: Record<string, EvidenceType> = {
  pdf: PDF,
  jpg: JPEG,
  png: PNG,
  apng: PNG,
  gif: GIF,
  webp: WEBP,
};

/** OOXML main parts (in [Content_Types].xml) and the folder their parts live in. */
const OOXML_MAIN: Record<string, { type: EvidenceType; folder: string }> = {
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml': {
    type: DOCX,
    folder: 'word/',
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': { type: XLSX, folder: 'xl/' },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml': {
    type: PPTX,
    folder: 'ppt/',
  },
};

const ODF: Record<string, EvidenceType> = { [ODT.mime]: ODT, [ODS.mime]: ODS, [ODP.mime]: ODP };

/**
 * An evidence file may declare up to this much content (a report with photos is large), but only
 * its small identifying parts are inflated here, within 4 MiB: a `[Content_Types].xml` that
 * inflates to gigabytes is refused after 4 MiB, not held in memory.
 */
const ZIP_LIMITS = {
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxEntries: 10_000,
  maxInflatedBytes: 4 * 1024 * 1024,
};

/** Throws InputError (→ 415) unless the bytes are one of EVIDENCE_TYPES. */
export async function detectEvidenceType(bytes: Uint8Array, fileName: string): Promise<EvidenceType> {
  const refuse = (key = 'error.evidence_type'): never => {
    throw new InputError(key, {}, { file: fileName });
  };
  if (bytes.length === 0) refuse('error.evidence_empty');
  if (isZip(bytes)) return zipType(bytes, fileName, refuse) ?? refuse();
  if (isCompoundFile(bytes)) return compoundType(bytes, refuse) ?? refuse();
  const detected = await fileTypeFromBuffer(bytes);
  if (detected?.ext === 'heic') refuse('error.evidence_heic');
  return (detected && BY_DETECTED_EXT[detected.ext]) || refuse();
}

type Refuse = (key?: string) => never;

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function zipType(bytes: Uint8Array, fileName: string, refuse: Refuse): EvidenceType | null {
  try {
    const zip = openZip(bytes, fileName, ZIP_LIMITS, 'Office');
    return ooxmlType(zip, refuse) ?? odfType(zip, refuse);
  } catch (e) {
    // A zip bomb says so (400, its own message); a broken zip is simply not a document.
    if (e instanceof InputError && e.key !== 'error.corrupt_zip') throw e;
    return null;
  }
}

function ooxmlType(zip: ZipArchive, refuse: Refuse): EvidenceType | null {
  const types = zip.readText('[Content_Types].xml');
  if (types === undefined) return null;
  if (/macroEnabled|vbaProject/i.test(types)) refuse('error.evidence_macros');
  for (const [contentType, { type, folder }] of Object.entries(OOXML_MAIN)) {
    if (!types.includes(`"${contentType}"`)) continue;
    return zip.entries.some((e) => e.name.toLowerCase().startsWith(folder)) ? type : null;
  }
  return null;
}

/** OpenDocument: a `mimetype` entry naming the type, and the content itself. */
function odfType(zip: ZipArchive, refuse: Refuse): EvidenceType | null {
  const type = ODF[zip.readText('mimetype')?.trim() ?? ''];
  if (!type || !zip.has('content.xml')) return null;
  if (zip.entries.some((e) => /^basic\//i.test(e.name))) refuse('error.evidence_macros');
  return type;
}

function compoundType(bytes: Uint8Array, refuse: Refuse): EvidenceType | null {
  const names = compoundFileNames(bytes);
  if (!names) return null;
  const has = (n: string) => names.includes(n);
  if (has('Macros') || has('_VBA_PROJECT_CUR') || has('VBA')) refuse('error.evidence_macros');
  if (has('WordDocument')) return DOC;
  if (has('Workbook') || has('Book')) return XLS;
  if (has('PowerPoint Document')) return PPT;
  return null;
}

const MAX_NAME_CHARS = 120;

/**
 * The name the file is stored and downloaded under: the uploader's name made safe
 * (domain/safe-file-name.ts: no folders, control or direction-override characters, Windows
 * device names), shortened, and ending in an extension of what the content is: a known
 * extension that lies is replaced, an unknown one is kept and the right one appended.
 */
export function evidenceFileName(original: string, type: EvidenceType): string {
  const name = safeFileName(original, Number.MAX_SAFE_INTEGER);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const known = EVIDENCE_TYPES.some((t) => t.extensions.includes(ext));
  const base = [...(known ? name.slice(0, dot) : name)].slice(0, MAX_NAME_CHARS).join('').trim();
  return `${base || 'evidence'}.${type.extensions.includes(ext) ? ext : type.ext}`;
}
