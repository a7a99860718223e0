// Environment → typed, validated configuration (README: Configuration). The only module that reads process.env.
// Every problem becomes a ConfigError whose message is one line naming the variable, so that start-up
// fails with something a person can act on.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { checkOmniBaseUrl } from './connections/base-url.js';
import { type HostPolicy, parseAllowedHosts } from './net/host-policy.js';
import { loadOrCreateDevKey, parseEncryptionKeys } from './store/crypto.js';
import { maskUrlCredentials } from './store/logger.js';

export type LogLevelName = 'debug' | 'info' | 'warn' | 'error';

export interface AppConfig {
  /** `socket` when SLACK_APP_TOKEN is set, else `http`. */
  mode: 'socket' | 'http';
  /** `oauth` when SLACK_CLIENT_ID is set (multi-workspace install), else `single` (SLACK_BOT_TOKEN). */
  install: 'single' | 'oauth';
  production: boolean;
  slack: {
    /** Required in HTTP mode. */
    signingSecret?: string;
    /** Single-workspace install only. */
    botToken?: string;
    /** OAuth install only. */
    oauth?: { clientId: string; clientSecret: string; stateSecret: string };
    /** Socket Mode only. */
    appToken?: string;
    /** Ends with a slash, as @slack/web-api expects. */
    apiUrl: string;
  };
  port: number;
  storeUrl: string;
  /**
   * REDIS_URL: replicas share rate budgets, run claims and background jobs through it. Defaults to STORE_URL
   * when that is a Redis URL; unset means one process does all of this in memory.
   */
  redisUrl?: string;
  /** The first encrypts; every one decrypts (rotation). */
  encryptionKeys: Buffer[];
  /** A default Omni connection for a single-workspace install (OMNI_BASE_URL + OMNI_API_KEY). */
  defaultOmni?: { baseUrl: string; apiKey: string };
  /** Where Omni URLs (and webhook destinations) may point: OMNI_ALLOWED_HOSTS, and NODE_ENV for loopback. */
  omniHosts: HostPolicy;
  logLevel: LogLevelName;
  /** ALERT_CHECK_INTERVAL_S: how often the failure watch checks each workspace, in ms. */
  alertCheckIntervalMs: number;
  /** Things start-up should log as warnings (never secrets), e.g. a generated development key. */
  warnings: string[];
}

export type Env = Record<string, string | undefined>;

/** A start-up configuration problem; `message` is meant to be printed as is. */
export class ConfigError extends Error {
  constructor(
    message: string,
    /** The variable at fault; absent when the problem is that nothing was configured at all. */
    readonly variable?: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_STORE_URL = 'sqlite://data/omni-slack.sqlite';
export const DEFAULT_SLACK_API_URL = 'https://slack.com/api/';

const SLACK_CREDENTIALS = [
  'SLACK_SIGNING_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_CLIENT_ID',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'SLACK_APP_TOKEN',
] as const;

export const MISSING_SLACK_CREDENTIALS = [
  'No Slack credentials are set, so the app cannot start. Set, in the environment or in .env (see .env.example):',
  '  one workspace:   SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (add SLACK_APP_TOKEN for Socket Mode),',
  '  many workspaces: SLACK_SIGNING_SECRET, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET.',
  'README.md explains how to create the Slack app from manifest.yml and where to find each value.',
].join('\n');

// Per-variable syntax. Messages never echo a secret's value.
const portSchema = z
  .string()
  .regex(/^\d+$/, 'must be a whole number from 0 to 65535')
  .transform(Number)
  .refine((n) => n <= 65535, 'must be a whole number from 0 to 65535');
const alertIntervalSchema = z
  .string()
  .regex(/^\d+$/, 'must be a whole number of seconds from 1 to 86400')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 86_400, 'must be a whole number of seconds from 1 to 86400');
const apiUrlSchema = z
  .string()
  .refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'must be an http(s) URL')
  .transform((s) => (s.endsWith('/') ? s : `${s}/`));
