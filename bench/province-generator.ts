import { readFileSync } from 'node:fs';
import { readTextTable } from '../src/readers/text-table.reader.js';
import { mixSeed, Rng } from './prng.js';
import {
  blankOneTarget,
  renamePlaces,
  shiftYears,
  varyDates,
  varyQuantities,
  varyUnits,
  type Places,
} from './text-variations.js';

/**
 * A province of county plans made from the one real plan we have (data-seed/sanmen-2022.txt):
 * each county gets its own sample of the seed's rows, in its own order, with its own place
 * names, figures, deadlines, unit spellings and lost numbers, written back in the same
 * Word text-export layout. Deterministic: the same options give the same bytes everywhere.
 */

export interface GenerateOptions {
  counties: number;
  itemsPerPlan?: number;
  seed?: number;
  /** The seed plan's text; defaults to data-seed/sanmen-2022.txt. */
  seedText?: string;
}

export interface GeneratedPlan {
  /** A file name for the plan, e.g. "007-清溪县.txt". */
  name: string;
  /** The county (org) name, e.g. "清溪县". */
  county: string;
  text: string;
}

interface SeedRow {
  number: string;
  title: string;
  measures: string;
  goals: string;
  achievements: string;
  units: string;
}

const SEED_FILE = new URL('../data-seed/sanmen-2022.txt', import.meta.url);
const SEED_YEAR = 2022;
/** How often Word's auto-numbering is lost from a number cell. */
const DROP_NUMBER_RATE = 0.08;
/** How often a plan contains a figure left blank ("达  %"). */
const BLANK_PLAN_RATE = 0.35;

let seedCache: { text: string; rows: SeedRow[] } | null = null;

export function seedRows(seedText?: string): SeedRow[] {
  const text = seedText ?? readFileSync(SEED_FILE, 'utf8');
  if (seedCache?.text === text) return seedCache.rows;
  const table = readTextTable(text, 'seed').tables[0];
  if (!table) throw new Error('The seed has no table.');
  // The seed's columns are fixed (序号 改革事项 改革举措 主要目标 标志性成果 责任单位).
  const rows = table.rows.slice(1).map((r) => {
    const t = r.map((c) => c.text);
    return { number: t[0]!, title: t[1]!, measures: t[2]!, goals: t[3]!, achievements: t[4]!, units: t[5]! };
  });
  seedCache = { text, rows };
  return rows;
}

export function generateProvince(opts: GenerateOptions): GeneratedPlan[] {
  const rows = seedRows(opts.seedText);
  const seed = opts.seed ?? 1;
  const itemsPerPlan = opts.itemsPerPlan ?? 70;
  const stems = countyStems(opts.counties, new Rng(seed));
  return stems.map((stem, i) => {
    const rng = new Rng(mixSeed(seed, i));
    const places: Places = { stem, city: CITIES[Math.floor(i / 10) % CITIES.length]! };
    const county = `${stem}县`;
    const text = countyPlan(rows, rng, places, itemsPerPlan);
    return { name: `${String(i + 1).padStart(3, '0')}-${county}.txt`, county, text };
  });
}

function countyPlan(seed: SeedRow[], rng: Rng, places: Places, itemsPerPlan: number): string {
  const yearOffset = rng.pick([0, 0, 0, 1]);
  const year = SEED_YEAR + yearOffset;
  const county = `${places.stem}县`;
  const order = rng.shuffle(seed.map((_, i) => i));
  const text = (s: string, dates: boolean) => {
    let out = varyQuantities(shiftYears(renamePlaces(s, places), yearOffset), rng);
    if (dates) out = varyDates(out, rng);
    return out;
  };

  const rows: string[][] = [];
  for (let k = 0; k < itemsPerPlan; k++) {
    const src = seed[order[k % order.length]!]!;
    // Beyond the seed's 67 rows the sample repeats; a second phase keeps titles distinct.
    const round = Math.floor(k / order.length);
    const title = renamePlaces(src.title, places) + (round > 0 ? `（${round + 1}期）` : '');
    const key = /[*＊★]/u.test(src.number) || rng.chance(0.04);
    const number = rng.chance(DROP_NUMBER_RATE) ? '' : `${k + 1}${key ? '*' : ''}`;
    rows.push([
      number,
      title,
      text(src.measures, true),
      text(src.goals, true),
      text(src.achievements, false),
      varyUnits(renamePlaces(src.units, places), rng, places),
    ]);
  }
  if (rng.chance(BLANK_PLAN_RATE)) {
    for (const r of rng.shuffle(rows)) {
      const blanked = blankOneTarget(r[3]!);
      if (blanked !== null) {
        r[3] = blanked;
        break;
      }
    }
  }

  const titles = [
    `${county}共同富裕“三十”工程改革库`,
    `${county}${year}年度重点改革项目库`,
    `${year}年${county}共同富裕改革一本账`,
    `${county}高质量发展建设共同富裕示范区改革清单`,
  ];
  const preamble = [`附件${rng.chance(0.5) ? ' ' : ''}${rng.int(1, 9)}`, rng.pick(titles)];
  const header = HEADERS.map((names) => (rng.chance(0.2) ? rng.pick(names) : names[0]!));
  return writeTextTable(preamble, header, rows);
}

/** Header spellings the design lists as synonyms; the seed's own comes first. */
const HEADERS: string[][] = [
  ['序号', '编号'],
  ['改革事项', '改革任务', '重点任务'],
  ['改革举措', '具体举措', '工作举措'],
  ['主要目标', '目标任务'],
  ['标志性成果', '预期成果'],
  ['责任单位', '责任部门'],
];

/**
 * The Word text-export layout: a TAB opens each cell, a cell's further paragraphs follow on
 * lines of their own, an empty number cell shows as a row starting with " \t", a blank line
 * ends each row.
 */
export function writeTextTable(preamble: string[], header: string[], rows: string[][]): string {
  const out: string[] = [...preamble];
  for (const row of [header, ...rows]) {
    row.forEach((cell, c) => {
      const lines = cell.split('\n');
      if (c === 0 && cell === '') return; // the row's " \t" below stands for it
      const lead = c === 1 && row[0] === '' ? ' \t' : '\t';
      out.push(lead + lines[0], ...lines.slice(1));
    });
    out.push('');
  }
  return out.join('\n') + '\n';
}

const CITIES = ['东州', '南浦', '西岭', '北川', '云湖', '青江', '白石', '金沙', '玉泉', '丹霞'];
const FIRST = '清安永平青云松临宁泰德兴嘉龙仙景文庆长乐开玉';
const SECOND = '溪川阳源江山田居丰岩浦泉林岭城坪';

/**
 * Invented place names, distinct and never the seed's own 三门 (a clash would leave seed
 * names standing in a generated plan unnoticed). Past 22 × 16 names a third character is added.
 */
function countyStems(n: number, rng: Rng): string[] {
  const two = rng.shuffle([...FIRST].flatMap((a) => [...SECOND].map((b) => a + b)));
  const thirds = ['', ...'东南西北中'];
  if (n > two.length * thirds.length) throw new Error(`At most ${two.length * thirds.length} counties.`);
  return Array.from({ length: n }, (_, i) => two[i % two.length]! + thirds[Math.floor(i / two.length)]!);
}
