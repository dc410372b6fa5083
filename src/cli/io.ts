import type { Locale } from '../i18n/index.js';

/** What a command may touch of the outside world: passed in so tests run commands in-process. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface CliContext extends CliIo {
  locale: Locale;
}

/** `storage`: the disk is full, the data folder read-only or the database unreachable. */
export const EXIT = { ok: 0, findings: 1, input: 2, internal: 3, storage: 4 } as const;

export function println(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

/** Wraps a command's action so its exit code reaches runCli. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Runner = (fn: (...args: any[]) => Promise<number>) => (...args: any[]) => Promise<void>;
