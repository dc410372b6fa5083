import { beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCliCaptured } from '../helpers/run-cli.js';
import { docxText, openXlsx } from '../writers/open-report.js';

const SEED = join(process.cwd(), 'data-seed/sanmen-2022.txt');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rl-lint-report-'));
});

describe('reform-ledger lint --out', () => {
  it('writes the .docx report, relative to the working directory, and says where', async () => {
    const r = await runCliCaptured(['lint', SEED, '--out', 'report.docx'], {}, dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const file = join(dir, 'report.docx');
    expect(r.stdout).toBe(`规范性检查报告已写入 ${file}（79 个问题）\n`);
    const text = await docxText(readFileSync(file));
    expect(text).toContain('《三门县共同富裕“三十”工程改革库》规范性检查报告');
    expect(text).toContain('原文：“县自然资源规划局”');
  });

  it('writes the .xlsx report (format by extension, any case)', async () => {
    const r = await runCliCaptured(['lint', SEED, '--out', join(dir, 'REPORT.XLSX')]);
    expect(r.code).toBe(0);
    const wb = await openXlsx(readFileSync(join(dir, 'REPORT.XLSX')));
    expect(wb.getWorksheet('按问题')!.rowCount).toBe(80);
  });

  it('writes it in English with --lang en-US', async () => {
    const r = await runCliCaptured(['lint', SEED, '--lang', 'en-US', '--out', 'en.docx'], {}, dir);
    expect(r.stdout).toContain('Quality report written to');
    expect(await docxText(readFileSync(join(dir, 'en.docx')))).toContain('Quality check report on');
  });

  it('keeps stdout pure JSON with --json, the notice going to stderr', async () => {
    const r = await runCliCaptured(['lint', SEED, '--json', '--out', 'both.xlsx'], {}, dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(79);
    expect(r.stderr).toContain(join(dir, 'both.xlsx'));
  });

  it('refuses --out report.pdf with a usage error and exit code 2, before reading the document', async () => {
    const r = await runCliCaptured(['lint', join(dir, 'no-such-plan.docx'), '--out', 'report.pdf'], {}, dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('用法错误：--out report.pdf：检查报告只能写成 .docx 或 .xlsx 文件\n');
    expect(existsSync(join(dir, 'report.pdf'))).toBe(false);
    const noExt = await runCliCaptured(['--lang', 'en-US', 'lint', SEED, '--out', 'report'], {}, dir);
    expect(noExt.code).toBe(2);
    expect(noExt.stderr).toContain('only be written as a .docx or .xlsx file');
  });

  it('will not overwrite the document being checked', async () => {
    const plan = join(dir, 'plan.docx');
    copyFileSync(SEED, plan);
    const r = await runCliCaptured(['lint', 'plan.docx', '--out', plan], {}, dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('不能覆盖正在检查的文档');
    expect(readFileSync(plan)).toEqual(readFileSync(SEED));
  });

  it('reports a folder that does not exist as an input error (exit 2), not an internal one', async () => {
    const r = await runCliCaptured(['lint', SEED, '--out', join(dir, 'missing', 'report.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('无法写入');
    expect(r.stderr).toContain('ENOENT');
  });

  it('keeps --strict working alongside --out (the seed has no errors: exit 0)', async () => {
    const r = await runCliCaptured(['lint', SEED, '--strict', '--out', 'strict.docx'], {}, dir);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'strict.docx'))).toBe(true);
    // An item without a title is an error: the report is written and the exit code says so.
    const untitled = join(dir, 'untitled.txt');
    const header = ['\t序号', '\t改革事项', '\t改革举措', '\t主要目标', '\t责任单位', ''];
    const row = ['\t1', '\t', '\t1.推进改革；', '\t2022年6月底前，完成方案。', '\t县发改局', ''];
    writeFileSync(untitled, [...header, ...row].join('\n'));
    const strict = await runCliCaptured(['lint', untitled, '--strict', '--out', 'untitled.xlsx'], {}, dir);
    expect(strict.code).toBe(1);
    const wb = await openXlsx(readFileSync(join(dir, 'untitled.xlsx')));
    const severities = wb.getWorksheet('按问题')!.getColumn(3).values;
    expect(severities).toContain('错误');
  });
});
