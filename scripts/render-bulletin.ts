/**
 * `npm run test:render`: one bulletin rendered the way a person will see it — the Sanmen plan
 * imported into a scratch database, June 2022's red-headed bulletin written by the CLI, converted
 * to PDF by LibreOffice, and each page to a PNG — all into test-results/ for people to look at.
 *
 * Needs Debian's libreoffice-writer (`soffice`) and, for the page images, poppler-utils
 * (`pdftoppm`). Without soffice it says so and stops (exit 0): the layout is still checked by
 * test/writers/bulletin-docx.test.ts, this is the eye test. Any other failure exits 1.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'test-results');
const DOCX = join(OUT, 'bulletin-2022-06.docx');
const PDF = join(OUT, 'bulletin-2022-06.pdf');

function which(cmd: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

async function cli(args: string[], env: Record<string, string>): Promise<void> {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await runCli(args, { stdout, stderr, env, cwd: ROOT });
  process.stderr.write(stderr.text);
  if (code !== 0) throw new Error(`reform-ledger ${args[0]} exited ${code}: ${stderr.text}`);
  process.stdout.write(stdout.text);
}

async function main(): Promise<number> {
  mkdirSync(OUT, { recursive: true });
  const data = mkdtempSync(join(tmpdir(), 'rl-render-'));
  try {
    const env = { DATA_DIR: data };
    await cli(['import', 'data-seed/sanmen-2022.txt', '--org', '三门县'], env);
    await cli(
      ['bulletin', '--period', '2022-06', '--out', DOCX, '--red-head', '--issuer', '三门县改革办'],
      env,
    );
  } finally {
    rmSync(data, { recursive: true, force: true });
  }

  const soffice = which('soffice') ?? which('libreoffice');
  if (!soffice) {
    console.log(
      `test:render: skipped the PDF — LibreOffice is not installed (apt-get install libreoffice-writer). ` +
        `The bulletin is in ${DOCX}.`,
    );
    return 0;
  }
  // A profile of its own: a LibreOffice already open on the desktop would otherwise take the job.
  const profile = mkdtempSync(join(tmpdir(), 'rl-lo-'));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        OUT,
        DOCX,
      ],
      { stdio: 'inherit', timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(PDF) || statSync(PDF).size === 0) throw new Error(`LibreOffice wrote no PDF at ${PDF}`);
  console.log(`test:render: ${PDF}`);

  const pdftoppm = which('pdftoppm');
  if (!pdftoppm) {
    console.log('test:render: no page images — pdftoppm is not installed (apt-get install poppler-utils).');
    return 0;
  }
  for (const f of readdirSync(OUT)) if (/^bulletin-2022-06-page-\d+\.png$/.test(f)) rmSync(join(OUT, f));
  execFileSync(pdftoppm, ['-png', '-r', '80', PDF, join(OUT, 'bulletin-2022-06-page')], { stdio: 'inherit' });
  const pages = readdirSync(OUT).filter((f) => /^bulletin-2022-06-page-\d+\.png$/.test(f));
  if (pages.length === 0) throw new Error('pdftoppm wrote no page');
  console.log(`test:render: ${pages.length} pages → ${OUT}/bulletin-2022-06-page-*.png`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
