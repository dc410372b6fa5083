import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startServer, type RunningServer } from '../../src/server/start.js';

/** `npm start` in-process: migrate, seed on first start, listen on a real port. */
describe('starting the server', () => {
  let dir: string;
  let server: RunningServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async (env: Record<string, string>, lines: string[]) => {
    server = await startServer({
      config: loadConfig({ DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent', ...env }),
      print: (l) => lines.push(l),
      locale: 'zh-CN',
    });
    return server;
  };

  it('seeds 三门县, the Sanmen plan and an admin with a random password printed once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-start-'));
    const lines: string[] = [];
    const s = await start({}, lines);
    expect(lines[0]).toBe(
      '首次启动：已创建组织“三门县”，导入“三门县共同富裕“三十”工程改革库”（67 项改革事项）',
    );
    const password = /初始密码：(\S+)（/.exec(lines[1]!)![1]!;
    expect(password).toMatch(/^(?=.*\p{L})(?=.*\d).{20}$/u);
    expect(lines[2]).toMatch(/^改革一本账已启动：http:\/\/127\.0\.0\.1:\d+/);

    const health = await fetch(`${s.url}/api/health`);
    expect(await health.json()).toMatchObject({ ok: true });
    const login = await fetch(`${s.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const items = await fetch(`${s.url}/api/items?q=${encodeURIComponent('托育')}`, { headers: { cookie } });
    expect(
      ((await items.json()) as { items: { number: number }[] }).items.map(
        (i: { number: number }) => i.number,
      ),
    ).toEqual([60]);

    // A second start finds users and seeds nothing, prints no password.
    await s.close();
    server = undefined;
    const again: string[] = [];
    await start({}, again);
    expect(again).toHaveLength(1);
    expect(again[0]).toContain('已启动');
  });

  it('uses ADMIN_PASSWORD when set, and refuses one that breaks the policy', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rl-start-'));
    await expect(start({ ADMIN_PASSWORD: 'short' }, [])).rejects.toMatchObject({
      key: 'error.admin_password_policy',
    });
    const lines: string[] = [];
    const s = await start({ ADMIN_PASSWORD: 'sanmen2022reform' }, lines);
    expect(lines[1]).toBe('已创建管理员账号 admin，密码为环境变量 ADMIN_PASSWORD 的值');
    const login = await fetch(`${s.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'sanmen2022reform' }),
    });
    expect(login.status).toBe(200);
  });
});
