import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const WEB = join(ROOT, 'web');
export const WEB_DIST = join(WEB, 'dist');

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

/**
 * Builds the web app (as `npm run build:web` does) when web/dist is missing or older than the
 * sources, so the browser tests never run against a stale bundle.
 */
export async function ensureWebBuilt(): Promise<void> {
  const index = join(WEB_DIST, 'index.html');
  if (existsSync(index)) {
    const sources = Math.max(
      newestMtime(join(WEB, 'src')),
      newestMtime(join(WEB, 'index.html')),
      newestMtime(join(WEB, 'vite.config.ts')),
      newestMtime(join(ROOT, 'src', 'shared')),
    );
    if (statSync(index).mtimeMs >= sources) return;
  }
  const { build } = await import('vite');
  // Under vitest NODE_ENV is "test", and Vite would bundle React's development build (half again
  // as large, and slower): build as `npm run build:web` does.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}
