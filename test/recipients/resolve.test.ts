import { describe, expect, it } from 'vitest';
import { DirectoryError, type ResolveOptions, resolveRecipients } from '../../src/recipients/index.js';
import { FakeDirectory } from './fake-directory.js';
import { MemoryCache } from './memory-cache.js';

const settings = { includeGuests: false, includeExternal: false };
const home = { teamId: 'T1' };

function options(directory: FakeDirectory, extra: Partial<ResolveOptions> = {}): ResolveOptions {
  return { directory, settings, home, ...extra };
}

describe('resolving recipients', () => {
  it('turns people, channels, groups and emails into one list by email, without duplicates', async () => {
    const d = new FakeDirectory();
    for (const id of ['U1', 'U2', 'U3', 'U4']) d.person(id);
    d.channels.set('C1', ['U1', 'U2']);
    d.groups.set('S1', ['U2', 'U3']);
    const { recipients, skipped } = await resolveRecipients(
      [
        { kind: 'user', id: 'U1' },
        { kind: 'channel', id: 'C1' },
        { kind: 'usergroup', id: 'S1' },
        { kind: 'email', email: 'U4@EXAMPLE.com' }, // U4's address in another case: one recipient, with U4
        { kind: 'email', email: 'outsider@other.org' },
        { kind: 'email', email: 'outsider@other.org' },
      ],
      options(d),
    );
    expect(skipped).toEqual([]);
    expect(recipients.map((r) => [r.email, r.slackUserId])).toEqual([
      ['u1@example.com', 'U1'],
      ['u2@example.com', 'U2'],
      ['u3@example.com', 'U3'],
      ['U4@EXAMPLE.com', 'U4'],
      ['outsider@other.org', undefined],
    ]);
    expect(recipients[0]).toMatchObject({ tz: 'Europe/Paris', profile: { real_name: 'Person U1' } });
    // U2 is in the channel and the group, but is looked up once.
    expect(d.callsTo('userInfo')).toBe(3);
  });

  it('keeps the Slack person when a typed email matches someone also named in Slack', async () => {
    const d = new FakeDirectory();
    d.person('U1');
    const { recipients } = await resolveRecipients(
      [
        { kind: 'email', email: 'u1@example.com' },
        { kind: 'user', id: 'U1' },
      ],
      options(d, { lookupEmails: false }),
    );
    expect(recipients).toHaveLength(1);
    expect(recipients[0]).toMatchObject({ email: 'u1@example.com', slackUserId: 'U1' });
  });

  it('skips bots, deactivated people, guests and external people, each with its reason', async () => {
    const d = new FakeDirectory();
    d.person('UBOT', { is_bot: true, email: null });
    d.person('UAPP', { is_app_user: true });
    d.person('UGONE', { deleted: true });
    d.person('UGUEST', { is_restricted: true });
    d.person('UGUEST1', { is_ultra_restricted: true });
    d.person('UEXT', { team_id: 'T_OTHER' });
    d.person('USTRANGER', { is_stranger: true });
    d.person('UOK');
    const ids = ['UBOT', 'UAPP', 'UGONE', 'UGUEST', 'UGUEST1', 'UEXT', 'USTRANGER', 'UOK'];
    const { recipients, skipped } = await resolveRecipients(
      ids.map((id) => ({ kind: 'user', id }) as const),
      options(d),
    );
    expect(recipients.map((r) => r.slackUserId)).toEqual(['UOK']);
    expect(skipped.map((s) => [s.who, s.code])).toEqual([
      [{ kind: 'user', id: 'UBOT' }, 'bot'],
      [{ kind: 'user', id: 'UAPP' }, 'bot'],
      [{ kind: 'user', id: 'UGONE' }, 'deactivated'],
      [{ kind: 'user', id: 'UGUEST' }, 'guest'],
      [{ kind: 'user', id: 'UGUEST1' }, 'guest'],
      [{ kind: 'user', id: 'UEXT' }, 'external'],
      [{ kind: 'user', id: 'USTRANGER' }, 'external'],
    ]);
    const reasons = Object.fromEntries(skipped.map((s) => [s.code, s.reason]));
    expect(reasons.bot).toBe('is a bot or an app, not a person');
    expect(reasons.deactivated).toBe('is deactivated in Slack');
    expect(reasons.guest).toMatch(/is a guest.*`\/schedule users policy guests:on`/);
    expect(reasons.external).toMatch(/another organization \(Slack Connect\).*external:on/);
  });

  it('applies the same rules to a typed address as to an @-mention of its Slack owner', async () => {
    const d = new FakeDirectory();
    d.person('UGUEST', { is_restricted: true, email: 'guest@example.com' });
    d.person('UGUEST1', { is_ultra_restricted: true, email: 'single@example.com' });
    d.person('UEXT', { team_id: 'T_OTHER', email: 'partner@other.org' });
    d.person('USTRANGER', { is_stranger: true, email: 'stranger@other.org' });
    d.person('UGONE', { deleted: true, email: 'gone@example.com' });
    d.person('UBOT', { is_bot: true, email: 'bot@example.com' });
    d.person('UOK', { email: 'ok@example.com' });
    const typed = [
      'Guest@Example.com',
      'single@example.com',
      'partner@other.org',
      'stranger@other.org',
      'gone@example.com',
      'bot@example.com',
      'ok@example.com',
      'nobody@elsewhere.org',
    ];
    // lookupEmails: false is how the Slack layer asks for no time-zone look-ups; the rules still need one.
    const { recipients, skipped } = await resolveRecipients(
      typed.map((email) => ({ kind: 'email', email }) as const),
      options(d, { lookupEmails: false }),
    );
    expect(recipients).toEqual([
      expect.objectContaining({ email: 'ok@example.com', slackUserId: 'UOK' }),
      { email: 'nobody@elsewhere.org' },
    ]);
    expect(skipped.map((s) => [s.who, s.code])).toEqual([
      [{ kind: 'email', email: 'Guest@Example.com' }, 'guest'],
      [{ kind: 'email', email: 'single@example.com' }, 'guest'],
      [{ kind: 'email', email: 'partner@other.org' }, 'external'],
      [{ kind: 'email', email: 'stranger@other.org' }, 'external'],
      [{ kind: 'email', email: 'gone@example.com' }, 'deactivated'],
      [{ kind: 'email', email: 'bot@example.com' }, 'bot'],
    ]);
    expect(skipped[0]?.reason).toMatch(/is a guest.*guests:on/);
    expect(skipped[2]?.reason).toMatch(/another organization.*external:on/);
  });

  it('allows typed guest and external addresses when the workspace allows them, without a needless look-up', async () => {
    const d = new FakeDirectory();
    d.person('UGUEST', { is_restricted: true, email: 'guest@example.com' });
    d.person('UEXT', { team_id: 'T_OTHER', email: 'partner@other.org' });
    const inputs = [
      { kind: 'email', email: 'guest@example.com' },
      { kind: 'email', email: 'partner@other.org' },
    ] as const;
    const open = { settings: { includeGuests: true, includeExternal: true } };
    const looked = await resolveRecipients(inputs, options(d, open));
    expect(looked.skipped).toEqual([]);
    expect(looked.recipients.map((r) => [r.email, r.slackUserId])).toEqual([
      ['guest@example.com', 'UGUEST'],
      ['partner@other.org', 'UEXT'],
    ]);
    d.calls.length = 0;
    const plain = await resolveRecipients(inputs, options(d, { ...open, lookupEmails: false }));
    expect(plain.recipients).toEqual([{ email: 'guest@example.com' }, { email: 'partner@other.org' }]);
    expect(d.callsTo('lookupByEmail')).toBe(0);
  });

  it('leaves a typed address out when Slack cannot say whose it is and the rules need to know', async () => {
    const d = new FakeDirectory();
    d.failures.set('who@example.com', 'ratelimited');
    const strict = await resolveRecipients([{ kind: 'email', email: 'who@example.com' }], options(d));
    expect(strict.recipients).toEqual([]);
    expect(strict.skipped).toEqual([
      {
        who: { kind: 'email', email: 'who@example.com' },
        code: 'lookup_failed',
        reason: expect.stringMatching(/Slack is limiting how fast/),
      },
    ]);
    // With guests and external people allowed, the address is what was asked for: kept, without a time zone.
    const open = await resolveRecipients(
      [{ kind: 'email', email: 'who@example.com' }],
      options(d, { settings: { includeGuests: true, includeExternal: true } }),
    );
    expect(open).toEqual({ recipients: [{ email: 'who@example.com' }], skipped: [] });
  });

  it('does not apply the rules to a typed address being removed', async () => {
    const d = new FakeDirectory();
    d.person('UGUEST', { is_restricted: true, email: 'guest@example.com' });
    const { recipients, skipped } = await resolveRecipients(
      [{ kind: 'email', email: 'guest@example.com' }],
      options(d, { purpose: 'remove', lookupEmails: false }),
    );
    expect(skipped).toEqual([]);
    expect(recipients).toEqual([{ email: 'guest@example.com' }]);
  });

  it('includes guests and external people when the workspace allows them', async () => {
    const d = new FakeDirectory();
    d.person('UGUEST', { is_restricted: true });
    d.person('UEXT', { team_id: 'T_OTHER' });
    const { recipients, skipped } = await resolveRecipients(
      [
        { kind: 'user', id: 'UGUEST' },
        { kind: 'user', id: 'UEXT' },
      ],
      options(d, { settings: { includeGuests: true, includeExternal: true } }),
    );
    expect(skipped).toEqual([]);
    expect(recipients.map((r) => r.slackUserId)).toEqual(['UGUEST', 'UEXT']);
  });

  it('counts people of the same Enterprise Grid org as internal', async () => {
    const d = new FakeDirectory();
    d.person('UORG', { team_id: 'T_SISTER', enterprise_user: { enterprise_id: 'E1' } });
    const { recipients } = await resolveRecipients([{ kind: 'user', id: 'UORG' }], {
      ...options(d),
      home: { teamId: 'T1', enterpriseId: 'E1' },
    });
    expect(recipients.map((r) => r.slackUserId)).toEqual(['UORG']);
  });

  it('when removing, keeps deactivated people, guests and external people (they may be leaving)', async () => {
    const d = new FakeDirectory();
    d.person('UGONE', { deleted: true });
    d.person('UGUEST', { is_restricted: true });
    d.person('UEXT', { team_id: 'T_OTHER' });
    const { recipients, skipped } = await resolveRecipients(
      ['UGONE', 'UGUEST', 'UEXT'].map((id) => ({ kind: 'user', id }) as const),
      options(d, { purpose: 'remove' }),
    );
    expect(skipped).toEqual([]);
    expect(recipients).toHaveLength(3);
  });

  it('explains a missing email, naming the users:read.email scope when the token lacks it', async () => {
    const d = new FakeDirectory();
    d.person('UNOMAIL', { email: null });
    d.scope = 'unknown';
    const first = await resolveRecipients([{ kind: 'user', id: 'UNOMAIL' }], options(d));
    expect(first.skipped[0]).toMatchObject({ code: 'no_email' });
    expect(first.skipped[0]?.reason).toMatch(/no email address the app can see.*users:read\.email/);

    d.scope = 'missing';
    const second = await resolveRecipients([{ kind: 'user', id: 'UNOMAIL' }], options(d));
    expect(second.skipped[0]).toMatchObject({ code: 'no_email_scope' });
    expect(second.skipped[0]?.reason).toMatch(/needs the `users:read.email` scope; a workspace admin must reinstall/);
  });

  it('reports channels and groups it cannot see, empty ones, unknown people and failed look-ups', async () => {
    const d = new FakeDirectory();
    d.channels.set('CEMPTY', []);
    d.failures.set('USLOW', 'ratelimited');
    const { recipients, skipped } = await resolveRecipients(
      [
        { kind: 'channel', id: 'CPRIVATE' },
        { kind: 'usergroup', id: 'SGONE' },
        { kind: 'channel', id: 'CEMPTY' },
        { kind: 'user', id: 'UNKNOWN' },
        { kind: 'user', id: 'USLOW' },
        { kind: 'email', email: 'not-an-email' },
      ],
      options(d),
    );
    expect(recipients).toEqual([]);
    expect(skipped.map((s) => [s.who, s.code])).toEqual([
      [{ kind: 'channel', id: 'CPRIVATE' }, 'channel_not_found'],
      [{ kind: 'usergroup', id: 'SGONE' }, 'usergroup_not_found'],
      [{ kind: 'channel', id: 'CEMPTY' }, 'empty'],
      [{ kind: 'text', text: 'not-an-email' }, 'invalid'],
      [{ kind: 'user', id: 'UNKNOWN' }, 'not_found'],
      [{ kind: 'user', id: 'USLOW' }, 'lookup_failed'],
    ]);
    expect(skipped[0]?.reason).toMatch(/invite the app/);
    expect(skipped[5]?.reason).toMatch(/Slack is limiting how fast .* try again in a minute/);
  });

  it('says a channel too large to expand is too large, rather than suggesting a retry', async () => {
    const d = new FakeDirectory();
    d.channelMembers = async () => {
      throw new DirectoryError('failed', 'too_many_members', 'the channel has more than 10000 members');
    };
    const { skipped } = await resolveRecipients([{ kind: 'channel', id: 'CHUGE' }], options(d));
    expect(skipped).toEqual([
      {
        who: { kind: 'channel', id: 'CHUGE' },
        code: 'lookup_failed',
        reason:
          'is too large to add at once (the channel has more than 10000 members): name a smaller channel or a user group instead',
      },
    ]);
  });

  it('looks people up a bounded number at a time, and only once while cached', async () => {
    const d = new FakeDirectory();
    const ids = Array.from({ length: 40 }, (_, i) => `U${String(i).padStart(3, '0')}`);
    for (const id of ids) d.person(id);
    d.channels.set('CBIG', ids);
    const cache = new MemoryCache();
    const opts = options(d, { cache, cacheKey: 'team:T1', concurrency: 5 });
    const first = await resolveRecipients([{ kind: 'channel', id: 'CBIG' }], opts);
    expect(first.recipients).toHaveLength(40);
    expect(d.maxInFlight).toBeLessThanOrEqual(5);
    expect(d.callsTo('userInfo')).toBe(40);
    const again = await resolveRecipients([{ kind: 'channel', id: 'CBIG' }], opts);
    expect(again.recipients).toEqual(first.recipients);
    expect(d.callsTo('userInfo')).toBe(40);
    expect(d.callsTo('channelMembers')).toBe(1);
    expect([...cache.values.keys()].every((k) => k.startsWith('team:T1:'))).toBe(true);
  });

  it('refuses a cache without a workspace key (answers must never leak between workspaces)', async () => {
    await expect(
      resolveRecipients([], { directory: new FakeDirectory(), settings, cache: new MemoryCache() }),
    ).rejects.toThrow(/cacheKey/);
  });
});
