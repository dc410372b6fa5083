import { randomBytes } from 'node:crypto';
import { inflateSync, strToU8, zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/domain/errors.js';
import { readDocument, type ReadOptions } from '../../src/readers/read-document.js';
import { buildDocx, deflatedZeros, zipDocxXml, zipRawDeflated } from '../fixtures/build-fixtures.js';

const MiB = 1024 * 1024;

/** Reads and returns the InputError, asserting its key and that it names the file. */
async function inputError(
  bytes: Uint8Array,
  name: string,
  key: string,
  opts?: ReadOptions,
): Promise<InputError> {
  const err = await readDocument(bytes, name, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).key).toBe(key);
  expect((err as InputError).place.file).toBe(name);
  return err as InputError;
}

const tinyDocx = () =>
  buildDocx(
    [
      ['序号', '改革事项'],
      ['1', '事项'],
    ],
    { title: '附件5' },
  );

describe('bad input', () => {
  it('empty files: no bytes, or only a BOM and whitespace', async () => {
    await inputError(new Uint8Array(0), 'empty.docx', 'error.empty_file');
    await inputError(
      new Uint8Array([0xef, 0xbb, 0xbf, 0x20, 0x0d, 0x0a, 0x09]),
      'blank.txt',
      'error.empty_file',
    );
    await inputError(
      new Uint8Array(iconv.encode('\uFEFF \u3000\r\n', 'utf16le')),
      'blank16.txt',
      'error.empty_file',
    );
  });

  it('random binary bytes', async () => {
    await inputError(new Uint8Array(randomBytes(4096)), 'noise.docx', 'error.binary_garbage');
  });

  it('files over maxBytes, with sizes people can read', async () => {
    const err = await inputError(await tinyDocx(), 'big.docx', 'error.too_large', { maxBytes: 1024 });
    expect(err.params['limit']).toBe('1 KB');
    expect(String(err.params['size'])).toMatch(/^\d+(\.\d)? KB$/);
  });

  it('a docx with no table reads as no tables and its paragraphs', async () => {
    const doc = await readDocument(
      zipDocxXml({ body: '<w:p><w:r><w:t>只有一段文字</w:t></w:r></w:p>' }),
      'plain.docx',
    );
    expect(doc.tables).toEqual([]);
    expect(doc.paragraphs).toEqual(['只有一段文字']);
  });

  it('a truncated docx is a corrupt zip, not a stack trace', async () => {
    const whole = await tinyDocx();
    const err = await inputError(
      whole.subarray(0, Math.floor(whole.length / 2)),
      'cut.docx',
      'error.corrupt_zip',
    );
    expect(err.params['format']).toBe('Word');
  });

  it('damaged compressed data inside an intact archive is a corrupt zip', async () => {
    const bad = new Uint8Array(200).fill(0xff); // BTYPE 11: an invalid deflate block
    await inputError(
      zipRawDeflated([{ name: 'word/document.xml', deflated: bad, declaredSize: 1000 }]),
      'bad-deflate.docx',
      'error.corrupt_zip',
    );
  });

  it('a zip that is neither Word nor Excel', async () => {
    const zip = zipSync({
      mimetype: strToU8('application/vnd.oasis.opendocument.text'),
      'content.xml': strToU8('<x/>'),
    });
    await inputError(zip, 'plan.odt', 'error.not_office');
  });

  it('a docx whose document.xml is not WordprocessingML is a corrupt document', async () => {
    const zip = zipSync({ 'word/document.xml': strToU8('<?xml version="1.0"?><html><body/></html>') });
    const err = await inputError(zip, 'odd.docx', 'error.corrupt_document');
    expect(err.params['format']).toBe('Word');
  });

  it('legacy .doc/.xls (OLE2) and password-protected Office files', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await inputError(ole, 'old.doc', 'error.legacy_office');
    const encrypted = new Uint8Array(2048);
    encrypted.set(ole.subarray(0, 8));
    encrypted.set(iconv.encode('EncryptedPackage', 'utf16le'), 1200);
    await inputError(encrypted, 'locked.docx', 'error.encrypted_office');
  });

  it('RTF and HTML saved by Word are not guessed at', async () => {
    await inputError(strToU8('{\\rtf1\\ansi 改革库}'), 'plan.doc', 'error.unknown_format');
    await inputError(
      strToU8('<html><body><table></table></body></html>'),
      'plan.xls',
      'error.unknown_format',
    );
  });

  it('CSV in Big5 or Shift-JIS is refused as an unknown encoding', async () => {
    const rows = '序號,改革事項,責任單位\r\n1,深化改革試點,縣發改局\r\n';
    await inputError(new Uint8Array(iconv.encode(rows, 'big5')), 'big5.csv', 'error.encoding');
    const sjis = '番号,改革事項,担当部署\r\n1,行政手続きの簡素化,総務課\r\n';
    await inputError(new Uint8Array(iconv.encode(sjis, 'shift_jis')), 'sjis.csv', 'error.encoding');
  });

  it('text with neither a Word table nor CSV shape reads as paragraphs', async () => {
    const doc = await readDocument(strToU8('三门县改革库\n\n一、总体要求\n二、主要任务\n'), 'plan.txt');
    expect(doc).toEqual({
      source: 'plan.txt',
      format: 'text',
      tables: [],
      paragraphs: ['三门县改革库', '一、总体要求', '二、主要任务'],
    });
  });
});

