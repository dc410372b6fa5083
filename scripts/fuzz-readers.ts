/**
 * The long fuzz run over the readers (npm run fuzz): for each reader (txt, csv, docx, xlsx),
 * thousands of random and mutated documents, each run by a pool of child processes under a
 * watchdog, so that a case which hangs or takes the process down is caught, reported and
 * saved under test-results/fuzz/ instead of stopping the run. Prints counts per reader and
 * exits non-zero on any failure.
 *
 *   npm run fuzz                              10 000 cases per reader
 *   npm run fuzz -- --cases 500 --readers txt,csv
 *   npm run fuzz -- --replay docx:20240611:37 one case, in this process (from a report)
 *   npm run fuzz -- --file test-results/fuzz/x.docx
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  BATCH,
  caseArbitrary,
  caseBatch,
  READERS,
  replayCase,
  type FuzzCase,
  type Reader,
} from '../test/fuzz/cases.js';
import { classifyCase, type Outcome } from '../test/fuzz/oracle.js';
import { baseCorpus } from '../test/fuzz/seed-corpus.js';
import type { CaseMessage, ResultMessage } from './fuzz-readers.worker.js';

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20240611' },
    readers: { type: 'string', default: READERS.join(',') },
    workers: { type: 'string', default: String(Math.max(1, availableParallelism())) },
    'hang-ms': { type: 'string', default: '30000' },
    replay: { type: 'string' },
    file: { type: 'string' },
  },
});

const OUT = fileURLToPath(new URL('../test-results/fuzz/', import.meta.url));
const WORKER = fileURLToPath(new URL('./fuzz-readers.worker.ts', import.meta.url));
const HANG_MS = Number(args['hang-ms']);

interface Job extends CaseMessage {
  reader: Reader;
  batchSeed: number;
  index: number;
}

/** One child process, restarted whenever a case kills it or hangs. */
class Slot {
  private child!: ChildProcess;
  private ready!: Promise<void>;
  private stderr = '';
  private settle: ((o: Outcome) => void) | null = null;
  private timer: NodeJS.Timeout | undefined;
  private inflight: Job | null = null;
  private last: Job | null = null;
  /** The child reported an error of a finished case and is exiting: not the next case's fault. */
  private dying = false;

  constructor(private readonly onLateFailure: (id: string, o: Outcome, job: Job | undefined) => void) {
    this.start();
  }

