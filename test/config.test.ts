import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  dataDirFor,
  type Env,
  loadConfig,
  loadDotEnvFile,
  loadStoreConfig,
  MISSING_SLACK_CREDENTIALS,
} from '../src/config.js';

const KEY = Buffer.alloc(32, 1).toString('base64');
const OLD_KEY = Buffer.alloc(32, 2).toString('base64');
const base: Env = {
  SLACK_SIGNING_SECRET: 'signing-secret',
  SLACK_BOT_TOKEN: 'xoxb-1-2-3',
  ENCRYPTION_KEY: KEY,
};

/** The ConfigError loadConfig throws for `env`, or a failure when it does not throw one. */
function configError(env: Env): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'omni-slack-config-'));
  dirs.push(dir);
  return dir;
}

describe('loadConfig', () => {
  it('reads a single-workspace HTTP setup with the documented defaults', () => {
    const config = loadConfig(base);
    expect(config).toMatchObject({
      mode: 'http',
      install: 'single',
      production: false,
      slack: { signingSecret: 'signing-secret', botToken: 'xoxb-1-2-3', apiUrl: 'https://slack.com/api/' },
      port: 3000,
      storeUrl: 'sqlite://data/omni-slack.sqlite',
      logLevel: 'info',
      warnings: [],
    });
    expect(config.encryptionKeys).toEqual([Buffer.alloc(32, 1)]);
    expect(config.defaultOmni).toBeUndefined();
  });

  it('chooses Socket Mode when SLACK_APP_TOKEN is set (no signing secret needed)', () => {
    const config = loadConfig({ SLACK_APP_TOKEN: 'xapp-1-A-1', SLACK_BOT_TOKEN: 'xoxb-1', ENCRYPTION_KEY: KEY });
    expect(config.mode).toBe('socket');
    expect(config.slack.appToken).toBe('xapp-1-A-1');
  });

  it('chooses OAuth installs when the client id, secret and state secret are set', () => {
    const config = loadConfig({
      SLACK_SIGNING_SECRET: 's',
      SLACK_CLIENT_ID: '123.456',
      SLACK_CLIENT_SECRET: 'cs',
      SLACK_STATE_SECRET: 'ss',
      ENCRYPTION_KEY: KEY,
    });
    expect(config.install).toBe('oauth');
    expect(config.slack.oauth).toEqual({ clientId: '123.456', clientSecret: 'cs', stateSecret: 'ss' });
    expect(config.slack.botToken).toBeUndefined();
  });

  it('reads every optional variable', () => {
    const config = loadConfig({
      ...base,
      SLACK_API_URL: 'http://127.0.0.1:9999/api',
      PORT: '8080',
      STORE_URL: 'redis://127.0.0.1:6379',
      ENCRYPTION_KEY: `${KEY}, ${OLD_KEY}`,
      OMNI_BASE_URL: 'https://blobsrus.omniapp.co/api/',
      OMNI_API_KEY: 'omni-key',
      LOG_LEVEL: 'debug',
    });
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9999/api/');
    expect(config.port).toBe(8080);
    expect(config.storeUrl).toBe('redis://127.0.0.1:6379');
    expect(config.encryptionKeys).toEqual([Buffer.alloc(32, 1), Buffer.alloc(32, 2)]);
    expect(config.defaultOmni).toEqual({ baseUrl: 'https://blobsrus.omniapp.co', apiKey: 'omni-key' });
    expect(config.logLevel).toBe('debug');
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ ...base, PORT: '  ', LOG_LEVEL: '' })).toMatchObject({ port: 3000, logLevel: 'info' });
  });

  it('without any Slack credential, says in a few lines what to set and that README.md explains it', () => {
    const error = configError({ PORT: '3000' });
    expect(error.message).toBe(MISSING_SLACK_CREDENTIALS);
    expect(error.variable).toBeUndefined();
    const lines = error.message.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.length).toBeLessThanOrEqual(5);
    for (const name of ['SLACK_SIGNING_SECRET', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_CLIENT_ID', 'README.md']) {
      expect(error.message).toContain(name);
    }
  });

  // Each bad value: one line that names the variable, and never a secret's value.
  const oneLiners: [string, Env, string][] = [
    ['SLACK_SIGNING_SECRET', { SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET is required in HTTP mode'],
    ['SLACK_BOT_TOKEN', { SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN is required for a single-workspace install'],
    ['SLACK_BOT_TOKEN', { ...base, SLACK_BOT_TOKEN: 'xoxp-user' }, 'SLACK_BOT_TOKEN must start with xoxb-'],
    ['SLACK_APP_TOKEN', { ...base, SLACK_APP_TOKEN: 'xoxb-wrong' }, 'SLACK_APP_TOKEN must start with xapp-'],
    [
      'SLACK_CLIENT_SECRET',
      { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2', SLACK_STATE_SECRET: 'x' },
      'SLACK_CLIENT_SECRET is required for OAuth',
    ],
    [
      'SLACK_STATE_SECRET',
      { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_ID: '1.2', SLACK_CLIENT_SECRET: 'x' },
      'SLACK_STATE_SECRET is required for OAuth',
    ],
    [
      'SLACK_CLIENT_ID',
      { SLACK_SIGNING_SECRET: 's', SLACK_CLIENT_SECRET: 'x', SLACK_STATE_SECRET: 'y' },
      'SLACK_CLIENT_ID is required for OAuth',
    ],
    [
      'SLACK_BOT_TOKEN',
      { ...base, SLACK_CLIENT_ID: '1.2' },
      'SLACK_BOT_TOKEN must not be set together with SLACK_CLIENT_ID',
    ],
    [
      'SLACK_API_URL',
      { ...base, SLACK_API_URL: 'slack.com/api' },
      'SLACK_API_URL must be an http(s) URL (got "slack.com/api").',
    ],
    ['PORT', { ...base, PORT: 'eighty' }, 'PORT must be a whole number from 0 to 65535 (got "eighty").'],
    ['PORT', { ...base, PORT: '70000' }, 'PORT must be a whole number from 0 to 65535 (got "70000").'],
    ['STORE_URL', { ...base, STORE_URL: 'mysql://db' }, 'STORE_URL must start with sqlite://, redis://'],
    ['STORE_URL', { ...base, STORE_URL: 'mysql://app:hunter2@db:3306/omni' }, '(got "mysql://app:***@db:3306/omni").'],
    ['ENCRYPTION_KEY', { ...base, ENCRYPTION_KEY: 'c2hvcnQ=' }, 'ENCRYPTION_KEY decodes to 5 bytes, not 32'],
    ['ENCRYPTION_KEY', { ...base, ENCRYPTION_KEY: 'not base64!' }, 'ENCRYPTION_KEY is not base64'],
    [
      'ENCRYPTION_KEY',
      { ...base, ENCRYPTION_KEY: undefined, NODE_ENV: 'production' },
      'ENCRYPTION_KEY is required when NODE_ENV=production',
    ],
    ['OMNI_BASE_URL', { ...base, OMNI_API_KEY: 'k' }, 'OMNI_BASE_URL is required when OMNI_API_KEY is set.'],
    [
      'OMNI_API_KEY',
      { ...base, OMNI_BASE_URL: 'https://x.omniapp.co' },
      'OMNI_API_KEY is required when OMNI_BASE_URL is set.',
    ],
    [
      'OMNI_BASE_URL',
      { ...base, OMNI_BASE_URL: 'http://x.omniapp.co', OMNI_API_KEY: 'k' },
      'OMNI_BASE_URL is not valid: The Omni URL must start with https://',
    ],
    [
      'OMNI_BASE_URL',
      {
        SLACK_SIGNING_SECRET: 's',
        SLACK_CLIENT_ID: '1',
        SLACK_CLIENT_SECRET: 'c',
        SLACK_STATE_SECRET: 'x',
        ENCRYPTION_KEY: KEY,
        OMNI_BASE_URL: 'https://x.omniapp.co',
        OMNI_API_KEY: 'k',
      },
      'OMNI_BASE_URL applies only to a single-workspace install',
    ],
    [
      'LOG_LEVEL',
      { ...base, LOG_LEVEL: 'verbose' },
      'LOG_LEVEL must be one of debug, info, warn, error (got "verbose").',
    ],
  ];
  it.each(oneLiners)('%s: a bad value stops start-up with one line naming it (%#)', (variable, env, expected) => {
    const error = configError(env);
    expect(error.variable).toBe(variable);
    expect(error.message).toContain(expected);
    expect(error.message.startsWith(variable) || error.message.includes(variable)).toBe(true);
    expect(error.message).not.toContain('\n');
  });

  it('never quotes a secret in its error', () => {
    expect(configError({ ...base, SLACK_BOT_TOKEN: 'xoxp-sekrit' }).message).not.toContain('sekrit');
    expect(configError({ ...base, SLACK_APP_TOKEN: 'xoxb-hush' }).message).not.toContain('hush');
    expect(configError({ ...base, ENCRYPTION_KEY: 'c2VjcmV0LWtleQ==' }).message).not.toContain('c2VjcmV0');
  });

  it('allows plain http for OMNI_BASE_URL on this machine only (the sandbox)', () => {
    const config = loadConfig({ ...base, OMNI_BASE_URL: 'http://127.0.0.1:4010', OMNI_API_KEY: 'sandbox-key' });
    expect(config.defaultOmni?.baseUrl).toBe('http://127.0.0.1:4010');
    expect(config.warnings).toEqual([
      'OMNI_BASE_URL: 127.0.0.1:4010 is on this machine (loopback); allowed because NODE_ENV is not production. In production, list it in OMNI_ALLOWED_HOSTS.',
    ]);
  });

  it('reads OMNI_ALLOWED_HOSTS, and refuses loopback and private Omni URLs in production unless listed', () => {
    expect(loadConfig(base).omniHosts).toEqual({ allowedHosts: [], production: false });
    const sandbox = {
      ...base,
      OMNI_BASE_URL: 'http://127.0.0.1:4010',
      OMNI_API_KEY: 'sandbox-key',
      NODE_ENV: 'production',
    };
    expect(configError(sandbox).message).toBe(
      "OMNI_BASE_URL is not valid: The Omni URL must start with https:// (plain http only for hosts in the server's OMNI_ALLOWED_HOSTS).",
    );
    expect(configError({ ...sandbox, OMNI_BASE_URL: 'https://10.1.2.3' }).message).toMatch(
      /^OMNI_BASE_URL is not valid: 10\.1\.2\.3 is a private network address\. .*OMNI_ALLOWED_HOSTS/,
    );
    const listed = loadConfig({ ...sandbox, OMNI_ALLOWED_HOSTS: '127.0.0.1:4010, omni.internal' });
    expect(listed.omniHosts).toEqual({
      production: true,
      allowedHosts: [{ host: '127.0.0.1', port: 4010 }, { host: 'omni.internal' }],
    });
    expect(listed.defaultOmni?.baseUrl).toBe('http://127.0.0.1:4010');
  });

  it('names a bad OMNI_ALLOWED_HOSTS entry', () => {
    const error = configError({ ...base, OMNI_ALLOWED_HOSTS: 'omni.internal, https://sandbox:4010' });
    expect(error.variable).toBe('OMNI_ALLOWED_HOSTS');
    expect(error.message).toBe(
      'OMNI_ALLOWED_HOSTS: "https://sandbox:4010" is not a host or host:port (write omni.internal or omni.internal:8443, no scheme or path). List hosts as host or host:port, comma-separated.',
    );
    expect(configError({ ...base, OMNI_ALLOWED_HOSTS: 'sandbox:0' }).message).toMatch(/outside 1–65535/);
  });

  it('in development, generates an encryption key once into the data folder, with a warning', () => {
    const dir = tempDir();
    const env = { ...base, ENCRYPTION_KEY: undefined, STORE_URL: `sqlite://${join(dir, 'app.sqlite')}` };
    const first = loadConfig(env);
    expect(first.warnings).toEqual([expect.stringContaining('generated a development key')]);
    expect(first.warnings[0]).toContain(dir);
    expect(existsSync(join(dir, 'encryption-key'))).toBe(true);
    const second = loadConfig(env);
    expect(second.encryptionKeys).toEqual(first.encryptionKeys);
    expect(second.warnings).toEqual([expect.stringContaining('using the development key')]);
  });
});

describe('loadDotEnvFile', () => {
  it('reads .env into the environment when present; variables already set win', () => {
    const file = join(tempDir(), '.env');
    writeFileSync(file, 'OMNI_SLACK_TEST_FROM_FILE=file\nOMNI_SLACK_TEST_BOTH=file\n');
    process.env.OMNI_SLACK_TEST_BOTH = 'environment';
    try {
      expect(loadDotEnvFile(file)).toBe(true);
      expect(process.env.OMNI_SLACK_TEST_FROM_FILE).toBe('file');
      expect(process.env.OMNI_SLACK_TEST_BOTH).toBe('environment');
      expect(loadDotEnvFile(join(tempDir(), '.env'))).toBe(false);
    } finally {
      delete process.env.OMNI_SLACK_TEST_FROM_FILE;
      delete process.env.OMNI_SLACK_TEST_BOTH;
    }
  });
});

describe('loadStoreConfig (key rotation)', () => {
  it('needs no Slack credentials', () => {
    const config = loadStoreConfig({ ENCRYPTION_KEY: `${KEY},${OLD_KEY}`, STORE_URL: 'sqlite://x/y.sqlite' });
    expect(config.encryptionKeys).toHaveLength(2);
    expect(config.storeUrl).toBe('sqlite://x/y.sqlite');
  });

  it('requires ENCRYPTION_KEY rather than generating one', () => {
    expect(() => loadStoreConfig({})).toThrow(/^ENCRYPTION_KEY is required: list the new key first/);
  });
});

describe('dataDirFor', () => {
  it("is the SQLite file's folder, else data", () => {
    expect(dataDirFor('sqlite://data/omni-slack.sqlite')).toBe('data');
    expect(dataDirFor('sqlite:///var/lib/omni/app.sqlite')).toBe('/var/lib/omni');
    expect(dataDirFor('sqlite://:memory:')).toBe('data');
    expect(dataDirFor('redis://127.0.0.1:6379')).toBe('data');
  });
});

describe('.env.example', () => {
  it('lists every variable of the configuration contract', () => {
    const example = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', '.env.example'), 'utf8');
    const names = [
      'SLACK_SIGNING_SECRET',
      'SLACK_BOT_TOKEN',
      'SLACK_CLIENT_ID',
      'SLACK_CLIENT_SECRET',
      'SLACK_STATE_SECRET',
      'SLACK_APP_TOKEN',
      'SLACK_API_URL',
      'PORT',
      'STORE_URL',
      'ENCRYPTION_KEY',
      'OMNI_BASE_URL',
      'OMNI_API_KEY',
      'OMNI_ALLOWED_HOSTS',
      'LOG_LEVEL',
    ];
    for (const name of names) expect(example, name).toMatch(new RegExp(`^${name}=`, 'm'));
  });
});

describe('ALERT_CHECK_INTERVAL_S', () => {
  it('defaults to 300 seconds and reads a few seconds for tests', () => {
    expect(loadConfig(base).alertCheckIntervalMs).toBe(300_000);
    expect(loadConfig({ ...base, ALERT_CHECK_INTERVAL_S: '5' }).alertCheckIntervalMs).toBe(5_000);
  });

  it('names the variable when it is not a whole number of seconds', () => {
    expect(() => loadConfig({ ...base, ALERT_CHECK_INTERVAL_S: '0' })).toThrow(/ALERT_CHECK_INTERVAL_S.*1 to 86400/);
    expect(() => loadConfig({ ...base, ALERT_CHECK_INTERVAL_S: '5m' })).toThrow(/ALERT_CHECK_INTERVAL_S/);
  });
});
