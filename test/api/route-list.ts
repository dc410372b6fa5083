import type { ApiApp } from '../../src/server/context.js';

/**
 * Every route of the app as "METHOD /path", read from Fastify's own route tree
 * (printRoutes without common prefixes: one node per line, four columns a level). The tests that
 * must cover every route (audit coverage, the authorization matrix, CSRF) start from this list,
 * so a route added without a row in them fails.
 */
export function routesOf(app: ApiApp): string[] {
  const path: string[] = [];
  const out: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) continue;
    path.length = m[1]!.length / 4;
    path.push(m[2]!);
    for (const method of m[3]?.split(', ') ?? []) out.push(`${method} ${path.join('')}`);
  }
  return out.sort();
}
