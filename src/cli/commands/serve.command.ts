import { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { loadConfig } from '../../config.js';
import { startServer } from '../../server/start.js';
import { EXIT, println, type CliContext, type Runner } from '../io.js';
import { waitForStop } from '../wait-for-stop.js';

/**
 * `reform-ledger serve`: the API and the web app (HOST, PORT, DATA_DIR, DATABASE_URL …). Runs
 * until SIGINT or SIGTERM, then closes the server and the database and exits 0.
 */
export function serveCommand(ctx: CliContext, run: Runner): Command {
  return new Command('serve').description(t(ctx.locale, 'cli.serve.description')).action(
    run(async () => {
      const server = await startServer({
        config: loadConfig(ctx.env),
        print: (line) => println(ctx.stdout, line),
        locale: ctx.locale,
      });
      await waitForStop();
      println(ctx.stdout, t(ctx.locale, 'server.stopping'));
      await server.close();
      return EXIT.ok;
    }),
  );
}
