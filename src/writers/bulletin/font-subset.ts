import { readFileSync } from 'node:fs';

/**
 * A TrueType font cut down to the characters a chart uses. resvg (as the Node binding builds it)
 * reads its font file whole again for every piece of text it lays out: with a 5 MB CJK font a
 * chart of sixty labels copies 300 MB. The subset keeps what text layout needs — the glyphs of the
 * given characters (and of the glyphs they are built from), their metrics, a format 4 `cmap`, the
 * font's names and vertical metrics — and drops the rest (other glyphs, hinting, OpenType layout,
 * bitmaps, glyph names): a few kilobytes.
 *
 * Only TrueType outlines (`glyf`) of the BMP: a CFF font (.otf) or a character outside the BMP
 * gives null, and the caller uses the whole font.
 */

interface Table {
  offset: number;
  length: number;
}

const KEEP = ['OS/2', 'head', 'hhea', 'maxp', 'name'] as const;

/** The last font read: one CJK font serves every chart of the process. */
let cached: { path: string; data: Buffer } | null = null;

export function subsetFont(path: string, chars: Iterable<string>): Uint8Array | null {
  let data: Buffer;
  try {
    data = cached?.path === path ? cached.data : readFileSync(path);
    cached = { path, data };
  } catch {
    return null;
  }
  try {
    return subset(data, chars);
  } catch {
    // A font this reader does not understand: the whole font still works, only slower.
    return null;
  }
}

function subset(data: Buffer, chars: Iterable<string>): Uint8Array | null {
  const tables = tableDirectory(data);
  for (const tag of [...KEEP, 'cmap', 'glyf', 'loca', 'hmtx', 'post'] as const) {
    if (!tables.has(tag)) return null;
  }
  const table = (tag: string) => {
    const t = tables.get(tag)!;
    return data.subarray(t.offset, t.offset + t.length);
  };
  const head = table('head');
  const longLoca = head.readInt16BE(50) === 1;
  const numGlyphs = table('maxp').readUInt16BE(4);
  const loca = table('loca');
  const glyphAt = (g: number) => {
    const [from, to] = longLoca
      ? [loca.readUInt32BE(g * 4), loca.readUInt32BE(g * 4 + 4)]
      : [loca.readUInt16BE(g * 2) * 2, loca.readUInt16BE(g * 2 + 2) * 2];
    return table('glyf').subarray(from, to);
  };

  const lookup = cmapLookup(table('cmap'));
  const codes = new Set<number>();
  for (const c of chars) {
    const code = c.codePointAt(0)!;
    if (code > 0xffff) return null;
    codes.add(code);
  }
  const mapped = [...codes].sort((a, b) => a - b).map((code) => [code, lookup(code)] as const);

  // Glyph 0 (.notdef) first, then every glyph used, with the components of composite glyphs.
  const order: number[] = [0];
  const newId = new Map<number, number>([[0, 0]]);
  const add = (g: number) => {
    if (g >= numGlyphs || newId.has(g)) return;
    newId.set(g, order.length);
    order.push(g);
    for (const part of components(glyphAt(g))) add(part.glyph);
  };
  for (const [, g] of mapped) if (g !== 0) add(g);

  const glyphs = order.map((g) => {
    const bytes = Buffer.from(glyphAt(g));
    for (const part of components(bytes)) bytes.writeUInt16BE(newId.get(part.glyph) ?? 0, part.at);
    // Each glyph starts on an even offset, as a short loca would require and readers expect.
    return bytes.length % 2 === 0 ? bytes : Buffer.concat([bytes, Buffer.alloc(1)]);
  });
  const glyf = Buffer.concat(glyphs);
  const newLoca = Buffer.alloc((order.length + 1) * 4);
  let at = 0;
  glyphs.forEach((g, i) => {
    newLoca.writeUInt32BE(at, i * 4);
    at += g.length;
  });
  newLoca.writeUInt32BE(at, order.length * 4);

  const hmtxIn = table('hmtx');
  const longMetrics = table('hhea').readUInt16BE(34);
  const hmtx = Buffer.alloc(order.length * 4);
  order.forEach((g, i) => {
    const m = Math.min(g, longMetrics - 1);
    hmtx.writeUInt16BE(hmtxIn.readUInt16BE(m * 4), i * 4);
    const lsb =
      g < longMetrics
        ? hmtxIn.readInt16BE(g * 4 + 2)
        : hmtxIn.readInt16BE(longMetrics * 4 + (g - longMetrics) * 2);
    hmtx.writeInt16BE(lsb, i * 4 + 2);
  });

  const newHead = Buffer.from(head);
  newHead.writeUInt32BE(0, 8); // checkSumAdjustment: nobody checks it, and it would be stale
  newHead.writeInt16BE(1, 50); // long loca
  const hhea = Buffer.from(table('hhea'));
  hhea.writeUInt16BE(order.length, 34);
  const maxp = Buffer.from(table('maxp'));
  maxp.writeUInt16BE(order.length, 4);
  const post = Buffer.from(table('post').subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0); // format 3: no glyph names

  return sfnt(
    new Map<string, Buffer>([
      ['OS/2', Buffer.from(table('OS/2'))],
      ['cmap', cmapFormat4(mapped.filter(([, g]) => g !== 0).map(([code, g]) => [code, newId.get(g)!]))],
      ['glyf', glyf],
      ['head', newHead],
      ['hhea', hhea],
      ['hmtx', hmtx],
      ['loca', newLoca],
      ['maxp', maxp],
      ['name', Buffer.from(table('name'))],
      ['post', post],
    ]),
  );
}

