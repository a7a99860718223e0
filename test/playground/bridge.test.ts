// The playground's bridge without a browser or the real app: a stub app checks each request's Slack signature and
// answers as a test tells it (an ack body, a status, posts to the response_url); the fake Slack shows the result
// where Slack would (ephemeral, in the channel, replacing or deleting the original, modal errors and closes).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import { slackSignature } from '../../src/fake-slack/signing.js';
import { SlackBridge } from '../../src/playground/bridge.js';
import { CHANNELS, PERSONAS, seedWorkspace } from '../../src/playground/workspace.js';

const SECRET = 'bridge-test-secret';
const admin = PERSONAS[0];
const general = CHANNELS[0].id;

type Received = { kind: 'command' | 'payload' | 'event'; body: Record<string, unknown> };
type Answer = { status?: number; body?: unknown; respond?: Record<string, unknown>[] };

let slack: FakeSlack;
let server: Server;
let appUrl = '';
let bridge: SlackBridge;
let received: Received[] = [];
let answer: (r: Received) => Answer = () => ({});
let changes = 0;

async function readRaw(req: import('node:http').IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A modal with one text input (block `name`, action `name_input`), opened as the app opens one. */
async function openModal(extra: Record<string, unknown> = {}): Promise<string> {
  const plain = (text: string) => ({ type: 'plain_text', text });
  const res = await fetch(`${slack.apiUrl}views.open`, {
    method: 'POST',
    headers: { authorization: `Bearer ${FAKE_DEFAULTS.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      trigger_id: slack.newTriggerId({ userId: admin.id }),
      view: {
        type: 'modal',
        title: plain('Test'),
        submit: plain('Save'),
        blocks: [
          {
            type: 'input',
            block_id: 'name',
            label: plain('Name'),
            element: { type: 'plain_text_input', action_id: 'name_input' },
          },
        ],
        ...extra,
      },
    }),
  });
  const body = (await res.json()) as { ok: boolean; error?: string; view?: { id: string } };
  if (!body.view) throw new Error(`views.open: ${body.error}`);
  return body.view.id;
}

beforeAll(async () => {
  slack = await startFakeSlack();
  seedWorkspace(slack);
  server = createServer((req, res) => {
    void (async () => {
      const raw = await readRaw(req);
      const ts = Number(req.headers['x-slack-request-timestamp']);
      if (req.headers['x-slack-signature'] !== slackSignature(SECRET, ts, raw)) {
        res.writeHead(401).end();
        return;
      }
      const type = String(req.headers['content-type']);
      const form = new URLSearchParams(raw);
      const r: Received = type.includes('json')
        ? { kind: 'event', body: JSON.parse(raw) as Record<string, unknown> }
        : form.has('payload')
          ? { kind: 'payload', body: JSON.parse(form.get('payload') ?? '{}') as Record<string, unknown> }
          : { kind: 'command', body: Object.fromEntries(form) };
      received.push(r);
      const a = answer(r);
      // The ack first, then the response_url posts (as an app does after acking).
      if (a.body === undefined) res.writeHead(a.status ?? 200).end();
      else res.writeHead(a.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(a.body));
      const url = String(r.body.response_url ?? '');
      for (const post of a.respond ?? []) {
        await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(post),
        });
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  bridge = new SlackBridge(slack, appUrl, SECRET, () => {
    changes += 1;
  });
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await slack.close();
});

beforeEach(() => {
  received = [];
  answer = () => ({});
  slack.messages.length = 0;
  slack.ephemerals.length = 0;
});

describe('SlackBridge', () => {
  it('sends a slash command signed, with a trigger_id the fake Slack accepts for that person', async () => {
    answer = () => ({ respond: [{ text: 'only for you' }, { response_type: 'in_channel', text: 'for everyone' }] });
    const before = changes;
    expect(await bridge.command(admin.id, general, '/schedule', 'list mine')).toEqual({ ok: true });
    const cmd = received[0]?.body ?? {};
    expect(cmd).toMatchObject({ command: '/schedule', text: 'list mine', user_id: admin.id, channel_id: general });
    expect(slack.triggers.get(String(cmd.trigger_id))?.userId).toBe(admin.id);
    await slack.waitFor(() => slack.messagesIn(general).length === 1);
    expect(slack.ephemeralsTo(admin.id).map((e) => [e.channel, e.text])).toEqual([[general, 'only for you']]);
    expect(slack.messagesIn(general).map((m) => m.text)).toEqual(['for everyone']);
    expect(changes).toBeGreaterThan(before);
  });

  it('shows a command’s ack body as an ephemeral message, and a failing app as Slackbot’s notice', async () => {
    answer = () => ({ body: { text: 'acked with words' } });
    await bridge.command(admin.id, general, '/schedule', '');
    expect(slack.ephemeralsTo(admin.id).map((e) => e.text)).toEqual(['acked with words']);

    answer = () => ({ status: 500 });
    expect(await bridge.command(admin.id, general, '/schedule', '')).toEqual({
      ok: false,
      error: 'the app answered 500',
    });
    expect(bridge.notices.at(-1)).toMatchObject({
      channel: general,
      user: admin.id,
      text: '/schedule failed with the error "http_service_error" (the app answered 500)',
    });
  });

  it('a click on a message: replace_original replaces it, delete_original removes it', async () => {
    const blocks = [
      {
        type: 'actions',
        block_id: 'b1',
        elements: [{ type: 'button', action_id: 'go', text: { type: 'plain_text', text: 'Go' }, value: 'v' }],
      },
    ];
    const original = slack.addMessage(general, { text: 'card', blocks });
    answer = () => ({ respond: [{ replace_original: true, text: 'replaced' }] });
    await bridge.action({
      user: admin.id,
      place: { surface: 'message', channel: general, ts: original.ts, ephemeral: false },
      actionId: 'go',
      blockId: 'b1',
      value: 'v',
    });
    const click = received[0]?.body ?? {};
    expect(click).toMatchObject({
      type: 'block_actions',
      container: { type: 'message', message_ts: original.ts, channel_id: general, is_ephemeral: false },
      message: { ts: original.ts, text: 'card' },
      actions: [{ action_id: 'go', block_id: 'b1', value: 'v', type: 'button' }],
    });
    await slack.waitFor(() => slack.message(general, original.ts)?.text === 'replaced');
    expect(slack.message(general, original.ts)?.blocks).toBeUndefined();

    // The element is gone from the replaced message: a click from a page that still shows it is refused.
    const stale = await bridge.action({
      user: admin.id,
      place: { surface: 'message', channel: general, ts: original.ts, ephemeral: false },
      actionId: 'go',
      blockId: 'b1',
    });
    expect(stale.ok).toBe(false);
    expect(stale.error).toContain('No element with action_id "go"');

    const second = slack.addMessage(general, { text: 'another card', blocks });
    answer = () => ({ respond: [{ delete_original: true }] });
    await bridge.action({
      user: admin.id,
      place: { surface: 'message', channel: general, ts: second.ts, ephemeral: false },
      actionId: 'go',
      blockId: 'b1',
    });
    await slack.waitFor(() => slack.message(general, second.ts) === undefined);
  });

  it('a click on an ephemeral message: Slack leaves the message out of the payload; replace_original replaces it', async () => {
    slack.ephemerals.push({
      channel: general,
      user: admin.id,
      message_ts: '1700000000.000001',
      text: 'just for you',
      blocks: [
        {
          type: 'section',
          block_id: 's',
          text: { type: 'mrkdwn', text: 'pick' },
          accessory: {
            type: 'overflow',
            action_id: 'more',
            options: [{ text: { type: 'plain_text', text: 'Show' }, value: 'show' }],
          },
        },
      ],
    });
    answer = () => ({ respond: [{ replace_original: true, text: 'shown' }] });
    await bridge.action({
      user: admin.id,
      place: { surface: 'message', channel: general, ts: '1700000000.000001', ephemeral: true },
      actionId: 'more',
      blockId: 's',
      selection: { selected_option: { text: { type: 'plain_text', text: 'Show' }, value: 'show' } },
    });
    const click = received[0]?.body ?? {};
    expect(click.message).toBeUndefined();
    expect(click).toMatchObject({
      container: { is_ephemeral: true, message_ts: '1700000000.000001' },
      actions: [{ type: 'overflow', selected_option: { value: 'show' } }],
    });
    await slack.waitFor(() => slack.ephemerals[0]?.text === 'shown');
    expect(slack.ephemerals).toHaveLength(1);
  });

  it('a modal submission: errors go on their fields, an empty ack closes it, an ack Slack would refuse is reported', async () => {
    const view = await openModal();
    answer = () => ({ body: { response_action: 'errors', errors: { name: 'Too short' } } });
    expect(await bridge.submit(admin.id, view, { name: { name_input: 'x' } })).toEqual({ ok: true });
    const sub = received[0]?.body ?? {};
    expect(sub).toMatchObject({
      type: 'view_submission',
      view: { id: view, state: { values: { name: { name_input: { type: 'plain_text_input', value: 'x' } } } } },
    });
    expect(slack.views.get(view)?.errors).toEqual({ name: 'Too short' });

    answer = () => ({ body: { response_action: 'errors', errors: { not_an_input: 'x' } } });
    const refused = await bridge.submit(admin.id, view, {});
    expect(refused.ok).toBe(false);
    expect(refused.error).toContain('not input blocks');

    answer = () => ({});
    expect(await bridge.submit(admin.id, view, {})).toEqual({ ok: true });
    expect(slack.views.get(view)?.open).toBe(false);
  });

  it('closing a modal tells the app (view_closed) only when the view asked for it', async () => {
    const quiet = await openModal();
    await bridge.close(admin.id, quiet, true);
    expect(received).toEqual([]);
    expect(slack.views.get(quiet)?.open).toBe(false);

    const told = await openModal({ notify_on_close: true });
    await bridge.close(admin.id, told, true);
    expect(received[0]?.body).toMatchObject({ type: 'view_closed', is_cleared: true, view: { id: told } });
  });

  it('asks the app for external select options, and opens the Home tab with app_home_opened', async () => {
    const view = await openModal();
    answer = () => ({ body: { options: [{ text: { type: 'plain_text', text: 'Sales' }, value: 'sales' }] } });
    const options = await bridge.options(admin.id, view, 'name', 'name_input', 'sal', {});
    expect(options.body).toEqual({ options: [{ text: { type: 'plain_text', text: 'Sales' }, value: 'sales' }] });
    expect(received[0]?.body).toMatchObject({ type: 'block_suggestion', action_id: 'name_input', value: 'sal' });

    answer = () => ({});
    expect(await bridge.homeOpened(admin.id)).toEqual({ ok: true });
    expect(received[1]?.body).toMatchObject({
      type: 'event_callback',
      event: { type: 'app_home_opened', user: admin.id, tab: 'home' },
    });
  });
});
