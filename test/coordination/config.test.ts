import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

const base = {
  SLACK_SIGNING_SECRET: 'signing-secret',
  SLACK_BOT_TOKEN: 'xoxb-1-2-3',
  ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
};

describe('REDIS_URL', () => {
  it('is unset by default: everything stays in one process', () => {
    expect(loadConfig(base).redisUrl).toBeUndefined();
    expect(loadConfig({ ...base, STORE_URL: 'postgres://u@127.0.0.1/db' }).redisUrl).toBeUndefined();
  });

  it('defaults to STORE_URL when the store is on Redis', () => {
    expect(loadConfig({ ...base, STORE_URL: 'redis://127.0.0.1:6379/2' }).redisUrl).toBe('redis://127.0.0.1:6379/2');
  });

  it('wins over STORE_URL when set', () => {
    const config = loadConfig({ ...base, STORE_URL: 'redis://a:6379', REDIS_URL: 'rediss://b:6380' });
    expect(config.redisUrl).toBe('rediss://b:6380');
  });

  it('refuses a URL that is not Redis, in one line naming the variable without its password', () => {
    const attempt = () => loadConfig({ ...base, REDIS_URL: 'postgres://u:hunter2@h/db' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/^REDIS_URL must start with redis:\/\/ or rediss:\/\//);
    expect(attempt).not.toThrow(/hunter2/);
  });
});
