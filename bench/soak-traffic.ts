/**
 * The soak's mixed traffic against one server, until a deadline: reporters writing reports (a
 * draft, a second save, a small PDF as evidence, submit; and fixing what the office returned),
 * the office reviewing the queue (two in three approved, one returned with a comment) and
 * exporting (ledger .xlsx, audit log .xlsx of the last minutes, item list .xlsx), leaders reading
 * (dashboard, items, an item, scoreboard, trend, timeline). Everyone thinks a moment between
 * steps, as people do: the point is hours of steady use, not the most requests a second.
 *
 * Every write the server acknowledged is kept in `acks`, so that afterwards the database can be
 * checked against it (bench/soak-check.ts). Any answer other than the one expected is an error,
 * but for a lost race on a report's save or submit: a 409 because someone else moved the
 * report's revision in between, which the reporter answers as the web app does — re-read, write
 * again once — and which is counted apart (Recorder.answer).
 */
import { smallPdf } from '../test/e2e/small-pdf.js';
import type { Race, Recorder } from './soak-stats.js';

export interface Session {
  cookie: string;
  csrf: string;
}

export type ReportStatus = 'draft' | 'submitted' | 'approved' | 'returned';

/** What the server acknowledged about one report. */
export interface Ack {
  id: string;
  itemKey: string;
  period: string;
  revision: number;
  status: ReportStatus;
  creates: number;
  saves: number;
  submits: number;
  approves: number;
  returns: number;
  evidence: number;
}

export interface Slot {
  itemKey: string;
  period: string;
  shape: { milestones: number; targets: number; achievements: number };
}

export interface Cast {
  reporters: { session: Session; slots: Slot[] }[];
  leaders: Session[];
  reviewer: Session;
  exporter: Session;
  /** Item numbers leaders open. */
  itemNumbers: number[];
}

export interface TrafficOptions {
  url: string;
  deadline: number;
  /** Mean pause between one person's steps, ms (each pause is 0.5–1.5 × this). */
  thinkMs: number;
  /** Pause between the office's exports, ms. */
  exportEveryMs: number;
}

const TIMEOUT_MS = 60_000;
const PDF = smallPdf('Soak evidence 2022');

