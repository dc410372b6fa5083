import { deflateSync } from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Evidence files as offices upload them, built in code (no binary fixtures): a PDF with a
 * correct cross-reference table, a PNG with valid CRCs, Word and Excel files written by the same
 * libraries the app uses, PowerPoint / OpenDocument packages with their required parts,
 * compound files (legacy .doc/.xls/.ppt) with a real FAT and directory — and the things that
 * must be refused.
 */

/** A one-page PDF saying `text`; offsets in the xref table are exact. */
export function pdf(text = 'Sanmen 2022'): Buffer {
  const stream = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The PDF grown to exactly `size` bytes with a comment before %%EOF (still a valid PDF). */
export function pdfOfSize(size: number): Buffer {
  const base = pdf();
  const pad = size - base.length - 2;
  if (pad < 0) throw new Error(`a PDF needs at least ${base.length + 2} bytes`);
  return Buffer.concat([base, Buffer.from(`%${'x'.repeat(pad)}\n`, 'latin1')]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A width×height red PNG (8-bit RGB). */
export function png(width = 4, height = 3): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([head, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([0xcc, 0, 0]))]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 1×1 progressive JPEG (JFIF). */
export const jpeg = (): Buffer =>
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  );

/**
 * The start of an iPhone photo (HEIC): an ISO-BMFF `ftyp` box, major brand `heic`, compatible
 * brands `mif1` and `heic`, then the `meta` box a real one carries (enough for detection).
 */
export const heic = (major: 'heic' | 'mif1' = 'heic'): Buffer => {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from(`ftyp${major}`, 'latin1'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mif1heic', 'latin1'),
  ]);
  const meta = Buffer.concat([Buffer.from([0, 0, 0, 0x0c]), Buffer.from('meta', 'latin1'), Buffer.alloc(4)]);
  return Buffer.concat([ftyp, meta, Buffer.alloc(64)]);
};

/** 1×1 GIF89a. */
export const gif = (): Buffer =>
  Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/** 1×1 lossless WebP. */
export const webp = (): Buffer => Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

/** A Word document written by the `docx` library, as the app's own writers do. */
export async function docx(paragraphs: string[] = ['农民持股改革 2022 年 6 月进展']): Promise<Buffer> {
  const doc = new Document({
    sections: [{ children: paragraphs.map((p) => new Paragraph({ text: p })) }],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}

export async function xlsx(
  rows: (string | number)[][] = [
    ['指标', '完成值'],
    ['融资额（万元）', 1500],
  ],
) {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('进展').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CONTENT_TYPES = (main: string, extra = '') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main.split('|')[0]}" ContentType="${main.split('|')[1]}"/>${extra}</Types>`;

/** An OPC package: [Content_Types].xml naming `mainPart` with `contentType`, plus the parts. */
export function opc(mainPart: string, contentType: string, parts: Zippable = {}, extraTypes = ''): Buffer {
  return Buffer.from(
    zipSync({
      '[Content_Types].xml': strToU8(CONTENT_TYPES(`${mainPart}|${contentType}`, extraTypes)),
      '_rels/.rels': strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${mainPart}"/></Relationships>`,
      ),
      [mainPart]: strToU8('<?xml version="1.0" encoding="UTF-8"?><root/>'),
      ...parts,
    }),
  );
}

export const pptx = (): Buffer =>
  opc(
    'ppt/presentation.xml',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    { 'ppt/slides/slide1.xml': strToU8('<?xml version="1.0"?><p:sld/>') },
  );

/** A .docm: Word with a VBA project. */
export const docm = (): Buffer =>
  opc(
    'word/document.xml',
    'application/vnd.ms-word.document.macroEnabled.main+xml',
    { 'word/vbaProject.bin': new Uint8Array(16) },
    '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>',
  );

/** OpenDocument text: `mimetype` first and stored, then the content. */
export function odt(): Buffer {
  return Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8('<?xml version="1.0"?><office:document-content/>'),
      'META-INF/manifest.xml': strToU8('<?xml version="1.0"?><manifest:manifest/>'),
    }),
  );
}

