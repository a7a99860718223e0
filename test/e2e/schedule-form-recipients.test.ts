// The schedule form's email recipients end to end: Slack people, channels, typed addresses and @group
// handles, resolved through the fake Slack into the addresses the Omni sandbox receives; whoever cannot
// become an address is named on the field and nothing is sent to Omni (a channel's members who cannot
// are left out and named after saving).
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CallbackIds } from '../../src/ids.js';
import type { TestApp } from '../support/test-app.js';
import {
  ackBody,
  B,
  change,
  type FormView,
  lastUpdate,
  newestScheduleIn,
  type Obj,
  onlyScheduleWrite,
  openDuplicate,
  openFormWith,
  scheduleWrites,
  submit,
  useScheduleFormApp,
} from './schedule-form-helpers.js';

const app = useScheduleFormApp();
let t: TestApp;
beforeAll(() => {
  const s = app.t;
  s.addMember({ id: 'U0BOB0001', name: 'bob', real_name: 'Bob Baker' });
  s.addMember({ id: 'U0CAT0001', name: 'cat', real_name: 'Cat Carter' });
  s.addMember({ id: 'U0DAN0001', name: 'dan', real_name: 'Dan Dorsey' });
  s.addMember({ id: 'U0BOT0001', name: 'reportbot', is_bot: true });
  s.addGuest({ id: 'U0GST0001', name: 'gina', real_name: 'Gina Guest' });
  s.addMember({ id: 'U0NOMAIL1', name: 'nomail', real_name: 'Nora Nomail', profile: { email: undefined } });
  s.slack.addChannel('C0SALES01', ['U0BOB0001', 'U0CAT0001', 'U0BOT0001', 'U0GST0001'], { name: 'sales' });
  s.slack.addChannel('C0OPS0001', ['U0BOB0001', 'U0NOMAIL1'], { name: 'ops' });
  // The same people, in a channel no test has read yet (Slack look-ups are cached).
  s.slack.addChannel('C0OPS0002', ['U0BOB0001', 'U0NOMAIL1'], { name: 'ops-slow' });
  s.slack.addUsergroup('S0FIN0001', ['U0CAT0001', 'U0DAN0001'], { handle: 'finance' });
});
beforeEach(() => {
  t = app.t;
});

async function emailForm(): Promise<FormView> {
  const view = await openFormWith(t, 'create 12db1a0a');
  return change(t, view, B.formDestination, 'email');
}

/** The error a field shows: in the ack (`response_action: errors`), or under it in the form shown again. */
function fieldError(res: { body: unknown }, view: FormView, base: string): string | undefined {
  const body = ackBody(res);
  if (body.response_action === 'errors') {
    const key = Object.keys(body.errors).find((k) => k === base || k.startsWith(`${base}~~`));
    return key === undefined ? undefined : body.errors[key];
  }
  const form = lastUpdate(t, view.id);
  const at = form.blocks.findIndex((b: Obj) => b.block_id === base);
  const next = form.blocks[at + 1] as Obj | undefined;
  return at >= 0 && next?.type === 'context' ? String(next.elements[0].text).replace(/^:warning: /, '') : undefined;
}

