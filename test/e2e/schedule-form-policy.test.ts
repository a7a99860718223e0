// The workspace's policy for recipients who are not Omni members, in the schedule form end to end: with
// `email_only_user` the form's people reach Omni as email-only users (Slack time zone) before the schedule
// is created, exactly as `/schedule add` does it; with `plain_email` the app makes no email-only user call;
// when Omni refuses someone, nothing is saved and the refusal is on the field they came from.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../src/store/index.js';
import type { TestApp } from '../support/test-app.js';
import { recipientEmails } from './recipients-helpers.js';
import {
  B,
  change,
  type FormView,
  lastUpdate,
  newestScheduleIn,
  type Obj,
  omniRequests,
  onlyScheduleWrite,
  openFormWith,
  scheduleWrites,
  submit,
  useScheduleFormApp,
} from './schedule-form-helpers.js';

const app = useScheduleFormApp();
let t: TestApp;
beforeAll(() => {
  const s = app.t;
  s.addMember({ id: 'U0PAT0001', name: 'pat', real_name: 'Pat Patel', tz: 'Asia/Tokyo' });
  s.addMember({ id: 'U0QUI0001', name: 'quinn', real_name: 'Quinn Quade', tz: 'Europe/Berlin' });
  s.addMember({ id: 'U0RAY0001', name: 'ray', real_name: 'Ray Rivera', tz: 'America/Chicago' });
  // An Omni member (seeded in the sandbox): a recipient as themselves, never an email-only user.
  s.addMember({
    id: 'U0HILL001',
    name: 'hill',
    real_name: 'Blobby Hill',
    profile: { email: 'blobby.hill@blobsrus.com' },
  });
  s.slack.addChannel('C0POLICY1', ['U0PAT0001', 'U0HILL001'], { name: 'policy' });
});
beforeEach(async () => {
  t = app.t;
  await t.store.settings.update(t.scope, { ...DEFAULT_WORKSPACE_SETTINGS, attributeMappings: {} });
});

async function emailForm(): Promise<FormView> {
  const view = await openFormWith(t, 'create 12db1a0a');
  return change(t, view, B.formDestination, 'email');
}

/** Calls the app made to Omni's email-only users and SCIM endpoints since `since`. */
const policyCalls = (since: number) =>
  omniRequests(t, since).filter((r) => r.path.startsWith('/api/v1/users/email-only') || r.path.startsWith('/api/scim'));

/** The warning under a field of the form as shown again. */
function fieldWarning(view: Obj, base: string): string | undefined {
  const at = view.blocks.findIndex((b: Obj) => b.block_id === base || String(b.block_id).startsWith(`${base}~~`));
  const next = view.blocks[at + 1] as Obj | undefined;
  return at >= 0 && next?.type === 'context' ? String(next.elements[0].text) : undefined;
}

