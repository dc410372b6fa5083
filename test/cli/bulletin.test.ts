import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../helpers/run-cli.js';
import { docxText } from '../writers/open-report.js';

/**
 * `reform-ledger bulletin`: the Sanmen plan imported by the CLI, then June 2022's bulletin (its
 * due date, 2022-06-25, long past) written as .docx, as a draft and then published.
 */

const SEED = 'data-seed/sanmen-2022.txt';
let dir: string;
let env: Record<string, string>;
const out = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rl-bulletin-'));
  env = { DATA_DIR: dir };
  const imported = await runCliCaptured(['import', SEED, '--org', '三门县'], env);
  expect(imported.code, imported.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reform-ledger bulletin', () => {
  it('writes the period bulletin with the opening given, red-headed', async () => {
    const r = await runCliCaptured(
      [
        'bulletin',
        '--period',
        '2022-06',
        '--out',
        out('通报-2022-06.docx'),
        '--opening',
        '现将6月份全县改革推进情况通报如下。',
        '--red-head',
        '--issuer',
        '三门县改革办',
      ],
      env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(
      '关于2022年6月三门县共同富裕“三十”工程改革库推进情况的通报（草稿，状态截至 2022-06-25）',
    );
    const text = await docxText(readFileSync(out('通报-2022-06.docx')));
    const lines = text.split('\n').filter(Boolean);
    expect(lines.slice(0, 4)).toEqual([
      '三门县改革工作通报',
      expect.stringMatching(/^三门县改革办\t\d{4}年\d{1,2}月\d{1,2}日$/),
      '关于2022年6月三门县共同富裕“三十”工程改革库推进情况的通报',
      '现将6月份全县改革推进情况通报如下。',
    ]);
    expect(text).toContain('共有改革事项 67 项');
  }, 120_000);

  it('publishes it through --db, the same content as the draft', async () => {
    const r = await runCliCaptured(
      [
        'bulletin',
        '--period',
        '2022-06',
        '--out',
        out('published.docx'),
        '--publish',
        '--db',
        join(dir, 'reform-ledger.db'),
      ],
      {},
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('该期第 1 份');
    const draft = await docxText(readFileSync(out('通报-2022-06.docx')));
    const published = await docxText(readFileSync(out('published.docx')));
    // Same period, same bulletin: everything after the masthead's date line is identical.
    const body = (t: string) => t.slice(t.indexOf('关于2022年6月'));
    expect(body(published)).toBe(body(draft));
  }, 120_000);

  it.each([
    [['--period', '2022-06', '--out', 'x.pdf'], '不是 .docx 文件'],
    [['--period', '2022-13', '--out', 'x.docx'], '不是有效的填报周期'],
    [['--period', '2099-01', '--out', 'x.docx'], '截止日过后才能生成'],
  ])(
    'refuses %j',
    async (args, message) => {
      const r = await runCliCaptured(
        ['bulletin', ...args.map((a) => (a.endsWith('x.docx') ? out(a) : a))],
        env,
      );
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
    },
    60_000,
  );
});