export async function runTraffic(
  cast: Cast,
  o: TrafficOptions,
  rec: Recorder,
  acks: Map<string, Ack>,
): Promise<void> {
  const http = new Http(o.url, rec);
  const done = () => Date.now() >= o.deadline;
  const think = (factor = 1) => sleep(o.thinkMs * factor * (0.5 + Math.random()));

  /** Apply what the server answered, unless a later answer already did (revisions only grow). */
  const acknowledge = (ack: Ack, dto: { revision: number; status: ReportStatus }) => {
    if (dto.revision > ack.revision) {
      ack.revision = dto.revision;
      ack.status = dto.status;
    }
  };

  /**
   * A reporter's write against the report's revision, as the web form makes it. When it loses a
   * race (409: the revision moved — in the soak, the office returned the report and the reporter's
   * list showed it before the office's own answer had come back), re-read the report, take its
   * revision and write once more; the form merges the user's edits onto the latest version and
   * saves the same way. A second 409 is an error (Recorder.answer).
   */
  const revised = async (
    session: Session,
    ack: Ack,
    revision: number,
    write: (revision: number, race: Race) => Promise<Dto | 'conflict' | null>,
  ): Promise<Dto | null> => {
    const first = await write(revision, 'first');
    if (first !== 'conflict') return first;
    const latest = await http.json<Dto>(session, 'GET', `/api/reports/${ack.id}`, {
      route: 'GET /api/reports/:id',
    });
    if (!latest) return null;
    acknowledge(ack, latest);
    const again = await write(latest.revision, 'retry');
    return again === 'conflict' ? null : again;
  };
  const save = (session: Session, slot: Slot, ack: Ack, revision: number, stage: string) =>
    revised(session, ack, revision, (rev, race) =>
      http.write<Dto>(session, 'PUT', byItem(slot), {
        route: 'PUT /api/reports/by-item/:itemKey/:period',
        body: content(slot, rev, stage),
        race,
      }),
    );
  const submit = (session: Session, ack: Ack, revision: number) =>
    revised(session, ack, revision, (rev, race) =>
      http.write<Dto>(session, 'POST', `/api/reports/${ack.id}/submit`, {
        route: 'POST /api/reports/:id/submit',
        body: { revision: rev },
        race,
      }),
    );

  const reporter = async ({ session, slots }: Cast['reporters'][number]) => {
    let next = 0;
    while (!done()) {
      const todo = await http.json<{ returned: { id: string }[] }>(session, 'GET', '/api/reports/todo', {
        route: 'GET /api/reports/todo',
      });
      for (const r of todo?.returned ?? []) {
        const ack = acks.get(r.id);
        if (!ack || done()) continue;
        const saved = await save(session, slotOf(slots, ack), ack, ack.revision, 'returned');
        if (!saved) continue;
        ack.saves++;
        acknowledge(ack, saved);
        await think(0.5);
        const sent = await submit(session, ack, saved.revision);
        if (sent) {
          ack.submits++;
          acknowledge(ack, sent);
        }
      }
      const slot = slots[next++];
      if (!slot) {
        await think(4);
        continue;
      }
      await writeReport(session, slot);
      // One report every several seconds per unit: thousands over half an hour, as many as a
      // county writes in years — enough data growth to show a leak, not so much it is the test.
      await think(3);
    }
  };

  const writeReport = async (session: Session, slot: Slot) => {
    const created = await http.json<Dto>(session, 'PUT', byItem(slot), {
      route: 'PUT /api/reports/by-item/:itemKey/:period',
      body: content(slot, null, 'draft'),
      status: 201,
    });
    if (!created) return;
    const ack: Ack = {
      id: created.id,
      itemKey: slot.itemKey,
      period: slot.period,
      revision: created.revision,
      status: created.status,
      creates: 1,
      saves: 0,
      submits: 0,
      approves: 0,
      returns: 0,
      evidence: 0,
    };
    acks.set(ack.id, ack);
    await think();
    const saved = await save(session, slot, ack, created.revision, 'second');
    if (!saved) return;
    ack.saves++;
    acknowledge(ack, saved);
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), '佐证材料.pdf');
    if (
      await http.json(session, 'POST', `/api/reports/${ack.id}/evidence`, {
        route: 'POST /api/reports/:id/evidence',
        form,
        status: 201,
      })
    )
      ack.evidence++;
    await think();
    const sent = await submit(session, ack, saved.revision);
    if (sent) {
      ack.submits++;
      acknowledge(ack, sent);
    }
  };

  const reviewer = async (session: Session) => {
    let n = 0;
    while (!done()) {
      const queue = await http.json<{ reports: { id: string }[] }>(
        session,
        'GET',
        '/api/reports?status=submitted&pageSize=20',
        { route: 'GET /api/reports' },
      );
      for (const r of (queue?.reports ?? []).slice(0, 10)) {
        const ack = acks.get(r.id);
        if (!ack || done()) continue;
        const detail = await http.json<Dto>(session, 'GET', `/api/reports/${r.id}`, {
          route: 'GET /api/reports/:id',
        });
        if (!detail) continue;
        await think(0.25);
        const back = ++n % 3 === 0;
        const reviewed = await http.json<Dto>(
          session,
          'POST',
          `/api/reports/${r.id}/${back ? 'return' : 'approve'}`,
          {
            route: back ? 'POST /api/reports/:id/return' : 'POST /api/reports/:id/approve',
            body: back
              ? { revision: detail.revision, comment: '请补充佐证材料。' }
              : { revision: detail.revision },
          },
        );
        if (!reviewed) continue;
        if (back) ack.returns++;
        else ack.approves++;
        acknowledge(ack, reviewed);
      }
      await think();
    }
  };

  const exporter = async (session: Session) => {
    const exports = [
      () => ['GET /api/ledger.xlsx', '/api/ledger.xlsx'],
      // The office exports the log of the last minutes: an ever-growing "everything" would hit
      // the export's 20 000-row limit in a long soak, which is a refusal by design, not a fault.
      () => [
        'GET /api/audit/export.xlsx',
        `/api/audit/export.xlsx?from=${new Date(Date.now() - 5 * 60_000).toISOString()}`,
      ],
      () => ['GET /api/items/export.xlsx', '/api/items/export.xlsx'],
    ];
    for (let i = 0; !done(); i++) {
      const [route, path] = exports[i % exports.length]!();
      await http.bytes(session, path!, route!);
      await sleep(o.exportEveryMs * (0.5 + Math.random()));
    }
  };

  const leader = async (session: Session) => {
    const reads = [
      () => ['GET /api/dashboard', '/api/dashboard'],
      () => ['GET /api/items', `/api/items?page=${1 + Math.floor(Math.random() * 4)}`],
      () => ['GET /api/items/:number', `/api/items/${pick(cast.itemNumbers)}`],
      () => ['GET /api/scoreboard', '/api/scoreboard'],
      () => ['GET /api/dashboard/trend', '/api/dashboard/trend'],
      () => ['GET /api/timeline', '/api/timeline'],
    ];
    while (!done()) {
      const [route, path] = pick(reads)();
      await http.json(session, 'GET', path!, { route: route! });
      await think();
    }
  };

  await Promise.all([
    ...cast.reporters.map(reporter),
    reviewer(cast.reviewer),
    exporter(cast.exporter),
    ...cast.leaders.map(leader),
  ]);
}

