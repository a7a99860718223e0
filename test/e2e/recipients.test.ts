// End to end through the real Bolt HTTP receiver, the fake Slack and the Omni sandbox: /schedule add and
// remove by each kind of recipient, subscribe/unsubscribe, the Recipients modal, email-only users
// (`/schedule users …`), and what reaches Omni.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../src/fake-slack/block-kit-limits.js';
import { FAKE_DEFAULTS } from '../../src/fake-slack/fake-slack.js';
import { postInteraction } from '../../src/fake-slack/signing.js';
import { ActionIds, CallbackIds } from '../../src/ids.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../src/store/index.js';
import { visibleText } from '../support/block-text.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { recipientEmails } from './recipients-helpers.js';

const ORDERS = SEEDED_SCHEDULE_IDS.orders;
const QUERY = SEEDED_SCHEDULE_IDS.query; // email, one recipient (Blobby Hill)
const SLACK_SCHEDULE = SEEDED_SCHEDULE_IDS.dailySlackUpdate;
const CHANNEL = 'C0000GEN1';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  t.addMember({ id: 'U0ANN0001', name: 'ann', tz: 'Asia/Tokyo', profile: { title: 'APAC' } });
  t.addMember({ id: 'U0BOB0001', name: 'bob' });
  t.addMember({ id: 'U0CAT0001', name: 'cat' });
  t.addMember({ id: 'U0DAN0001', name: 'dan' });
  t.addMember({ id: 'U0NOMAIL1', name: 'nomail', profile: { email: undefined } });
  t.addMember({ id: 'U0BLOB001', name: 'blob', profile: { email: 'blob.ross@blobsrus.com' } });
  t.addMember({ id: 'U0HILL001', name: 'hill', profile: { email: 'blobby.hill@blobsrus.com' } });
  t.slack.addChannel('C0SALES01', ['U0BOB0001', 'U0CAT0001'], { name: 'sales' });
  t.slack.addUsergroup('S0FIN0001', ['U0CAT0001', 'U0DAN0001'], { handle: 'finance' });
  const team = Array.from({ length: 45 }, (_, i) =>
    t.addMember({
      id: `U0T${String(i).padStart(6, '0')}`,
      name: `teammate${i}`,
      tz: i % 2 === 0 ? 'Europe/Berlin' : 'America/Chicago',
      profile: { title: i % 2 === 0 ? 'EMEA' : 'AMER' },
    }),
  );
  t.slack.addChannel('C0TEAM045', [...team.map((u) => u.id)], { name: 'team' });
});
afterAll(() => t.close());
beforeEach(async () => {
  t.sandbox.reset();
  await t.store.settings.update(t.scope, { ...DEFAULT_WORKSPACE_SETTINGS, attributeMappings: {} });
});

const puts = () => t.sandbox.state.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