const storeUrlSchema = z
  .string()
  .regex(
    /^(sqlite|redis|rediss|postgres|postgresql):\/\/.+/,
    'must start with sqlite://, redis://, rediss:// or postgres:// (e.g. sqlite://data/omni-slack.sqlite)',
  );
const redisUrlSchema = z
  .string()
  .regex(/^rediss?:\/\/.+/, 'must start with redis:// or rediss:// (e.g. redis://127.0.0.1:6379)');
const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error'], 'must be one of debug, info, warn, error');

// Only for variables whose value is not a secret: the message quotes it (a URL's password masked).
function parseVar<T>(name: string, value: string, schema: z.ZodType<T, string>): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const shown = maskUrlCredentials(value);
  throw new ConfigError(`${name} ${result.error.issues[0]?.message ?? 'is not valid'} (got "${shown}").`, name);
}

function requirePrefix(env: Env, name: string, prefix: string, what: string): string {
  const value = read(env, name);
  if (value === undefined) throw new ConfigError(`${name} is required ${what}.`, name);
  if (!value.startsWith(prefix)) throw new ConfigError(`${name} must start with ${prefix} (${what}).`, name);
  return value;
}

/** Unset and blank (`FOO=` in .env) mean the same: not set. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Loads `.env` from the working directory into process.env when the file exists (existing variables win). */
export function loadDotEnvFile(file = '.env'): boolean {
  if (!existsSync(file)) return false;
  if (typeof process.loadEnvFile !== 'function') {
    throw new ConfigError(
      `${file} needs Node.js 20.12 or later to be read; upgrade Node or export the variables instead.`,
    );
  }
  try {
    process.loadEnvFile(file);
  } catch (error) {
    throw new ConfigError(`${file} could not be read: ${(error as Error).message}`);
  }
  return true;
}

/**
 * Reads and checks every variable of the README's configuration table. Called without arguments it first loads `.env`
 * and reads process.env; tests pass their own env. May create the development encryption key file.
 */
export function loadConfig(env?: Env): AppConfig {
  if (env === undefined) loadDotEnvFile();
  const source: Env = env ?? process.env;

  if (SLACK_CREDENTIALS.every((name) => read(source, name) === undefined)) {
    throw new ConfigError(MISSING_SLACK_CREDENTIALS);
  }

  const apiUrl = parseVar('SLACK_API_URL', read(source, 'SLACK_API_URL') ?? DEFAULT_SLACK_API_URL, apiUrlSchema);
  const port = parseVar('PORT', read(source, 'PORT') ?? '3000', portSchema);
  const base = readStoreSettings(source);

  const appTokenSet = read(source, 'SLACK_APP_TOKEN') !== undefined;
  const mode = appTokenSet ? 'socket' : 'http';
  const appToken = appTokenSet
    ? requirePrefix(source, 'SLACK_APP_TOKEN', 'xapp-', 'an app-level token with connections:write, for Socket Mode')
    : undefined;
  const signingSecret = read(source, 'SLACK_SIGNING_SECRET');
  if (mode === 'http' && signingSecret === undefined) {
    throw new ConfigError(
      'SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN to use Socket Mode).',
      'SLACK_SIGNING_SECRET',
    );
  }

  const { install, botToken, oauth } = readInstall(source);
  const omniHosts = readOmniHosts(source, base.production);
  const { defaultOmni, warning: omniWarning } = readDefaultOmni(source, install, omniHosts);
  const { encryptionKeys, warnings } = readEncryptionKeys(source, base.storeUrl, base.production, true);
  const redisUrl = readRedisUrl(source, base.storeUrl);
  const alertCheckIntervalS = parseVar(
    'ALERT_CHECK_INTERVAL_S',
    read(source, 'ALERT_CHECK_INTERVAL_S') ?? '300',
    alertIntervalSchema,
  );

  return {
    mode,
    install,
    slack: { signingSecret, botToken, oauth, appToken, apiUrl },
    port,
    defaultOmni,
    omniHosts,
    redisUrl,
    alertCheckIntervalMs: alertCheckIntervalS * 1000,
    ...base,
    encryptionKeys,
    warnings: omniWarning ? [...warnings, `OMNI_BASE_URL: ${omniWarning}`] : warnings,
  };
}

