import { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { t } from '../../i18n/index.js';
import type { Locale } from '../../i18n/index.js';
import type { Plan } from '../../domain/plan.js';
import { InputError } from '../../domain/errors.js';
import { parseDocumentFile } from '../../services/parse-document.service.js';
import { writeQualityReportDocx } from '../../writers/quality-report.docx.js';
import { writeQualityReportXlsx } from '../../writers/quality-report.xlsx.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';
import { formatFindings } from '../format-findings.js';
import { documentOptions, type DocumentOptions } from './parse.command.js';

/** The report's format is chosen by the extension of --out. */
const REPORT_WRITERS: Record<string, (plan: Plan, locale: Locale) => Promise<Uint8Array>> = {
  '.docx': writeQualityReportDocx,
  '.xlsx': writeQualityReportXlsx,
};

type LintOptions = DocumentOptions & { json?: boolean; strict?: boolean; out?: string };

export function lintCommand(ctx: CliContext, run: Runner): Command {
  const cmd = new Command('lint')
    .description(t(ctx.locale, 'cli.lint.description'))
    .argument('<file>', t(ctx.locale, 'cli.arg.file'))
    .option('--json', t(ctx.locale, 'cli.opt.json'))
    .option('--strict', t(ctx.locale, 'cli.opt.strict'))
    .option('--out <report>', t(ctx.locale, 'cli.opt.out'));
  return documentOptions(cmd, ctx).action(
    run(async (file: string, opts: LintOptions) => {
      const input = resolve(ctx.cwd, file);
      const out = opts.out === undefined ? undefined : resolve(ctx.cwd, opts.out);
      // Refuse a bad --out before reading the document: no point parsing 50 MB to say "use .docx".
      if (out !== undefined) {
        const problem = !REPORT_WRITERS[extname(out).toLowerCase()]
          ? 'cli.lint.outFormat'
          : out === input
            ? 'cli.lint.outIsInput'
            : null;
        if (problem) {
          const message = t(ctx.locale, problem, { file: opts.out! });
          println(ctx.stderr, t(ctx.locale, 'cli.error.usage', { message }));
          return EXIT.input;
        }
      }
      const { plan } = await parseDocumentFile(input, { ...opts, locale: ctx.locale });
      if (opts.json) ctx.stdout.write(`${JSON.stringify(plan.findings, null, 2)}\n`);
      if (out !== undefined) {
        await writeReport(plan, out, ctx.locale);
        // With --json, stdout is the JSON alone; the notice goes to stderr.
        const notice = t(ctx.locale, 'cli.lint.wrote', { file: out, findings: plan.findings.length });
        println(opts.json ? ctx.stderr : ctx.stdout, notice);
      } else if (!opts.json) {
        ctx.stdout.write(formatFindings(plan, ctx.locale));
      }
      const errors = plan.findings.some((f) => f.severity === 'error');
      return opts.strict && errors ? EXIT.findings : EXIT.ok;
    }),
  );
}

async function writeReport(plan: Plan, path: string, locale: Locale): Promise<void> {
  const bytes = await REPORT_WRITERS[extname(path).toLowerCase()]!(plan, locale);
  try {
    await writeFile(path, bytes);
  } catch (e) {
    // A missing folder or a read-only file is the user's to fix: exit 2 with the reason, not "internal error".
    const detail = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new InputError('cli.error.write', { file: path, detail });
  }
}
