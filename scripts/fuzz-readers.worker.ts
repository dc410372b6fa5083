/**
 * A child process of scripts/fuzz-readers.ts: runs the cases it is sent through the whole
 * importer, one at a time, and answers with each outcome. It is a process of its own so that
 * whatever a case does — loop forever, exhaust the heap, throw from a stream callback after
 * the promise settled — kills only this process, which the parent then reports.
 */
import { classifyCase, type Outcome } from '../test/fuzz/oracle.js';

export interface CaseMessage {
  id: string;
  name: string;
  bytes: Uint8Array;
}

export interface ResultMessage {
  id: string;
  outcome: Outcome;
}

let current: string | null = null;
let lastDone: string | null = null;

function send(message: ResultMessage): Promise<void> {
  return new Promise((resolve) => process.send!(message, undefined, undefined, () => resolve()));
}

/** An error nobody awaited belongs to the case in flight, else to the one just finished. */
async function uncaught(what: string, e: unknown): Promise<void> {
  const reason = `${what}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`.slice(0, 2000);
  await send({ id: current ?? lastDone ?? '?', outcome: { kind: 'failure', reason, ms: 0 } });
  process.exit(70);
}
process.on('uncaughtException', (e) => void uncaught('uncaught exception', e));
process.on('unhandledRejection', (e) => void uncaught('unhandled rejection', e));

process.on('message', (message: CaseMessage) => {
  void (async () => {
    current = message.id;
    const outcome = await classifyCase(message.bytes, message.name);
    // Let callbacks a library scheduled after settling run while this case is still current.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 0));
    lastDone = current;
    current = null;
    await send({ id: message.id, outcome });
  })();
});

process.send!({ ready: true });
