import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';
import { type Api, expectError, startSandbox } from './helpers.js';

let sandbox: OmniSandbox;
let api: Api;

beforeAll(async () => {
  ({ sandbox, api } = await startSandbox());
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const TZ_ERROR = (tz: string) =>
  `The timezone ${tz} is not supported. Please see the connection page or user profile page for the list of valid timezones. Use e.g. "America/New_York" instead of "EST"`;
const MULTI_ERROR = (name: string) =>
  `User Attribute ${name} has multiple values enabled, but the passed-in value is not an array. If passing a single value for a user attribute with multiple values enabled, please wrap the value in an array [x].`;

describe('create or update one', () => {
  it('creates, then updates the same user by email (case-insensitively), and unsets with null, "" and []', async () => {
    const attributes = { region: ['US', 'EU'], omni_user_timezone: 'America/New_York', is_admin: 0, is_sales_team: 1 };
    const created = await api('POST', '/v1/users/email-only', {
      email: 'new.blob@myorg.co',
      userAttributes: attributes,
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ email: 'new.blob@myorg.co', userId: expect.stringMatching(/^[0-9a-f-]{36}$/) });

    const updated = await api('POST', '/v1/users/email-only', {
      email: 'NEW.BLOB@myorg.co',
      userAttributes: { is_admin: null, is_sales_team: '', region: [] },
    });
    expect(updated.body.userId).toBe(created.body.userId);
    expect(sandbox.state.emailOnlyUsers.get('new.blob@myorg.co')?.userAttributes).toEqual({
      omni_user_timezone: 'America/New_York',
    });
  });

  it.each([
    [{}, 'email: email is required'],
    [{ email: 'blob' }, 'email: Invalid email address'],
    [
      { email: 'a@b.co', userAttributes: { favourite_colour: 'blue', team: 'x' } },
      'The provided user attributes: "favourite_colour", "team" do not match the names of existing user attributes.',
    ],
    [
      { email: 'a@b.co', userAttributes: { omni_user_email: 'x@y.co' } },
      'The provided user attributes: "omni_user_email" do not match the names of existing user attributes.',
    ],
    [
      { email: 'a@b.co', userAttributes: { is_admin: 'yes' } },
      'User Attribute is_admin is type number, but passed-in value yes is not a number.',
    ],
    [
      { email: 'a@b.co', userAttributes: { is_sales_team: true } },
      'User Attribute is_sales_team is type number, but passed-in value true is not a number.',
    ],
    [{ email: 'a@b.co', userAttributes: { omni_user_timezone: 'EST' } }, TZ_ERROR('EST')],
    [{ email: 'a@b.co', userAttributes: { region: 'US' } }, MULTI_ERROR('region')],
  ])('%j → %s', async (body, detail) => {
    expectError(await api('POST', '/v1/users/email-only', body), 400, detail);
    expect(sandbox.state.emailOnlyUsers.has('a@b.co')).toBe(false);
  });

  it('answers "Invalid JSON" to a malformed body', async () => {
    expectError(await api('POST', '/v1/users/email-only', undefined, { rawBody: '{"email": ' }), 400, 'Invalid JSON');
  });

  it('refuses the email of an organization member (a guess: members are not email-only users)', async () => {
    expectError(
      await api('POST', '/v1/users/email-only', { email: 'blob.ross@blobsrus.com' }),
      400,
      'email: blob.ross@blobsrus.com belongs to a member of this organization, not an email-only user',
    );
  });
});

describe('bulk', () => {
  it('creates or updates up to 20 and answers 201 with one result per user', async () => {
    const users = Array.from({ length: 20 }, (_, i) => ({
      email: `bulk${i}@example.com`,
      userAttributes: { region: ['US'], omni_user_timezone: 'Europe/Berlin' },
    }));
    users[0] = { email: 'iamagoodblob@myorg.co', userAttributes: { region: ['EU'], omni_user_timezone: 'UTC' } };
    const res = await api('POST', '/v1/users/email-only/bulk', { users });
    expect(res.status).toBe(201);
    expect(res.body.results).toHaveLength(20);
    expect(res.body.results[0]).toEqual({
      email: 'iamagoodblob@myorg.co',
      userId: '1e23dadc-961b-4a21-b36b-17168130fc3f',
    });
    expect(sandbox.state.emailOnlyUsers.get('bulk19@example.com')?.userAttributes).toEqual({
      region: ['US'],
      omni_user_timezone: 'Europe/Berlin',
    });
  });

  it.each([
    [{}, 'users: users is required'],
    [{ users: [] }, 'users: Array must contain at least 1 element(s)'],
    [
      { users: Array.from({ length: 21 }, (_, i) => ({ email: `u${i}@example.com` })) },
      'users: Maximum of 20 users can be processed in a single request',
    ],
    [{ users: [{ email: 'ok@example.com' }, {}] }, 'email: email is required'],
    [{ users: [{ email: 'ok@example.com' }, { email: 'bad' }] }, 'email: Invalid email address'],
    [{ users: [{ email: 'ok@example.com', userAttributes: { omni_user_timezone: 'PST' } }] }, TZ_ERROR('PST')],
  ])('%j → %s, and writes nothing', async (body, detail) => {
    expectError(await api('POST', '/v1/users/email-only/bulk', body), 400, detail);
    expect(sandbox.state.emailOnlyUsers.has('ok@example.com')).toBe(false);
  });
});

describe('list', () => {
  it('pages newest first by default, 20 at most, with snake_case records', async () => {
    for (let batch = 0; batch < 2; batch++) {
      const users = Array.from({ length: 12 }, (_, i) => ({
        email: `list${batch}-${String(i).padStart(2, '0')}@example.com`,
      }));
      await api('POST', '/v1/users/email-only/bulk', { users });
    }
    const first = await api('GET', '/v1/users/email-only?pageSize=20');
    expect(first.body.pageInfo).toEqual({ hasNextPage: true, nextCursor: '2', pageSize: 20, totalRecords: 27 });
    const second = await api('GET', '/v1/users/email-only?pageSize=20&cursor=2');
    expect(second.body.records).toHaveLength(7);
    expect(second.body.records.at(-1)).toEqual({
      email: 'iamagoodblob@myorg.co',
      user_attributes: {},
      user_id: '1e23dadc-961b-4a21-b36b-17168130fc3f',
    });
    const asc = await api('GET', '/v1/users/email-only?sortDirection=asc&pageSize=1');
    expect(asc.body.records[0].email).toBe('iamagoodblob@myorg.co');
    expectError(await api('GET', '/v1/users/email-only?pageSize=21'), 400, 'Page size cannot exceed 20');
  });
});
