import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { OmniClient } from '../../src/omni/index.js';
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';
import { findOmniMembers, manageEmailOnlyUsers, RecipientsRefusal } from '../../src/recipients/index.js';
import { flowContext, requests, startFlowSandbox } from './support.js';

let sandbox: OmniSandbox;
beforeAll(async () => {
  sandbox = await startFlowSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const bulkCalls = () => requests(sandbox).filter((r) => r === 'POST /api/v1/users/email-only/bulk');

describe('managing email-only users', () => {
  it('sends 45 people in 3 batches of at most 20, reporting progress after each', async () => {
    const ctx = flowContext(sandbox, { attributeMappings: { region: 'title' } });
    const ids = Array.from({ length: 45 }, (_, i) => `U${String(i).padStart(3, '0')}`);
    for (const id of ids) ctx.directory.person(id, { profile: { title: 'EU' } });
    ctx.directory.channels.set('C45', ids);
    const result = await manageEmailOnlyUsers(ctx, 'sync', [{ kind: 'channel', id: 'C45' }], []);
    expect(result.failed).toEqual([]);
    expect(result.outcome.createdOrUpdated).toHaveLength(45); // too many to check each beforehand
    const sizes = sandbox.state.requests
      .filter((r) => r.path === '/api/v1/users/email-only/bulk')
      .map((r) => (r.body as { users: unknown[] }).users.length);
    expect(sizes).toEqual([20, 20, 5]);
    expect(ctx.progress.filter((p) => (p as { stage: string }).stage === 'email_only')).toEqual([
      { stage: 'email_only', done: 20, total: 45 },
      { stage: 'email_only', done: 40, total: 45 },
      { stage: 'email_only', done: 45, total: 45 },
    ]);
    expect(sandbox.state.emailOnlyUsers.get('u044@example.com')?.userAttributes).toEqual({
      omni_user_timezone: 'Europe/Paris',
      region: ['EU'],
    });
  });

  it('refuses a typed attribute of the wrong type before asking Slack or sending anything', async () => {
    const ctx = flowContext(sandbox);
    ctx.directory.person('U1');
    const attempt = manageEmailOnlyUsers(ctx, 'add', [{ kind: 'user', id: 'U1' }], [{ name: 'is_admin', text: 'yes' }]);
    await expect(attempt).rejects.toBeInstanceOf(RecipientsRefusal);
    await expect(attempt).rejects.toThrow(
      '`is_admin` is a number attribute in Omni, but `yes` is not a number\nNothing was sent to Omni.',
    );
    expect(requests(sandbox)).toEqual(['GET /api/v1/user-attributes']);
    expect(ctx.directory.calls).toEqual([]);
  });

  it('`set` changes only the typed attributes; an empty value unsets; members are left alone', async () => {
    const ctx = flowContext(sandbox, { attributeMappings: { region: 'title' } });
    ctx.directory.person('U1', { email: 'partner@blobsrus-partners.com', profile: { title: 'US' } });
    ctx.directory.person('U2', { email: 'blob.ross@blobsrus.com' });
    const result = await manageEmailOnlyUsers(
      ctx,
      'set',
      [
        { kind: 'user', id: 'U1' },
        { kind: 'user', id: 'U2' },
      ],
      [
        { name: 'region', text: '' },
        { name: 'is_admin', text: '1' },
      ],
    );
    expect(result.members.map((m) => m.email)).toEqual(['blob.ross@blobsrus.com']);
    expect(result.outcome.updated).toEqual(['partner@blobsrus-partners.com']);
    expect(sandbox.state.emailOnlyUsers.get('partner@blobsrus-partners.com')?.userAttributes).toEqual({
      omni_user_timezone: 'Europe/Paris', // untouched: `set` does not send the Slack time zone
      is_admin: 1,
    });
  });

  it('refuses everything when a mapping names an attribute Omni does not have', async () => {
    const ctx = flowContext(sandbox, { attributeMappings: { cost_center: 'title' } });
    ctx.directory.person('U1');
    await expect(manageEmailOnlyUsers(ctx, 'add', [{ kind: 'user', id: 'U1' }], [])).rejects.toThrow(
      /Omni has no user attribute `cost_center`.*\nNobody was sent to Omni/s,
    );
    expect(bulkCalls()).toEqual([]);
  });

  it('reads custom profile fields with users.profile.get', async () => {
    const ctx = flowContext(sandbox, { attributeMappings: { region: 'Xf01' } });
    ctx.directory.person('U1', { email: 'ann@example.com' });
    ctx.directory.profiles.set('U1', {
      email: 'ann@example.com',
      fields: { Xf01: { value: 'LATAM', label: 'Region' } },
    });
    await manageEmailOnlyUsers(ctx, 'add', [{ kind: 'user', id: 'U1' }], []);
    expect(ctx.directory.callsTo('profile')).toBe(1);
    expect(sandbox.state.emailOnlyUsers.get('ann@example.com')?.userAttributes.region).toEqual(['LATAM']);
  });
});

describe('Omni membership', () => {
  it('checks emails together in one page of members, and caches each answer', async () => {
    const ctx = flowContext(sandbox);
    const emails = ['blob.ross@blobsrus.com', 'BLOB.ROSS@blobsrus.com', 'nobody@x.co'];
    const first = await findOmniMembers(ctx.omni, emails, { cache: ctx.cache, cacheKey: 'team:T1' });
    expect([...first.members.keys()]).toEqual(['blob.ross@blobsrus.com']);
    expect(first.nonMembers).toEqual(['nobody@x.co']);
    // The sandbox's two members fit in one page: one call answers both emails.
    expect(sandbox.state.requests.map((r) => `${r.path} ${new URLSearchParams(r.query)}`)).toEqual([
      '/api/scim/v2/Users startIndex=1&count=100',
    ]);
    const again = await findOmniMembers(ctx.omni, [...emails, 'blobby.hill@blobsrus.com'], {
      cache: ctx.cache,
      cacheKey: 'team:T1',
    });
    expect([...again.members.keys()]).toEqual(['blob.ross@blobsrus.com', 'blobby.hill@blobsrus.com']);
    expect(again.nonMembers).toEqual(['nobody@x.co']);
    // Only the email not cached yet was asked about.
    expect(sandbox.state.requests.map((r) => r.query.filter ?? r.query.startIndex)).toEqual([
      '1',
      'userName eq "blobby.hill@blobsrus.com"',
    ]);
  });

  it('throws Omni’s refusal once when the key may not look members up at all', async () => {
    const omni = new OmniClient({
      baseUrl: sandbox.url,
      apiKey: 'wrong-key',
      rateLimitPerMinute: Number.POSITIVE_INFINITY,
      maxRetries: 0,
    });
    await expect(findOmniMembers(omni, ['a@x.co', 'b@x.co'])).rejects.toMatchObject({ status: 401 });
  });
});
