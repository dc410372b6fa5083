import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { ValidationError } from './domain/errors.js';

describe('loadConfig', () => {
  it('defaults to SQLite under ./data on 127.0.0.1:3000 with 50 MiB uploads', () => {
    expect(loadConfig({})).toEqual({
      dataDir: './data',
      database: { kind: 'sqlite', file: 'data/reform-ledger.db' },
      maxUploadBytes: 50 * 1024 * 1024,
      evidenceMaxBytes: 20 * 1024 * 1024,
      host: '127.0.0.1',
      port: 3000,
      cookieSecure: false,
      sessionHours: 12,
      sessionMaxHours: 24,
      loginRatePerMinute: 10,
      trustProxy: false,
      publicTrustProxy: false,
      timeZone: 'Asia/Shanghai',
      reminderIntervalSeconds: 300,
      webhookAllowLoopback: false,
      logLevel: 'warn',
    });
  });

  it('lets reminder webhooks reach loopback only when WEBHOOK_ALLOW_LOOPBACK says so', () => {
    expect(loadConfig({ WEBHOOK_ALLOW_LOOPBACK: 'true' }).webhookAllowLoopback).toBe(true);
    expect(loadConfig({ WEBHOOK_ALLOW_LOOPBACK: 'false' }).webhookAllowLoopback).toBe(false);
    expect(() => loadConfig({ WEBHOOK_ALLOW_LOOPBACK: 'sometimes' })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ name: 'WEBHOOK_ALLOW_LOOPBACK' }) }),
    );
  });

  it("reads the reminder interval (0 switches the server's reminders off)", () => {
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '60' }).reminderIntervalSeconds).toBe(60);
    expect(loadConfig({ REMINDER_INTERVAL_SECONDS: '0' }).reminderIntervalSeconds).toBe(0);
    expect(() => loadConfig({ REMINDER_INTERVAL_SECONDS: '-5' })).toThrow(ValidationError);
  });

  it('reads the server settings', () => {
    const c = loadConfig({
      COOKIE_SECURE: 'true',
      SESSION_HOURS: '8',
      LOGIN_RATE_PER_MINUTE: '30',
      TRUST_PROXY: '1',
      TIME_ZONE: 'Europe/Berlin',
      LOG_LEVEL: 'info',
      ADMIN_PASSWORD: 'sanmen2022reform',
    });
    expect(c).toMatchObject({
      cookieSecure: true,
      sessionHours: 8,
      loginRatePerMinute: 30,
      trustProxy: true,
      timeZone: 'Europe/Berlin',
      logLevel: 'info',
      adminPassword: 'sanmen2022reform',
    });
  });

  it('reads the absolute session lifetime: at least the idle one, which raises its default', () => {
    expect(loadConfig({ SESSION_MAX_HOURS: '8', SESSION_HOURS: '2' })).toMatchObject({
      sessionHours: 2,
      sessionMaxHours: 8,
    });
    expect(loadConfig({ SESSION_HOURS: '48' }).sessionMaxHours).toBe(48);
    expect(() => loadConfig({ SESSION_MAX_HOURS: '4', SESSION_HOURS: '8' })).toThrow(
      expect.objectContaining({
        key: 'error.config',
        params: expect.objectContaining({ name: 'SESSION_MAX_HOURS' }),
      }),
    );
  });

  it('refuses the public portal on the port of the office', () => {
    expect(() => loadConfig({ PUBLIC_PORT: '3000' })).toThrow(
      expect.objectContaining({ params: expect.objectContaining({ name: 'PUBLIC_PORT' }) }),
    );
    expect(loadConfig({ PORT: '8080', PUBLIC_PORT: '3000' })).toMatchObject({ port: 8080, publicPort: 3000 });
    expect(loadConfig({ PUBLIC_PORT: '0', PORT: '0' })).toMatchObject({ port: 0, publicPort: 0 });
  });

  it('trusts a proxy for the portal apart from the office, following TRUST_PROXY by default', () => {
    expect(loadConfig({ PUBLIC_TRUST_PROXY: 'true' })).toMatchObject({
      trustProxy: false,
      publicTrustProxy: true,
    });
    expect(loadConfig({ TRUST_PROXY: 'true' })).toMatchObject({ trustProxy: true, publicTrustProxy: true });
    expect(loadConfig({})).toMatchObject({ trustProxy: false, publicTrustProxy: false });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: ' ', DATA_DIR: '' })).toEqual(loadConfig({}));
  });

  it('puts the SQLite file under DATA_DIR', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/reform-ledger' }).database).toEqual({
      kind: 'sqlite',
      file: '/var/lib/reform-ledger/reform-ledger.db',
    });
  });

  it.each([
    [
      'postgres://app@db:5432/ledger',
      { kind: 'postgres', url: 'postgres://app@db:5432/ledger', poolMax: 20 },
    ],
    ['postgresql://app@db/ledger', { kind: 'postgres', url: 'postgresql://app@db/ledger', poolMax: 20 }],
    ['sqlite:/tmp/x.db', { kind: 'sqlite', file: '/tmp/x.db' }],
    ['sqlite:///tmp/x.db', { kind: 'sqlite', file: '/tmp/x.db' }],
    ['file::memory:', { kind: 'sqlite', file: ':memory:' }],
  ])('DATABASE_URL=%s', (url, database) => {
    expect(loadConfig({ DATABASE_URL: url }).database).toEqual(database);
  });

  it('reads numbers and the pool size', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://x/y',
      DB_POOL_MAX: '25',
      MAX_UPLOAD_BYTES: '1048576',
      EVIDENCE_MAX_BYTES: '524288',
      HOST: '0.0.0.0',
      PORT: '8080',
    });
    expect(c).toMatchObject({
      maxUploadBytes: 1048576,
      evidenceMaxBytes: 524288,
      host: '0.0.0.0',
      port: 8080,
    });
    expect(c.database).toMatchObject({ poolMax: 25 });
  });

  it.each([
    ['PORT', { PORT: 'eighty' }],
    ['PORT', { PORT: '70000' }],
    ['MAX_UPLOAD_BYTES', { MAX_UPLOAD_BYTES: '-1' }],
    ['EVIDENCE_MAX_BYTES', { EVIDENCE_MAX_BYTES: '20MB' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://x/y' }],
    ['TIME_ZONE', { TIME_ZONE: 'Mars/Olympus' }],
    ['COOKIE_SECURE', { COOKIE_SECURE: 'maybe' }],
  ])('rejects a bad %s with a typed error naming it', (name, env) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ key: 'error.config', params: { name } });
  });

  it('ignores unrelated variables', () => {
    expect(loadConfig({ PATH: '/usr/bin', NODE_ENV: 'test' })).toEqual(loadConfig({}));
  });
});
