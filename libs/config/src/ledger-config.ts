import { resolve } from 'node:path';
import { parseDuration } from './duration';

/** The longest lifetime (exp - iat) of a bearer token when LEDGER_TOKEN_MAX_TTL is not set: a working day. */
export const DEFAULT_TOKEN_MAX_TTL_SECONDS = 12 * 3600;

/** Everything the ledger reads from its environment (README, "Configuration"). */
export interface LedgerConfig {
  dataDir: string;
  port: number;
  host: string;
  store: 'sqlite' | 'eventstoredb';
  eventStoreConnectionString?: string;
  /** JWT secret; when absent, one is generated in the data dir on first use */
  tokenSecret?: string;
  /** the longest lifetime a bearer token may have (exp - iat), in seconds: longer ones are refused, and not minted */
  tokenMaxTtlSeconds: number;
  /** HMAC key for subject references; when absent, one is generated in the data dir on first use */
  subjectKey?: string;
  /** LEDGER_SIGNING_KEY_FILE: the key that signs the log's checkpoints; when absent, one is generated in the data dir */
  signingKeyFile?: string;
  /** LEDGER_LOG_ORIGIN: the first line of every checkpoint, a schema-less URL naming the log */
  logOrigin: string;
  /** below this much free space in the data dir's file system, commands are refused (UNAVAILABLE) */
  minFreeDiskBytes: number;
  /** GraphQL introspection; on by default, since civic developers build on the public API */
  introspection: boolean;
  /** requests a minute per address for anonymous callers; 0 turns the limit off */
  rateLimitPerMinute: number;
  /** addresses of reverse proxies whose X-Forwarded-For is believed (Express "trust proxy" values) */
  trustedProxies: string[];
  /** pino level: fatal, error, warn, info, debug, trace or silent */
  logLevel: string;
  /** LEDGER_TIME_ZONE: the city's IANA time zone, in which the portal shows times (America/Denver for the demo) */
  timeZone: string;
  /** LEDGER_CLERK_OFFICE: the organization whose members with the role clerk are the ledger's clerks */
  clerkOfficeId: string;
  /** LEDGER_OIDC_*: the city's OpenID Connect provider, whose access tokens the API accepts; null when none is configured */
  oidc: { issuer: string; audience: string; claims: { actorId: string; name: string; role: string } } | null;
}

/** Denver's Office of the Clerk and Recorder, as the demo registers it (illustrative id). */
const DEFAULT_CLERK_OFFICE = 'org:clerk-and-recorder';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A whole number from the environment within [min, max], or the default when unset. */
function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got ${raw}`);
  }
  return value;
}

function booleanSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got ${raw}`);
}

export const LEDGER_CONFIG = Symbol('LEDGER_CONFIG');