/** The tables of a font, or of the first font of a collection (.ttc). */
function tableDirectory(data: Buffer): Map<string, Table> {
  const start = data.toString('latin1', 0, 4) === 'ttcf' ? data.readUInt32BE(12) : 0;
  const version = data.readUInt32BE(start);
  if (version !== 0x00010000 && data.toString('latin1', start, start + 4) !== 'true') return new Map();
  const count = data.readUInt16BE(start + 4);
  const out = new Map<string, Table>();
  for (let i = 0; i < count; i++) {
    const r = start + 12 + i * 16;
    out.set(data.toString('latin1', r, r + 4), {
      offset: data.readUInt32BE(r + 8),
      length: data.readUInt32BE(r + 12),
    });
  }
  return out;
}

/** The glyphs a composite glyph is made of, with where each one's id is written. */
function components(glyph: Buffer): { glyph: number; at: number }[] {
  if (glyph.length < 10 || glyph.readInt16BE(0) >= 0) return [];
  const out: { glyph: number; at: number }[] = [];
  let p = 10;
  for (;;) {
    const flags = glyph.readUInt16BE(p);
    out.push({ glyph: glyph.readUInt16BE(p + 2), at: p + 2 });
    p += 4 + (flags & 0x1 ? 4 : 2);
    if (flags & 0x8) p += 2;
    else if (flags & 0x40) p += 4;
    else if (flags & 0x80) p += 8;
    if (!(flags & 0x20)) return out;
  }
}