/** What the store alone needs (the key-rotation command): no Slack credentials. */
export type StoreConfig = Pick<AppConfig, 'storeUrl' | 'encryptionKeys' | 'logLevel' | 'production' | 'warnings'>;

/**
 * Reads STORE_URL, ENCRYPTION_KEY, LOG_LEVEL and NODE_ENV only. ENCRYPTION_KEY is required here: a
 * re-encryption under a generated development key would be pointless. Without arguments, loads `.env` first.
 */
export function loadStoreConfig(env?: Env): StoreConfig {
  if (env === undefined) loadDotEnvFile();
  const source: Env = env ?? process.env;
  const base = readStoreSettings(source);
  return { ...base, ...readEncryptionKeys(source, base.storeUrl, base.production, false) };
}

function readStoreSettings(env: Env): Pick<AppConfig, 'storeUrl' | 'logLevel' | 'production'> {
  return {
    production: read(env, 'NODE_ENV') === 'production',
    storeUrl: parseVar('STORE_URL', read(env, 'STORE_URL') ?? DEFAULT_STORE_URL, storeUrlSchema),
    logLevel: parseVar('LOG_LEVEL', read(env, 'LOG_LEVEL') ?? 'info', logLevelSchema),
  };
}

/** REDIS_URL, else STORE_URL when the store itself is on Redis, else none (everything in one process). */
function readRedisUrl(env: Env, storeUrl: string): string | undefined {
  const value = read(env, 'REDIS_URL');
  if (value !== undefined) return parseVar('REDIS_URL', value, redisUrlSchema);
  return /^rediss?:\/\//.test(storeUrl) ? storeUrl : undefined;
}

function readInstall(env: Env): Pick<AppConfig, 'install'> & Pick<AppConfig['slack'], 'botToken' | 'oauth'> {
  const oauthNames = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;
  const oauthSet = oauthNames.filter((name) => read(env, name) !== undefined);
  const botTokenSet = read(env, 'SLACK_BOT_TOKEN') !== undefined;
  if (oauthSet.length === 0) {
    const botToken = requirePrefix(
      env,
      'SLACK_BOT_TOKEN',
      'xoxb-',
      'for a single-workspace install (or set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth)',
    );
    return { install: 'single', botToken };
  }
  if (botTokenSet) {
    throw new ConfigError(
      `SLACK_BOT_TOKEN must not be set together with ${oauthSet.join(', ')}: choose one workspace (SLACK_BOT_TOKEN) or OAuth installs.`,
      'SLACK_BOT_TOKEN',
    );
  }
  const missing = oauthNames.find((name) => read(env, name) === undefined);
  if (missing) {
    throw new ConfigError(
      `${missing} is required for OAuth installs (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET go together).`,
      missing,
    );
  }
  return {
    install: 'oauth',
    oauth: {
      clientId: read(env, 'SLACK_CLIENT_ID') as string,
      clientSecret: read(env, 'SLACK_CLIENT_SECRET') as string,
      stateSecret: read(env, 'SLACK_STATE_SECRET') as string,
    },
  };
}

function readOmniHosts(env: Env, production: boolean): HostPolicy {
  const value = read(env, 'OMNI_ALLOWED_HOSTS');
  if (value === undefined) return { allowedHosts: [], production };
  try {
    return { allowedHosts: parseAllowedHosts(value), production };
  } catch (error) {
    throw new ConfigError(
      `OMNI_ALLOWED_HOSTS: ${(error as Error).message}. List hosts as host or host:port, comma-separated.`,
      'OMNI_ALLOWED_HOSTS',
    );
  }
}

