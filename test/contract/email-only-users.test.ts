// upsertEmailOnlyUser, upsertEmailOnlyUsers (batches of 20), listEmailOnlyUsers — and their errors.
import { describe, expect, it } from 'vitest';
import type { EmailOnlyUserInput } from '../../src/omni/index.js';
import { expectOmniError, expectRefusedLocally, requestsTo, useContract } from './support.js';

const omni = useContract();
const ONE = '/api/v1/users/email-only';
const BULK = '/api/v1/users/email-only/bulk';

/** Users `person01@…` onwards, each with a (multi-value) region. */
const people = (count: number, from = 1): EmailOnlyUserInput[] =>
  Array.from({ length: count }, (_, i) => ({
    email: `person${String(i + from).padStart(2, '0')}@partner.example`,
    userAttributes: { region: [i % 2 === 0 ? 'US' : 'EU'] },
  }));

const storedUser = (email: string) => omni.sandbox.state.emailOnlyUsers.get(email.toLowerCase());

describe('upsertEmailOnlyUser', () => {
  it('creates a user with attributes, then updates the same user by email and unsets with null', async () => {
    const created = await omni.client.upsertEmailOnlyUser({
      email: 'ada@partner.example',
      userAttributes: { region: ['US', 'EU'], is_admin: 0, omni_user_timezone: 'Europe/London' },
    });
    expect(created).toEqual({ email: 'ada@partner.example', userId: expect.any(String) });
    const updated = await omni.client.upsertEmailOnlyUser({
      email: 'ADA@partner.example',
      userAttributes: { is_admin: null, is_sales_team: 1 },
    });
    expect(updated.userId).toBe(created.userId);
    const { records } = await omni.client.listEmailOnlyUsers({ email: 'ada@partner.example' });
    expect(records).toEqual([
      {
        email: 'ada@partner.example',
        user_id: created.userId,
        user_attributes: { region: ['US', 'EU'], omni_user_timezone: 'Europe/London', is_sales_team: 1 },
      },
    ]);
  });

  it.each([
    [
      { nickname: 'Ada' },
      'The provided user attributes: "nickname" do not match the names of existing user attributes.',
    ],
    [{ is_admin: 'yes' }, 'User Attribute is_admin is type number, but passed-in value yes is not a number.'],
    [
      { omni_user_timezone: 'EST' },
      'The timezone EST is not supported. Please see the connection page or user profile page for the list of valid timezones. Use e.g. "America/New_York" instead of "EST"',
    ],
    [
      { region: 'US' },
      'User Attribute region has multiple values enabled, but the passed-in value is not an array. If passing a single value for a user attribute with multiple values enabled, please wrap the value in an array [x].',
    ],
    // Not in Omni's docs: the sandbox's own rules.
    [
      { is_admin: [1] },
      'User Attribute is_admin does not have multiple values enabled, but the passed-in value is an array.',
    ],
    [
      { omni_user_email: 'x@y.z' },
      'The provided user attributes: "omni_user_email" do not match the names of existing user attributes.',
    ],
  ] as [EmailOnlyUserInput['userAttributes'], string][])('surfaces 400 for %j', async (userAttributes, detail) => {
    await expectOmniError(
      omni.sandbox,
      omni.client.upsertEmailOnlyUser({ email: 'ada@partner.example', userAttributes }),
      {
        status: 400,
        detail,
        method: 'POST',
        path: ONE,
      },
    );
    expect(storedUser('ada@partner.example')).toBeUndefined();
  });

  it("surfaces the sandbox's 400 for a member's email", async () => {
    await expectOmniError(omni.sandbox, omni.client.upsertEmailOnlyUser({ email: 'blob.ross@blobsrus.com' }), {
      status: 400,
      detail: 'email: blob.ross@blobsrus.com belongs to a member of this organization, not an email-only user',
      method: 'POST',
      path: ONE,
    });
  });

  // Omni would answer "email: email is required" and "email: Invalid email address".
  it.each([
    ['email', {}],
    ['email', { email: 'ada at partner' }],
    ['userAttributes.region', { email: 'ada@partner.example', userAttributes: { region: { US: true } } }],
    ['name', { email: 'ada@partner.example', name: 'Ada' }],
  ])('refuses a bad %s locally', async (field, user) => {
    await expectRefusedLocally(omni.sandbox, omni.client.upsertEmailOnlyUser(user as EmailOnlyUserInput), field);
  });
});

