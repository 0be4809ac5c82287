import { resolve } from 'node:path';
import { z } from 'zod';

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
  /**
   * Which proxies in front of the CRM to believe about the client's address
   * (`X-Forwarded-For`): a number of hops, or addresses and ranges
   * (`loopback`, `10.0.0.0/8`). Unset: none, so a client cannot pick the
   * address its sign-in attempts are counted under.
   */
  trustProxy: number | string[] | undefined;
}

/** Injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {}

const wholeNumber = (min: number, max: number) => z.string().trim().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(min).max(max));
const positiveNumber = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/)
  .transform(Number)
  .pipe(z.number().positive());
/** What Express's `trust proxy` takes in a list: its names of ranges, an IPv4 or IPv6 address, with a CIDR length or not. */
const TRUSTED_PROXY = /^(loopback|linklocal|uniquelocal|\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?|[0-9a-fA-F]*:[0-9a-fA-F:.]*(\/\d{1,3})?)$/;
const urlWith = (...protocols: string[]) => z.string().refine((value) => protocols.includes(URL.parse(value)?.protocol ?? ''));

/**
 * Every variable the CRM reads, with the rule its value must follow and how
 * a person should write it. All are checked at boot, before anything
 * starts: a wrong value stops the start with one message naming each bad
 * variable, instead of breaking every sign-in (or every link) later.
 */
const VARIABLES = {
  PORT: { schema: wholeNumber(0, 65535), hint: 'a port number' },
  DATABASE_URL: { schema: urlWith('postgres:', 'postgresql:'), hint: 'a PostgreSQL address such as postgres://user:pass@db:5432/crm' },
  NODE_ENV: { schema: z.string(), hint: 'production, development or test' },
  CRM_ADMIN_EMAIL: { schema: z.email(), hint: 'an email address' },
  CRM_ADMIN_PASSWORD: { schema: z.string().min(1), hint: 'a password' },
  CRM_SESSION_TTL_HOURS: { schema: positiveNumber, hint: 'a number of hours above 0' },
  CRM_API_PROCESSES: { schema: wholeNumber(1, 64), hint: 'a whole number from 1 to 64' },
  CRM_CALENDAR_CACHE_MB: {
    schema: z
      .string()
      .trim()
      .regex(/^\d+(\.\d+)?$/)
      .transform(Number),
    hint: 'a number of megabytes (0: no cache)',
  },
  SMTP_URL: { schema: urlWith('smtp:', 'smtps:'), hint: 'a mail server address such as smtp://user:pass@mail.example.com:587' },
  CRM_TRUST_PROXY: {
    schema: z.union([
      wholeNumber(1, 32),
      z
        .string()
        .transform((value) => value.split(',').map((part) => part.trim()))
        .refine((parts) => parts.every((part) => TRUSTED_PROXY.test(part))),
    ]),
    hint: 'how many proxies stand in front of the CRM (1), or their addresses and ranges (loopback, 10.0.0.0/8, 192.168.1.10)',
  },
  CRM_PUBLIC_URL: {
    schema: z.string().refine((value) => {
      const url = URL.parse(value);
      return !!url && (url.protocol === 'https:' || url.protocol === 'http:') && !url.search && !url.hash;
    }),
    hint: 'the address users reach the CRM at, such as https://crm.example.com',
  },
} satisfies Record<string, { schema: z.ZodType<unknown, string>; hint: string }>;

type Variable = keyof typeof VARIABLES;
type Parsed = { [name in Variable]?: z.output<(typeof VARIABLES)[name]['schema']> };

/** The variables that are set (an empty value counts as unset only where it always has), each parsed by its rule. */
function parseVariables(env: NodeJS.ProcessEnv): Parsed {
  const parsed: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, { schema, hint }] of Object.entries(VARIABLES)) {
    const value = env[name];
    if (value === undefined || (value === '' && name !== 'CRM_CALENDAR_CACHE_MB')) continue;
    const result = (schema as z.ZodType<unknown, string>).safeParse(value);
    if (result.success) parsed[name] = result.data;
    else problems.push(`${name} must be ${hint}, got "${value}"`);
  }
  if (problems.length) throw new ConfigError(problems.join('; '));
  return parsed;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, argv: string[] = process.argv): AppConfig {
  const vars = parseVariables(env);
  const production = vars.NODE_ENV === 'production';
  const adminPassword = vars.CRM_ADMIN_PASSWORD ?? (production ? undefined : 'admin');
  if (!adminPassword) throw new ConfigError('CRM_ADMIN_PASSWORD is required when NODE_ENV=production');
  const apiProcesses = vars.CRM_API_PROCESSES ?? 1;
  if (apiProcesses > 1 && !vars.DATABASE_URL) {
    throw new ConfigError('CRM_API_PROCESSES above 1 needs DATABASE_URL: the embedded database serves one process');
  }
  return {
    port: vars.PORT ?? 3000,
    databaseUrl: vars.DATABASE_URL,
    dataDir: resolve(env.CRM_DATA_DIR ?? './data'),
    production,
    adminEmail: (vars.CRM_ADMIN_EMAIL ?? 'admin@example.com').toLowerCase(),
    adminPassword,
    webDistDir: resolve(env.CRM_WEB_DIST ?? resolve(__dirname, '../../../../web/dist')),
    sessionTtlHours: vars.CRM_SESSION_TTL_HOURS ?? 12,
    seedDemoData: argv.includes('--demo') || env.CRM_DEMO_DATA === '1',
    smtpUrl: vars.SMTP_URL,
    runWorkers: env.CRM_WORKERS !== '0',
    apiProcesses,
    // without its trailing slash: links are made by appending paths
    publicUrl: vars.CRM_PUBLIC_URL && URL.parse(vars.CRM_PUBLIC_URL)!.href.replace(/\/+$/, ''),
    calendarCacheMb: vars.CRM_CALENDAR_CACHE_MB ?? 64,
    trustProxy: vars.CRM_TRUST_PROXY,
  };
}
