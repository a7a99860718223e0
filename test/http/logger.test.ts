import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { createLogger, scrubLine } from '../../src/logger.js';

function capture(level: `${LogLevel}`, options: Parameters<typeof createLogger>[2] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const logger = createLogger(level, { out: (l) => out.push(l), err: (l) => err.push(l) }, options);
  const json = () => [...out, ...err].map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, out, err, json };
}

describe('the JSON logger', () => {
  it('writes one JSON object per line: info to stdout, warnings and errors to stderr, below LOG_LEVEL nothing', () => {
    const { logger, out, err, json } = capture('info');
    logger.debug('not shown');
    logger.info('started on port %d', 3000);
    logger.warn('careful');
    logger.error('broken');
    expect(out).toHaveLength(1);
    expect(err).toHaveLength(2);
    expect(json().map(({ level, name, msg }) => ({ level, name, msg }))).toEqual([
      { level: 'info', name: 'omni-slack', msg: 'started on port 3000' },
      { level: 'warn', name: 'omni-slack', msg: 'careful' },
      { level: 'error', name: 'omni-slack', msg: 'broken' },
    ]);
    expect(typeof json()[0]?.time).toBe('string');
  });

  it("keeps Bolt's Logger contract: setLevel, getLevel, setName", () => {
    const { logger, json } = capture('warn');
    logger.info('hidden');
    logger.setLevel(LogLevel.DEBUG);
    logger.setName('bolt-app');
    logger.debug('now shown');
    expect(logger.getLevel()).toBe(LogLevel.DEBUG);
    expect(json()).toMatchObject([{ level: 'debug', name: 'bolt-app', msg: 'now shown' }]);
  });

  it('turns an audit line (a JSON object as text) into fields, and takes structured fields', () => {
    const { logger, json } = capture('info');
    logger.info(JSON.stringify({ audit: true, workspace: 'team:T1', action: 'run', outcome: 'ok' }));
    logger.fields('info', { kind: 'command', id: '/schedule', team: 'T1' }, 'slack request');
    expect(json()).toMatchObject([
      { audit: true, workspace: 'team:T1', action: 'run', outcome: 'ok' },
      { kind: 'command', id: '/schedule', team: 'T1', msg: 'slack request' },
    ]);
  });

  it('never prints a configured secret, a Slack token, a bearer credential, a URL password, or (at info) an email', () => {
    const { logger, out } = capture('info', { secrets: ['signing-secret-123456'] });
    logger.info('signing-secret-123456 xoxb-1-2-abc xapp-1-A-xyz Authorization: Bearer omni-key-9 redis://u:pw@h');
    logger.info({ user: { email: 'maria@example.com' } }, 'added %s', 'pat@example.org');
    const text = out.join('\n');
    for (const secret of ['signing-secret-123456', 'xoxb-1-2-abc', 'xapp-1-A-xyz', 'omni-key-9', ':pw@', '@example.']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('xoxb-[redacted]');
    expect(text).toContain('[email]');
  });

  it('counts each Slack 429 that a WebClient logs, whatever LOG_LEVEL', () => {
    let limited = 0;
    const { logger } = capture('error', { onSlackRateLimited: () => limited++ });
    logger.info('API Call failed due to rate limiting. Will retry in 3 seconds.');
    expect(limited).toBe(1);
  });

  it("masks the verification token and response_url of Bolt's debug line of an incoming request", () => {
    const { logger, out } = capture('debug');
    logger.debug(
      JSON.stringify({
        token: 'verif1cation',
        command: '/schedule',
        response_url: 'https://hooks.slack.com/commands/T1/1/s3cret',
      }),
    );
    const text = out.join('\n');
    expect(text).not.toContain('verif1cation');
    expect(text).not.toContain('s3cret');
    expect(text).toContain('/schedule');
  });

  it('scrubLine masks client_secret-like fields inside a JSON-escaped message', () => {
    const line = JSON.stringify({ level: 'info', msg: 'body: {"client_secret":"abc","api_key":"k1","code":"c"}' });
    expect(scrubLine(line)).toBe(
      JSON.stringify({ level: 'info', msg: 'body: {"client_secret":"[redacted]","api_key":"[redacted]","code":"c"}' }),
    );
  });
});

describe("Bolt's OAuth token exchange at LOG_LEVEL=debug", () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(async () => {
    await slack.close();
  });

  it('does not leak the client secret (@slack/web-api prints the request body at debug)', async () => {
    const clientSecret = 'f3c1b2a0d9e8c7b6a5f4e3d2c1b0a9f8';
    const { logger, out } = capture('debug');
    // What @slack/oauth's InstallProvider does on /slack/oauth_redirect, with the logger Bolt shares with it.
    const client = new WebClient(undefined, { slackApiUrl: slack.apiUrl, logger, retryConfig: { retries: 0 } });
    // Slack's answer does not matter here (the fake may refuse the code): the body is logged before it is sent.
    await client.oauth.v2
      .access({ client_id: '1.2', client_secret: clientSecret, code: 'code-1' })
      .catch(() => undefined);
    const text = out.join('\n');
    expect(text).toContain('http request body');
    expect(text).toContain('client_secret');
    expect(text).not.toContain(clientSecret);
  });
});
