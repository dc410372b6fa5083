/**
 * First load of the dashboard in headless chromium, against the real server seeded with the
 * Sanmen plan: how much JavaScript the route pulls in (gzip, as a server would send it) and how
 * long until the dashboard is drawn (its counts shown and its charts on canvas), cold cache,
 * measured from the navigation's start by the page's own clock.
 */
import { gzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import { launchChromium, newGuardedContext, CHROMIUM } from '../test/e2e/browser.js';
import { ensureWebBuilt } from '../test/e2e/build-web.js';
import { ADMIN, startTestServer } from '../test/e2e/test-server.js';
import { round, summarize, type BenchResult } from './bench-support.js';

export interface WebLoadOptions {
  runs: number;
  targetKB: number;
  targetMs: number;
}

const AS_OF = '2022-06-30';

export async function runWebLoadBench(o: WebLoadOptions): Promise<BenchResult[]> {
  const sizeName = 'web: dashboard JS, first load';
  const timeName = 'web: dashboard rendered';
  const sizeTarget = `< ${o.targetKB} KB gzip`;
  const timeTarget = `< ${o.targetMs / 1000} s (median of ${o.runs})`;
  if (!existsSync(CHROMIUM)) {
    const skipped = `no chromium at ${CHROMIUM} (bash scripts/test-setup.sh)`;
    return [
      { name: sizeName, target: sizeTarget, value: null, unit: 'KB', met: null, skipped },
      { name: timeName, target: timeTarget, value: null, unit: 'ms', met: null, skipped },
    ];
  }
  await ensureWebBuilt();
  const server = await startTestServer();
  const browser = await launchChromium();
  try {
    const samples: number[] = [];
    let scripts: { file: string; bytes: number; gzip: number }[] = [];
    for (let run = 0; run < o.runs + 1; run++) {
      // A new context each time: empty cache, as on a first visit. Run 0 warms the server only.
      const { context, foreign } = await newGuardedContext(browser, server.url, {
        reducedMotion: 'no-preference',
      });
      const login = await context.request.post('/api/session', { data: ADMIN });
      if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
      const page = await context.newPage();
      const loaded: Promise<{ file: string; bytes: number; gzip: number }>[] = [];
      page.on('response', (res) => {
        if (res.request().resourceType() !== 'script') return;
        loaded.push(
          res.body().then((body) => ({
            file: new URL(res.url()).pathname,
            bytes: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
          })),
        );
      });
      await page.goto(`/?asOf=${AS_OF}`);
      // Drawn: the counts are in and the three charts have their canvases. Waiting through
      // locators adds a few ms of round trips, so the time measured errs on the slow side.
      await page.locator('[data-testid="count-total"] .stat-value').waitFor();
      await page.locator('.chart canvas').nth(2).waitFor();
      const ms = await page.evaluate(() => performance.now());
      if (run > 0) samples.push(ms);
      if (run === 1) scripts = await Promise.all(loaded);
      if (foreign.length > 0) throw new Error(`requests to other hosts: ${foreign.join(', ')}`);
      await context.close();
    }
    const gzipKB = round(scripts.reduce((s, f) => s + f.gzip, 0) / 1024, 1);
    const rawKB = round(scripts.reduce((s, f) => s + f.bytes, 0) / 1024, 1);
    const stats = summarize(samples);
    return [
      {
        name: sizeName,
        target: sizeTarget,
        value: gzipKB,
        unit: 'KB',
        met: gzipKB < o.targetKB,
        details: {
          rawKB,
          files: scripts
            .sort((a, b) => b.gzip - a.gzip)
            .map((f) => ({ file: f.file, gzipKB: round(f.gzip / 1024, 1) })),
        },
      },
      {
        name: timeName,
        target: timeTarget,
        value: round(stats.median, 0),
        unit: 'ms',
        met: stats.median < o.targetMs,
        details: {
          samplesMs: samples.map((s) => round(s, 0)),
          maxMs: round(stats.max, 0),
          viewport: '1366x768',
        },
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
