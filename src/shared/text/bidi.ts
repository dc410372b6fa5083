/**
 * Text from outside (a plan's cells, a unit's name, a report) shown inside a sentence of ours
 * ("“{text}”", "{unit} · 联络员") must not reorder that sentence. A right-to-left override
 * (U+202E) or isolate (U+2067) left open in it, or Arabic or Hebrew letters at its end, would
 * otherwise govern the text that follows up to the end of the paragraph: the closing quote, the
 * role, a date. Wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the text is one
 * neutral unit to its surroundings, and whatever it opens closes at the PDI (Unicode bidi
 * algorithm, rule X6a) — the plain-text twin of `<bdi>`, which also works where there is no
 * markup: in catalogue sentences, attributes, chart labels and Word documents.
 *
 * Only text that can affect the order is wrapped; ordinary Chinese and Latin text is returned as
 * it is, so messages stay byte for byte what they were. No Node, no DOM: the web app bundles it.
 */

/** Right-to-left letters (Hebrew, Arabic, Syriac, Thaana, N'Ko …) and the explicit bidi controls. */
const BIDI_SENSITIVE =
  /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

const FSI = '\u2068';
const PDI = '\u2069';

export function needsIsolation(text: string): boolean {
  return BIDI_SENSITIVE.test(text);
}

/** `text` as one isolated unit when it could reorder its surroundings; unchanged otherwise. */
export function isolateBidi(text: string): string {
  if (!needsIsolation(text)) return text;
  // A PDI that no isolate of the text opened would close ours early: it is dropped. An isolate
  // the text leaves open would take our PDI for its own: it is closed first. (Embeddings and
  // overrides left open need nothing: the PDI of our isolate ends them.)
  let open = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '\u2066' || ch === '\u2067' || ch === FSI) open++;
    else if (ch === PDI) {
      if (open === 0) continue;
      open--;
    }
    out += ch;
  }
  return `${FSI}${out}${PDI.repeat(open)}${PDI}`;
}
