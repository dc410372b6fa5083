import { child, childVal, children, isOn, parseXml, rootElement, type XmlNode } from './xml.js';
import { formatCounter } from './docx-number-format.js';

/**
 * Word's automatic numbering. An auto-numbered paragraph does not contain its number: it
 * says "I belong to list numId at level ilvl", and Word draws the number by counting the
 * list's paragraphs in document order. That is why "1." disappears when a reform library is
 * exported as text, and why it must be recomputed here from numbering.xml (and styles.xml,
 * where a paragraph style can carry the list membership instead of the paragraph).
 *
 * Counters: a `w:num` that overrides a level (`w:lvlOverride`, usually `w:startOverride`,
 * which is what Word writes for "restart at 1") is a list of its own with its own counters;
 * `w:num`s without overrides that share an abstract definition continue one another, as in
 * Word. When a level advances, the deeper levels start again (unless `w:lvlRestart` says
 * otherwise).
 */

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** `w:lvlRestart`: 0 = never restart; n = restart after a level shallower than n (1-based). */
  restart?: number;
  /** `w:isLgl`: draw the shallower levels' counters as decimals. */
  legal: boolean;
  /** What Word puts between the number and the text. */
  suffix: 'tab' | 'space' | 'nothing';
  pStyle?: string;
}

interface AbstractDef {
  levels: Map<number, LevelDef>;
  numStyleLink?: string;
}

interface NumDef {
  abstractId: string;
  startOverrides: Map<number, number>;
  levelOverrides: Map<number, LevelDef>;
}

interface StyleDef {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

export interface NumberingDefs {
  abstracts: Map<string, AbstractDef>;
  nums: Map<string, NumDef>;
  styles: Map<string, StyleDef>;
  defaultParagraphStyle?: string;
}

/** What a paragraph says about itself (`w:pPr`). */
export interface ParagraphNumbering {
  numId?: string;
  ilvl?: number;
  styleId?: string;
}

export interface RenderedNumber {
  label: string;
  suffix: LevelDef['suffix'];
}

export function parseNumberingDefs(numberingXml?: string, stylesXml?: string): NumberingDefs {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map(), styles: new Map() };
  const numbering = numberingXml ? rootElement(parseXml(numberingXml), 'numbering') : undefined;
  for (const a of children(numbering, 'abstractNum')) {
    const levels = new Map<number, LevelDef>();
    for (const l of children(a, 'lvl')) levels.set(decimal(l.attrs['ilvl']) ?? 0, parseLevel(l));
    defs.abstracts.set(a.attrs['abstractNumId'] ?? '', { levels, numStyleLink: childVal(a, 'numStyleLink') });
  }
  for (const n of children(numbering, 'num')) {
    const num: NumDef = {
      abstractId: childVal(n, 'abstractNumId') ?? '',
      startOverrides: new Map(),
      levelOverrides: new Map(),
    };
    for (const o of children(n, 'lvlOverride')) {
      const ilvl = decimal(o.attrs['ilvl']) ?? 0;
      const start = decimal(childVal(o, 'startOverride'));
      if (start !== undefined) num.startOverrides.set(ilvl, start);
      const lvl = child(o, 'lvl');
      if (lvl) num.levelOverrides.set(ilvl, parseLevel(lvl));
    }
    defs.nums.set(n.attrs['numId'] ?? '', num);
  }

  const styles = stylesXml ? rootElement(parseXml(stylesXml), 'styles') : undefined;
  for (const s of children(styles, 'style')) {
    const id = s.attrs['styleId'];
    if (!id) continue;
    const numPr = child(child(s, 'pPr'), 'numPr');
    defs.styles.set(id, {
      numId: childVal(numPr, 'numId'),
      ilvl: decimal(childVal(numPr, 'ilvl')),
      basedOn: childVal(s, 'basedOn'),
    });
    const isDefault = ['1', 'true', 'on'].includes(s.attrs['default'] ?? '');
    if (s.attrs['type'] === 'paragraph' && isDefault) {
      defs.defaultParagraphStyle = id;
    }
  }
  return defs;
}

/**
 * An OOXML decimal number (`ST_DecimalNumber`, an integer); undefined when absent or not one,
 * so a corrupt "1e300" or "1.5" never becomes a counter that cannot be drawn.
 */
