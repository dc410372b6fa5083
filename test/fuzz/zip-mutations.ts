/**
 * Mutations of real .docx/.xlsx files: unzip a base built by the fixture builders (fflate),
 * edit the XML of its parts, drop, replace, rename or add entries, zip it again — and, now
 * and then, damage the bytes of the result as well, or only those.
 */
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { applyByteMutations, byteMutations, rarely, type ByteMutation } from './byte-mutations.js';
import type { BaseDocument } from './seed-corpus.js';
import type { FuzzCase } from './text-arbitraries.js';
import { applyXmlEdit, xmlEdit, type XmlEdit } from './xml-mutations.js';

export type OfficeKind = 'docx' | 'xlsx';

type EntryEdit =
  | { op: 'xml'; entry: number; edits: XmlEdit[] }
  | { op: 'drop'; entry: number }
  | { op: 'replace'; entry: number; bytes: Uint8Array }
  | { op: 'rename'; entry: number; name: string }
  | { op: 'add'; name: string; bytes: Uint8Array };

/** The parts worth editing most, in order of interest; other entries are reached modulo. */
const PARTS: Record<OfficeKind, string[]> = {
  docx: [
    'word/document.xml',
    'word/document.xml',
    'word/document.xml',
    'word/numbering.xml',
    'word/styles.xml',
  ],
  xlsx: [
    'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet1.xml',
    'xl/sharedStrings.xml',
    'xl/workbook.xml',
    'xl/styles.xml',
  ],
};

const NAMES = fc.constantFrom(
  'word/document.xml',
  'WORD/Document.xml',
  'xl/workbook.xml',
  'xl/worksheets/sheet2.xml',
  'xl/_rels/workbook.xml.rels',
  '[Content_Types].xml',
  '../../evil.xml',
  '/abs/path.xml',
  'word/media/image1.png',
  'dir/',
  'é/ünïcode名.xml',
  'x'.repeat(400),
);

const entryBytes = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  fc
    .constantFrom('', '<?xml version="1.0"?>', '<x/>', '<w:document><w:body/></w:document>', '<workbook/>')
    .map((s) => strToU8(s)),
);

function entryEdit(kind: OfficeKind): fc.Arbitrary<EntryEdit> {
  const entry = fc.nat({ max: 1000 });
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record({
        op: fc.constant('xml' as const),
        entry,
        edits: fc.array(xmlEdit(kind), { minLength: 1, maxLength: 4 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('drop' as const), entry }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('replace' as const), entry, bytes: entryBytes }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('rename' as const), entry, name: NAMES }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('add' as const), name: NAMES, bytes: entryBytes }) },
  );
}

/** Which entry an edit means: the preferred parts first, any entry after them. */
function entryName(files: Zippable, kind: OfficeKind, n: number): string | undefined {
  const names = Object.keys(files);
  const preferred = PARTS[kind].filter((p) => p in files);
  const all = [...preferred, ...names];
  return all.length ? all[n % all.length] : undefined;
}

function applyEntryEdit(files: Record<string, Uint8Array>, kind: OfficeKind, e: EntryEdit): void {
  if (e.op === 'add') {
    files[e.name] = e.bytes;
    return;
  }
  const name = entryName(files, kind, e.entry);
  if (name === undefined) return;
  switch (e.op) {
    case 'xml': {
      const text = e.edits.reduce((xml, edit) => applyXmlEdit(xml, edit), strFromU8(files[name]!));
      files[name] = strToU8(text);
      break;
    }
    case 'drop':
      delete files[name];
      break;
    case 'replace':
      files[name] = e.bytes;
      break;
    case 'rename': {
      const data = files[name]!;
      delete files[name];
      files[e.name] = data;
      break;
    }
  }
}

export interface OfficeMutation {
  base: number;
  edits: EntryEdit[];
  level: 0 | 6;
  damage: ByteMutation[] | null;
}

export function officeMutation(kind: OfficeKind): fc.Arbitrary<OfficeMutation> {
  return fc.record({
    base: fc.nat({ max: 100 }),
    edits: fc.array(entryEdit(kind), { minLength: 1, maxLength: 4 }),
    level: fc.constantFrom(0 as const, 6 as const),
    damage: rarely(byteMutations, 8),
  });
}

export function applyOfficeMutation(bases: BaseDocument[], kind: OfficeKind, m: OfficeMutation): FuzzCase {
  const base = bases[m.base % bases.length]!;
  const files = unzipSync(base.bytes);
  for (const e of m.edits) applyEntryEdit(files, kind, e);
  const zipped = zipSync(files, { level: m.level });
  return { name: base.name, bytes: m.damage ? applyByteMutations(zipped, m.damage) : zipped };
}

/** A fuzz case for one Office format: mostly structure-aware edits, some raw byte damage. */
export function officeCase(bases: BaseDocument[], kind: OfficeKind): fc.Arbitrary<FuzzCase> {
  const swappedName = kind === 'docx' ? 'plan.xlsx' : 'plan.docx';
  return fc.oneof(
    { weight: 6, arbitrary: officeMutation(kind).map((m) => applyOfficeMutation(bases, kind, m)) },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.nat({ max: 100 }), byteMutations, fc.boolean()).map(([b, muts, swap]) => {
        const base = bases[b % bases.length]!;
        return { name: swap ? swappedName : base.name, bytes: applyByteMutations(base.bytes, muts) };
      }),
    },
  );
}