describe('upsertEmailOnlyUsers', () => {
  it('sends 45 users as 3 bulk calls of at most 20, reporting progress', async () => {
    const progress: string[] = [];
    const outcome = await omni.client.upsertEmailOnlyUsers(people(45), {
      onBatch: ({ done, total }) => {
        progress.push(`${done}/${total}`);
      },
    });
    expect(outcome.failed).toEqual([]);
    expect(outcome.succeeded).toHaveLength(45);
    const bulk = requestsTo(omni.sandbox, 'POST', BULK);
    expect(bulk.map((r) => (r.body as { users: unknown[] }).users.length)).toEqual([20, 20, 5]);
    expect(bulk.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(omni.sandbox.state.requests).toHaveLength(3);
    expect(progress).toEqual(['20/45', '40/45', '45/45']);
    expect(storedUser('person45@partner.example')?.userAttributes).toEqual({ region: ['US'] });
    expect(outcome.succeeded.map((r) => r.userId)).toEqual(outcome.succeeded.map((r) => storedUser(r.email)?.userId));
  });

  it('when Omni refuses a batch for one bad user, sends that batch one by one so the others go through', async () => {
    const users = [...people(3), { email: 'bad@partner.example', userAttributes: { region: 'US' } }, ...people(2, 4)];
    const outcome = await omni.client.upsertEmailOnlyUsers(users);
    expect(outcome.succeeded.map((r) => r.email)).toEqual(people(5).map((p) => p.email));
    expect(outcome.failed).toEqual([
      {
        email: 'bad@partner.example',
        status: 400,
        detail:
          'User Attribute region has multiple values enabled, but the passed-in value is not an array. If passing a single value for a user attribute with multiple values enabled, please wrap the value in an array [x].',
      },
    ]);
    expect(omni.sandbox.state.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      `${BULK} 400`,
      ...Array(3).fill(`${ONE} 200`),
      `${ONE} 400`,
      ...Array(2).fill(`${ONE} 200`),
    ]);
    expect(storedUser('bad@partner.example')).toBeUndefined();
  });

  it('sends a repeated email once and reports an invalid one without sending it', async () => {
    const outcome = await omni.client.upsertEmailOnlyUsers([
      { email: 'twice@partner.example', userAttributes: { is_admin: 0 } },
      { email: 'not-an-email' },
      { email: 'TWICE@partner.example', userAttributes: { is_admin: 1 } },
    ]);
    expect(outcome.succeeded).toHaveLength(1);
    expect(outcome.failed).toEqual([{ email: 'not-an-email', detail: 'email: must be an email address' }]);
    const [bulk] = requestsTo(omni.sandbox, 'POST', BULK);
    expect(bulk?.body).toEqual({ users: [{ email: 'TWICE@partner.example', userAttributes: { is_admin: 1 } }] });
    expect(storedUser('twice@partner.example')?.userAttributes).toEqual({ is_admin: 1 });
  });

  it('sends nothing for an empty list', async () => {
    expect(await omni.client.upsertEmailOnlyUsers([])).toEqual({ succeeded: [], failed: [] });
    expect(omni.sandbox.state.requests).toEqual([]);
  });
});

describe('listEmailOnlyUsers', () => {
  it('lists the seeded users, newest first by default, in snake_case', async () => {
    const page = await omni.client.listEmailOnlyUsers();
    expect(page.pageInfo).toEqual({ hasNextPage: false, nextCursor: null, pageSize: 20, totalRecords: 3 });
    expect(page.records.map((r) => r.email)).toEqual([
      'partner@blobsrus-partners.com',
      'blobmanager@myorg.co',
      'iamagoodblob@myorg.co',
    ]);
    expect(page.records[0]?.user_attributes).toEqual({ region: ['EU'], omni_user_timezone: 'Europe/Paris' });
    const asc = await omni.client.listEmailOnlyUsers({ sortDirection: 'asc' });
    expect(asc.records.map((r) => r.email)).toEqual(page.records.map((r) => r.email).reverse());
  });

  it('pages with page-number cursors up to the maximum page size of 20', async () => {
    await omni.client.upsertEmailOnlyUsers(people(22));
    const first = await omni.client.listEmailOnlyUsers({ pageSize: 20 });
    expect(first.pageInfo).toEqual({ hasNextPage: true, nextCursor: '2', pageSize: 20, totalRecords: 25 });
    const second = await omni.client.listEmailOnlyUsers({ pageSize: 20, cursor: first.pageInfo.nextCursor as string });
    expect(second.records).toHaveLength(5);
    expect(new Set([...first.records, ...second.records].map((r) => r.email)).size).toBe(25);
  });

  it('finds one user by email, and none for an unknown one', async () => {
    expect((await omni.client.listEmailOnlyUsers({ email: 'blobmanager@myorg.co' })).records).toHaveLength(1);
    expect((await omni.client.listEmailOnlyUsers({ email: 'nobody@myorg.co' })).records).toEqual([]);
  });

  it('surfaces "Invalid page number" for a page past the last one', async () => {
    await expectOmniError(omni.sandbox, omni.client.listEmailOnlyUsers({ cursor: 2 }), {
      status: 400,
      detail: 'Invalid page number. The last valid page is 1.',
      method: 'GET',
      path: ONE,
    });
  });

  it.each([
    ['pageSize', { pageSize: 21 }],
    ['sortDirection', { sortDirection: 'newest' }],
    ['cursor', { cursor: '' }],
  ])('refuses a bad %s locally', async (field, query) => {
    await expectRefusedLocally(omni.sandbox, omni.client.listEmailOnlyUsers(query as never), field);
  });
});
