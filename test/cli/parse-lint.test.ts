import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { runCliCaptured } from '../helpers/run-cli.js';
import { planJsonSchema } from '../../src/domain/plan-schema.js';

const SEED = join(process.cwd(), 'data-seed/sanmen-2022.txt');
const schemaFile = JSON.parse(readFileSync(join(process.cwd(), 'schema/plan.schema.json'), 'utf8'));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rl-cli-'));
});

describe('reform-ledger parse', () => {
  it('prints the contract JSON for all 67 rows of the Sanmen plan, valid against the JSON Schema', async () => {
    const r = await runCliCaptured(['parse', SEED]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const plan = JSON.parse(r.stdout);
    expect(plan.items).toHaveLength(67);
    expect(plan.title).toBe('三门县共同富裕“三十”工程改革库');
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schemaFile);
    expect(validate(plan), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(plan.items[0]).toMatchObject({ number: 1, numberText: '1*', key: true, numberInferred: false });
  });

  it('the committed JSON Schema is the one generated from the code', () => {
    expect(schemaFile).toEqual(JSON.parse(JSON.stringify(planJsonSchema())));
  });

  it('writes finding messages in English with --lang en-US', async () => {
    const r = await runCliCaptured(['parse', SEED, '--lang', 'en-US', '--compact']);
    const plan = JSON.parse(r.stdout);
    const gap = plan.findings.find(
      (f: { code: string; field: string }) => f.code === 'SEQUENCE_GAP' && f.field === 'number',
    );
    expect(gap.message).toBe('Numbering jumps from 62 to 65; missing: 63, 64');
  });

  it('names the file and the problem for an empty document, exit code 2', async () => {
    const file = join(dir, 'empty.docx');
    writeFileSync(file, '');
    const r = await runCliCaptured(['parse', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('empty.docx');
    expect(r.stderr).toContain('文件是空的');
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('says which headers it saw when none is recognised', async () => {
    const file = join(dir, 'other.csv');
    writeFileSync(file, '姓名,电话,地址\n张三,123,三门\n李四,456,临海\n');
    const r = await runCliCaptured(['parse', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到表头');
    expect(r.stderr).toContain('姓名');
    expect(r.stderr).toContain('电话');
  });

  it('reports a missing file with exit code 2', async () => {
    const r = await runCliCaptured(['parse', join(dir, 'nope.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到文件');
  });

  it('refuses a file over --max-bytes before reading it', async () => {
    const r = await runCliCaptured(['parse', SEED, '--max-bytes', '1000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/超过上限 1000 B/);
  });
});

describe('reform-ledger lint', () => {
  it('groups findings by code with the item and a quote', async () => {
    const r = await runCliCaptured(['lint', SEED]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^三门县共同富裕“三十”工程改革库：67 项改革事项/);
    expect(r.stdout).toContain('【UNIT_ALIAS】');
    expect(r.stdout).toContain('县自然资源规划局');
    expect(r.stdout).toContain('【BLANK_VALUE】2 处');
    expect(r.stdout).toContain('序号从 62 跳到 65，缺少 63、64');
  });

  it('--json prints the findings array', async () => {
    const r = await runCliCaptured(['lint', SEED, '--json']);
    const findings = JSON.parse(r.stdout) as { code: string; item: number }[];
    expect(findings.filter((f) => f.code === 'BLANK_VALUE').map((f) => f.item)).toEqual([30, 30]);
  });

  it('--strict exits 1 only when there are errors', async () => {
    expect((await runCliCaptured(['lint', SEED, '--strict'])).code).toBe(0);
    const file = join(dir, 'no-title.txt');
    writeFileSync(
      file,
      [
        '\t序号',
        '\t改革事项',
        '\t改革举措',
        '\t主要目标',
        '\t责任单位',
        '',
        '\t1',
        '\t',
        '\t1.推进改革；',
        '\t2022年6月底前，完成方案。',
        '\t县发改局',
        '',
      ].join('\n'),
    );
    const r = await runCliCaptured(['lint', file, '--strict']);
    expect(r.stdout).toContain('EMPTY_CELL');
    expect(r.code).toBe(1);
  });
});

describe('reform-ledger help and usage', () => {
  it('lists the commands in Chinese by default and in English with --lang', async () => {
    const zh = await runCliCaptured(['--help']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('parse');
    expect(zh.stdout).toContain('规范性检查');
    const en = await runCliCaptured(['--lang', 'en-US', 'import', '--help']);
    expect(en.stdout).toContain('--dry-run');
    expect(en.stdout).toContain('compute and show the difference without writing');
  });

  it('exits 2 on an unknown command', async () => {
    const r = await runCliCaptured(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('frobnicate');
  });
});
