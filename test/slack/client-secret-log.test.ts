// Bolt's OAuth exchange calls oauth.v2.access with the app's client_secret, and @slack/web-api at debug
// level logs each call's arguments. The logger must write that line without the secret.
import { LogLevel, WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { createLogger } from '../../src/logger.js';

const CLIENT_SECRET = 'cs-4f1e9a7b2c3d8e6f0a1b';

describe('LOG_LEVEL=debug and the Slack client secret', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
  });
  afterAll(() => slack.close());

  it('logs the oauth.v2.access call (as Bolt makes it at install) without client_secret', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    const client = new WebClient(undefined, {
      slackApiUrl: slack.apiUrl,
      logger,
      logLevel: LogLevel.DEBUG,
      retryConfig: { retries: 0 },
    });
    await client.oauth.v2
      .access({ client_id: '1111.2222', client_secret: CLIENT_SECRET, code: 'code-123' })
      .catch(() => undefined); // the answer does not matter here, only what was logged on the way
    const all = lines.join('\n');
    expect(all).toContain('oauth.v2.access');
    expect(all).toContain('client_secret'); // the arguments were logged (the line this test is about)
    expect(all).not.toContain(CLIENT_SECRET);
  });
});
