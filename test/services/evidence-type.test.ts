import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { compoundFileNames } from '../../src/readers/ole-directory.js';
import {
  detectEvidenceType,
  EVIDENCE_TYPES,
  evidenceFileName,
  type EvidenceType,
} from '../../src/services/evidence-type.js';
import * as f from '../helpers/evidence-files.js';

const byExt = (ext: string): EvidenceType => EVIDENCE_TYPES.find((t) => t.ext === ext)!;

async function refusal(bytes: Uint8Array, name = 'upload.pdf'): Promise<InputError> {
  try {
    await detectEvidenceType(bytes, name);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error(`${name} was accepted`);
}

describe('evidence type by content', () => {
  it.each([
    ['PDF', () => f.pdf(), 'pdf', 'application/pdf'],
    ['PNG', () => f.png(), 'png', 'image/png'],
    ['JPEG', () => f.jpeg(), 'jpg', 'image/jpeg'],
    ['GIF', () => f.gif(), 'gif', 'image/gif'],
    ['WebP', () => f.webp(), 'webp', 'image/webp'],
    ['Word (docx library)', () => f.docx(), 'docx', byExt('docx').mime],
    ['Excel (exceljs)', () => f.xlsx(), 'xlsx', byExt('xlsx').mime],
    ['PowerPoint', () => f.pptx(), 'pptx', byExt('pptx').mime],
    ['OpenDocument text', () => f.odt(), 'odt', 'application/vnd.oasis.opendocument.text'],
    ['legacy Word / WPS', () => f.legacyDoc(), 'doc', 'application/msword'],
    ['legacy Excel / WPS', () => f.legacyXls(), 'xls', 'application/vnd.ms-excel'],
    ['legacy PowerPoint / WPS', () => f.legacyPpt(), 'ppt', 'application/vnd.ms-powerpoint'],
  ])('accepts %s', async (_name, make, ext, mime) => {
    // The name says nothing: every file is called "upload.bin".
    const type = await detectEvidenceType(await make(), 'upload.bin');
    expect({ ext: type.ext, mime: type.mime }).toEqual({ ext, mime });
  });

  it.each([
    ['a Windows executable named .pdf', () => f.exe(), 'setup.pdf', 'error.evidence_type'],
    ['HTML', () => f.html(), '进展.html', 'error.evidence_type'],
    ['SVG (can carry script)', () => f.svg(), 'logo.svg', 'error.evidence_type'],
    ['a plain zip', () => f.plainZip(), '材料.zip', 'error.evidence_type'],
    ['a zip that names itself .docx', () => f.plainZip(), '方案.docx', 'error.evidence_type'],
    [
      'a package whose Word parts are missing',
      () =>
        f.opc(
          'x/document.xml',
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
        ),
      '方案.docx',
      'error.evidence_type',
    ],
    [
      'a truncated Word file',
      async () => (await f.docx()).subarray(0, 400),
      '方案.docx',
      'error.evidence_type',
    ],
    ['plain text', () => Buffer.from('农民持股改革：已完成股份量化。\n'), '说明.txt', 'error.evidence_type'],
    ['an empty file', () => Buffer.alloc(0), '空.pdf', 'error.evidence_empty'],
    // iPhones' own photo format: its own message (how to get a JPEG), not the generic one.
    ['an iPhone HEIC photo', () => f.heic(), 'IMG_0001.HEIC', 'error.evidence_heic'],
    ['an HEIF image (brand mif1)', () => f.heic('mif1'), 'IMG_0002.heif', 'error.evidence_heic'],
    ['an HEIC photo named .jpg', () => f.heic(), '现场照片.jpg', 'error.evidence_heic'],
    ['Word with macros (.docm)', () => f.docm(), '方案.docx', 'error.evidence_macros'],
    [
      'legacy Word with a Macros storage',
      () => f.compoundFile(['WordDocument', 'Macros/', 'Macros/VBA/']),
      '方案.doc',
      'error.evidence_macros',
    ],
    [
      'a compound file that is not Office (an installer)',
      () => f.compoundFile(['\u4840\u3b3f\u4577\u446c', '\u0005SummaryInformation']),
      'setup.doc',
      'error.evidence_type',
    ],
    [
      'a compound file whose directory chain loops',
      () => f.compoundFile(['WordDocument', 'a', 'b', 'c', 'd'], { loop: true }),
      'loop.doc',
      'error.evidence_type',
    ],
  ])('refuses %s', async (_what, make, name, key) => {
    const e = await refusal(await make(), name);
    expect(e.key).toBe(key);
    expect(e.place.file).toBe(name);
  });

  it('refuses a Word file whose directory claims to unpack to gigabytes (zip bomb)', async () => {
    const bomb = f.withDeclaredSize(await f.docx(), 0xfff00000);
    const e = await refusal(bomb, '方案.docx');
    expect(e.key).toBe('error.zip_bomb');
  });

  it('reads the stream names of a compound file through its FAT', () => {
    expect(compoundFileNames(f.legacyDoc())).toEqual([
      'Root Entry',
      'WordDocument',
      '1Table',
      '\u0005SummaryInformation',
    ]);
    expect(
      compoundFileNames(f.compoundFile(['WordDocument', 'a', 'b', 'c', 'd'], { loop: true })),
    ).toBeNull();
    expect(compoundFileNames(f.pdf())).toBeNull();
  });
});

describe('evidenceFileName', () => {
  it.each([
    ['农民持股改革进展.pdf', 'pdf', '农民持股改革进展.pdf'],
    ['现场照片.JPEG', 'jpg', '现场照片.jpeg'],
    // The extension lies about the content: replaced by what the file is.
    ['现场照片.jpg', 'png', '现场照片.png'],
    ['方案.doc', 'docx', '方案.docx'],
    // WPS names are kept for the legacy formats WPS writes.
    ['台账.et', 'xls', '台账.et'],
    // Unknown or no extension: the right one is appended.
    ['进展报告.2022', 'pdf', '进展报告.2022.pdf'],
    ['扫描件', 'pdf', '扫描件.pdf'],
    // Folders, quotes, control and direction-override characters go.
    ['C:\\Users\\nongyeju\\Desktop\\报告.pdf', 'pdf', '报告.pdf'],
    ['../../etc/passwd', 'pdf', 'passwd.pdf'],
    ['发票\u202Efdp.exe', 'pdf', '发票fdp.exe.pdf'],
    ['a"b<c>|d?.pdf', 'pdf', 'a_b_c__d_.pdf'],
    ['', 'png', 'evidence.png'],
    ['...', 'png', 'evidence.png'],
  ])('%j as %s → %j', (original, ext, expected) => {
    expect(evidenceFileName(original, byExt(ext))).toBe(expected);
  });

  it('shortens a very long name to 120 characters before the extension', () => {
    const name = evidenceFileName(`${'三门县'.repeat(100)}.pdf`, byExt('pdf'));
    expect([...name]).toHaveLength(124);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});
