import { resolve } from 'node:path';

/** Everything the process reads from its environment, read once at boot. */
export interface AppConfig {
  port: number;
  /** A PostgreSQL server; when absent the embedded PGlite in `dataDir` is used. */
  databaseUrl: string | undefined;
  dataDir: string;
  production: boolean;
  adminEmail: string;
  adminPassword: string;
  /** Where the built SPA lives; served at `/` when the folder exists. */
  webDistDir: string;
  /** Session lifetime for tokens made by login. */
  sessionTtlHours: number;
  /** Load demo data into an empty database on start. */
  seedDemoData: boolean;
  /** Outgoing mail server, `smtp://user:pass@host:587`; when absent the CRM settings' SMTP fields are used. */
  smtpUrl: string | undefined;
  /** Run the background workers (email sending…) in this process. */
  runWorkers: boolean;
  /** API processes sharing the port (node:cluster); more than one needs a PostgreSQL server. */
  apiProcesses: number;
  /**
   * The CRM's address as its users reach it (`https://crm.example.com`, no
   * trailing slash): the base of the links it hands out. Behind a proxy that
   * ends TLS the request itself says http://. Unset: the request's address.
   */
  publicUrl: string | undefined;
  /** Memory for calendar answers kept between reads (megabytes per API process); 0 turns the cache off. */
  calendarCacheMb: number;
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
  const production = env.NODE_ENV === 'production';
  const adminPassword = env.CRM_ADMIN_PASSWORD ?? (production ? undefined : 'admin');
  if (!adminPassword) {
    throw new ConfigError('CRM_ADMIN_PASSWORD is required when NODE_ENV=production');
  }
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  }
  const apiProcesses = Number(env.CRM_API_PROCESSES ?? 1);
  if (!Number.isInteger(apiProcesses) || apiProcesses < 1 || apiProcesses > 64) {
    throw new ConfigError(`CRM_API_PROCESSES must be a whole number from 1 to 64, got "${env.CRM_API_PROCESSES}"`);
  }
  const calendarCacheMb = Number(env.CRM_CALENDAR_CACHE_MB ?? 64);
  if (env.CRM_CALENDAR_CACHE_MB?.trim() === '' || !Number.isFinite(calendarCacheMb) || calendarCacheMb < 0) {
    throw new ConfigError(`CRM_CALENDAR_CACHE_MB must be a number of megabytes (0: no cache), got "${env.CRM_CALENDAR_CACHE_MB}"`);
  }
  if (apiProcesses > 1 && !env.DATABASE_URL) {
    throw new ConfigError('CRM_API_PROCESSES above 1 needs DATABASE_URL: the embedded database serves one process');
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.CRM_DATA_DIR ?? './data'),
    production,
    adminEmail: (env.CRM_ADMIN_EMAIL ?? 'admin@example.com').toLowerCase(),
    adminPassword,
    webDistDir: resolve(env.CRM_WEB_DIST ?? resolve(__dirname, '../../../../web/dist')),
    sessionTtlHours: Number(env.CRM_SESSION_TTL_HOURS ?? 12),
    seedDemoData: argv.includes('--demo') || env.CRM_DEMO_DATA === '1',
    smtpUrl: env.SMTP_URL || undefined,
    runWorkers: env.CRM_WORKERS !== '0',
    apiProcesses,
    publicUrl: publicUrl(env.CRM_PUBLIC_URL),
    calendarCacheMb,
  };
}

/** CRM_PUBLIC_URL without its trailing slash; refused unless an absolute http(s) address, as a link made from it would not work. */
function publicUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.search || url.hash) {
    throw new ConfigError(`CRM_PUBLIC_URL must be the address users reach the CRM at, such as https://crm.example.com, got "${value}"`);
  }
  return url.href.replace(/\/+$/, '');
}
