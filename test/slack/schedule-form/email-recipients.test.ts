// The form's email recipients through the shared resolver, against the fake Slack: who becomes an address,
// what blocks the save (named in plain text on its field) and what is only reported.

import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRateBudget } from '../../../src/coordination/rate-budget.js';
import { SlackBudget } from '../../../src/coordination/slack-budget.js';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../../../src/fake-slack/fake-slack.js';
import type { DraftDestinationOf } from '../../../src/schedules/draft.js';
import { resolveEmailRecipients } from '../../../src/slack/schedule-form/email-recipients.js';
import { DEFAULT_WORKSPACE_SETTINGS, type WorkspaceScope } from '../../../src/store/index.js';
import { MemoryCache } from '../../recipients/memory-cache.js';

let slack: FakeSlack;
let client: WebClient;
const scope: WorkspaceScope = { teamId: FAKE_DEFAULTS.teamId };
const newDeps = () => {
  const cache = new MemoryCache();
  return {
    store: { settings: { get: async () => DEFAULT_WORKSPACE_SETTINGS }, cache: () => cache },
    slackBudget: new SlackBudget(new MemoryRateBudget()),
  } as never;
};

beforeAll(async () => {
  slack = await startFakeSlack();
  client = new WebClient(FAKE_DEFAULTS.token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } });
  slack.addUser({ id: 'U0ANN0001', name: 'ann', real_name: 'Ann Archer' });
  slack.addUser({ id: 'U0BEN0001', name: 'ben' });
  slack.addUser({ id: 'U0BOT0001', name: 'reportbot', is_bot: true });
  slack.addUser({ id: 'U0GONE001', name: 'gone', deleted: true });
  slack.addUser({ id: 'U0GST0001', name: 'gina', real_name: 'Gina Guest', is_restricted: true });
  for (let i = 1; i <= 7; i += 1) {
    slack.addUser({ id: `U0NOMAIL${i}`, name: `nomail${i}`, real_name: `No Mail ${i}`, profile: { email: undefined } });
  }
  slack.addChannel('C0MIXED01', ['U0ANN0001', 'U0BOT0001', 'U0GONE001', 'U0GST0001'], { name: 'mixed' });
  slack.addChannel('C0BOTS001', ['U0BOT0001'], { name: 'bots' });
  slack.addChannel('C0SECRET1', ['U0ANN0001'], { name: 'secret', is_private: true, botIsMember: false });
  slack.addUsergroup('S0FIN0001', ['U0BEN0001', 'U0NOMAIL1'], { handle: 'finance' });
});
afterAll(() => slack.close());

const email = (patch: Partial<DraftDestinationOf<'email'>>): DraftDestinationOf<'email'> => ({
  kind: 'email',
  userIds: [],
  channelIds: [],
  addresses: [],
  subject: 'Orders',
  body: '',
  fanOut: false,
  ...patch,
});

describe('resolveEmailRecipients', () => {
  it('turns people, channel members, groups and typed emails into addresses; rules only report members', async () => {
    const result = await resolveEmailRecipients(
      newDeps(),
      client,
      scope,
      email({ userIds: ['U0BEN0001'], channelIds: ['C0MIXED01'], addresses: ['cfo@blobsrus.com', 'ANN@example.com'] }),
    );
    expect(result.errors).toEqual([]);
    expect(result.emails).toEqual(['ben@example.com', 'ann@example.com', 'cfo@blobsrus.com']);
    // The bot is left out without a word; the deactivated account and the guest are reported.
    expect(result.leftOut.map((s) => [s.who, s.code])).toEqual([
      [{ kind: 'user', id: 'U0GONE001' }, 'deactivated'],
      [{ kind: 'user', id: 'U0GST0001' }, 'guest'],
    ]);
  });

  it('names, in plain text, everyone who blocks the save on the field they came from; a group’s members without email do not block', async () => {
    const result = await resolveEmailRecipients(
      newDeps(),
      client,
      scope,
      email({
        userIds: ['U0BOT0001', 'U0GST0001'],
        channelIds: ['C0SECRET1'],
        addresses: ['@finance', '<!subteam^S0NOPE001|@ghosts>'],
      }),
    );
    expect(Object.fromEntries(result.errors.map((e) => [e.field, e.message]))).toEqual({
      emailPeople:
        'Reportbot is a bot or an app, not a person. ' +
        'Gina Guest is a guest, and this workspace does not send reports to guests (an admin can allow it with /schedule users policy guests:on). ' +
        'Remove them from People, or type their address under "Other addresses or @groups".',
      emailChannels: expect.stringMatching(/^the channel C0SECRET1 is a channel the app cannot see; .*invite the app/),
      emailAddresses: '@ghosts is not a user group the app can see (it may have been disabled).',
    });
    expect(result.emails).toEqual(['ben@example.com']);
    // A member of @finance without a visible email does not block: named after saving.
    expect(result.leftOut.map((skip) => [skip.who, skip.code])).toEqual([
      [{ kind: 'user', id: 'U0NOMAIL1' }, 'no_email'],
    ]);
  });

  it('caps the names on a field, and says when nobody chosen can receive email', async () => {
    const ids = Array.from({ length: 7 }, (_, i) => `U0NOMAIL${i + 1}`);
    const many = await resolveEmailRecipients(newDeps(), client, scope, email({ userIds: ids }));
    expect(many.errors[0]?.message).toMatch(
      /^No Mail 1 has no email.*No Mail 5 has no email .*scope\)\. …and 2 more\. Remove/,
    );
    const bots = await resolveEmailRecipients(newDeps(), client, scope, email({ channelIds: ['C0BOTS001'] }));
    expect(bots.errors).toEqual([
      {
        field: 'emailChannels',
        message:
          'Nobody chosen can receive email: they are all bots, deactivated, or left out by this workspace’s rules.',
      },
    ]);
  });

  it('reads user group handles once for a while, and names handles that are no group', async () => {
    const deps = newDeps();
    const before = slack.callsTo('usergroups.list').length;
    const first = await resolveEmailRecipients(deps, client, scope, email({ addresses: ['@Finance', '@nobody'] }));
    await resolveEmailRecipients(deps, client, scope, email({ addresses: ['@finance'] }));
    expect(slack.callsTo('usergroups.list').length - before).toBe(1);
    expect(first.errors).toEqual([
      {
        field: 'emailAddresses',
        message: expect.stringContaining(
          '@nobody is not a user group in this workspace (choose people under People and channels under Channels).',
        ),
      },
    ]);
    slack.failNext('usergroups.list', { error: 'missing_scope' });
    const failed = await resolveEmailRecipients(newDeps(), client, scope, email({ addresses: ['@finance'] }));
    expect(failed.errors[0]?.message).toMatch(/^@finance could not be looked up in Slack \(missing_scope\)/);
  });
});
