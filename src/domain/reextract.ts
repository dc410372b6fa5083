import type { Item, MilestoneSource } from './plan.js';
import { extractCell } from './extract/milestones.js';

/**
 * An admin corrected an item in the import preview. Where a text was changed but the
 * milestones and targets read from it were left as parsed, they are read again from the new
 * text, so that fixing "参保率达  %" to "参保率达95%" fixes the target too; where the admin
 * edited milestones or targets by hand, the hand edit stands.
 */
export function reextractCorrected(parsed: Item, corrected: Item, year: number | null): Item {
  const sources: [MilestoneSource, (i: Item) => string][] = [
    ['goals', (i) => i.goalsText],
    ['measures', (i) => i.measures.join('\n')],
    ['achievements', (i) => i.achievements.join('\n')],
  ];
  let out = corrected;
  for (const [source, textOf] of sources) {
    if (textOf(parsed) === textOf(corrected)) continue;
    const same = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);
    const fromParsed = {
      m: parsed.milestones.filter((m) => m.source === source),
      t: parsed.targets.filter((t) => t.source === source),
    };
    const fromCorrected = {
      m: corrected.milestones.filter((m) => m.source === source),
      t: corrected.targets.filter((t) => t.source === source),
    };
    if (!same(fromParsed.m, fromCorrected.m) || !same(fromParsed.t, fromCorrected.t)) continue;
    // Undated targets are read from the goals only, as the importer does.
    const fresh = extractCell(textOf(corrected), source, year, source === 'goals');
    out = {
      ...out,
      milestones: [...out.milestones.filter((m) => m.source !== source), ...fresh.milestones],
      targets: [...out.targets.filter((t) => t.source !== source), ...fresh.targets],
    };
  }
  return out;
}
