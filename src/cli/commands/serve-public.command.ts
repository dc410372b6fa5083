import { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { loadConfig } from '../../config.js';
import { startPublicServer } from '../../server/public/start-public.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';
import { waitForStop } from '../wait-for-stop.js';

/**
 * `reform-ledger serve-public`: the public portal alone, for a machine of its own (a DMZ, behind
 * the government site's proxy) against the office's database. It never migrates or writes:
 * the office's `serve` does that. Runs until SIGINT or SIGTERM.
 */
export function servePublicCommand(ctx: CliContext, run: Runner): Command {
  return new Command('serve-public').description(t(ctx.locale, 'cli.serve_public.description')).action(
    run(async () => {
      const server = await startPublicServer(loadConfig(ctx.env));
      println(ctx.stdout, t(ctx.locale, 'server.public_only_listening', { url: server.url }));
      await waitForStop();
      println(ctx.stdout, t(ctx.locale, 'server.stopping'));
      await server.close();
      return EXIT.ok;
    }),
  );
}
