/**
 * A phone in the browser tests: a 390 × 844 screen (an iPhone 12–15 or a mid-range Android) at
 * device pixel ratio 3, touch, a mobile user agent; and the two checks every phone page must
 * pass — nothing wider than the screen (no sideways scrolling) and touch targets of at least
 * 44 × 44 CSS px (WCAG 2.5.5; Apple's and Android's guidance say 44 pt / 48 dp).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { SCREENSHOTS } from './browser.js';

export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  screen: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  // Where the reporters are: times on screen read as they do in Sanmen.
  timezoneId: 'Asia/Shanghai',
  // Chromium is what runs, so an Android Chrome: the page gets the engine it thinks it gets.
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
};

export const MIN_TARGET = 44;

export interface SmallTarget {
  what: string;
  width: number;
  height: number;
}

export interface PhoneAudit {
  scrollWidth: number;
  innerWidth: number;
  /** Elements sticking out past the right edge (what makes the page scroll sideways). */
  overflowing: string[];
  /** Visible interactive elements smaller than MIN_TARGET in either direction. */
  small: SmallTarget[];
  /** Inline links inside running text: exempt (WCAG 2.5.5 “inline”), listed for the record. */
  inline: string[];
  /** How many targets were measured. */
  measured: number;
}

/**
 * Runs in the page (as source text: the tests are compiled without DOM types). A target is the
 * element a finger hits: a radio's or checkbox's label, a date picker's or select's box, an
 * input's affix wrapper — not the inner input.
 */
const AUDIT = `(() => {
  const MIN = ${MIN_TARGET};
  const SELECTOR = [
    'a[href]', 'button', '[role="button"]', '[role="menuitem"]', '[role="tab"]', '[role="switch"]',
    'input:not([type="hidden"])', 'textarea', 'select', 'summary',
  ].join(',');
  const WRAPPERS = [
    '.ant-picker', '.ant-input-affix-wrapper', '.ant-input-number', '.ant-select',
    'label.ant-radio-wrapper', 'label.ant-radio-button-wrapper', 'label.ant-checkbox-wrapper',
    '.ant-input-textarea-show-count',
    // antd stretches a menu entry's link over the whole entry (a::before, inset 0).
    '.ant-menu-item',
  ].join(',');
  const describe = (el) => {
    const id = el.getAttribute('data-testid');
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '')
      .trim().replace(/\\s+/g, ' ').slice(0, 40);
    const cls = (el.className && typeof el.className === 'string') ? '.' + el.className.trim().split(/\\s+/).slice(0, 2).join('.') : '';
    return el.tagName.toLowerCase() + cls + (id ? '[' + id + ']' : '') + (text ? ' "' + text + '"' : '');
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    if (r.right <= 0 || r.bottom + window.scrollY <= 0) return false;
    if (el.closest('[aria-hidden="true"], [hidden], .ant-drawer:not(.ant-drawer-open)')) return false;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') return false;
    }
    return true;
  };
  const inlineInText = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    const parent = el.parentElement;
    if (!parent) return false;
    return [...parent.childNodes].some((n) => n !== el && n.nodeType === 3 && n.textContent.trim().length > 1);
  };
  // An open drawer or dialog covers the page: only what is on top can be tapped.
  const layers = [...document.querySelectorAll('.ant-drawer-open .ant-drawer-content-wrapper, .ant-modal-wrap .ant-modal')]
    .filter((l) => l.getBoundingClientRect().width > 0);
  const roots = layers.length > 0 ? layers : [document];
  const seen = new Set();
  const small = [];
  const inline = [];
  for (const el of roots.flatMap((r) => [...r.querySelectorAll(SELECTOR)])) {
    const target = el.closest(WRAPPERS) || el;
    if (seen.has(target)) continue;
    seen.add(target);
    if (!visible(target)) continue;
    if (inlineInText(target)) { inline.push(describe(target)); continue; }
    const r = target.getBoundingClientRect();
    if (r.width < MIN - 0.5 || r.height < MIN - 0.5) {
      small.push({ what: describe(target), width: Math.round(r.width), height: Math.round(r.height) });
    }
  }
  const innerWidth = window.innerWidth;
  const overflowing = [];
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width > 0 && r.right > innerWidth + 1 && visible(el)) {
      // Only the outermost offender, not its children.
      if (!overflowing.some((o) => o.el.contains(el))) overflowing.push({ el, what: describe(el) + ' right=' + Math.round(r.right) });
    }
  }
  return {
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth,
    overflowing: overflowing.map((o) => o.what).slice(0, 20),
    small,
    inline,
    measured: seen.size,
  };
})()`;

export function auditPhonePage(page: Page): Promise<PhoneAudit> {
  return page.evaluate(AUDIT) as Promise<PhoneAudit>;
}

export const PHONE_SCREENSHOTS = join(SCREENSHOTS, 'phone');

/**
 * The whole page (what a reviewer scrolls through), or with `screen` just what the phone shows
 * now (the bar fixed along the bottom sits where it is, not in the middle of a tall picture).
 */
export async function phoneScreenshot(
  page: Page,
  name: string,
  opts: { screen?: boolean } = {},
): Promise<string> {
  mkdirSync(PHONE_SCREENSHOTS, { recursive: true });
  const path = join(PHONE_SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: !opts.screen });
  return path;
}