/** A setting that cannot work; the CLI and server exit with code 2 and this message. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const port = Number(env.LEDGER_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`LEDGER_PORT must be a port number, got ${env.LEDGER_PORT}`);
  const store = env.LEDGER_STORE ?? 'sqlite';
  if (store !== 'sqlite' && store !== 'eventstoredb') throw new ConfigError(`LEDGER_STORE must be sqlite or eventstoredb, got ${store}`);
  if (store === 'eventstoredb' && !env.EVENTSTORE_CONNECTION_STRING) {
    throw new ConfigError('LEDGER_STORE=eventstoredb needs EVENTSTORE_CONNECTION_STRING (e.g. esdb://host:2113?tls=false)');
  }
  const tokenSecret = env.LEDGER_TOKEN_SECRET || undefined;
  if (tokenSecret !== undefined && Buffer.byteLength(tokenSecret) < 32) {
    throw new ConfigError('LEDGER_TOKEN_SECRET must be at least 32 bytes');
  }
  const maxTtl = env.LEDGER_TOKEN_MAX_TTL || undefined;
  const tokenMaxTtlSeconds = maxTtl === undefined ? DEFAULT_TOKEN_MAX_TTL_SECONDS : parseDuration(maxTtl);
  if (tokenMaxTtlSeconds === null) throw new ConfigError(`LEDGER_TOKEN_MAX_TTL must be a duration such as 30m, 12h or 7d, got ${maxTtl}`);
  const subjectKey = env.LEDGER_SUBJECT_KEY || undefined;
  if (subjectKey !== undefined && Buffer.byteLength(subjectKey) < 32) {
    throw new ConfigError('LEDGER_SUBJECT_KEY must be at least 32 bytes');
  }
  const timeZone = env.LEDGER_TIME_ZONE || DEFAULT_TIME_ZONE;
  if (!isTimeZone(timeZone)) throw new ConfigError(`LEDGER_TIME_ZONE must be an IANA time zone such as America/Denver, got ${timeZone}`);
  const oidc = oidcSettings(env);
  const clerkOfficeId = env.LEDGER_CLERK_OFFICE || DEFAULT_CLERK_OFFICE;
  if (!/^org:[a-z0-9][a-z0-9-]*$/.test(clerkOfficeId) || clerkOfficeId.length > 104) {
    throw new ConfigError(`LEDGER_CLERK_OFFICE must be an organization id such as ${DEFAULT_CLERK_OFFICE}, got ${clerkOfficeId}`);
  }
  const logLevel = env.LEDGER_LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LEDGER_LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${logLevel}`);
  return {
    dataDir: resolve(env.LEDGER_DATA_DIR || './data'),
    port,
    host: env.LEDGER_HOST || '127.0.0.1',
    store,
    eventStoreConnectionString: env.EVENTSTORE_CONNECTION_STRING || undefined,
    tokenSecret,
    tokenMaxTtlSeconds,
    subjectKey,
    signingKeyFile: env.LEDGER_SIGNING_KEY_FILE || undefined,
    logOrigin: env.LEDGER_LOG_ORIGIN || DEFAULT_LOG_ORIGIN,
    minFreeDiskBytes: integerSetting(env, 'LEDGER_MIN_FREE_DISK_MB', 32, 0, 1_000_000) * 1024 * 1024,
    introspection: booleanSetting(env, 'LEDGER_INTROSPECTION', true),
    rateLimitPerMinute: integerSetting(env, 'LEDGER_RATE_LIMIT', 600, 0, 1_000_000),
    trustedProxies: (env.LEDGER_TRUSTED_PROXY ?? '').split(',').map((proxy) => proxy.trim()).filter(Boolean),
    logLevel,
    timeZone,
    clerkOfficeId,
    oidc,
  };
}

/** LEDGER_OIDC_ISSUER (an http(s) URL) and LEDGER_OIDC_AUDIENCE together, or neither. */
function oidcSettings(env: NodeJS.ProcessEnv): LedgerConfig['oidc'] {
  const issuer = env.LEDGER_OIDC_ISSUER || undefined;
  const audience = env.LEDGER_OIDC_AUDIENCE || undefined;
  if (!issuer && !audience) return null;
  if (!issuer || !audience) throw new ConfigError('LEDGER_OIDC_ISSUER and LEDGER_OIDC_AUDIENCE go together: set both, or neither');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`LEDGER_OIDC_ISSUER must be the issuer's URL, got ${issuer}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`LEDGER_OIDC_ISSUER must be an https URL, got ${issuer}`);
  return {
    issuer,
    audience,
    claims: {
      actorId: env.LEDGER_OIDC_ACTOR_CLAIM || 'sub',
      name: env.LEDGER_OIDC_NAME_CLAIM || 'name',
      role: env.LEDGER_OIDC_ROLE_CLAIM || 'ledger_role',
    },
  };
}

/** The demo's city: Denver. */
export const DEFAULT_TIME_ZONE = 'America/Denver';

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** The origin of a log whose operator named none: fine for a demo, to be set for a city's (README). */
export const DEFAULT_LOG_ORIGIN = 'localhost/ledger';

/** Where each piece of state lives inside the data dir. */
export function dataPaths(config: Pick<LedgerConfig, 'dataDir'>) {
  return {
    events: resolve(config.dataDir, 'events.db'),
    readModels: resolve(config.dataDir, 'read-models.db'),
    secrets: resolve(config.dataDir, 'secrets'),
    tokenSecret: resolve(config.dataDir, 'secrets', 'token-secret'),
    subjectRefKey: resolve(config.dataDir, 'secrets', 'subject-ref-key'),
    subjectKeys: resolve(config.dataDir, 'secrets', 'subject-keys.db'),
    /** the transparency log: its tiles and signed checkpoints */
    log: resolve(config.dataDir, 'log.db'),
    logSigningKey: resolve(config.dataDir, 'secrets', 'log-signing-key'),
  };
}

/**
 * A secret the ledger's data depends on is missing (a deleted key file). Generating a new one would
 * silently change what the data means, so the server refuses to start (exit 2) until it is restored.
 */
export class MissingSecret extends ConfigError {
  constructor(message: string) {
    super(message);
    this.name = 'MissingSecret';
  }
}
