// addRecipients, removeRecipients, listRecipients — and their errors.
import { describe, expect, it } from 'vitest';
import type { RecipientChange, ScheduleRecipients } from '../../src/omni/index.js';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { expectOmniError, expectRefusedLocally, requestsTo, schedulePath, UNKNOWN_ID, useContract } from './support.js';

const omni = useContract();
const S = SEEDED_SCHEDULE_IDS;
const PARTNER_USER_ID = '4b7d2e91-3c6a-4f08-9e15-a8c0d7f3b262'; // a seeded email-only user

const emailsOf = (recipients: ScheduleRecipients) =>
  recipients.type === 'email' ? recipients.recipients.map((r) => r.email) : [];

describe('listRecipients', () => {
  it('lists an email schedule with members and email-only users told apart', async () => {
    expect(await omni.client.listRecipients(S.orders)).toEqual({
      type: 'email',
      recipients: [
        { id: BLOB_ROSS_ID, email: 'blob.ross@blobsrus.com', name: 'Blob Ross', emailOnly: false },
        { id: BLOBBY_HILL_ID, email: 'blobby.hill@blobsrus.com', name: 'Blobby Hill', emailOnly: false },
        { id: expect.any(String), email: 'blobmanager@myorg.co', name: 'blobmanager@myorg.co', emailOnly: true },
      ],
      userGroupRecipients: [],
    });
  });

  it('lists Slack and webhook destinations in their own shapes', async () => {
    expect(await omni.client.listRecipients(S.dailySlackUpdate)).toEqual({
      type: 'slack',
      recipients: [
        { recipientType: 'users', slackId: 'U0123ABCD' },
        { recipientType: 'users', slackId: 'U0456EFGH' },
      ],
    });
    expect(await omni.client.listRecipients(S.orders2)).toEqual({
      type: 'webhook',
      url: 'https://webhooksrus.com/1234566',
    });
  });

  it('surfaces 404 for an unknown schedule and refuses a malformed id locally', async () => {
    await expectOmniError(omni.sandbox, omni.client.listRecipients(UNKNOWN_ID), {
      status: 404,
      detail: `Scheduled task with id ${UNKNOWN_ID} does not exist`,
      method: 'GET',
      path: schedulePath(UNKNOWN_ID, 'recipients'),
    });
    await expectRefusedLocally(omni.sandbox, omni.client.listRecipients('orders'), 'scheduleId');
  });
});

describe('addRecipients', () => {
  it('adds emails and user ids, counting only the new ones', async () => {
    const result = await omni.client.addRecipients(S.query, {
      emails: ['new.analyst@example.com', 'BLOBBY.HILL@blobsrus.com'],
      userIds: [BLOB_ROSS_ID, PARTNER_USER_ID],
    });
    // Blobby Hill is already a recipient of "⚡️🍣 Query".
    expect(result).toEqual({ success: true, addedRecipientsCount: 3, addedGroupRecipientsCount: 0 });
    expect(requestsTo(omni.sandbox, 'PUT', schedulePath(S.query, 'add-recipients'))[0]?.body).toEqual({
      emails: ['new.analyst@example.com', 'BLOBBY.HILL@blobsrus.com'],
      userIds: [BLOB_ROSS_ID, PARTNER_USER_ID],
    });
    expect(emailsOf(await omni.client.listRecipients(S.query)).sort()).toEqual([
      'blob.ross@blobsrus.com',
      'blobby.hill@blobsrus.com',
      'new.analyst@example.com',
      'partner@blobsrus-partners.com',
    ]);
    const [record] = (await omni.client.listSchedules({ q: 'Query' })).records;
    expect(record?.recipientCount).toBe(4);
  });

  it('adds nothing twice', async () => {
    expect(await omni.client.addRecipients(S.orders, { emails: ['blob.ross@blobsrus.com'] })).toMatchObject({
      addedRecipientsCount: 0,
    });
  });

  it.each([
    [
      S.orders,
      { userIds: [UNKNOWN_ID] },
      400,
      `Invalid recipient(s): The following members do not exist or do not have access to this organization: ${UNKNOWN_ID}`,
    ],
    [S.orders2, { emails: ['a@example.com'] }, 400, 'Cannot add recipients to destination type webhook'],
    [S.dailySlackUpdate, { emails: ['a@example.com'] }, 400, 'Cannot add recipients to destination type slack'],
    [UNKNOWN_ID, { emails: ['a@example.com'] }, 404, `Scheduled task with id ${UNKNOWN_ID} does not exist`],
    // Not in Omni's docs: the sandbox organization has no user groups.
    [
      S.orders,
      { userGroupIds: [UNKNOWN_ID] },
      400,
      `Invalid user group(s): The following user groups do not exist: ${UNKNOWN_ID}`,
    ],
  ] as [string, RecipientChange, number, string][])('%s %j surfaces %i', async (id, change, status, detail) => {
    await expectOmniError(omni.sandbox, omni.client.addRecipients(id, change), {
      status,
      detail,
      method: 'PUT',
      path: schedulePath(id, 'add-recipients'),
    });
  });

  // Omni's answers to these would be "userIds: Invalid uuid", "emails: Invalid email address",
  // "Please provide either valid email addresses, valid user IDs, or both", "At least one recipient
  // must be provided" and "emails: Array must contain at least 1 element(s)".
  it.each([
    ['userIds.0', { userIds: ['blob-ross'] }],
    ['emails.0', { emails: ['not an email'] }],
    ['(body)', {}],
    ['(body)', { emails: [], userIds: [] }],
    ['(body)', { emails: [] }],
    ['recipients', { recipients: ['a@example.com'] }],
  ])('refuses %s locally', async (field, change) => {
    await expectRefusedLocally(omni.sandbox, omni.client.addRecipients(S.orders, change as RecipientChange), field);
    await expectRefusedLocally(omni.sandbox, omni.client.removeRecipients(S.orders, change as RecipientChange), field);
  });
});

describe('removeRecipients', () => {
  it('removes by email (any case) and by user id', async () => {
    const result = await omni.client.removeRecipients(S.orders, {
      emails: ['BlobManager@myorg.co'],
      userIds: [BLOBBY_HILL_ID],
    });
    expect(result).toEqual({ success: true, removedRecipientsCount: 2, removedGroupRecipientsCount: 0 });
    expect(emailsOf(await omni.client.listRecipients(S.orders))).toEqual(['blob.ross@blobsrus.com']);
  });

  it('counts nothing for someone who was not a recipient', async () => {
    expect(await omni.client.removeRecipients(S.orders, { emails: ['stranger@example.com'] })).toMatchObject({
      removedRecipientsCount: 0,
    });
  });

  it.each([
    [
      S.orders,
      { userIds: [UNKNOWN_ID] },
      400,
      `Invalid recipient(s): The following members do not exist or do not have access to this organization: ${UNKNOWN_ID}`,
    ],
    [
      S.dailySlackUpdate,
      { emails: ['a@example.com'] },
      400,
      'Cannot change recipients on a scheduled task destination of type slack',
    ],
    [
      S.orders2,
      { emails: ['a@example.com'] },
      400,
      'Cannot change recipients on a scheduled task destination of type webhook',
    ],
    [UNKNOWN_ID, { emails: ['a@example.com'] }, 404, `Scheduled task with id ${UNKNOWN_ID} does not exist`],
  ] as [string, RecipientChange, number, string][])('%s %j surfaces %i', async (id, change, status, detail) => {
    await expectOmniError(omni.sandbox, omni.client.removeRecipients(id, change), {
      status,
      detail,
      method: 'PUT',
      path: schedulePath(id, 'remove-recipients'),
    });
  });
});
