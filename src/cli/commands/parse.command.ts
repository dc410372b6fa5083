import { Command, Option } from 'commander';
import { t } from '../../i18n/index.js';
import { parseDocumentFile } from '../../services/parse-document.service.js';
import { EXIT, type CliContext, type Runner } from '../io.js';
import { resolve } from 'node:path';

export interface DocumentOptions {
  sheet?: string;
  maxBytes?: number;
}

export function documentOptions(cmd: Command, ctx: CliContext): Command {
  return cmd
    .option('--sheet <name>', t(ctx.locale, 'cli.opt.sheet'))
    .addOption(new Option('--max-bytes <n>', t(ctx.locale, 'cli.opt.maxBytes')).argParser(positiveInt));
}

function positiveInt(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--max-bytes ${v}`);
  return n;
}

export function parseCommand(ctx: CliContext, run: Runner): Command {
  const cmd = new Command('parse')
    .description(t(ctx.locale, 'cli.parse.description'))
    .argument('<file>', t(ctx.locale, 'cli.arg.file'))
    .option('--compact', t(ctx.locale, 'cli.opt.compact'));
  return documentOptions(cmd, ctx).action(
    run(async (file: string, opts: DocumentOptions & { compact?: boolean }) => {
      const { plan } = await parseDocumentFile(resolve(ctx.cwd, file), { ...opts, locale: ctx.locale });
      ctx.stdout.write(`${JSON.stringify(plan, null, opts.compact ? undefined : 2)}\n`);
      return EXIT.ok;
    }),
  );
}
