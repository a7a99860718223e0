// The fake Slack Web API driven by a real @slack/web-api WebClient, as the app will drive it.
import { LogLevel, WebClient, WebClientEvent } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';

let fake: FakeSlack;
let client: WebClient;
const clientFor = (token: string | undefined) =>
  new WebClient(token, { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });

beforeEach(async () => {
  fake = await startFakeSlack({ workspaces: [{ token: 'xoxb-other', teamId: 'T00000002', teamDomain: 'globex' }] });
  client = clientFor('xoxb-test-token');
});
afterEach(async () => {
  await fake.close();
});

describe('auth', () => {
  it('answers auth.test with the workspace of the token and records the call', async () => {
    const res = await client.auth.test();
    expect(res).toMatchObject({ ok: true, team_id: 'T00000001', user_id: 'U0000B0T1', bot_id: 'B00000001' });
    expect(fake.callsTo('auth.test')).toEqual([
      expect.objectContaining({ method: 'auth.test', token: 'xoxb-test-token', teamId: 'T00000001', status: 200 }),
    ]);
    expect(await clientFor('xoxb-other').auth.test()).toMatchObject({
      team_id: 'T00000002',
      url: 'https://globex.slack.com/',
    });
  });

  it('adds enterprise_id for an Enterprise Grid workspace', async () => {
    const grid = await startFakeSlack({ enterpriseId: 'E00000001', isEnterpriseInstall: true });
    try {
      const gridClient = new WebClient('xoxb-test-token', { slackApiUrl: grid.apiUrl, logLevel: LogLevel.ERROR });
      expect(await gridClient.auth.test()).toMatchObject({ enterprise_id: 'E00000001', is_enterprise_install: true });
    } finally {
      await grid.close();
    }
  });

  it('refuses a missing token with not_authed and an unknown one with invalid_auth', async () => {
    await expect(clientFor(undefined).auth.test()).rejects.toMatchObject({ data: { error: 'not_authed' } });
    await expect(clientFor('xoxb-wrong').users.info({ user: 'U1' })).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
  });

  it('answers unknown methods with unknown_method', async () => {
    await expect(client.apiCall('schedules.frobnicate')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });
});

describe('users', () => {
  it('fills in a full user object from a partial one', async () => {
    const added = fake.addUser({ name: 'ada.lovelace', is_admin: true });
    const { user } = await client.users.info({ user: added.id });
    expect(user).toMatchObject({
      id: added.id,
      team_id: 'T00000001',
      name: 'ada.lovelace',
      real_name: 'Ada Lovelace',
      deleted: false,
      is_bot: false,
      is_admin: true,
      is_owner: false,
      is_restricted: false,
      is_ultra_restricted: false,
      tz: 'America/New_York',
      tz_label: 'Eastern Standard Time',
      profile: { email: 'ada.lovelace@example.com', display_name: 'ada.lovelace', real_name: 'Ada Lovelace' },
    });
    expect([-18000, -14400]).toContain(user?.tz_offset);
  });

  it('answers user_not_found, and leaves bots without an email', async () => {
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    const bot = fake.addUser({ name: 'reportbot', is_bot: true });
    const { user } = await client.users.info({ user: bot.id });
    expect(user?.profile?.email).toBeUndefined();
  });

  it('looks users up by email, case-insensitively', async () => {
    const grace = fake.addUser({ name: 'grace', tz: 'Europe/London' });
    const res = await client.users.lookupByEmail({ email: 'Grace@Example.com' });
    expect(res.user).toMatchObject({ id: grace.id, tz: 'Europe/London', tz_label: 'Greenwich Mean Time' });
    await expect(client.users.lookupByEmail({ email: 'nobody@example.com' })).rejects.toMatchObject({
      data: { error: 'users_not_found' },
    });
  });

  it('returns profile fields, with labels only when asked', async () => {
    const u = fake.addUser({
      name: 'lin',
      profile: { title: 'Analyst', fields: { Xf01: { value: 'Finance', alt: '', label: 'Department' } } },
    });
    const plain = await client.users.profile.get({ user: u.id });
    expect(plain.profile).toMatchObject({ title: 'Analyst', fields: { Xf01: { value: 'Finance', alt: '' } } });
    expect(JSON.stringify(plain.profile?.fields)).not.toContain('Department');
    const labelled = await client.users.profile.get({ user: u.id, include_labels: true });
    expect(labelled.profile?.fields).toEqual({ Xf01: { value: 'Finance', alt: '', label: 'Department' } });
  });

  it('keeps workspaces apart: another token cannot see this workspace', async () => {
    const u = fake.addUser({ name: 'local' });
    const other = clientFor('xoxb-other');
    await expect(other.users.info({ user: u.id })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    fake.addChannel('C0000SEC1', [u.id]);
    await expect(other.conversations.members({ channel: 'C0000SEC1' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });
});

describe('conversations and user groups', () => {
  it('pages conversations.members by cursor with limit', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `U00000${i}`);
    fake.addChannel('C0000ENG1', ids, { name: 'eng' });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await client.conversations.members({ channel: 'C0000ENG1', limit: 2, cursor });
      seen.push(...(res.members ?? []));
      cursor = res.response_metadata?.next_cursor || undefined;
      pages += 1;
    } while (cursor);
    expect(seen).toEqual(ids);
    expect(pages).toBe(3);
    expect(fake.callsTo('conversations.members').map((c) => c.params.limit)).toEqual(['2', '2', '2']);
  });

  it('pages 100 members at a time by default', async () => {
    fake.addChannel(
      'C0000ALL1',
      Array.from({ length: 150 }, (_, i) => `U${String(i).padStart(8, '0')}`),
    );
    const first = await client.conversations.members({ channel: 'C0000ALL1' });
    expect(first.members).toHaveLength(100);
    const second = await client.conversations.members({
      channel: 'C0000ALL1',
      cursor: first.response_metadata?.next_cursor,
    });
    expect(second.members).toHaveLength(50);
    expect(second.response_metadata?.next_cursor).toBe('');
  });

  it('answers conversations.info and hides private channels the bot is not in', async () => {
    fake.addChannel('C0000PUB1', ['U1'], { name: 'reports' });
    fake.addChannel('G0000PRV1', ['U1'], { name: 'secret', is_private: true, botIsMember: false });
    const { channel } = await client.conversations.info({ channel: 'C0000PUB1' });
    expect(channel).toMatchObject({ id: 'C0000PUB1', name: 'reports', is_private: false, is_member: true });
    await expect(client.conversations.info({ channel: 'G0000PRV1' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('lists user group members and answers no_such_subteam for unknown groups', async () => {
    fake.addUsergroup('S0000FIN1', ['U1', 'U2'], { handle: 'finance' });
    expect((await client.usergroups.users.list({ usergroup: 'S0000FIN1' })).users).toEqual(['U1', 'U2']);
    const { usergroups } = await client.usergroups.list({ include_users: true });
    expect(usergroups).toEqual([expect.objectContaining({ id: 'S0000FIN1', handle: 'finance', users: ['U1', 'U2'] })]);
    await expect(client.usergroups.users.list({ usergroup: 'S404' })).rejects.toMatchObject({
      data: { error: 'no_such_subteam' },
    });
  });
});

describe('scripted failures', () => {
  it('answers 429 with Retry-After once, and WebClient waits and retries', async () => {
    const u = fake.addUser({ name: 'patient' });
    const retrying = new WebClient('xoxb-test-token', {
      slackApiUrl: fake.apiUrl,
      logLevel: LogLevel.ERROR,
      retryConfig: { retries: 2, minTimeout: 0, maxTimeout: 0 },
    });
    const rateLimited: number[] = [];
    retrying.on(WebClientEvent.RATE_LIMITED, (seconds: number) => rateLimited.push(seconds));
    fake.failNext('users.info', { status: 429, retryAfter: 1 });
    const res = await retrying.users.info({ user: u.id });
    expect(res.user?.id).toBe(u.id);
    expect(rateLimited).toEqual([1]);
    expect(fake.callsTo('users.info').map((c) => [c.status, c.response.ok])).toEqual([
      [429, false],
      [200, true],
    ]);
  });

  it('answers ok:false once with the given error, then normally', async () => {
    fake.failNext('auth.test', { error: 'account_inactive' });
    await expect(client.auth.test()).rejects.toMatchObject({ data: { ok: false, error: 'account_inactive' } });
    await expect(client.auth.test()).resolves.toMatchObject({ ok: true });
  });
});

describe('chat', () => {
  const card = [{ type: 'section', text: { type: 'mrkdwn', text: '*Weekly revenue*' } }];

  it('stores posted messages, decodes nested JSON params and shows updates', async () => {
    fake.addChannel('C0000REP1', ['U1']);
    const posted = await client.chat.postMessage({ channel: 'C0000REP1', text: 'Weekly revenue', blocks: card });
    expect(fake.callsTo('chat.postMessage')[0]?.params.blocks).toEqual(card);
    const ts = posted.ts as string;
    expect(fake.message('C0000REP1', ts)).toMatchObject({ text: 'Weekly revenue', blocks: card, user: 'U0000B0T1' });
    const paused = [{ type: 'section', text: { type: 'mrkdwn', text: '*Weekly revenue* (paused)' } }];
    await client.chat.update({ channel: 'C0000REP1', ts, text: 'paused', blocks: paused });
    expect(fake.message('C0000REP1', ts)?.blocks).toEqual(paused);
    const link = await client.chat.getPermalink({ channel: 'C0000REP1', message_ts: ts });
    expect(link.permalink).toBe(`https://acme.slack.com/archives/C0000REP1/p${ts.replace('.', '')}`);
    await client.chat.delete({ channel: 'C0000REP1', ts });
    expect(fake.message('C0000REP1', ts)).toBeUndefined();
  });

  it('refuses blocks over the limits with invalid_blocks and Slack-style details', async () => {
    const tooLong = [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }];
    const err = await client.chat.postMessage({ channel: 'C1', text: 't', blocks: tooLong }).catch((e) => e);
    expect(err.data).toMatchObject({
      ok: false,
      error: 'invalid_blocks',
      errors: ['151 chars > 150 [json-pointer:/blocks/0/text]'],
    });
    expect(fake.messages).toHaveLength(0);
  });

  it('answers message_not_found and cant_update_message like Slack', async () => {
    await expect(client.chat.update({ channel: 'C1', ts: '1.000001', text: 'x' })).rejects.toMatchObject({
      data: { error: 'message_not_found' },
    });
    const theirs = fake.addMessage('C1', { user: 'U0000HUMN', bot_id: undefined, text: 'hi' });
    await expect(client.chat.update({ channel: 'C1', ts: theirs.ts, text: 'x' })).rejects.toMatchObject({
      data: { error: 'cant_update_message' },
    });
  });

  it('posts ephemerals only to channel members, and refuses channels without the bot', async () => {
    fake.addChannel('C0000OPS1', ['U1']);
    await client.chat.postEphemeral({ channel: 'C0000OPS1', user: 'U1', text: 'only you' });
    expect(fake.ephemeralsTo('U1')).toEqual([expect.objectContaining({ channel: 'C0000OPS1', text: 'only you' })]);
    await expect(client.chat.postEphemeral({ channel: 'C0000OPS1', user: 'U2', text: 'x' })).rejects.toMatchObject({
      data: { error: 'user_not_in_channel' },
    });
    fake.addChannel('C0000OUT1', ['U1'], { botIsMember: false });
    await expect(client.chat.postMessage({ channel: 'C0000OUT1', text: 'x' })).rejects.toMatchObject({
      data: { error: 'not_in_channel' },
    });
  });
});

describe('response_url', () => {
  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('records JSON bodies and allows 5 uses, then answers 404 used_url', async () => {
    const url = fake.newResponseUrl();
    for (let i = 1; i <= 5; i++) expect((await post(url, { text: `update ${i}` })).status).toBe(200);
    const sixth = await post(url, { text: 'one too many' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toEqual({ ok: false, error: 'used_url' });
    expect(fake.responsesTo(url).map((b) => b.text)).toEqual([1, 2, 3, 4, 5].map((i) => `update ${i}`));
    expect(fake.lastResponse(url)).toEqual({ text: 'update 5' });
  });

  it('expires after 30 minutes', async () => {
    const url = fake.newResponseUrl();
    fake.advanceTime(30 * 60 * 1000 + 1);
    const res = await post(url, { text: 'late' });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ ok: false, error: 'expired_url' });
    expect(fake.responsesTo(url)).toEqual([]);
  });

  it('refuses bodies without content and blocks over the limits', async () => {
    const url = fake.newResponseUrl();
    expect((await post(url, { response_type: 'ephemeral' })).status).toBe(400);
    const bad = await post(url, { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '' } }] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_blocks' });
    expect((await post(url, { delete_original: true })).status).toBe(200);
  });
});

describe('waitFor and reset', () => {
  it('waits for a call made after the fact, and times out naming what was seen', async () => {
    const pending = fake.waitForCall('chat.postMessage');
    setTimeout(() => void client.chat.postMessage({ channel: 'C1', text: 'later' }), 20);
    expect((await pending).params.text).toBe('later');
    await client.auth.test();
    await expect(fake.waitFor((f) => f.callsTo('views.open').length > 0, 50)).rejects.toThrow(
      /within 50 ms; calls: chat.postMessage, auth.test/,
    );
  });

  it('reset forgets calls and messages but keeps users', async () => {
    const u = fake.addUser({ name: 'kept' });
    await client.chat.postMessage({ channel: 'C1', text: 'x' });
    fake.reset();
    expect(fake.calls).toEqual([]);
    expect(fake.messages).toEqual([]);
    expect((await client.users.info({ user: u.id })).user?.name).toBe('kept');
  });
});
