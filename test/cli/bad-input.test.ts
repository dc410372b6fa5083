import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { randomBytes } from 'node:crypto';
import iconv from 'iconv-lite';
import Database from 'better-sqlite3';
import { runCliCaptured } from '../helpers/run-cli.js';
import {
  buildCsv,
  buildDocx,
  deflatedZeros,
  zipDocxXml,
  zipRawDeflated,
} from '../fixtures/build-fixtures.js';

const SEED = join(process.cwd(), 'data-seed/sanmen-2022.txt');
const HEADER = ['序号', '改革事项', '改革举措', '主要目标', '标志性成果', '责任单位'];
const ROW = [
  '1',
  '保险制度改革',
  '1.持续健全农业保险基层服务网络；',
  '2022年6月底前，新增1个特色农业保险产品。',
  '形成可复制经验。',
  '县金融中心',
];

let dataDir: string;
const env = () => ({ DATA_DIR: dataDir });

function counts(): Record<string, number> {
  const db = new Database(join(dataDir, 'reform-ledger.db'), { readonly: true });
  try {
    const out: Record<string, number> = {};
    for (const t of [
      'orgs',
      'plans',
      'plan_versions',
      'items',
      'milestones',
      'targets',
      'units',
      'findings',
      'audit_log',
    ]) {
      out[t] = (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
    }
    return out;
  } finally {
    db.close();
  }
}

/** Every kind of bad document the issue names: name, bytes, and the words the message must contain. */
const cases: [string, () => Promise<Uint8Array> | Uint8Array, string, RegExp][] = [
  ['an empty file', () => new Uint8Array(0), 'plan.docx', /文件是空的/],
  [
    'binary garbage',
    () => new Uint8Array(randomBytes(4096).map((b) => (b === 0x50 ? 0 : b))),
    'plan.xlsx',
    /不是文本/,
  ],
  [
    'a .docx with no table and no numbered tasks',
    () =>
      zipDocxXml({
        body: '<w:p><w:r><w:t>关于做好2022年改革工作的通知</w:t></w:r></w:p><w:p><w:r><w:t>各单位要高度重视。</w:t></w:r></w:p>',
      }),
    'notice.docx',
    /既没有可识别的改革库表格/,
  ],
  [
    'a table whose headers match nothing',
    () =>
      buildDocx([
        ['姓名', '电话', '住址'],
        ['张三', '123', '海游街道'],
      ]),
    'contacts.docx',
    /找不到表头.*姓名.*电话/,
  ],
  [
    'a corrupt zip',
    async () => (await buildDocx([HEADER, ROW])).slice(0, 900),
    'cut.docx',
    /已损坏|文件已损坏/,
  ],
  ['a file over the size limit', () => new TextEncoder().encode('x'.repeat(2048)), 'big.txt', /超过上限/],
  [
    'a zip bomb',
    () =>
      zipRawDeflated([
        {
          name: 'word/document.xml',
          deflated: deflatedZeros(300 * 1024 * 1024),
          declaredSize: 300 * 1024 * 1024,
        },
      ]),
    'bomb.docx',
    /解压后过大或文件过多/,
  ],
  [
    'a CSV in Big5',
    () => new Uint8Array(iconv.encode(`${HEADER.join(',')}\n${ROW.join(',')}\n`, 'big5')),
    'big5.csv',
    /无法识别文件编码/,
  ],
];

describe('bad input through `reform-ledger import`', () => {
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'rl-bad-'));
    const r = await runCliCaptured(['import', SEED], env());
    expect(r.code).toBe(0);
  });

  it.each(cases)(
    '%s: a clear message naming the file, exit code 2, the database untouched',
    async (_name, make, file, message) => {
      const path = join(dataDir, file);
      writeFileSync(path, await make());
      const before = counts();
      const limit = file === 'big.txt' ? ['--max-bytes', '1024'] : [];
      const r = await runCliCaptured(['import', path, ...limit], env());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(file);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(counts()).toEqual(before);
    },
  );

  it('a GBK CSV of the same table is read, not refused', async () => {
    const path = join(dataDir, 'gbk.csv');
    writeFileSync(path, buildCsv([HEADER, ROW], { encoding: 'gbk' }));
    const r = await runCliCaptured(['parse', path, '--compact'], env());
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).items[0].title).toBe('保险制度改革');
  });
});
