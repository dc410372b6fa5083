/**
 * Debian's chromium through playwright-core, at the size the office's laptops have (1366×768),
 * with a guard that records every request to a host other than the test server's.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1366, height: 768 } as const;
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'test-results');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  // Playwright makes a fresh profile itself; --user-data-dir in args is rejected.
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface GuardedContext {
  context: BrowserContext;
  /** URLs requested from any host but the server's (should stay empty: every asset is bundled). */
  foreign: string[];
}

export async function newGuardedContext(
  browser: Browser,
  baseURL: string,
  opts: {
    locale?: string;
    reducedMotion?: 'reduce' | 'no-preference';
    /** Another device than the office's laptop (viewport, touch, user agent): see phone.ts. */
    device?: BrowserContextOptions;
  } = {},
): Promise<GuardedContext> {
  const context = await browser.newContext({
    baseURL,
    viewport: VIEWPORT,
    locale: opts.locale ?? 'zh-CN',
    // No animations: screenshots show pages at rest, not half-open panels.
    reducedMotion: opts.reducedMotion ?? 'reduce',
    ...opts.device,
  });
  const origin = new URL(baseURL).origin;
  const foreign: string[] = [];
  context.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  // Nothing may leave the machine: a request to another host fails instead of waiting on the network.
  await context.route(
    (url) => url.origin !== origin && url.protocol.startsWith('http'),
    (route) => route.abort('blockedbyclient'),
  );
  return { context, foreign };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}
