/** One generator of hostile documents per reader, shared by the test sample and the fuzz script. */
import fc from 'fast-check';
import { applyByteMutations, byteMutations } from './byte-mutations.js';
import type { BaseCorpus, BaseDocument } from './seed-corpus.js';
import { csvCase, txtCase, type FuzzCase } from './text-arbitraries.js';
import { officeCase } from './zip-mutations.js';

export const READERS = ['txt', 'csv', 'docx', 'xlsx'] as const;
export type Reader = (typeof READERS)[number];

export type { FuzzCase };

function mutatedBase(bases: BaseDocument[]): fc.Arbitrary<FuzzCase> {
  return fc.tuple(fc.nat({ max: 100 }), byteMutations).map(([b, muts]) => {
    const base = bases[b % bases.length]!;
    return { name: base.name, bytes: applyByteMutations(base.bytes, muts) };
  });
}

export function caseArbitrary(reader: Reader, corpus: BaseCorpus): fc.Arbitrary<FuzzCase> {
  switch (reader) {
    case 'txt':
      return fc.oneof({ weight: 5, arbitrary: txtCase }, { weight: 1, arbitrary: mutatedBase(corpus.txt) });
    case 'csv':
      return fc.oneof({ weight: 5, arbitrary: csvCase }, { weight: 1, arbitrary: mutatedBase(corpus.csv) });
    case 'docx':
      return officeCase(corpus.docx, 'docx');
    case 'xlsx':
      return officeCase(corpus.xlsx, 'xlsx');
  }
}

/**
 * Cases come in batches of BATCH, batch b drawn with seed `seed + b`; case j of a batch is
 * rebuilt from (reader, batch seed, j) alone with fast-check's `path`, so a failure found
 * in a long run can be replayed without generating its neighbours.
 */
export const BATCH = 100;

export function caseBatch(arb: fc.Arbitrary<FuzzCase>, batchSeed: number, count = BATCH): FuzzCase[] {
  return fc.sample(arb, { seed: batchSeed, numRuns: count });
}

export function replayCase(arb: fc.Arbitrary<FuzzCase>, batchSeed: number, index: number): FuzzCase {
  return fc.sample(arb, { seed: batchSeed, path: String(index), numRuns: 1 })[0]!;
}