  private start(): void {
    this.stderr = '';
    this.dying = false;
    this.child = fork(WORKER, [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=2048'],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr!.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-2000)));
    this.ready = new Promise((resolve) => this.child.once('message', () => resolve()));
    this.child.on('message', (m: ResultMessage | { ready: true }) => {
      if (!('id' in m)) return;
      if (this.inflight && m.id === this.inflight.id) this.finish(m.outcome);
      else if (m.outcome.kind === 'failure') {
        this.dying = true;
        this.onLateFailure(m.id, m.outcome, this.last?.id === m.id ? this.last : undefined);
      }
    });
    this.child.on('exit', (code, signal) => {
      if (!this.inflight || !this.settle) return;
      if (this.dying) return void this.restartAndRetry();
      this.finish(
        { kind: 'failure', reason: `process died (${signal ?? `exit ${code}`}): ${this.stderr}`, ms: 0 },
        true,
      );
    });
  }

  private restartAndRetry(): void {
    const job = this.inflight!;
    const settle = this.settle!;
    clearTimeout(this.timer);
    this.inflight = null;
    this.settle = null;
    this.start();
    void this.run(job).then(settle);
  }

  private finish(outcome: Outcome, restart = false): void {
    const settle = this.settle!;
    clearTimeout(this.timer);
    this.last = this.inflight;
    this.inflight = null;
    this.settle = null;
    if (restart) this.start();
    settle(outcome);
  }

  async run(job: Job): Promise<Outcome> {
    await this.ready;
    return new Promise<Outcome>((resolve) => {
      this.inflight = job;
      this.settle = resolve;
      this.timer = setTimeout(() => {
        this.child.removeAllListeners('exit');
        this.child.kill('SIGKILL');
        this.finish({ kind: 'failure', reason: `hang: no result after ${HANG_MS} ms`, ms: HANG_MS }, true);
      }, HANG_MS);
      const message: CaseMessage = { id: job.id, name: job.name, bytes: job.bytes };
      this.child.send(message);
    });
  }

  stop(): void {
    this.child.removeAllListeners('exit');
    this.child.kill();
  }
}

interface Tally {
  cases: number;
  plans: number;
  errors: Map<string, number>;
  failures: number;
  slowestMs: number;
  seconds: number;
}

function* jobs(
  reader: Reader,
  arb: ReturnType<typeof caseArbitrary>,
  seed: number,
  total: number,
): Generator<Job> {
  for (let b = 0; b * BATCH < total; b++) {
    const batchSeed = seed + b;
    const batch = caseBatch(arb, batchSeed, Math.min(BATCH, total - b * BATCH));
    for (const [index, c] of batch.entries()) {
      yield { ...c, reader, batchSeed, index, id: `${reader}:${batchSeed}:${index}` };
    }
  }
}

function save(job: Pick<Job, 'id' | 'name' | 'bytes'>, outcome: Outcome): string {
  mkdirSync(OUT, { recursive: true });
  const stem = join(OUT, `${job.id.replace(/:/g, '-')}-${basename(job.name)}`);
  writeFileSync(stem, job.bytes);
  const replay = `npm run fuzz -- --replay ${job.id}`;
  writeFileSync(
    `${stem}.json`,
    `${JSON.stringify({ id: job.id, name: job.name, outcome, replay }, null, 2)}\n`,
  );
  return stem;
}

async function fuzzReader(reader: Reader, total: number, seed: number, workers: number): Promise<Tally> {
  const arb = caseArbitrary(reader, await baseCorpus());
  const tally: Tally = { cases: 0, plans: 0, errors: new Map(), failures: 0, slowestMs: 0, seconds: 0 };
  const started = performance.now();
  const fail = (job: Job | undefined, id: string, outcome: Outcome) => {
    tally.failures++;
    const where = job ? save(job, outcome) : '(input not kept)';
    console.error(
      `\nFAIL ${id}: ${outcome.kind === 'failure' ? outcome.reason.split('\n').slice(0, 6).join('\n  ') : ''}\n  saved: ${where}`,
    );
  };
  const slots = Array.from(
    { length: workers },
    () => new Slot((id, o, job) => fail(job, `${id} (after it ended)`, o)),
  );
  const queue = jobs(reader, arb, seed, total);
  const work = async (slot: Slot) => {
    for (let next = queue.next(); !next.done; next = queue.next()) {
      const job = next.value;
      const outcome = await slot.run(job);
      tally.cases++;
      tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
      if (outcome.kind === 'plan') tally.plans++;
      else if (outcome.kind === 'error')
        tally.errors.set(outcome.key, (tally.errors.get(outcome.key) ?? 0) + 1);
      else fail(job, job.id, outcome);
      if (tally.cases % 500 === 0) process.stdout.write(`  ${reader}: ${tally.cases}/${total}\r`);
    }
  };
  await Promise.all(slots.map(work));
  for (const s of slots) s.stop();
  tally.seconds = Math.round((performance.now() - started) / 100) / 10;
  return tally;
}

function report(results: [Reader, Tally][]): void {
  console.log('\nreader  cases   plans  clear errors  failures  slowest  time');
  for (const [reader, t] of results) {
    const errors = [...t.errors.values()].reduce((a, b) => a + b, 0);
    const cols = [
      reader.padEnd(6),
      String(t.cases).padStart(6),
      String(t.plans).padStart(7),
      String(errors).padStart(13),
    ];
    console.log(
      `${cols.join(' ')} ${String(t.failures).padStart(9)} ${`${t.slowestMs} ms`.padStart(8)}  ${t.seconds} s`,
    );
  }
  for (const [reader, t] of results) {
    const keys = [...t.errors].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k.replace('error.', '')} ${n}`);
    console.log(`  ${reader} errors: ${keys.join(', ')}`);
  }
}

async function replay(spec: string): Promise<void> {
  const [reader, batchSeed, index] = spec.split(':');
  if (!READERS.includes(reader as Reader))
    throw new Error(`--replay READER:SEED:INDEX, READER one of ${READERS.join(', ')}`);
  const c: FuzzCase = replayCase(
    caseArbitrary(reader as Reader, await baseCorpus()),
    Number(batchSeed),
    Number(index),
  );
  const outcome = await classifyCase(c.bytes, c.name);
  console.log(`${spec} ${c.name} (${c.bytes.length} bytes):`, outcome);
  console.log(`saved: ${save({ id: spec, name: c.name, bytes: c.bytes }, outcome)}`);
  process.exitCode = outcome.kind === 'failure' ? 1 : 0;
}

async function main(): Promise<void> {
  if (args.replay) return replay(args.replay);
  if (args.file) {
    const outcome = await classifyCase(new Uint8Array(readFileSync(args.file)), basename(args.file));
    console.log(outcome);
    process.exitCode = outcome.kind === 'failure' ? 1 : 0;
    return;
  }
  const readers = args.readers.split(',') as Reader[];
  const unknown = readers.filter((r) => !READERS.includes(r));
  if (unknown.length) throw new Error(`unknown reader ${unknown.join(', ')}; known: ${READERS.join(', ')}`);
  const total = Number(args.cases);
  const seed = Number(args.seed);
  const workers = Number(args.workers);
  console.log(
    `fuzzing ${readers.join(', ')}: ${total} cases each, seed ${seed}, ${workers} processes, hang after ${HANG_MS} ms`,
  );
  const results: [Reader, Tally][] = [];
  for (const reader of readers) results.push([reader, await fuzzReader(reader, total, seed, workers)]);
  report(results);
  const failures = results.reduce((a, [, t]) => a + t.failures, 0);
  console.log(failures ? `\n${failures} failure(s); inputs saved under ${OUT}` : '\nno failures');
  process.exitCode = failures ? 1 : 0;
}

await main();