describe('the non-member policy in the schedule form', () => {
  it('with email_only_user, a channel member outside Omni becomes an email-only user with their Slack time zone, then a recipient', async () => {
    await t.store.settings.update(t.scope, { nonMemberPolicy: 'email_only_user' });
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formEmailChannels]: ['C0POLICY1'], [B.formEmailSubject]: 'Orders' });

    expect(t.sandbox.state.emailOnlyUsers.get('pat@example.com')?.userAttributes).toEqual({
      omni_user_timezone: 'Asia/Tokyo',
    });
    expect(t.sandbox.state.emailOnlyUsers.has('blobby.hill@blobsrus.com')).toBe(false);
    const write = onlyScheduleWrite(t, since);
    expect(write.body).toMatchObject({ recipients: ['pat@example.com', 'blobby.hill@blobsrus.com'] });
    // The email-only user exists in Omni before the schedule that names them is created.
    const order = omniRequests(t, since).map((r) => `${r.method} ${r.path}`);
    expect(order.indexOf('POST /api/v1/users/email-only/bulk')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('POST /api/v1/users/email-only/bulk')).toBeLessThan(order.indexOf('POST /api/v1/schedules'));
    const created = newestScheduleIn(t);
    expect(recipientEmails(t.sandbox, created?.id as string)).toEqual(['blobby.hill@blobsrus.com', 'pat@example.com']);
    expect(JSON.stringify(lastUpdate(t, view.id))).toContain('Email-only users in Omni');
  });

  it('with plain_email, the app makes no member check and no email-only user call', async () => {
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formEmailChannels]: ['C0POLICY1'], [B.formEmailSubject]: 'Orders' });
    expect(onlyScheduleWrite(t, since).body).toMatchObject({
      recipients: ['pat@example.com', 'blobby.hill@blobsrus.com'],
    });
    expect(policyCalls(since)).toEqual([]);
    expect(JSON.stringify(lastUpdate(t, view.id))).not.toContain('Email-only users in Omni');
  });

  it('when Omni refuses people, nothing is saved and Omni’s detail names each on the field they came from', async () => {
    await t.store.settings.update(t.scope, { nonMemberPolicy: 'email_only_user' });
    // Omni no longer has the time zone attribute: it refuses an email-only user that carries one.
    t.sandbox.state.userAttributes.splice(0, t.sandbox.state.userAttributes.length);
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    await submit(t, view, {
      [B.formEmailPeople]: ['U0RAY0001'],
      [B.formEmailChannels]: ['C0POLICY1'],
      [B.formEmailAddresses]: 'quinn@example.com',
      [B.formEmailSubject]: 'Orders',
    });

    expect(scheduleWrites(t, since)).toEqual([]);
    const form = lastUpdate(t, view.id);
    const omniSaid =
      '“The provided user attributes: "omni_user_timezone" do not match the names of existing user attributes”. ' +
      'Nothing was saved. Remove them, or fix what is named, then save again.';
    expect(fieldWarning(form, B.formEmailPeople)).toBe(
      `:warning: Omni refused Ray Rivera (ray@example.com) as an email-only user: ${omniSaid}`,
    );
    expect(fieldWarning(form, B.formEmailChannels)).toBe(
      `:warning: Omni refused Pat Patel (pat@example.com, in #policy) as an email-only user: ${omniSaid}`,
    );
    // A typed address that is someone in Slack: their time zone was sent too, and refused.
    expect(fieldWarning(form, B.formEmailAddresses)).toBe(
      `:warning: Omni refused Quinn Quade (quinn@example.com) as an email-only user: ${omniSaid}`,
    );
    expect(t.audit.at(-1)).toMatchObject({ action: 'create', outcome: 'refused' });
  });

  it('a mapping Omni cannot take stops the save before any email-only user is sent, and says so above the form', async () => {
    await t.store.settings.update(t.scope, {
      nonMemberPolicy: 'email_only_user',
      attributeMappings: { nope: 'title' },
    });
    const view = await emailForm();
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formEmailChannels]: ['C0POLICY1'], [B.formEmailSubject]: 'Orders' });
    expect(scheduleWrites(t, since)).toEqual([]);
    expect(omniRequests(t, since, 'POST', /email-only/)).toEqual([]);
    const notice = String(lastUpdate(t, view.id).blocks[0]?.text?.text);
    expect(notice).toMatch(/^:warning: Nothing was saved\. .*nope.*Nobody was sent to Omni\./);
  });

  it('an edit makes only the newly named people email-only users', async () => {
    await t.store.settings.update(t.scope, { nonMemberPolicy: 'email_only_user' });
    await submit(t, await emailForm(), { [B.formEmailChannels]: ['C0POLICY1'], [B.formEmailSubject]: 'Orders' });
    const id = newestScheduleIn(t)?.id as string;
    const view = await openFormWith(t, `edit ${id}`);
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formEmailPeople]: ['U0QUI0001'] });

    const upserts = omniRequests(t, since, 'POST', /^\/api\/v1\/users\/email-only\/bulk$/);
    expect(upserts.map((r) => r.body)).toEqual([
      { users: [{ email: 'quinn@example.com', userAttributes: { omni_user_timezone: 'Europe/Berlin' } }] },
    ]);
    expect(recipientEmails(t.sandbox, id)).toEqual([
      'blobby.hill@blobsrus.com',
      'pat@example.com',
      'quinn@example.com',
    ]);
  });
});
