/**
 * A hook for the crash tests (test/faults/): when the environment variable
 * REFORM_LEDGER_TEST_PAUSE_AT names a point, the process stops there — inside the action's
 * transaction, with part of its rows written and nothing committed — and says so on stderr, so
 * the test can kill it with SIGKILL at exactly that moment.
 *
 * Inert in production: with the variable unset (always, outside the tests) the call returns at
 * once and changes nothing. The variable is read here rather than through config.ts on purpose:
 * it is not a setting anybody should be able to find in the configuration.
 */

export const TEST_PAUSE_ENV = 'REFORM_LEDGER_TEST_PAUSE_AT';

/** What the process writes to stderr when it stops at a point; the test waits for this line. */
export const TEST_PAUSE_LINE = 'reform-ledger test pause at';

export type TestPausePoint =
  /** importPlan: the version row and its items written, findings and the current-version flip not yet. */
  | 'import.items-written'
  /** submitReport: the report's new state and its submit event written, not yet committed. */
  | 'report.submit-written'
  /** generateBulletin: the draft row written, not yet committed. */
  | 'bulletin.draft-written'
  /** publishBulletin: the bulletin marked published with its .docx, not yet committed. */
  | 'bulletin.publish-written'
  /** LocalEvidenceStore.put: the file written and verified under its temporary name, not yet renamed. */
  | 'evidence.temp-written';

/** Should the test fail to kill the process, the action fails (its transaction rolls back). */
const GIVE_UP_MS = 120_000;

export async function testPausePoint(point: TestPausePoint): Promise<void> {
  if (process.env[TEST_PAUSE_ENV] !== point) return;
  process.stderr.write(`${TEST_PAUSE_LINE} ${point}\n`);
  await new Promise((resolve) => setTimeout(resolve, GIVE_UP_MS));
  throw new Error(`${TEST_PAUSE_ENV}=${point}: the test did not kill the process`);
}