describe('/schedule add and remove', () => {
  it('adds a person, a channel’s members, a group’s members and an email, naming each', async () => {
    const { texts, message, shown } = await t.commandJob(
      `add ${ORDERS} <@U0ANN0001|ann> <#C0SALES01|sales> <!subteam^S0FIN0001|@finance> outsider@partner.org`,
    );
    // A channel and a group to look up: a background job. The answer says so; the progress message in the
    // person's DM with the app goes from queued to looking up to the summary, updated in place.
    expect(texts).toEqual([
      `:hourglass_flowing_sand: Adding people to schedule \`${ORDERS}\`: started. Progress and the summary are in your messages with the app.`,
    ]);
    expect(shown[0]).toContain('queued');
    expect(shown[1]).toContain('Looking up the people you named');
    expect(shown.length).toBeGreaterThanOrEqual(3);
    expectValidBlocks('message', message?.blocks);
    expect(message?.text).toBe(
      ':white_check_mark: Added 5 recipients to *Orders*: <@U0ANN0001>, <@U0BOB0001>, <@U0CAT0001>, <@U0DAN0001> and outsider@partner.org.',
    );
    expect(shown.at(-1)).toBe(message?.text);
    expect(recipientEmails(t.sandbox, ORDERS)).toEqual([
      'ann@example.com',
      'blob.ross@blobsrus.com',
      'blobby.hill@blobsrus.com',
      'blobmanager@myorg.co',
      'bob@example.com',
      'cat@example.com',
      'dan@example.com',
      'outsider@partner.org',
    ]);
    expect(t.audit.at(-1)).toMatchObject({ action: 'add_recipients', schedule: ORDERS, outcome: 'ok' });
  });

  it('removes by each kind, and names who was not a recipient', async () => {
    await t.commandJob(`add ${ORDERS} <@U0ANN0001> <#C0SALES01> <!subteam^S0FIN0001> outsider@partner.org`);
    const { message } = await t.commandJob(
      `remove ${ORDERS} <@U0ANN0001> <#C0SALES01> <!subteam^S0FIN0001> outsider@partner.org nobody@else.org`,
    );
    const text = visibleText(message?.blocks);
    expect(text).toContain(
      'Removed 5 recipients from *Orders*: <@U0ANN0001>, <@U0BOB0001>, <@U0CAT0001>, <@U0DAN0001> and outsider@partner.org.',
    );
    expect(text).toContain('Not recipients of it: nobody@else.org.');
    expect(recipientEmails(t.sandbox, ORDERS)).toEqual([
      'blob.ross@blobsrus.com',
      'blobby.hill@blobsrus.com',
      'blobmanager@myorg.co',
    ]);
  });

  it('skips a person with no visible email, and says why (the users:read.email scope included)', async () => {
    const { responses } = await t.command(`add ${QUERY} <@U0NOMAIL1|nomail> <@U0BOB0001|bob> bob`);
    const text = visibleText(responses.at(-1)?.blocks);
    expect(text).toContain('Added 1 recipient to *⚡️🍣 Query*: <@U0BOB0001>.');
    expect(text).toContain('*Skipped (2)*');
    expect(text).toContain('• `bob` is not a Slack mention (@person, #channel, @group) or an email address');
    expect(text).toContain(
      '• <@U0NOMAIL1> has no email address the app can see (their Slack profile has none, or the app lacks the `users:read.email` scope)',
    );
  });

  it('says already-receiving people apart, and skips guests unless the workspace allows them', async () => {
    const guest = t.addGuest({ id: 'U0GUEST02', name: 'guest2' });
    const first = visibleText((await t.command(`add ${QUERY} <@U0HILL001> <@${guest.id}>`)).responses.at(-1)?.blocks);
    expect(first).toContain('Nobody new was added to *⚡️🍣 Query*.');
    expect(first).toContain('Already receiving it: <@U0HILL001>.');
    expect(first).toContain('• <@U0GUEST02> is a guest, and this workspace does not send reports to guests');

    await t.command('users policy guests:on', { user: t.users.admin });
    await t.command(`add ${QUERY} <@${guest.id}>`);
    expect(recipientEmails(t.sandbox, QUERY)).toContain('guest2@example.com');
  });

  it('refuses a Slack delivery plainly, before asking Omni to change anything, and offers Edit', async () => {
    const { responses } = await t.command(`add ${SLACK_SCHEDULE} <@U0ANN0001>`);
    expect(responses[0]?.text).toContain(
      '*Daily Slack update* delivers to Slack, not by email. Omni only lets you add or remove recipients of email deliveries, so nothing was changed.',
    );
    expect(JSON.stringify(responses[0]?.blocks)).toContain(ActionIds.editScheduleButton);
    expect(puts()).toEqual([]);
  });

  it('answers a missing or bad argument with the usage', async () => {
    expect((await t.command(`add ${ORDERS}`)).texts[0]).toMatch(
      /Name who to add.*\nUsage: `\/schedule add &lt;name or id&gt; &lt;@person/s,
    );
    expect((await t.command('remove not-an-id x@y.co')).texts[0]).toContain('No schedule matches “not-an-id”');
  });
});

describe('email-only users', () => {
  it('a channel of 45 becomes 3 bulk calls of at most 20, with time zones and mapped attributes, and progress', async () => {
    await t.command('users policy email_only_user', { user: t.users.admin });
    const mapped = await t.command('users map region=title', { user: t.users.admin });
    expect(visibleText(mapped.responses[0]?.blocks)).toContain('`region` ← Slack `title`');

    const { message, shown } = await t.commandJob(`add ${QUERY} <#C0TEAM045|team>`);
    const bulk = t.sandbox.state.requests.filter((r) => r.path === '/api/v1/users/email-only/bulk');
    expect(bulk.map((r) => (r.body as { users: unknown[] }).users.length)).toEqual([20, 20, 5]);
    expect(t.sandbox.state.emailOnlyUsers.get('teammate0@example.com')?.userAttributes).toEqual({
      omni_user_timezone: 'Europe/Berlin',
      region: ['EMEA'],
    });
    expect(t.sandbox.state.emailOnlyUsers.get('teammate1@example.com')?.userAttributes).toEqual({
      omni_user_timezone: 'America/Chicago',
      region: ['AMER'],
    });
    // The progress message (in the DM with the app) is updated in place, from looking up to the summary.
    expect(shown[1]).toContain('Looking up the people you named');
    expect(t.sandbox.state.requests.filter((r) => r.path === '/api/scim/v2/Users')).toHaveLength(1);
    const summary = visibleText(message?.blocks);
    expect(shown.at(-1)).toBe(message?.text);
    expect(summary).toContain('Added 45 recipients to *⚡️🍣 Query*');
    expect(summary).toContain(
      'Email-only users in Omni (with their Slack time zone and mapped attributes): created or updated 45 people.',
    );
    expect(recipientEmails(t.sandbox, QUERY)).toHaveLength(46);
  });

  it('`users add` with typed attributes, then `users set` to change and unset them', async () => {
    const added = await t.command('users add <@U0ANN0001> region=EU,US is_admin=1', { user: t.users.admin });
    expect(visibleText(added.responses.at(-1)?.blocks)).toContain('Added 1 email-only user in Omni.');
    expect(visibleText(added.responses.at(-1)?.blocks)).toContain('Created: ann@example.com');
    expect(t.sandbox.state.emailOnlyUsers.get('ann@example.com')?.userAttributes).toEqual({
      omni_user_timezone: 'Asia/Tokyo',
      region: ['EU', 'US'],
      is_admin: 1,
    });
    const set = await t.command('users set ann@example.com region= is_sales_team=0', { user: t.users.admin });
    expect(visibleText(set.responses.at(-1)?.blocks)).toContain('Updated: ann@example.com');
    expect(t.sandbox.state.emailOnlyUsers.get('ann@example.com')?.userAttributes).toEqual({
      omni_user_timezone: 'Asia/Tokyo',
      is_admin: 1,
      is_sales_team: 0,
    });
  });

  it('refuses an attribute of the wrong type before any Omni call', async () => {
    await t.command('users add <@U0BOB0001> is_admin=0', { user: t.users.admin }); // Omni's attributes now cached
    t.sandbox.reset();
    const { texts } = await t.command('users add <@U0CAT0001> is_admin=yes', { user: t.users.admin });
    expect(texts).toEqual([
      ':no_entry: `is_admin` is a number attribute in Omni, but `yes` is not a number\nNothing was sent to Omni.',
    ]);
    expect(t.sandbox.state.requests).toEqual([]);
    expect(t.sandbox.state.emailOnlyUsers.has('cat@example.com')).toBe(false);
  });

  it('shows Omni’s own refusal when it disagrees', async () => {
    t.sandbox.state.userAttributes.splice(
      t.sandbox.state.userAttributes.findIndex((a) => a.name === 'omni_user_timezone'),
      1,
    );
    const { responses } = await t.command('users add <@U0DAN0001>');
    expect(visibleText(responses.at(-1)?.blocks)).toContain(
      '• <@U0DAN0001>: The provided user attributes: "omni_user_timezone" do not match the names of existing user attributes.',
    );
  });

  it('keeps typed attributes, set, map and policy changes for admins', async () => {
    const { texts } = await t.command('users set <@U0ANN0001> region=EU');
    expect(texts[0]).toContain('Only workspace admins and owners can type attribute values');
    expect((await t.command('users policy email_only_user')).texts[0]).toContain('Only workspace admins and owners');
    expect((await t.command('users map region=title')).texts[0]).toContain('Only workspace admins and owners');
    expect((await t.store.settings.get(t.scope)).nonMemberPolicy).toBe('plain_email');
    const shown = visibleText((await t.command('users')).responses[0]?.blocks);
    expect(shown).toContain('/schedule users policy [plain_email|email_only_user] [guests:on|off] [external:on|off]');
    expect(shown).toContain('*Guests:* left out');
  });

  it('refuses a mapping to an attribute or a field that does not exist', async () => {
    const { texts } = await t.command('users map cost_center=title region=shoe_size', { user: t.users.admin });
    expect(texts[0]).toContain('Omni has no user attribute `cost_center`. Its attributes: ');
    expect(texts[0]).toContain('`region`');
    expect(texts[0]).toContain('Slack has no profile field `shoe_size`.');
    expect(texts[0]).toContain('No mapping was changed.');
  });

  it('removes a mapping without needing Omni, so a broken one can always be taken out', async () => {
    await t.command('users map region=title', { user: t.users.admin });
    await t.disconnect();
    try {
      const { texts } = await t.command('users map region=', { user: t.users.admin });
      expect(texts[0]).toContain(':white_check_mark: Attribute mappings saved.');
      expect(texts[0]).toContain('*Attribute mappings:* none');
      expect((await t.store.settings.get(t.scope)).attributeMappings).toEqual({});
    } finally {
      await t.connect();
    }
  });
});

describe('subscribe and the Recipients view', () => {
  it('subscribe and unsubscribe by command', async () => {
    const sub = await t.command(`subscribe ${QUERY}`);
    expect(sub.texts[0]).toBe(':white_check_mark: You now receive *⚡️🍣 Query* at maria@example.com.');
    expect(recipientEmails(t.sandbox, QUERY)).toContain('maria@example.com');
    expect(JSON.stringify(sub.responses[0]?.blocks)).toContain(ActionIds.unsubscribeButton);
    const unsub = await t.command(`unsubscribe ${QUERY}`);
    expect(unsub.texts[0]).toBe(':white_check_mark: You no longer receive *⚡️🍣 Query*.');
    expect(recipientEmails(t.sandbox, QUERY)).not.toContain('maria@example.com');
  });

  it('subscribe and unsubscribe with the card’s buttons', async () => {
    await t.command(`share ${ORDERS}`);
    const card = t.slack.messagesIn(CHANNEL).at(-1);
    if (!card) throw new Error('no card');
    const click = (actionId: string) =>
      t.action({ actionId, value: ORDERS, message: { ts: card.ts, blocks: card.blocks }, user: t.users.member });
    const sub = await click(ActionIds.subscribeButton);
    expect(sub.responses.at(-1)).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(sub.responses.at(-1)?.text).toContain('You now receive *Orders*');
    expect(recipientEmails(t.sandbox, ORDERS)).toContain('maria@example.com');

    const unsub = await t.action({
      actionId: ActionIds.unsubscribeButton,
      value: ORDERS,
      message: { ts: '1700000000.000200', blocks: sub.responses.at(-1)?.blocks as unknown[] },
      isEphemeral: true,
    });
    expect(unsub.responses.at(-1)?.text).toContain('You no longer receive *Orders*');
    expect(recipientEmails(t.sandbox, ORDERS)).not.toContain('maria@example.com');
  });

  it('lists recipients with Slack people as mentions, and removes one from the view', async () => {
    await t.command(`share ${ORDERS}`);
    const card = t.slack.messagesIn(CHANNEL).at(-1);
    if (!card) throw new Error('no card');
    await t.action({
      actionId: ActionIds.showRecipientsButton,
      value: ORDERS,
      message: { ts: card.ts, blocks: card.blocks },
    });
    const view = t.slack.openModals().find((v) => v.callback_id === CallbackIds.recipientsView);
    if (!view) throw new Error('the Recipients view did not open');
    expectValidBlocks('modal', view);
    const text = visibleText(view.blocks);
    expect(text).toContain('*Orders* is delivered by email to 3 recipients.');
    expect(text).toContain('<@U0BLOB001> · blob.ross@blobsrus.com');
    expect(text).toContain('<@U0HILL001> · blobby.hill@blobsrus.com');
    expect(text).toContain('blobmanager@myorg.co · _email-only user_');

    await t.action({ actionId: ActionIds.removeRecipientButton, value: 'blob.ross@blobsrus.com', view });
    const after = t.slack.views.get(view.id);
    expect(visibleText(after?.blocks)).toContain(':white_check_mark: Removed blob.ross@blobsrus.com.');
    expect(visibleText(after?.blocks)).toContain('is delivered by email to 2 recipients.');
    expect(visibleText(after?.blocks)).not.toContain('<@U0BLOB001>');
    expect(recipientEmails(t.sandbox, ORDERS)).not.toContain('blob.ross@blobsrus.com');
    expect(t.audit.at(-1)).toMatchObject({ action: 'remove_recipients', schedule: ORDERS, outcome: 'ok' });

    // Closing the modal redraws the card it was opened from, with the new recipient count.
    const closed = await postInteraction(t.url, t.signingSecret, {
      type: 'view_closed',
      token: 'legacy-verification-token',
      api_app_id: FAKE_DEFAULTS.appId,
      team: { id: FAKE_DEFAULTS.teamId, domain: FAKE_DEFAULTS.teamDomain },
      enterprise: null,
      is_enterprise_install: false,
      user: { id: t.users.member.id, username: 'maria', name: 'maria', team_id: FAKE_DEFAULTS.teamId },
      view: after,
      is_cleared: false,
    });
    expect(closed.status).toBe(200);
    expect(visibleText(t.slack.message(CHANNEL, card.ts)?.blocks)).toContain('Email (PDF) to 2 recipients');
  });
});
