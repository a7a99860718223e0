// views.* in the fake: trigger ids (single use, 3 s), stack depth, hashes, Block Kit limits, and
// what Slack does with a view_submission ack.
import { LogLevel, WebClient } from '@slack/web-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeSlack, startFakeSlack } from '../../src/fake-slack/fake-slack.js';

let fake: FakeSlack;
let client: WebClient;

beforeEach(async () => {
  fake = await startFakeSlack();
  client = new WebClient('xoxb-test-token', {
    slackApiUrl: fake.apiUrl,
    logLevel: LogLevel.ERROR,
    retryConfig: { retries: 0 },
  });
});
afterEach(async () => {
  await fake.close();
});

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const modal = (title = 'Schedules', extra: Record<string, unknown> = {}) => ({
  type: 'modal' as const,
  title: plain(title),
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Loading…' } }],
  ...extra,
});
const nameForm = () =>
  modal('New schedule', {
    callback_id: 'schedule_form_view',
    submit: plain('Create'),
    blocks: [
      {
        type: 'input',
        block_id: 'name',
        label: plain('Name'),
        element: { type: 'plain_text_input', action_id: 'value' },
      },
    ],
  });

describe('views.open and trigger ids', () => {
  it('opens a modal with a fresh trigger and remembers it by id', async () => {
    const res = await client.views.open({ trigger_id: fake.newTriggerId(), view: modal() });
    const id = res.view?.id as string;
    expect(res.view).toMatchObject({
      type: 'modal',
      title: plain('Schedules'),
      root_view_id: id,
      state: { values: {} },
    });
    expect(fake.views.get(id)).toMatchObject({
      open: true,
      blocks: modal().blocks.map((b) => expect.objectContaining(b)),
    });
    expect(fake.callsTo('views.open')[0]?.params.view).toEqual(modal());
  });

  it('refuses a used trigger (exchanged), an old one (expired) and a made-up one (invalid)', async () => {
    const trigger = fake.newTriggerId();
    await client.views.open({ trigger_id: trigger, view: modal() });
    await expect(client.views.open({ trigger_id: trigger, view: modal() })).rejects.toMatchObject({
      data: { error: 'exchanged_trigger_id' },
    });
    const old = fake.newTriggerId();
    fake.advanceTime(3001);
    await expect(client.views.open({ trigger_id: old, view: modal() })).rejects.toMatchObject({
      data: { error: 'expired_trigger_id' },
    });
    await expect(client.views.open({ trigger_id: '123.456.abc', view: modal() })).rejects.toMatchObject({
      data: { error: 'invalid_trigger_id' },
    });
  });

  it('refuses a view over the limits with invalid_arguments naming the field', async () => {
    const err = await client.views
      .open({ trigger_id: fake.newTriggerId(), view: modal('A title far longer than allowed') })
      .catch((e) => e);
    expect(err.data).toEqual({
      ok: false,
      error: 'invalid_arguments',
      response_metadata: { messages: ['[ERROR] 31 chars > 24 [json-pointer:/view/title]'] },
    });
  });
});

describe('views.push', () => {
  it('stacks at most 3 views, then answers push_limit_reached', async () => {
    const root = (await client.views.open({ trigger_id: fake.newTriggerId(), view: modal('One') })).view?.id as string;
    const second = await client.views.push({ trigger_id: fake.newTriggerId({ viewId: root }), view: modal('Two') });
    expect(second.view).toMatchObject({ root_view_id: root, previous_view_id: root });
    const secondId = second.view?.id as string;
    await client.views.push({ trigger_id: fake.newTriggerId({ viewId: secondId }), view: modal('Three') });
    await expect(
      client.views.push({ trigger_id: fake.newTriggerId({ viewId: secondId }), view: modal('Four') }),
    ).rejects.toMatchObject({ data: { error: 'push_limit_reached' } });
    expect(fake.openModals().map((v) => (v.title as { text: string }).text)).toEqual(['One', 'Two', 'Three']);
  });
});

describe('views.update and views.publish', () => {
  it('updates by view_id or external_id, and refuses a stale hash', async () => {
    const opened = await client.views.open({
      trigger_id: fake.newTriggerId(),
      view: modal('Loading', { external_id: 'list-1' }),
    });
    const id = opened.view?.id as string;
    const first = await client.views.update({ view_id: id, hash: opened.view?.hash, view: modal('Schedules (3)') });
    expect(fake.views.get(id)?.title).toEqual(plain('Schedules (3)'));
    await expect(
      client.views.update({ view_id: id, hash: opened.view?.hash, view: modal('Too late') }),
    ).rejects.toMatchObject({ data: { error: 'hash_conflict' } });
    await client.views.update({ external_id: 'list-1', hash: first.view?.hash, view: modal('Schedules (4)') });
    expect(fake.views.get(id)?.title).toEqual(plain('Schedules (4)'));
    await expect(client.views.update({ view_id: 'V404', view: modal() })).rejects.toMatchObject({
      data: { error: 'not_found' },
    });
  });

  it('publishes the Home tab per user, in place, checking home limits', async () => {
    const home = { type: 'home' as const, blocks: [{ type: 'header', text: plain('Omni schedules') }] };
    const first = await client.views.publish({ user_id: 'U1', view: home });
    const again = await client.views.publish({
      user_id: 'U1',
      view: { ...home, blocks: [...home.blocks, { type: 'divider' }] },
    });
    expect(again.view?.id).toBe(first.view?.id);
    expect(fake.homeView('U1')?.blocks).toHaveLength(2);
    const tooMany = { type: 'home' as const, blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) };
    await expect(client.views.publish({ user_id: 'U1', view: tooMany })).rejects.toMatchObject({
      data: { error: 'invalid_arguments' },
    });
  });
});

describe('applyViewResponse (the view_submission ack)', () => {
  it('shows field errors only for input blocks of the view', async () => {
    const id = (await client.views.open({ trigger_id: fake.newTriggerId(), view: nameForm() })).view?.id as string;
    expect(
      fake.applyViewResponse(id, { response_action: 'errors', errors: { name: 'Already taken' } })?.errors,
    ).toEqual({ name: 'Already taken' });
    expect(() => fake.applyViewResponse(id, { response_action: 'errors', errors: { nme: 'typo' } })).toThrow(
      /not input blocks of the view: nme/,
    );
  });

  it('updates, pushes, closes the top view on an empty ack and clears the stack', async () => {
    const id = (await client.views.open({ trigger_id: fake.newTriggerId(), view: nameForm() })).view?.id as string;
    fake.applyViewResponse(id, { response_action: 'update', view: modal('Saved') });
    expect(fake.views.get(id)?.title).toEqual(plain('Saved'));
    expect(() => fake.applyViewResponse(id, { response_action: 'update', view: modal('x'.repeat(30)) })).toThrow(
      /title: 30 chars > 24/,
    );
    const pushed = fake.applyViewResponse(id, { response_action: 'push', view: modal('Confirm') });
    expect(fake.openModals()).toHaveLength(2);
    expect(fake.applyViewResponse(pushed?.id as string, '')?.id).toBe(id);
    fake.applyViewResponse(id, { response_action: 'clear' });
    expect(fake.openModals()).toEqual([]);
  });
});
