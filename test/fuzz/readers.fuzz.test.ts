/**
 * A small, reproducible sample of the reader fuzzing (the long run is `npm run fuzz`): random
 * and mutated .txt/.csv/.docx/.xlsx documents must each end in a valid plan or a clear error
 * (test/fuzz/oracle.ts) within the time bound. The seed is fixed so CI sees the same cases;
 * set FUZZ_SEED to explore others, FUZZ_RUNS to sample more.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseArbitrary, READERS } from './cases.js';
import { expectPlanOrClearError, timeLimitFor, type Outcome } from './oracle.js';
import { baseCorpus, type BaseCorpus } from './seed-corpus.js';

const SEED = Number(process.env['FUZZ_SEED'] ?? 20240611);
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 150);
/** Megabyte cases (long plans, pasted rows) are left to `npm run fuzz`: on a CI worker busy with
 *  other test files their time says more about the machine than about the code. */
const SAMPLE_MAX_BYTES = 256 * 1024;
/**
 * Here the bound only has to catch a hang or work that explodes with the input: the suite shares
 * 2 cores with browsers, servers and PostgreSQL, and a 33 kB case of 2 s's bound took 2.7 s in a
 * CI run on a machine also running two soaks. The tight bound is `npm run fuzz`'s.
 */
const SUITE_SLACK = 5;

let corpus: BaseCorpus;
beforeAll(async () => {
  corpus = await baseCorpus();
});

describe('readers under fuzzing: a plan or a clear error, never a crash or a hang', () => {
  for (const reader of READERS) {
    it(`${reader}: ${RUNS} random and mutated documents`, async () => {
      const outcomes: Outcome[] = [];
      await fc.assert(
        fc.asyncProperty(
          caseArbitrary(reader, corpus).filter((c) => c.bytes.length <= SAMPLE_MAX_BYTES),
          async (c) => {
            outcomes.push(await expectPlanOrClearError(c.bytes, c.name, SUITE_SLACK * timeLimitFor(c.bytes)));
          },
        ),
        // Shrinking a failure is worth a while, not forever.
        { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: 45_000 },
      );
      // The generators must reach past the first guard: some cases make plans, some are refused.
      expect(outcomes.some((o) => o.kind === 'plan')).toBe(true);
      expect(outcomes.some((o) => o.kind === 'error')).toBe(true);
    }, 60_000);
  }
});