describe('email recipients in the schedule form', () => {
  it('a channel’s members, a group by its handle and pasted emails become the recipients Omni receives', async () => {
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    const res = await submit(t, view, {
      [B.formEmailPeople]: ['U0DAN0001'],
      [B.formEmailChannels]: ['C0SALES01'],
      [B.formEmailAddresses]: 'cfo@blobsrus.com; <mailto:ext@partner.example|ext@partner.example>\n@Finance',
      [B.formEmailSubject]: 'Orders',
    });
    expect(ackBody(res).response_action).toBe('update');
    expect(onlyScheduleWrite(t, since).body).toMatchObject({
      destinationType: 'email',
      // Dan once (picked and in @finance); the bot and the guest in #sales are left out.
      recipients: ['dan@example.com', 'bob@example.com', 'cat@example.com', 'cfo@blobsrus.com', 'ext@partner.example'],
      subject: 'Orders',
    });
    const card = JSON.stringify(lastUpdate(t, view.id));
    expect(card).toContain('Left out of the channels and groups chosen');
    expect(card).toContain('<@U0GST0001> is a guest');
    expect(card).not.toContain('U0BOT0001');
  });

  it('someone picked without an email is named on People, and nothing is created', async () => {
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    const res = await submit(t, view, { [B.formEmailPeople]: ['U0NOMAIL1'], [B.formEmailSubject]: 'Orders' });
    expect(fieldError(res, view, B.formEmailPeople)).toMatch(/^Nora Nomail has no email address the app can see/);
    expect(fieldError(res, view, B.formEmailPeople)).toContain('Remove them from People');
    expect(scheduleWrites(t, since)).toEqual([]);
  });

  it('a channel with a member without a visible email adds the others and names the skipped after saving', async () => {
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    const res = await submit(t, view, { [B.formEmailChannels]: ['C0OPS0001'], [B.formEmailSubject]: 'Orders' });
    expect(ackBody(res).response_action).toBe('update');
    expect(onlyScheduleWrite(t, since).body).toMatchObject({ recipients: ['bob@example.com'] });
    const card = JSON.stringify(lastUpdate(t, view.id));
    expect(card).toContain('Left out of the channels and groups chosen (the others were added)');
    expect(card).toContain('<@U0NOMAIL1> has no email address the app can see');
  });

  it('an unknown @group and @here are named on the addresses field', async () => {
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    const res = await submit(t, view, {
      [B.formEmailAddresses]: 'cfo@blobsrus.com, @nosuchteam, @here',
      [B.formEmailSubject]: 'Orders',
    });
    const error = fieldError(res, view, B.formEmailAddresses);
    expect(error).toContain('@nosuchteam is not a user group in this workspace');
    expect(error).toContain('@here is not a list of people: choose the channel under Channels');
    expect(scheduleWrites(t, since)).toEqual([]);
  });

  it('an edit shows the schedule’s recipients as addresses and keeps them beside the people added', async () => {
    const created = await emailForm();
    await submit(t, created, {
      [B.formEmailAddresses]: 'cfo@blobsrus.com, ops@blobsrus.com',
      [B.formEmailSubject]: 'Orders',
    });
    const id = newestScheduleIn(t)?.id as string;
    const view = await openFormWith(t, `edit ${id}`);
    const addresses = view.blocks.find((b) => b.block_id === B.formEmailAddresses) as Obj;
    expect(addresses.element.initial_value).toBe('cfo@blobsrus.com, ops@blobsrus.com');
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formEmailPeople]: ['U0BOB0001'] });
    expect(onlyScheduleWrite(t, since).body).toMatchObject({
      recipients: ['bob@example.com', 'cfo@blobsrus.com', 'ops@blobsrus.com'],
    });
  });

  it('Edit and Duplicate show what was picked: people, channels and @groups, not a frozen list of addresses', async () => {
    const created = await emailForm();
    await submit(t, created, {
      [B.formEmailPeople]: ['U0DAN0001'],
      [B.formEmailChannels]: ['C0SALES01'],
      [B.formEmailAddresses]: '@finance, cfo@blobsrus.com',
      [B.formEmailSubject]: 'Orders',
    });
    const id = newestScheduleIn(t)?.id as string;
    const field = (view: FormView, base: string) => (view.blocks.find((b) => b.block_id === base) as Obj).element;
    const edit = await openFormWith(t, `edit ${id}`);
    expect(field(edit, B.formEmailChannels).initial_conversations).toEqual(['C0SALES01']);
    expect(field(edit, B.formEmailPeople).initial_users).toEqual(['U0DAN0001']);
    expect(field(edit, B.formEmailAddresses).initial_value).toBe('@finance, cfo@blobsrus.com');
    expect(JSON.stringify(edit.blocks)).not.toContain('recipients changed since');

    const copy = await openDuplicate(t, id);
    expect(field(copy, B.formEmailChannels).initial_conversations).toEqual(['C0SALES01']);
  });

  it('after the recipients changed elsewhere, Edit shows the addresses and says why', async () => {
    const created = await emailForm();
    await submit(t, created, { [B.formEmailChannels]: ['C0SALES01'], [B.formEmailSubject]: 'Orders' });
    const id = newestScheduleIn(t)?.id as string;
    const added = await t.command(`add ${id} late@partner.example`);
    expect(added.texts.join('\n')).toContain('Added 1 recipient');
    const edit = await openFormWith(t, `edit ${id}`);
    const channels = edit.blocks.find((b) => b.block_id === B.formEmailChannels) as Obj;
    expect(channels.element.initial_conversations).toBeUndefined();
    const addresses = edit.blocks.findIndex((b) => b.block_id === B.formEmailAddresses);
    expect(edit.blocks[addresses]?.element.initial_value).toBe(
      'bob@example.com, cat@example.com, late@partner.example',
    );
    expect(JSON.stringify(edit.blocks[addresses + 1])).toContain(
      'The people, channels and groups picked when it was saved here are not shown: its recipients changed since',
    );
  });

  it('when Slack is slow, acks at once, then saves and names who was left out', async () => {
    // Slack asks the app to wait 3 s: longer than a submission may wait before its ack.
    t.slack.failNext('conversations.members', { status: 429, retryAfter: 3 });
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    const res = await submit(t, view, { [B.formEmailChannels]: ['C0OPS0002'], [B.formEmailSubject]: 'Orders' });
    const ack = ackBody(res);
    expect(ack.response_action).toBe('update');
    expect(JSON.stringify(ack.view)).toContain('Looking up the recipients’ email addresses in Slack');
    const card = lastUpdate(t, view.id);
    expect(card.callback_id).toBe(CallbackIds.scheduleCardView);
    expect(JSON.stringify(card)).toContain('<@U0NOMAIL1> has no email address the app can see');
    expect(onlyScheduleWrite(t, since).body).toMatchObject({ recipients: ['bob@example.com'] });
  });
});
