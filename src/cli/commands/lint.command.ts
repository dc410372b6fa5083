import { Command } from 'commander';
import { resolve } from 'node:path';
import { t } from '../../i18n/index.js';
import { parseDocumentFile } from '../../services/parse-document.service.js';
import { EXIT, type CliContext, type Runner } from '../io.js';
import { formatFindings } from '../format-findings.js';
import { documentOptions, type DocumentOptions } from './parse.command.js';

export function lintCommand(ctx: CliContext, run: Runner): Command {
  const cmd = new Command('lint')
    .description(t(ctx.locale, 'cli.lint.description'))
    .argument('<file>', t(ctx.locale, 'cli.arg.file'))
    .option('--json', t(ctx.locale, 'cli.opt.json'))
    .option('--strict', t(ctx.locale, 'cli.opt.strict'));
  return documentOptions(cmd, ctx).action(
    run(async (file: string, opts: DocumentOptions & { json?: boolean; strict?: boolean }) => {
      const { plan } = await parseDocumentFile(resolve(ctx.cwd, file), { ...opts, locale: ctx.locale });
      if (opts.json) ctx.stdout.write(`${JSON.stringify(plan.findings, null, 2)}\n`);
      else ctx.stdout.write(formatFindings(plan, ctx.locale));
      const errors = plan.findings.some((f) => f.severity === 'error');
      return opts.strict && errors ? EXIT.findings : EXIT.ok;
    }),
  );
}
