// FakeSlack.onActivity: a listener hears each answered Web API call and response_url post, in order, until removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FAKE_DEFAULTS,
  type FakeSlack,
  type FakeSlackActivity,
  startFakeSlack,
} from '../../src/fake-slack/fake-slack.js';

let slack: FakeSlack;

beforeAll(async () => {
  slack = await startFakeSlack();
});

afterAll(async () => {
  await slack.close();
});

const call = (method: string, body: Record<string, unknown>) =>
  fetch(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${FAKE_DEFAULTS.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('FakeSlack.onActivity', () => {
  it('reports calls (failed ones too) and response_url posts after answering them, until removed', async () => {
    const heard: FakeSlackActivity[] = [];
    const stop = slack.onActivity((a) => heard.push(a));
    await call('chat.postMessage', { channel: 'C1', text: 'hello' });
    await call('chat.update', { channel: 'C1', ts: '1.000001', text: 'nope' });
    const url = slack.newResponseUrl({ channel: 'C1', userId: 'U1' });
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    stop();
    await call('chat.postMessage', { channel: 'C1', text: 'unheard' });

    expect(
      heard.map((a) =>
        a.kind === 'call'
          ? [a.kind, a.call.method, a.call.response.ok, a.call.response.error]
          : [a.kind, a.response.url, a.response.status],
      ),
    ).toEqual([
      ['call', 'chat.postMessage', true, undefined],
      ['call', 'chat.update', false, 'message_not_found'],
      ['response', url, 200],
    ]);
    // The listener runs once the call is recorded: what it reads is the fake's state after the call.
    expect(heard[0]?.kind === 'call' && heard[0].call).toBe(slack.calls[0]);
  });
});