export const plainZip = (): Buffer =>
  Buffer.from(zipSync({ '材料/说明.txt': strToU8('三门县改革材料'), 'photo.png': png() }));

/**
 * A compound file (version 3, 512-byte sectors) holding empty streams named `streams` (a name
 * ending in "/" is a storage): a FAT sector, then the directory sectors, chained in the FAT.
 * `loop` chains the directory to itself, as a hostile file would.
 */
export function compoundFile(streams: string[], opts: { loop?: boolean } = {}): Buffer {
  const SECTOR = 512;
  const FREE = 0xffffffff;
  const END = 0xfffffffe;
  const FATSECT = 0xfffffffd;
  const entries = ['Root Entry/', ...streams];
  const dirSectors = Math.ceil(entries.length / 4);
  const out = Buffer.alloc(SECTOR * (2 + dirSectors), 0);
  // Header.
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(out, 0);
  out.writeUInt16LE(0x3e, 0x18);
  out.writeUInt16LE(3, 0x1a);
  out.writeUInt16LE(0xfffe, 0x1c);
  out.writeUInt16LE(9, 0x1e);
  out.writeUInt16LE(6, 0x20);
  out.writeUInt32LE(1, 0x2c); // FAT sectors
  out.writeUInt32LE(1, 0x30); // first directory sector
  out.writeUInt32LE(4096, 0x38);
  out.writeUInt32LE(END, 0x3c);
  out.writeUInt32LE(END, 0x44);
  for (let i = 0; i < 109; i++) out.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);
  // FAT (sector 0, at offset 512).
  const fat = SECTOR;
  for (let i = 0; i < SECTOR / 4; i++) out.writeUInt32LE(FREE, fat + i * 4);
  out.writeUInt32LE(FATSECT, fat);
  for (let d = 0; d < dirSectors; d++) {
    const next = d + 1 < dirSectors ? d + 2 : opts.loop ? 1 : END;
    out.writeUInt32LE(next, fat + (d + 1) * 4);
  }
  // Directory (sectors 1…): each entry a sibling of the next, all children of the root.
  entries.forEach((raw, i) => {
    const at = SECTOR * 2 + i * 128;
    const storage = raw.endsWith('/');
    const name = storage ? raw.slice(0, -1) : raw;
    const utf16 = Buffer.from(`${name}\0`, 'utf16le');
    utf16.copy(out, at);
    out.writeUInt16LE(utf16.length, at + 0x40);
    out[at + 0x42] = i === 0 ? 5 : storage ? 1 : 2;
    out[at + 0x43] = 1; // black
    out.writeUInt32LE(FREE, at + 0x44); // left sibling
    out.writeUInt32LE(i > 0 && i + 1 < entries.length ? i + 1 : FREE, at + 0x48); // right sibling
    out.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : FREE, at + 0x4c); // child
    out.writeUInt32LE(END, at + 0x74); // start sector: empty stream
  });
  return out;
}

export const legacyDoc = () => compoundFile(['WordDocument', '1Table', '\u0005SummaryInformation']);
export const legacyXls = () => compoundFile(['Workbook', '\u0005SummaryInformation']);
export const legacyPpt = () => compoundFile(['PowerPoint Document', 'Current User']);

/** A Windows executable's first bytes: the DOS stub and the PE header it points to. */
export function exe(): Buffer {
  const out = Buffer.alloc(512, 0);
  out.write('MZ', 0, 'latin1');
  out.writeUInt32LE(0x80, 0x3c);
  out.write('PE\0\0', 0x80, 'latin1');
  out.writeUInt16LE(0x14c, 0x84);
  out.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  return out;
}

export const html = (): Buffer =>
  Buffer.from('<!DOCTYPE html><html><body><script>fetch("/api/users")</script>三门县</body></html>');

export const svg = (): Buffer =>
  Buffer.from(
    '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
  );

/** The first central-directory entry's declared size set to `size`: a zip bomb as the directory tells it. */
export function withDeclaredSize(zip: Buffer, size: number): Buffer {
  const out = Buffer.from(zip);
  const at = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  out.writeUInt32LE(size, at + 24);
  return out;
}