describe('zip bombs', () => {
  it('the hand-made zero stream really inflates to the size it claims', () => {
    const out = inflateSync(deflatedZeros(100_000));
    expect(out.length).toBe(100_000);
    expect(out.every((b) => b === 0)).toBe(true);
  });

  it('one entry declaring 300 MB is refused from the central directory, before inflating', async () => {
    const size = 300 * MiB;
    const zip = zipRawDeflated([
      { name: 'word/document.xml', deflated: deflatedZeros(size), declaredSize: size },
    ]);
    expect(zip.length).toBeLessThan(3 * MiB);
    const started = Date.now();
    const err = await inputError(zip, 'bomb.docx', 'error.zip_bomb');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(err.params['detail']).toContain('200 MB');
  });

  it('an entry that lies about its size is stopped by the counting inflater', async () => {
    const zip = zipRawDeflated([
      { name: 'word/document.xml', deflated: deflatedZeros(64 * MiB), declaredSize: 1000 },
    ]);
    const err = await inputError(zip, 'liar.docx', 'error.zip_bomb', { maxUncompressedBytes: 8 * MiB });
    expect(err.params['detail']).toContain('8 MB');
    // The same limit applies to every entry of a workbook, even ones never read by us.
    const xlsx = zipRawDeflated([
      { name: 'xl/workbook.xml', deflated: deflatedZeros(10), declaredSize: 10 },
      { name: 'xl/media/image1.png', deflated: deflatedZeros(64 * MiB), declaredSize: 1000 },
    ]);
    await inputError(xlsx, 'liar.xlsx', 'error.zip_bomb', { maxUncompressedBytes: 8 * MiB });
  });

  it('too many entries', async () => {
    const files: Record<string, Uint8Array> = { 'word/document.xml': strToU8('<w:document/>') };
    for (let i = 0; i < 5000; i++) files[`word/media/f${i}.xml`] = strToU8('x');
    const err = await inputError(zipSync(files, { level: 0 }), 'many.docx', 'error.zip_bomb');
    expect(err.params['detail']).toContain('5001 entries > 2000');

    const few: Record<string, Uint8Array> = {};
    for (let i = 0; i < 150; i++) few[`f${i}.xml`] = strToU8('x');
    await inputError(zipSync(few, { level: 0 }), 'few.docx', 'error.zip_bomb', { maxEntries: 100 });
  });
});
