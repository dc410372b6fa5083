import { Command, CommanderError, Option } from 'commander';
import { DEFAULT_LOCALE, isLocale, t, type Locale } from '../i18n/index.js';
import { EXIT, type CliContext, type CliIo, type Runner } from './io.js';
import { reportError } from './report-error.js';
import { parseCommand } from './commands/parse.command.js';
import { lintCommand } from './commands/lint.command.js';
import { importCommand } from './commands/import.command.js';
import { importFolderCommand } from './commands/import-folder.command.js';
import { orgCommand } from './commands/org.command.js';
import { dbCommand } from './commands/db.command.js';
import { backupCommand, restoreCommand } from './commands/backup.command.js';
import { serveCommand } from './commands/serve.command.js';
import { servePublicCommand } from './commands/serve-public.command.js';
import { demoCommand } from './commands/demo.command.js';
import { exportCommand } from './commands/export.command.js';
import { remindCommand } from './commands/remind.command.js';
import { statusCommand } from './commands/status.command.js';
import { bulletinCommand } from './commands/bulletin.command.js';
import { evidenceCommand } from './commands/evidence.command.js';
import { VERSION } from '../version.js';

/**
 * The `reform-ledger` command line: one more adapter over the services. Returns the exit code
 * instead of exiting, so that tests run it in-process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const ctx: CliContext = { ...io, locale: pickLocale(argv, io.env) };
  const tr = (key: string) => t(ctx.locale, key);
  const program = new Command('reform-ledger')
    .description(tr('cli.description'))
    .version(VERSION, '-V, --version', tr('cli.opt.version'))
    .helpOption('-h, --help', tr('cli.opt.help'))
    .helpCommand('help [command]', tr('cli.help.command'))
    .addOption(
      new Option('--lang <locale>', tr('cli.opt.lang')).choices(['zh-CN', 'en-US']).default(ctx.locale),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError();

  let code: number = EXIT.ok;
  const run: Runner =
    (fn) =>
    async (...args) => {
      code = await fn(...args);
    };
  for (const build of [
    parseCommand,
    lintCommand,
    importCommand,
    importFolderCommand,
    orgCommand,
    exportCommand,
    dbCommand,
    backupCommand,
    restoreCommand,
    evidenceCommand,
    serveCommand,
    servePublicCommand,
    demoCommand,
    remindCommand,
    statusCommand,
    bulletinCommand,
  ]) {
    program.addCommand(build(ctx, run));
  }
  // addCommand() does not pass settings down: every (sub)command writes through io and throws instead of exiting.
  const configure = (cmd: Command): void => {
    for (const c of cmd.commands) {
      c.exitOverride()
        .helpOption('-h, --help', tr('cli.opt.help'))
        .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
        .showHelpAfterError();
      configure(c);
    }
  };
  configure(program);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage errors with 2.
      return e.exitCode === 0 ? EXIT.ok : EXIT.input;
    }
    return reportError(ctx, e);
  }
}

/** --lang wins, then REFORM_LEDGER_LANG, then LANG (en_US.UTF-8 → en-US), then zh-CN. */
function pickLocale(argv: string[], env: Record<string, string | undefined>): Locale {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const fromArg = i === -1 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  if (isLocale(fromArg)) return fromArg;
  if (isLocale(env.REFORM_LEDGER_LANG)) return env.REFORM_LEDGER_LANG;
  if (env.LANG?.startsWith('en')) return 'en-US';
  return DEFAULT_LOCALE;
}