export function decimal(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

function parseLevel(l: XmlNode): LevelDef {
  const suffix = childVal(l, 'suff');
  const restart = childVal(l, 'lvlRestart');
  return {
    start: decimal(childVal(l, 'start')) ?? 0,
    numFmt: childVal(l, 'numFmt') ?? 'decimal',
    lvlText: childVal(l, 'lvlText') ?? '',
    restart: decimal(restart),
    legal: isOn(child(l, 'isLgl')),
    suffix: suffix === 'space' || suffix === 'nothing' ? suffix : 'tab',
    pStyle: childVal(l, 'pStyle'),
  };
}

interface ListState {
  counters: (number | undefined)[];
}

/** Counts lists in document order; call `next` once per paragraph, in order. */
export class ListCounter {
  private readonly states = new Map<string, ListState>();

  constructor(private readonly defs: NumberingDefs) {}

  /** The number Word draws in front of this paragraph, or null when it has none. */
  next(p: ParagraphNumbering): RenderedNumber | null {
    const membership = this.resolve(p);
    if (!membership) return null;
    const { numId, ilvl } = membership;
    const num = this.defs.nums.get(numId);
    if (!num) return null;
    const level = (k: number) => this.level(num, k);
    const current = level(ilvl);
    if (!current || current.numFmt === 'bullet') return null;

    const ownList = num.startOverrides.size > 0 || num.levelOverrides.size > 0;
    const key = ownList ? `num:${numId}` : `abstract:${this.abstractIdOf(num)}`;
    let state = this.states.get(key);
    if (!state) {
      state = { counters: [] };
      this.states.set(key, state);
    }
    const startOf = (k: number) => num.startOverrides.get(k) ?? level(k)?.start ?? 1;

    const before = state.counters[ilvl];
    state.counters[ilvl] = before === undefined ? startOf(ilvl) : before + 1;
    for (let k = ilvl + 1; k < 9; k++) {
      const deeper = level(k);
      const restart = deeper?.restart;
      // lvlRestart n: only levels shallower than n (1-based) restart this one.
      if (restart === undefined || (restart > 0 && ilvl < restart)) state.counters[k] = undefined;
    }

    const label = current.lvlText.replace(/%([1-9])/g, (_whole, d: string) => {
      const k = Number(d) - 1;
      if (k > ilvl) return '';
      const value = state.counters[k] ?? startOf(k);
      const fmt = current.legal && k < ilvl ? 'decimal' : (level(k)?.numFmt ?? 'decimal');
      return formatCounter(value, fmt);
    });
    return { label, suffix: current.suffix };
  }

  /** Direct numPr wins; a paragraph style (or one it is based on) may supply the list. */
  private resolve(p: ParagraphNumbering): { numId: string; ilvl: number } | null {
    let numId = p.numId;
    let ilvl = p.ilvl;
    let styleId = p.styleId ?? this.defs.defaultParagraphStyle;
    const seen = new Set<string>();
    while ((numId === undefined || ilvl === undefined) && styleId && !seen.has(styleId)) {
      seen.add(styleId);
      const style = this.defs.styles.get(styleId);
      if (!style) break;
      if (numId === undefined && style.numId !== undefined) {
        numId = style.numId;
        ilvl ??= style.ilvl ?? this.levelForStyle(style.numId, p.styleId);
      }
      styleId = style.basedOn;
    }
    if (numId === undefined || numId === '0') return null;
    return { numId, ilvl: ilvl ?? 0 };
  }

  /** A level can name the paragraph style that selects it (`w:lvl/w:pStyle`). */
  private levelForStyle(numId: string, styleId: string | undefined): number | undefined {
    const num = this.defs.nums.get(numId);
    const abstract = num ? this.abstractOf(num) : undefined;
    if (!abstract || !styleId) return undefined;
    for (const [k, l] of abstract.levels) if (l.pStyle === styleId) return k;
    return undefined;
  }

  private level(num: NumDef, k: number): LevelDef | undefined {
    return num.levelOverrides.get(k) ?? this.abstractOf(num)?.levels.get(k);
  }

  private abstractOf(num: NumDef): AbstractDef | undefined {
    return this.defs.abstracts.get(this.abstractIdOf(num));
  }

  /** An abstract definition may only point at a numbering style (`w:numStyleLink`) whose
   *  list holds the real levels; follow that link once. */
  private abstractIdOf(num: NumDef): string {
    const abstract = this.defs.abstracts.get(num.abstractId);
    if (abstract?.numStyleLink) {
      const linkedNumId = this.defs.styles.get(abstract.numStyleLink)?.numId;
      const linked = linkedNumId ? this.defs.nums.get(linkedNumId) : undefined;
      if (linked && this.defs.abstracts.has(linked.abstractId)) return linked.abstractId;
    }
    return num.abstractId;
  }
}