function readDefaultOmni(
  env: Env,
  install: AppConfig['install'],
  hosts: HostPolicy,
): { defaultOmni?: AppConfig['defaultOmni']; warning?: string } {
  const baseUrl = read(env, 'OMNI_BASE_URL');
  const apiKey = read(env, 'OMNI_API_KEY');
  if (baseUrl === undefined && apiKey === undefined) return {};
  if (install === 'oauth') {
    // One key for every installing workspace would let each of them reach the same Omni organization.
    const name = baseUrl !== undefined ? 'OMNI_BASE_URL' : 'OMNI_API_KEY';
    throw new ConfigError(
      `${name} applies only to a single-workspace install (SLACK_BOT_TOKEN); with OAuth each workspace runs /schedule connect.`,
      name,
    );
  }
  if (baseUrl === undefined)
    throw new ConfigError('OMNI_BASE_URL is required when OMNI_API_KEY is set.', 'OMNI_BASE_URL');
  if (apiKey === undefined)
    throw new ConfigError('OMNI_API_KEY is required when OMNI_BASE_URL is set.', 'OMNI_API_KEY');
  const checked = checkOmniBaseUrl(baseUrl, hosts);
  if (!checked.ok) throw new ConfigError(`OMNI_BASE_URL is not valid: ${checked.reason}`, 'OMNI_BASE_URL');
  return { defaultOmni: { baseUrl: checked.url, apiKey }, ...(checked.warning && { warning: checked.warning }) };
}

function readEncryptionKeys(
  env: Env,
  storeUrl: string,
  production: boolean,
  allowDevKey: boolean,
): { encryptionKeys: Buffer[]; warnings: string[] } {
  const value = read(env, 'ENCRYPTION_KEY');
  if (value !== undefined) {
    try {
      return { encryptionKeys: parseEncryptionKeys(value), warnings: [] };
    } catch (error) {
      // parseEncryptionKeys names ENCRYPTION_KEY and never echoes key material.
      const reason = error instanceof Error ? error.message : String(error);
      const line = reason.includes('ENCRYPTION_KEY') ? reason : `ENCRYPTION_KEY is not valid: ${reason}`;
      throw new ConfigError(line.split('\n')[0] as string, 'ENCRYPTION_KEY');
    }
  }
  if (!allowDevKey) {
    throw new ConfigError(
      'ENCRYPTION_KEY is required: list the new key first, then the old ones, comma-separated.',
      'ENCRYPTION_KEY',
    );
  }
  if (production) {
    throw new ConfigError(
      'ENCRYPTION_KEY is required when NODE_ENV=production (32 random bytes, base64: `openssl rand -base64 32`).',
      'ENCRYPTION_KEY',
    );
  }
  const dataDir = dataDirFor(storeUrl);
  let devKey: ReturnType<typeof loadOrCreateDevKey>;
  try {
    devKey = loadOrCreateDevKey(dataDir);
  } catch (error) {
    throw new ConfigError(
      `ENCRYPTION_KEY is not set, and the development key failed: ${(error as Error).message}`,
      'ENCRYPTION_KEY',
    );
  }
  const { key, created, path: keyFile } = devKey;
  const warning = created
    ? `ENCRYPTION_KEY is not set: generated a development key in ${keyFile}. Set ENCRYPTION_KEY before real use.`
    : `ENCRYPTION_KEY is not set: using the development key in ${keyFile}. Set ENCRYPTION_KEY before real use.`;
  return { encryptionKeys: [key], warnings: [warning] };
}

/** The folder that holds local data: the SQLite file's folder, else `data`. */
export function dataDirFor(storeUrl: string): string {
  const match = /^sqlite:\/\/(.+)$/.exec(storeUrl);
  if (!match || match[1] === ':memory:') return 'data';
  return path.dirname(match[1] as string);
}
