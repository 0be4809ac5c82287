import { ConfigError, readConfig } from './app-config';

const read = (env: NodeJS.ProcessEnv) => readConfig(env, ['node', 'main.js']);

describe('readConfig', () => {
  it('serves one API process unless told otherwise', () => {
    expect(read({}).apiProcesses).toBe(1);
    expect(read({ DATABASE_URL: 'postgres://db/crm', CRM_API_PROCESSES: '4' }).apiProcesses).toBe(4);
  });

  it('refuses several API processes on the embedded database, and nonsense counts', () => {
    expect(() => read({ CRM_API_PROCESSES: '2' })).toThrow(ConfigError);
    for (const count of ['0', '-1', '1.5', 'two', '65']) {
      expect(() => read({ DATABASE_URL: 'postgres://db/crm', CRM_API_PROCESSES: count })).toThrow(/CRM_API_PROCESSES/);
    }
  });

  it('reads the public address (CRM_PUBLIC_URL) without its trailing slash; unset, none', () => {
    expect(read({}).publicUrl).toBeUndefined();
    expect(read({ CRM_PUBLIC_URL: 'https://crm.example.com/' }).publicUrl).toBe('https://crm.example.com');
    expect(read({ CRM_PUBLIC_URL: 'https://example.com/crm' }).publicUrl).toBe('https://example.com/crm');
  });

  it('refuses a public address links could not be made from', () => {
    for (const url of ['crm.example.com', '/crm', 'ftp://crm.example.com', 'https://crm.example.com/?x=1', 'https://crm.example.com/#top']) {
      expect(() => read({ CRM_PUBLIC_URL: url })).toThrow(/CRM_PUBLIC_URL/);
    }
  });

  it('keeps 64 MB of calendar answers unless told otherwise; 0 keeps none; refuses nonsense', () => {
    expect(read({}).calendarCacheMb).toBe(64);
    expect(read({ CRM_CALENDAR_CACHE_MB: '0' }).calendarCacheMb).toBe(0);
    expect(read({ CRM_CALENDAR_CACHE_MB: '256' }).calendarCacheMb).toBe(256);
    for (const size of ['-1', 'lots', '']) expect(() => read({ CRM_CALENDAR_CACHE_MB: size })).toThrow(/CRM_CALENDAR_CACHE_MB/);
  });

  it('requires an administrator password in production', () => {
    expect(() => read({ NODE_ENV: 'production' })).toThrow(/CRM_ADMIN_PASSWORD/);
  });
});

describe('readConfig refuses a wrong value at boot, naming the variable', () => {
  it.each([
    ['CRM_SESSION_TTL_HOURS', 'abc'],
    ['CRM_SESSION_TTL_HOURS', '0'],
    ['CRM_SESSION_TTL_HOURS', '-3'],
    ['PORT', '3000x'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://db/crm'],
    ['DATABASE_URL', 'not a url'],
    ['SMTP_URL', 'mail.example.com'],
    ['CRM_ADMIN_EMAIL', 'admin'],
  ])('%s=%s', (name, value) => {
    expect(() => read({ [name]: value })).toThrow(new RegExp(`${name} must be .*, got "${value}"`));
  });

  it('names every wrong variable in one message', () => {
    expect(() => read({ PORT: 'x', CRM_SESSION_TTL_HOURS: 'y' })).toThrow(/PORT must be .*; CRM_SESSION_TTL_HOURS must be/);
  });

  it('reads good values, and defaults for unset ones', () => {
    const config = read({
      PORT: '8080',
      CRM_SESSION_TTL_HOURS: '1.5',
      DATABASE_URL: 'postgresql://u:p@db:5432/crm',
      SMTP_URL: 'smtps://u:p@mail:465',
      CRM_ADMIN_EMAIL: 'Boss@Example.com',
    });
    expect(config).toMatchObject({
      port: 8080,
      sessionTtlHours: 1.5,
      databaseUrl: 'postgresql://u:p@db:5432/crm',
      smtpUrl: 'smtps://u:p@mail:465',
      adminEmail: 'boss@example.com',
    });
    expect(read({})).toMatchObject({ port: 3000, sessionTtlHours: 12, databaseUrl: undefined, smtpUrl: undefined, adminPassword: 'admin' });
  });
});

describe('CRM_TRUST_PROXY', () => {
  it('trusts no proxy unless told, then a number of hops or a list of addresses and ranges', () => {
    expect(read({}).trustProxy).toBeUndefined();
    expect(read({ CRM_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(read({ CRM_TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.10,fd00::/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '192.168.1.10', 'fd00::/8']);
  });

  it.each(['true', 'everyone', '0', '10.0.0.0/8; rm -rf', ''])('refuses %j', (value) => {
    if (value === '') expect(read({ CRM_TRUST_PROXY: value }).trustProxy).toBeUndefined();
    else expect(() => read({ CRM_TRUST_PROXY: value })).toThrow(/CRM_TRUST_PROXY must be/);
  });
});