/** Character → glyph id from the font's Unicode cmap subtable (format 12 or 4); 0 when absent. */
function cmapLookup(cmap: Buffer): (code: number) => number {
  const count = cmap.readUInt16BE(2);
  let best: { offset: number; rank: number } | null = null;
  for (let i = 0; i < count; i++) {
    const platform = cmap.readUInt16BE(4 + i * 8);
    const encoding = cmap.readUInt16BE(6 + i * 8);
    const offset = cmap.readUInt32BE(8 + i * 8);
    const format = cmap.readUInt16BE(offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode || (format !== 4 && format !== 12)) continue;
    const rank = format === 12 ? 0 : 1;
    if (!best || rank < best.rank) best = { offset, rank };
  }
  if (!best) throw new Error('no Unicode cmap');
  const t = cmap.subarray(best.offset);
  if (best.rank === 0) {
    const groups = t.readUInt32BE(12);
    return (code) => {
      for (let i = 0; i < groups; i++) {
        const g = 16 + i * 12;
        const from = t.readUInt32BE(g);
        if (code >= from && code <= t.readUInt32BE(g + 4)) return t.readUInt32BE(g + 8) + code - from;
      }
      return 0;
    };
  }
  const segX2 = t.readUInt16BE(6);
  const ends = 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const ranges = deltas + segX2;
  return (code) => {
    for (let s = 0; s < segX2; s += 2) {
      if (code > t.readUInt16BE(ends + s)) continue;
      const startCode = t.readUInt16BE(starts + s);
      if (code < startCode) return 0;
      const delta = t.readUInt16BE(deltas + s);
      const range = t.readUInt16BE(ranges + s);
      if (range === 0) return (code + delta) & 0xffff;
      const g = t.readUInt16BE(ranges + s + range + (code - startCode) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

/** A format 4 cmap (Windows Unicode BMP) of one segment per character. */
function cmapFormat4(pairs: readonly (readonly [number, number])[]): Buffer {
  const segs = [...pairs, [0xffff, 0] as const];
  const segX2 = segs.length * 2;
  const length = 16 + segs.length * 8;
  const sub = Buffer.alloc(length);
  const log2 = Math.floor(Math.log2(segs.length));
  sub.writeUInt16BE(4, 0);
  sub.writeUInt16BE(length, 2);
  sub.writeUInt16BE(segX2, 6);
  sub.writeUInt16BE(2 * 2 ** log2, 8);
  sub.writeUInt16BE(log2, 10);
  sub.writeUInt16BE(segX2 - 2 * 2 ** log2, 12);
  segs.forEach(([code, glyph], i) => {
    sub.writeUInt16BE(code, 14 + i * 2);
    sub.writeUInt16BE(code, 16 + segX2 + i * 2);
    // The last segment maps 0xFFFF to glyph 0 (delta 1 wraps it round).
    sub.writeUInt16BE(code === 0xffff ? 1 : (glyph - code + 0x10000) & 0xffff, 16 + segX2 * 2 + i * 2);
  });
  const header = Buffer.alloc(12);
  header.writeUInt16BE(0, 0);
  header.writeUInt16BE(1, 2);
  header.writeUInt16BE(3, 4);
  header.writeUInt16BE(1, 6);
  header.writeUInt32BE(12, 8);
  return Buffer.concat([header, sub]);
}

/** The font file: table directory (sorted by tag) and the tables, each on a 4-byte boundary. */
function sfnt(tables: Map<string, Buffer>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const log2 = Math.floor(Math.log2(tags.length));
  const head = Buffer.alloc(12 + tags.length * 16);
  head.writeUInt32BE(0x00010000, 0);
  head.writeUInt16BE(tags.length, 4);
  head.writeUInt16BE(16 * 2 ** log2, 6);
  head.writeUInt16BE(log2, 8);
  head.writeUInt16BE(tags.length * 16 - 16 * 2 ** log2, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tags.forEach((tag, i) => {
    const body = tables.get(tag)!;
    const padded = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    const r = 12 + i * 16;
    head.write(tag, r, 'latin1');
    head.writeUInt32BE(checksum(padded), r + 4);
    head.writeUInt32BE(offset, r + 8);
    head.writeUInt32BE(body.length, r + 12);
    parts.push(padded);
    offset += padded.length;
  });
  return new Uint8Array(Buffer.concat(parts));
}

function checksum(b: Buffer): number {
  let sum = 0;
  for (let i = 0; i < b.length; i += 4) sum = (sum + b.readUInt32BE(i)) >>> 0;
  return sum;
}
