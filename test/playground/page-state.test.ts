// What each person is shown, read from the fake Slack: only the channels they are in, only their own ephemeral
// messages and notices, only the modal stack they opened, their own Home tab.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import type { Notice } from '../../src/playground/bridge.js';
import { pageState } from '../../src/playground/page-state.js';
import { CHANNELS, PERSONAS, seedWorkspace } from '../../src/playground/workspace.js';

// The fake Slack's own default bot token: no token-like string of this test's own.
const TOKEN = FAKE_DEFAULTS.token;
const [admin, member, guest] = PERSONAS as [(typeof PERSONAS)[0], (typeof PERSONAS)[0], (typeof PERSONAS)[0]];
const general = CHANNELS[0].id;
const sales = CHANNELS.find((c) => c.name === 'sales')?.id ?? '';

let slack: FakeSlack;
const notices: Notice[] = [];

const state = (who: (typeof PERSONAS)[0]) =>
  pageState(
    {
      slack,
      notices,
      version: 7,
      command: { name: '/schedule', usageHint: '[help]', description: 'd' },
      shortcuts: [],
      sandbox: { url: 'http://127.0.0.1:1', apiKey: 'k' },
    },
    who,
  );

async function api(method: string, body: Record<string, unknown>) {
  const res = await fetch(`${slack.apiUrl}${method}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as { ok: boolean; error?: string; view?: { id: string } };
  if (!answer.ok) throw new Error(`${method}: ${answer.error}`);
  return answer;
}

beforeAll(async () => {
  slack = await startFakeSlack({ token: TOKEN });
  seedWorkspace(slack);
});

afterAll(async () => {
  await slack.close();
});

describe('pageState', () => {
  it('shows each person the channels they are in, plus the app', () => {
    expect(state(admin).channels.map((c) => c.name)).toEqual(['general', 'reports', 'sales', 'Omni Schedules']);
    expect(state(guest).channels.map((c) => c.name)).toEqual(['general', 'Omni Schedules']);
    expect(state(guest).channels.at(-1)?.id).toBe(`D${guest.id.slice(1)}`);
  });

  it('shows ephemeral messages and notices only to their person, in time order with the channel’s messages', async () => {
    await api('chat.postMessage', { channel: general, text: 'for everyone' });
    await api('chat.postEphemeral', { channel: general, user: admin.id, text: 'for the admin' });
    notices.push({ channel: general, user: member.id, ts: slack.nextTs(), text: '/schedule failed' });
    slack.addMessage(sales, { user: member.id, bot_id: undefined, text: 'a person speaks' });

    const adminGeneral = state(admin).channels.find((c) => c.id === general);
    expect(adminGeneral?.items.map((i) => [i.kind, i.author.name, i.text])).toEqual([
      ['message', 'Omni Schedules', 'for everyone'],
      ['ephemeral', 'Omni Schedules', 'for the admin'],
    ]);
    const memberGeneral = state(member).channels.find((c) => c.id === general);
    expect(memberGeneral?.items.map((i) => [i.kind, i.author.name, i.text])).toEqual([
      ['message', 'Omni Schedules', 'for everyone'],
      ['notice', 'Slackbot', '/schedule failed'],
    ]);
    const memberSales = state(member).channels.find((c) => c.id === sales);
    expect(memberSales?.items.map((i) => [i.author, i.text])).toEqual([
      [{ id: member.id, name: member.realName, app: false }, 'a person speaks'],
    ]);
  });

  it('shows a modal stack only to the person who opened it, bottom first, and each person their own Home tab', async () => {
    const plain = (text: string) => ({ type: 'plain_text', text });
    const opened = await api('views.open', {
      trigger_id: slack.newTriggerId({ userId: member.id }),
      view: { type: 'modal', title: plain('First'), blocks: [] },
    });
    const first = opened.view?.id ?? '';
    await api('views.push', {
      trigger_id: slack.newTriggerId({ userId: member.id, viewId: first }),
      view: { type: 'modal', title: plain('Second'), blocks: [] },
    });
    await api('views.publish', {
      user_id: admin.id,
      view: { type: 'home', blocks: [{ type: 'section', text: plain('admin home') }] },
    });

    expect(state(member).modalStack.map((v) => v.title)).toEqual([plain('First'), plain('Second')]);
    expect(state(admin).modalStack).toEqual([]);
    expect(state(admin).home?.blocks).toMatchObject([{ text: plain('admin home') }]);
    expect(state(member).home).toBeNull();
    expect(state(member).version).toBe(7);
  });
});
