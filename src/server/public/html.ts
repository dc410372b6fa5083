/**
 * A tagged template that escapes every interpolated value unless it is itself the result of
 * `markup`…`` (or `raw()`, which only this folder's trusted constants use). Escaping by default is
 * the point: the public pages interpolate the office's summaries and the plan's text, and a
 * forgotten escape would be a stored XSS on a site citizens open from a QR code.
 *
 * Why not a library: the pages need interpolation, conditionals and lists — plain template
 * literals with this 40-line escaper do that with full type checking of the data, where a
 * template engine (eta, handlebars) would add a dependency and move the templates out of the
 * compiler's sight.
 */

const SAFE = Symbol('safe-html');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
  toString(): string;
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

function safe(text: string): SafeHtml {
  return { [SAFE]: true, text, toString: () => text };
}

function isSafe(v: unknown): v is SafeHtml {
  return typeof v === 'object' && v !== null && (v as Partial<SafeHtml>)[SAFE] === true;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) return '';
  if (isSafe(v)) return v.text;
  if (Array.isArray(v)) return (v as readonly HtmlValue[]).map(render).join('');
  return escapeHtml(String(v));
}

/**
 * Named `markup`, not `html`: Prettier reformats templates tagged `html`, and its line breaks
 * would become text (a note shown with `white-space: pre-line`, an Atom title).
 */
export function markup(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return safe(out);
}

/** Trusted markup (a generated SVG, the document type): never pass text from data here. */
export function raw(text: string): SafeHtml {
  return safe(text);
}

/** ` name="value"` when there is a value, nothing otherwise (an empty ARIA attribute is invalid). */
export function attr(name: string, value: string | null | undefined | false): SafeHtml {
  return value === null || value === undefined || value === false
    ? safe('')
    : safe(` ${name}="${escapeHtml(value)}"`);
}
