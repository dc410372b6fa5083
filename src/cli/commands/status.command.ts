import { Command } from 'commander';
import { t, type Locale } from '../../i18n/index.js';
import { loadConfig } from '../../config.js';
import { isIsoDate } from '../../domain/status/dates.js';
import { createDatabase } from '../../store/database.js';
import { migrateDatabase } from '../../services/migrate-database.service.js';
import { SEED_ORG } from '../../services/seed-first-start.service.js';
import { statusOverview, type StatusOverview } from '../../services/status-overview.service.js';
import { displayWidth } from '../../writers/xlsx-layout.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';

interface StatusOptions {
  asOf: string;
  org: string;
  json?: boolean;
}

/**
 * `reform-ledger status --as-of 2022-06-30 [--json] [--org NAME]`: items by status, the red items
 * and the scoreboard as of a date, from the database the server uses. It also keeps the status
 * snapshots of periods whose due date has passed, so a daily cron run keeps the trend complete.
 */
export function statusCommand(ctx: CliContext, run: Runner): Command {
  return new Command('status')
    .description(t(ctx.locale, 'cli.status.description'))
    .requiredOption('--as-of <date>', t(ctx.locale, 'cli.opt.asOf'))
    .option('--org <name>', t(ctx.locale, 'cli.opt.statusOrg'), SEED_ORG)
    .option('--json', t(ctx.locale, 'cli.opt.statusJson'))
    .action(
      run(async (opts: StatusOptions) => {
        if (!isIsoDate(opts.asOf)) {
          const message = t(ctx.locale, 'cli.status.badAsOf', { value: opts.asOf });
          println(ctx.stderr, t(ctx.locale, 'cli.error.usage', { message }));
          return EXIT.input;
        }
        const config = loadConfig(ctx.env);
        const db = await createDatabase(config);
        try {
          await migrateDatabase(db);
          const overview = await statusOverview(db, {
            org: opts.org,
            asOf: opts.asOf,
            now: new Date(),
            timeZone: config.timeZone,
          });
          if (opts.json) ctx.stdout.write(`${JSON.stringify(overview, null, 2)}\n`);
          else ctx.stdout.write(formatOverview(overview, ctx.locale));
          return EXIT.ok;
        } finally {
          await db.destroy();
        }
      }),
    );
}

const pct = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function formatOverview(o: StatusOverview, locale: Locale): string {
  const tr = (key: string, params: Record<string, string | number> = {}) => t(locale, key, params);
  const lines: string[] = [];
  if (!o.plan) return `${tr('cli.status.noPlan', { org: o.org })}\n`;
  lines.push(
    tr('cli.status.header', { org: o.org, title: o.plan.title, version: o.plan.version, asOf: o.asOf }),
  );
  lines.push(tr('cli.status.counts', { ...o.counts }));
  lines.push('');
  lines.push(o.red.length > 0 ? tr('cli.status.red', { count: o.red.length }) : tr('cli.status.noRed'));
  for (const r of o.red) {
    lines.push(
      tr('cli.status.redItem', { number: r.number ?? '—', title: r.title, unit: r.leadUnit ?? '—' }),
    );
    for (const m of r.overdue) lines.push(`      ${m.deadline}  ${m.text}`);
  }
  lines.push('');
  const sb = o.scoreboard;
  lines.push(tr('cli.status.scoreboard', { asOf: sb.asOf, previous: sb.previous?.asOf ?? '—' }));
  const head = tr('cli.status.columns').split('|');
  const rows = sb.rows.map((r) => [
    String(r.rank),
    r.previousRank === null ? '—' : String(r.previousRank),
    r.unit.name,
    r.score === null ? '—' : r.score.toFixed(1),
    pct(r.rates.done),
    pct(r.rates.onTime),
    pct(r.rates.reports),
    pct(r.rates.returned),
    `${r.milestones.dueDone}/${r.milestones.due}`,
  ]);
  lines.push(...table([head, ...rows]));
  lines.push('');
  lines.push(
    tr('cli.status.formula', {
      done: sb.weights.done,
      onTime: sb.weights.onTime,
      reports: sb.weights.reports,
      penalty: sb.weights.returnedPenalty,
    }),
  );
  if (o.snapshotsTaken.length > 0) {
    lines.push(
      tr('cli.status.snapshots', { count: o.snapshotsTaken.length, periods: o.snapshotsTaken.join(' ') }),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Columns padded to the widest cell, counting a Chinese character as two columns. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))));
  return rows.map((r) =>
    `  ${r.map((cell, c) => cell + ' '.repeat(widths[c]! - displayWidth(cell))).join('  ')}`.trimEnd(),
  );
}
