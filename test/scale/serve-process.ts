/**
 * `reform-ledger serve` run from the sources (the same command as bin/reform-ledger.js runs from
 * dist/, without needing a fresh build): configuration from the environment, stops on SIGTERM.
 *
 *   DATABASE_URL=postgres://… PORT=0 node --import tsx test/scale/serve-process.ts
 */
import { runCli } from '../../src/cli/main.js';

process.exitCode = await runCli(['serve'], {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
});
