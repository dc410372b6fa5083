import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

// `npm test` builds first; this runs `reform-ledger demo` as a newcomer would.
describe('reform-ledger demo', () => {
  it('serves a plan labelled 演示数据 from its own database, with today in the middle of it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rl-demo-'));
    const demoDir = join(dataDir, 'demo-db');
    const child = spawn(process.execPath, ['bin/reform-ledger.js', 'demo'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DEMO_DATA_DIR: demoDir,
        DEMO_PORT: '0',
        ADMIN_PASSWORD: 'Demo2026pass',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL in: ${out}`)), 20_000);
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /(http:\/\/[\d.]+:\d+)/u.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        child.on('exit', (code) => reject(new Error(`demo exited ${code}: ${out}`)));
      });
      const login = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'Demo2026pass' }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const dashboard = (await (await fetch(`${url}/api/dashboard`, { headers: { cookie } })).json()) as {
        plan: { title: string };
        counts: { total: number; red: number };
      };
      expect(dashboard.plan.title).toBe('【演示数据】三门县共同富裕“三十”工程改革库');
      expect(dashboard.counts.total).toBe(67);
      expect(dashboard.counts.red).toBeGreaterThan(0);
      expect(dashboard.counts.red).toBeLessThan(67);
      expect(existsSync(join(demoDir, 'reform-ledger.db'))).toBe(true);
      expect(existsSync(join(dataDir, 'reform-ledger.db'))).toBe(false);
    } finally {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });
});
