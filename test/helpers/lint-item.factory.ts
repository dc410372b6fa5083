import type { Item, Milestone, MilestoneSource, Target } from '../../src/domain/plan.js';

/**
 * Items for lint tests, written the way the plan is: cells of text. Milestones and targets are
 * derived from the text by a deliberately small imitation of the extraction ("2022年3月底前",
 * "2022年底前", "到2025年"; "15亿元以上", "60%"), so a table row in a test reads like the document;
 * pass `milestones` or `targets` to set them exactly.
 */
export interface ItemSpec {
  number?: number | null;
  title?: string;
  measures?: string[];
  goals?: string;
  achievements?: string[];
  units?: string[];
  milestones?: Milestone[];
  targets?: Target[];
}

const DATE = /(?:到)?(\d{4})年(?:(\d{1,2})月底前|底前)?/g;
const FIGURE = /(\d+(?:\.\d+)?)(亿元|万元|元|%|个|家|人次|人|亩|场)(以上)?/g;

const monthEnd = (year: number, month: number) =>
  `${year}-${String(month).padStart(2, '0')}-${String(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;

function clauseAt(text: string, at: number): string {
  const rest = text.slice(at);
  const end = rest.search(/[；;。\n]/);
  return end < 0 ? rest : rest.slice(0, end);
}

export function milestonesIn(text: string, source: MilestoneSource): Milestone[] {
  return [...text.matchAll(DATE)].map((m) => {
    const year = Number(m[1]);
    const month = m[2] ? Number(m[2]) : 12;
    return { deadline: monthEnd(year, month), text: clauseAt(text, m.index), source, phrase: m[0] };
  });
}

export function targetsIn(text: string, source: MilestoneSource): Target[] {
  return [...text.matchAll(FIGURE)].map((m) => ({
    metric: '',
    op: m[3] ? ('>=' as const) : ('=' as const),
    value: Number(m[1]),
    unit: m[2]!,
    deadline: null,
    text: m[0],
    source,
  }));
}

export function lintItem(spec: ItemSpec = {}): Item {
  const measures = spec.measures ?? ['深化农户家庭资产池融资机制运用，建立“家庭信用分”评定机制'];
  const goalsText = spec.goals ?? '2022年12月底前，“农户家庭资产池”融资达20亿元以上。';
  const achievements = spec.achievements ?? ['形成可公开、标准化的农户家庭资产评估体系'];
  const number = spec.number === undefined ? 1 : spec.number;
  return {
    number,
    numberText: number === null ? '' : String(number),
    numberInferred: false,
    key: false,
    title: spec.title ?? '“农户家庭资产池”融资模式',
    measures,
    goalsText,
    milestones: spec.milestones ?? [
      ...milestonesIn(goalsText, 'goals'),
      ...measures.flatMap((m) => milestonesIn(m, 'measures')),
      ...achievements.flatMap((a) => milestonesIn(a, 'achievements')),
    ],
    targets: spec.targets ?? targetsIn(goalsText, 'goals'),
    achievements,
    units: (spec.units ?? ['县金融中心']).map((name, i) => ({
      name,
      canonical: name,
      role: i === 0 ? ('lead' as const) : ('co' as const),
    })),
  };
}

/** Items numbered 1…n in order, each from its spec. */
export function numberedItems(...specs: ItemSpec[]): Item[] {
  return specs.map((s, i) => lintItem({ number: i + 1, ...s }));
}
