import { afterEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function call(method: string, token: string, params: Record<string, string> = {}) {
  const response = await fetch(`${(fake as FakeSlack).apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(params),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as { ok: boolean; error?: string },
  };
}

describe("the fake Slack's rate tiers", () => {
  it('answers the 21st users.list (Tier 2) in a minute with 429 ratelimited and Retry-After, per workspace', async () => {
    fake = await startFakeSlack({ rateTiers: true, workspaces: [{ token: 'xoxb-other', teamId: 'T_OTHER' }] });
    const answers = [];
    for (let i = 0; i < 21; i++) answers.push(await call('users.list', 'xoxb-test-token'));
    expect(answers.slice(0, 20).every((a) => a.status === 200 && a.body.ok)).toBe(true);
    const refused = answers[20];
    expect(refused).toMatchObject({ status: 429, body: { ok: false, error: 'ratelimited' } });
    expect(Number(refused?.retryAfter)).toBeGreaterThanOrEqual(59);
    expect(Number(refused?.retryAfter)).toBeLessThanOrEqual(60);
    expect((await call('users.list', 'xoxb-other')).status).toBe(200);
    expect(fake.rateTiers?.limited.get('users.list')).toBe(1);
    fake.advanceTime(60_000);
    expect((await call('users.list', 'xoxb-test-token')).status).toBe(200);
  });

  it('allows one chat.postMessage a second per channel', async () => {
    fake = await startFakeSlack({ rateTiers: true });
    expect((await call('chat.postMessage', 'xoxb-test-token', { channel: 'C1', text: 'a' })).status).toBe(200);
    expect((await call('chat.postMessage', 'xoxb-test-token', { channel: 'C1', text: 'b' })).status).toBe(429);
    expect((await call('chat.postMessage', 'xoxb-test-token', { channel: 'C2', text: 'c' })).status).toBe(200);
  });

  it('is off by default', async () => {
    fake = await startFakeSlack();
    for (let i = 0; i < 25; i++) expect((await call('users.list', 'xoxb-test-token')).status).toBe(200);
  });
});
