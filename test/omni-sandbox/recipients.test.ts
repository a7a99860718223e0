import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID, type OmniSandbox, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { type Api, expectError, startSandbox } from './helpers.js';

let sandbox: OmniSandbox;
let api: Api;
const QUERY = SEEDED_SCHEDULE_IDS.query; // email, one recipient: Blobby Hill
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ({ sandbox, api } = await startSandbox());
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const emails = async (id: string) =>
  (await api('GET', `/v1/schedules/${id}/recipients`)).body.recipients.map((r: { email: string }) => r.email);

describe('list recipients', () => {
  it('lists email recipients with names and whether they are email-only', async () => {
    const res = await api('GET', `/v1/schedules/${SEEDED_SCHEDULE_IDS.webTrafficAnalysis}/recipients`);
    expect(res.body).toEqual({
      type: 'email',
      recipients: [
        { id: BLOB_ROSS_ID, email: 'blob.ross@blobsrus.com', name: 'Blob Ross', emailOnly: false },
        {
          id: '1e23dadc-961b-4a21-b36b-17168130fc3f',
          email: 'iamagoodblob@myorg.co',
          name: 'iamagoodblob@myorg.co',
          emailOnly: true,
        },
      ],
      userGroupRecipients: [],
    });
  });

  it('describes webhook destinations by URL', async () => {
    const res = await api('GET', `/v1/schedules/${SEEDED_SCHEDULE_IDS.orders2}/recipients`);
    expect(res.body).toEqual({ type: 'webhook', url: 'https://webhooksrus.com/1234566' });
  });
});

describe('add recipients', () => {
  it('adds by email and by user ID, counts only new ones, and carries the group count', async () => {
    const res = await api('PUT', `/v1/schedules/${QUERY}/add-recipients`, {
      emails: ['user1@example.com', 'blobby.hill@blobsrus.com'],
      userIds: [BLOB_ROSS_ID, BLOBBY_HILL_ID],
    });
    expect(res.body).toEqual({ addedRecipientsCount: 2, addedGroupRecipientsCount: 0, success: true });
    expect(await emails(QUERY)).toEqual(['blobby.hill@blobsrus.com', 'blob.ross@blobsrus.com', 'user1@example.com']);
    const list = await api('GET', '/v1/schedules?q=Query');
    expect(list.body.records[0].recipientCount).toBe(3);
  });

  it('creates an email-only user for an unknown address', async () => {
    await api('PUT', `/v1/schedules/${QUERY}/add-recipients`, { emails: ['brand.new@example.com'] });
    const user = sandbox.state.emailOnlyUsers.get('brand.new@example.com');
    expect(user?.userId).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await api('GET', '/v1/users/email-only?email=brand.new@example.com');
    expect(listed.body.records).toEqual([
      { email: 'brand.new@example.com', user_attributes: {}, user_id: user?.userId },
    ]);
  });

  it.each([
    [{}, 'Please provide either valid email addresses, valid user IDs, or both'],
    [{ emails: [] }, 'emails: Array must contain at least 1 element(s)'],
    [{ emails: [], userIds: [] }, 'At least one recipient must be provided'],
    [{ emails: ['not an email'] }, 'emails: Invalid email address'],
    [{ userIds: ['123'] }, 'userIds: Invalid uuid'],
    [
      { userIds: [UNKNOWN] },
      `Invalid recipient(s): The following members do not exist or do not have access to this organization: ${UNKNOWN}`,
    ],
  ])('%j → %s', async (body, detail) => {
    expectError(await api('PUT', `/v1/schedules/${QUERY}/add-recipients`, body), 400, detail);
    expect(await emails(QUERY)).toEqual(['blobby.hill@blobsrus.com']);
  });

  it('refuses non-email destinations and unknown schedules', async () => {
    const body = { emails: ['a@example.com'] };
    expectError(
      await api('PUT', `/v1/schedules/${SEEDED_SCHEDULE_IDS.dailySlackUpdate}/add-recipients`, body),
      400,
      'Cannot add recipients to destination type slack',
    );
    expectError(
      await api('PUT', `/v1/schedules/${SEEDED_SCHEDULE_IDS.orders2}/add-recipients`, body),
      400,
      'Cannot add recipients to destination type webhook',
    );
    expectError(
      await api('PUT', `/v1/schedules/${UNKNOWN}/add-recipients`, body),
      404,
      `Scheduled task with id ${UNKNOWN} does not exist`,
    );
  });
});

describe('remove recipients', () => {
  it('removes by email and by user ID, counting what was removed', async () => {
    const id = SEEDED_SCHEDULE_IDS.orders;
    const res = await api('PUT', `/v1/schedules/${id}/remove-recipients`, {
      emails: ['BLOBMANAGER@myorg.co', 'nobody@example.com'],
      userIds: [BLOBBY_HILL_ID],
    });
    expect(res.body).toEqual({ removedRecipientsCount: 2, removedGroupRecipientsCount: 0, success: true });
    expect(await emails(id)).toEqual(['blob.ross@blobsrus.com']);
  });

  it.each([
    [{}, 'Please provide either valid email addresses, valid user IDs, or both'],
    [{ userIds: [] }, 'userIds: Array must contain at least 1 element(s)'],
    [{ emails: [], userIds: [] }, 'At least one recipient must be provided'],
    [{ emails: ['nope'] }, 'Bad Request: emails: Invalid email address'],
    [{ userIds: ['nope'] }, 'Bad Request: userIds: Invalid uuid'],
    [
      { userIds: [UNKNOWN] },
      `Invalid recipient(s): The following members do not exist or do not have access to this organization: ${UNKNOWN}`,
    ],
  ])('%j → %s', async (body, detail) => {
    expectError(await api('PUT', `/v1/schedules/${QUERY}/remove-recipients`, body), 400, detail);
  });

  it('refuses non-email destinations with its own wording', async () => {
    expectError(
      await api('PUT', `/v1/schedules/${SEEDED_SCHEDULE_IDS.dailySlackUpdate}/remove-recipients`, {
        emails: ['a@b.co'],
      }),
      400,
      'Cannot change recipients on a scheduled task destination of type slack',
    );
    expectError(
      await api('PUT', `/v1/schedules/${UNKNOWN}/remove-recipients`, { emails: ['a@b.co'] }),
      404,
      `Scheduled task with id ${UNKNOWN} does not exist`,
    );
  });
});
