// The whole chain the end-to-end tests rely on: signed request → Bolt's real HTTP receiver →
// listener → WebClient → fake Slack (Web API and response_url).
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';
import {
  appHomeOpenedEvent,
  blockActionPayload,
  blockSuggestionPayload,
  eventEnvelope,
  postCommand,
  postEvent,
  postInteraction,
  postOptions,
  viewSubmissionPayload,
} from '../../src/fake-slack/signing.js';

const SECRET = 'test-secret';
let fake: FakeSlack;
let app: App;
let appUrl: string;

const form = {
  type: 'modal' as const,
  callback_id: 'ping_view',
  title: { type: 'plain_text' as const, text: 'Ping' },
  submit: { type: 'plain_text' as const, text: 'Send' },
  blocks: [
    {
      type: 'input',
      block_id: 'target',
      label: { type: 'plain_text' as const, text: 'Target' },
      element: { type: 'external_select', action_id: 'target_select' },
    },
  ],
};

beforeAll(async () => {
  fake = await startFakeSlack();
  app = new App({
    signingSecret: SECRET,
    token: 'xoxb-test-token',
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    processBeforeResponse: true,
    logLevel: LogLevel.ERROR,
  });
  app.command('/ping', async ({ command, ack, client, respond }) => {
    await ack();
    const { user } = await client.users.info({ user: command.user_id });
    await client.views.open({ trigger_id: command.trigger_id, view: form });
    await respond({ text: `pong for ${user?.real_name} in ${user?.tz}` });
  });
  app.options('target_select', async ({ options, ack }) => {
    await ack({ options: [{ text: { type: 'plain_text', text: `${options.value} ✓` }, value: options.value }] });
  });
  app.view('ping_view', async ({ ack }) => {
    await ack({ response_action: 'errors', errors: { target: 'Pick a reachable target' } });
  });
  app.action('pong_button', async ({ ack, body, client }) => {
    await ack();
    if (body.type !== 'block_actions' || !body.channel || !body.message) return;
    await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: `Ponged by <@${body.user.id}>` });
  });
  app.event('app_home_opened', async ({ event, client }) => {
    await client.views.publish({
      user_id: event.user,
      view: { type: 'home', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Hello' } }] },
    });
  });
  const server = (await app.start(0)) as Server;
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

beforeEach(() => {
  fake.reset();
});

describe('a Bolt app against the fake Slack', () => {
  it('runs /ping end to end: users.info, views.open with the trigger, reply on response_url', async () => {
    const ada = fake.addUser({ name: 'ada', real_name: 'Ada Lovelace', tz: 'Europe/London' });
    const responseUrl = fake.newResponseUrl();
    const res = await postCommand(appUrl, SECRET, {
      command: '/ping',
      user_id: ada.id,
      response_url: responseUrl,
      trigger_id: fake.newTriggerId(),
    });
    expect(res.status).toBe(200);
    expect(fake.callsTo('users.info')[0]?.params).toMatchObject({ user: ada.id });
    expect(fake.openModals()).toEqual([expect.objectContaining({ callback_id: 'ping_view' })]);
    expect(fake.responsesTo(responseUrl)).toEqual([{ text: 'pong for Ada Lovelace in Europe/London' }]);
  });

  it('refuses a forged signature and a stale timestamp with 401, running nothing', async () => {
    const responseUrl = fake.newResponseUrl();
    const fields = { command: '/ping', user_id: 'U1', response_url: responseUrl, trigger_id: fake.newTriggerId() };
    expect((await postCommand(appUrl, SECRET, fields, { badSignature: true })).status).toBe(401);
    expect((await postCommand(appUrl, SECRET, fields, { stale: true })).status).toBe(401);
    expect(fake.callsTo('users.info')).toEqual([]);
    expect(fake.responsesTo(responseUrl)).toEqual([]);
  });

  it('answers options requests and view submissions in the HTTP response (processBeforeResponse)', async () => {
    const view = fake.views.get(
      (await app.client.views.open({ trigger_id: fake.newTriggerId(), view: form })).view?.id as string,
    );
    if (!view) throw new Error('modal not stored');
    const options = await postOptions(
      appUrl,
      SECRET,
      blockSuggestionPayload({ actionId: 'target_select', value: 'prod', user: 'U1', view }),
    );
    expect(options.body).toEqual({ options: [{ text: { type: 'plain_text', text: 'prod ✓' }, value: 'prod' }] });
    const submitted = await postInteraction(
      appUrl,
      SECRET,
      viewSubmissionPayload({ view, user: 'U1', values: { target: { target_select: 'prod' } } }),
    );
    expect(submitted.body).toEqual({ response_action: 'errors', errors: { target: 'Pick a reachable target' } });
    expect(fake.applyViewResponse(view.id, submitted.body)?.errors).toEqual({ target: 'Pick a reachable target' });
  });

  it('updates a card in place on a button click', async () => {
    fake.addChannel('C0000REP1', ['U1']);
    const blocks = [
      {
        type: 'actions',
        elements: [{ type: 'button', action_id: 'pong_button', text: { type: 'plain_text', text: 'Pong' } }],
      },
    ];
    const { ts } = await app.client.chat.postMessage({ channel: 'C0000REP1', text: 'Ping?', blocks });
    const message = fake.message('C0000REP1', ts as string);
    if (!message) throw new Error('card not stored');
    const res = await postInteraction(
      appUrl,
      SECRET,
      blockActionPayload({
        actionId: 'pong_button',
        user: 'U1',
        channel: 'C0000REP1',
        message: { ...message, ts: message.ts },
        triggerId: fake.newTriggerId(),
      }),
    );
    expect(res.status).toBe(200);
    expect(fake.message('C0000REP1', ts as string)?.text).toBe('Ponged by <@U1>');
  });

  it('publishes the Home tab on app_home_opened', async () => {
    const res = await postEvent(appUrl, SECRET, eventEnvelope(appHomeOpenedEvent('U1')));
    expect(res.status).toBe(200);
    await fake.waitFor((f) => f.homeView('U1'));
    expect(fake.homeView('U1')?.blocks).toEqual([expect.objectContaining({ type: 'section' })]);
  });
});
