/**
 * What a page showing hostile text (test/helpers/hostile-text.ts) must not do, checked in the
 * page itself: run a script, make an element or a `javascript:` link out of the text, scroll
 * sideways, let a 10 000-character line spread wider than the screen, or let a bidi override in
 * the text reorder the interface around it. The in-page code is a script string (as in
 * phone.ts): the project's TypeScript has no DOM types.
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface PageFindings {
  /** `window.__xss` as set by a payload (undefined when none ran). */
  xss: unknown;
  /** Elements made from the text: `[data-xss]`, `<xss>`, `javascript:`/`data:` links, frames. */
  elements: string[];
  /** Content-Security-Policy violations reported by the page (each one is an injection attempt). */
  cspViolations: string[];
  /** How far the page (and its main area) scrolls sideways, in CSS pixels. */
  overflow: { page: number; main: number; culprit: string | null };
  /** Text with a long unbreakable run that did not wrap (wider than the viewport, not clipped). */
  longLines: string[];
  /** Text after an open bidi override that is not part of the hostile text itself. */
  bidiLeaks: string[];
}

const WATCH = `(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(e.violatedDirective + ': ' + (e.sample || e.blockedURI));
  });
})()`;

/** Before any page loads: record CSP violations, and every alert/confirm/prompt/beforeunload. */
export async function watchContext(context: BrowserContext, dialogs: string[]): Promise<void> {
  await context.addInitScript(WATCH);
  context.on('page', (page) => {
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      // Leaving a page that asks must still be possible; the question itself is recorded.
      void (d.type() === 'beforeunload' ? d.accept() : d.dismiss());
    });
  });
}

const INSPECT = `(sources) => {
  const root = document.documentElement;
  const describe = (el) => el.tagName.toLowerCase() + '.' + [...el.classList].join('.');

  const elements = [...document.querySelectorAll('[data-xss], xss, a[href], iframe, object, embed')]
    .filter((el) => {
      if (el.tagName !== 'A') return true;
      const href = (el.getAttribute('href') || '').replace(/[\\s\\u0000-\\u001f]/g, '').toLowerCase();
      return href.startsWith('javascript:') || href.startsWith('data:') || href.startsWith('vbscript:');
    })
    .map((el) => el.outerHTML.slice(0, 120));

  const main = document.querySelector('main') || document.body;
  let culprit = null;
  if (root.scrollWidth > root.clientWidth + 1) {
    // The widest element sticking out past the right edge: what to fix.
    let widest = 0;
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.right > root.clientWidth + 1 && r.width > widest) {
        widest = r.width;
        culprit = describe(el) + ' ' + Math.round(r.width) + 'px';
      }
    }
  }

  // Cut off by an ancestor (an ellipsis, a clipped cell): shown short, not spread sideways. A
  // scrolling ancestor does not count: a column 80 000 px wide in a scrolling table is the bug.
  const clipped = (el) => {
    for (; el && el !== document.body; el = el.parentElement) {
      const x = getComputedStyle(el).overflowX;
      if ((x === 'hidden' || x === 'clip') && el.getBoundingClientRect().width <= root.clientWidth) return true;
    }
    return false;
  };
  const longLines = [];
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = texts.nextNode(); n; n = texts.nextNode()) {
    if (!/\\S{200}/.test(n.data) || !n.parentElement || clipped(n.parentElement)) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const widest = Math.max(0, ...[...range.getClientRects()].map((r) => r.width));
    if (widest > root.clientWidth) longLines.push(describe(n.parentElement) + ': ' + Math.round(widest) + 'px');
  }

  // The bidi paragraph of a text node ends at the nearest ancestor that is not inline (a block,
  // a table cell, an inline-block) or that isolates (bdi, dir=, unicode-bidi: isolate/plaintext).
  const isolates = (el) => {
    if (el.tagName === 'BDI' || el.hasAttribute('dir')) return true;
    const cs = getComputedStyle(el);
    if (cs.display !== 'inline' && cs.display !== 'contents') return true;
    return ['isolate', 'isolate-override', 'plaintext'].includes(cs.unicodeBidi);
  };
  const paragraphOf = (node) => {
    let el = node.parentElement;
    while (!isolates(el) && el.parentElement) el = el.parentElement;
    return el;
  };
  const textsOf = (para) => {
    const out = [];
    const walk = (el) => {
      for (const child of el.childNodes) {
        if (child.nodeType === Node.TEXT_NODE) out.push(child);
        else if (child.nodeType === Node.ELEMENT_NODE && !isolates(child)) walk(child);
      }
    };
    walk(para);
    return out;
  };
  const OPENERS = /[\\u202a-\\u202e\\u2066-\\u2068]/;
  const FORMAT = /[\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff]/g;
  const norm = (s) => s.replace(FORMAT, '').replace(/\\s+/g, ' ').trim();
  const known = sources.map(norm);
  const bidiLeaks = [];
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!OPENERS.test(n.data) || !n.parentElement) continue;
    if (n.parentElement.getClientRects().length === 0) continue; // not rendered
    const para = paragraphOf(n);
    if (seen.has(para)) continue;
    seen.add(para);
    // The paragraph's text with the stack of open embeddings/overrides (E) and isolates (I) as
    // the Unicode bidi algorithm keeps it. Each run read while the stack is not empty — from an
    // opener to the point where everything is closed again — must lie inside one hostile text:
    // a run that goes on into the interface's own words is the leak.
    const stack = [];
    const runs = [];
    let run = null;
    for (const t of textsOf(para)) {
      for (const ch of t.data) {
        if (/[\\u202a\\u202b\\u202d\\u202e\\u2066-\\u2068]/.test(ch)) {
          if (stack.length === 0) runs.push((run = { text: '' }));
          stack.push(/[\\u2066-\\u2068]/.test(ch) ? 'I' : 'E');
        } else if (ch === '\\u202c') {
          if (stack[stack.length - 1] === 'E') stack.pop();
        } else if (ch === '\\u2069') {
          const i = stack.lastIndexOf('I');
          if (i >= 0) stack.length = i;
        } else if (stack.length > 0) run.text += ch;
      }
    }
    for (const r of runs) {
      const g = norm(r.text).replace(/(…|\\.\\.\\.)$/, '');
      if (g && !known.some((k) => k.includes(g))) bidiLeaks.push(describe(para) + ': “' + g.slice(0, 80) + '”');
    }
  }

  return {
    xss: window.__xss,
    elements,
    cspViolations: window.__csp || [],
    overflow: { page: root.scrollWidth - root.clientWidth, main: main.scrollWidth - main.clientWidth, culprit },
    longLines,
    bidiLeaks,
  };
}`;

/**
 * `sources`: every hostile string the page may show, as stored. A bidi leak is text that an
 * override, embedding or isolate opened inside one of them still governs, and that none of them
 * contains: interface text reordered by the user's.
 */
export function inspectPage(page: Page, sources: string[]): Promise<PageFindings> {
  return page.evaluate(`(${INSPECT})(${JSON.stringify(sources)})`) as Promise<PageFindings>;
}