interface Dto {
  id: string;
  revision: number;
  status: ReportStatus;
}

function byItem(x: { itemKey: string; period: string }): string {
  return `/api/reports/by-item/${encodeURIComponent(x.itemKey)}/${x.period}`;
}

function slotOf(slots: Slot[], ack: Ack): Slot {
  return slots.find((s) => s.itemKey === ack.itemKey && s.period === ack.period)!;
}

/** A report as a unit writes it: every milestone in progress, a narrative that changes per save. */
function content(slot: Slot, revision: number | null, stage: string) {
  return {
    revision,
    milestones: Array.from({ length: slot.shape.milestones }, (_, i) => ({
      state: 'in_progress',
      percent: Math.min(100, 20 + i * 10),
    })),
    targets: Array.from({ length: slot.shape.targets }, () => null),
    achievements: Array.from({ length: slot.shape.achievements }, () => null),
    narrative: `${slot.period}（${stage}）：按计划推进，召开专题会议研究部署，形成阶段性成果。`,
  };
}

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)]!;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** fetch with the session, a timeout, and every answer recorded under its route. */
class Http {
  constructor(
    private readonly url: string,
    private readonly rec: Recorder,
  ) {}

  async json<T = unknown>(
    s: Session,
    method: 'GET' | 'PUT' | 'POST',
    path: string,
    o: { route: string; body?: unknown; form?: FormData; status?: number },
  ): Promise<T | null> {
    const r = await this.send(s, method, path, o.route, {
      expected: o.status ?? 200,
      body: o.body,
      form: o.form,
    });
    return r instanceof Uint8Array ? parse<T>(r) : null;
  }

  /** A write that can lose a race: 'conflict' when it did (Recorder.answer), to re-read and retry. */
  async write<T>(
    s: Session,
    method: 'PUT' | 'POST',
    path: string,
    o: { route: string; body: unknown; race: Race },
  ): Promise<T | 'conflict' | null> {
    const r = await this.send(s, method, path, o.route, { expected: 200, body: o.body, race: o.race });
    return r instanceof Uint8Array ? parse<T>(r) : r;
  }

  async bytes(s: Session, path: string, route: string): Promise<Uint8Array | null> {
    const r = await this.send(s, 'GET', path, route, { expected: 200 });
    if (!(r instanceof Uint8Array)) return null;
    if (r.length === 0) this.rec.fail(route, 0, 'empty download');
    return r;
  }

  private async send(
    s: Session,
    method: string,
    path: string,
    route: string,
    o: { expected: number; body?: unknown; form?: FormData; race?: Race },
  ): Promise<Uint8Array | 'conflict' | null> {
    const started = performance.now();
    try {
      const headers: Record<string, string> = { cookie: s.cookie };
      if (method !== 'GET') headers['x-csrf-token'] = s.csrf;
      if (o.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(`${this.url}${path}`, {
        method,
        headers,
        body: o.form ?? (o.body === undefined ? undefined : JSON.stringify(o.body)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const bytes = new Uint8Array(await res.arrayBuffer());
      const outcome = this.rec.answer(route, performance.now() - started, res.status, {
        expected: o.expected,
        race: o.race,
        detail: new TextDecoder().decode(bytes.subarray(0, 200)),
      });
      return outcome === 'ok' ? bytes : outcome === 'conflict' ? 'conflict' : null;
    } catch (e) {
      this.rec.fail(route, performance.now() - started, e instanceof Error ? e.message : String(e));
      return null;
    }
  }
}

function parse<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}
