import { describe, expect, it } from 'vitest';
import {
  type CreateScheduleBody,
  listedDestinations,
  OmniApiError,
  OmniError,
  OmniResponseError,
  type ScheduleRecord,
} from '../../src/omni/index.js';
import { omniError } from './scripted-server.js';
import { docsRecord, page, rejectionOf, SCHEDULE_ID, specRecord, USER_ID, useScriptedOmni } from './support.js';

describe('OmniClient reads answers tolerantly', () => {
  const omni = useScriptedOmni();

  it('reads list records with and without format/ownerId/alert, keeping unknown fields', async () => {
    omni.server.reply({
      json: {
        ...page([
          // Distinct ids: rows with one id are one schedule's destinations and are merged.
          specRecord({ futureField: 'kept', id: '00000000-0000-4000-8000-000000000001' }),
          docsRecord({ name: 'Docs shape', id: '00000000-0000-4000-8000-000000000002' }),
          specRecord({ alert: null, name: 'Null alert', id: '00000000-0000-4000-8000-000000000003' }),
          specRecord({
            ownerId: null,
            ownerName: null,
            name: 'Owned by the organization',
            id: '00000000-0000-4000-8000-000000000004',
          }),
        ]),
        extraTopLevel: 1,
      },
    });
    const result = await omni.client.listSchedules();

    expect(result.records.map((r) => [r.name, r.format, r.ownerId, r.alert])).toEqual([
      [
        'Weekly Sales Report',
        'pdf',
        USER_ID,
        { conditionQueryName: 'Orders by day', conditionType: 'RESULTS_PRESENT' },
      ],
      ['Docs shape', null, null, null],
      ['Null alert', 'pdf', USER_ID, null],
      [
        'Owned by the organization',
        'pdf',
        null,
        { conditionQueryName: 'Orders by day', conditionType: 'RESULTS_PRESENT' },
      ],
    ]);
    expect(result.records[3]?.ownerName).toBeNull();
    expect(result.records[0]).toMatchObject({ futureField: 'kept' });
    expect(result).toMatchObject({ extraTopLevel: 1 });
  });

  it('merges the rows Omni sends per destination into one record per schedule id', async () => {
    omni.server.reply({
      json: page([
        specRecord({ destinationType: 'email', recipientCount: 2, slackRecipientType: null }),
        specRecord({
          destinationType: 'slack',
          recipientCount: -1,
          slackRecipientType: 'channel',
          lastStatus: 'ERROR',
        }),
      ]),
    });
    const result = await omni.client.listSchedules();
    expect(result.records).toHaveLength(1);
    expect(listedDestinations(result.records[0] as ScheduleRecord)).toEqual([
      expect.objectContaining({ destinationType: 'email', recipientCount: 2 }),
      expect.objectContaining({ destinationType: 'slack', slackRecipientType: 'channel', lastStatus: 'ERROR' }),
    ]);
  });

  it('reads page-number cursors given as numbers as strings', async () => {
    omni.server.reply({
      json: { pageInfo: { hasNextPage: true, nextCursor: 2, pageSize: 20, totalRecords: 40 }, records: [] },
    });
    expect((await omni.client.listSchedules()).pageInfo.nextCursor).toBe('2');
  });

  it('names the missing field and the operation when a record lacks a required field', async () => {
    const { name: _name, ...nameless } = specRecord();
    omni.server.reply({ json: page([specRecord(), nameless]) });
    const error = await rejectionOf(omni.client.listSchedules());

    expect(error).toBeInstanceOf(OmniResponseError);
    expect(error).toBeInstanceOf(OmniError);
    expect(error).toMatchObject({ operation: 'listSchedules', field: 'records.1.name', status: 200 });
    expect(error.message).toBe(
      "Omni's answer to listSchedules (GET /api/v1/schedules) is not what the client expects: records.1.name: is required",
    );
  });

  it('reports a 2xx body that is not JSON', async () => {
    omni.server.reply({ text: '<html>proxy login</html>', headers: { 'content-type': 'text/html' } });
    const error = await rejectionOf(omni.client.getSchedule(SCHEDULE_ID));
    expect(error).toBeInstanceOf(OmniResponseError);
    expect(error.message).toContain('(body): is not JSON: <html>proxy login</html>');
  });

  it('accepts add/remove answers with or without group counts', async () => {
    omni.server.reply(
      { json: { addedRecipientsCount: 2, success: true } },
      { json: { addedRecipientsCount: 1, addedGroupRecipientsCount: 1, success: true } },
      { json: { removedRecipientsCount: 2, success: true } },
      { json: { removedRecipientsCount: 0, removedGroupRecipientsCount: 3, success: true } },
    );
    const change = { emails: ['a@myorg.co'] };
    expect(await omni.client.addRecipients(SCHEDULE_ID, change)).toEqual({ addedRecipientsCount: 2, success: true });
    expect(await omni.client.addRecipients(SCHEDULE_ID, change)).toMatchObject({ addedGroupRecipientsCount: 1 });
    expect(await omni.client.removeRecipients(SCHEDULE_ID, change)).toEqual({
      removedRecipientsCount: 2,
      success: true,
    });
    expect(await omni.client.removeRecipients(SCHEDULE_ID, change)).toMatchObject({ removedGroupRecipientsCount: 3 });
  });

  it('reads every recipients variant', async () => {
    omni.server.reply(
      {
        json: {
          type: 'email',
          recipients: [
            { email: 'blob@blobsrus.com', emailOnly: false, id: 'r1', name: 'Blob Ross' },
            { email: 'ext@partner.com', id: 'r2', name: '' },
          ],
          userGroupRecipients: [
            { id: 'g1', name: 'Sales', recipients: [{ email: 's@blobsrus.com', id: 'r3', name: 'S' }] },
          ],
        },
      },
      { json: { type: 'email', recipients: ['plain@blobsrus.com'] } },
      { json: { type: 'slack', recipients: [{ recipientType: 'channel', slackId: 'C01234567' }] } },
      { json: { type: 'webhook', webhookUrl: 'https://api.example.com/hook' } },
      { json: { type: 'sftp', address: 'sftp.blobsrus.com', port: '22', username: 'blob' } },
      { json: { type: 's3', bucketName: 'b' } },
    );

    const email = await omni.client.listRecipients(SCHEDULE_ID);
    expect(email).toMatchObject({
      type: 'email',
      recipients: [
        { email: 'blob@blobsrus.com', emailOnly: false },
        { email: 'ext@partner.com', id: 'r2' },
      ],
      userGroupRecipients: [{ name: 'Sales', recipients: [{ email: 's@blobsrus.com' }] }],
    });
    expect(await omni.client.listRecipients(SCHEDULE_ID)).toEqual({
      type: 'email',
      recipients: [{ email: 'plain@blobsrus.com', id: null, name: null }],
      userGroupRecipients: [],
    });
    expect(await omni.client.listRecipients(SCHEDULE_ID)).toEqual({
      type: 'slack',
      recipients: [{ recipientType: 'channel', slackId: 'C01234567' }],
    });
    expect(await omni.client.listRecipients(SCHEDULE_ID)).toMatchObject({
      type: 'webhook',
      url: 'https://api.example.com/hook',
    });
    expect(await omni.client.listRecipients(SCHEDULE_ID)).toMatchObject({ type: 'sftp', port: 22 });
    expect(await omni.client.listRecipients(SCHEDULE_ID)).toMatchObject({ type: 's3', bucketName: 'b' });
  });

  it('accepts the bulk email-only answer as 200 or 201', async () => {
    const results = { results: [{ email: 'a@partner.com', userId: USER_ID }] };
    omni.server.reply({ status: 200, json: results }, { status: 201, json: results });
    for (let i = 0; i < 2; i++) {
      expect(await omni.client.upsertEmailOnlyUsers([{ email: 'a@partner.com' }])).toEqual({
        succeeded: [{ email: 'a@partner.com', userId: USER_ID }],
        failed: [],
      });
    }
  });

  it('accepts an update answered with an empty body or with the docs body', async () => {
    omni.server.reply({ status: 200, text: '' }, { json: { success: true, scheduledTaskId: SCHEDULE_ID } });
    expect(await omni.client.updateSchedule(SCHEDULE_ID, { name: 'x' })).toEqual({});
    expect(await omni.client.updateSchedule(SCHEDULE_ID, { name: 'x' })).toEqual({
      success: true,
      scheduledTaskId: SCHEDULE_ID,
    });
  });

  it('accepts a create answer without an id (testNow) or without a message', async () => {
    omni.server.reply({ json: { message: 'Successfully created schedule' } }, { json: { id: SCHEDULE_ID } });
    const body = {
      identifier: '12db1a0a',
      name: 'Now',
      schedule: '0 0 1 1 ? 2099',
      timezone: 'UTC',
      format: 'pdf',
      destinationType: 'email',
      recipients: ['a@myorg.co'],
      testNow: true,
    } satisfies CreateScheduleBody;
    expect(await omni.client.createSchedule(body)).toEqual({ message: 'Successfully created schedule' });
    expect(await omni.client.createSchedule(body)).toEqual({ id: SCHEDULE_ID });
  });

  it('reads a schedule detail with destinations and member recipients', async () => {
    omni.server.reply({
      json: {
        id: SCHEDULE_ID,
        name: 'Weekly',
        schedule: '0 9 ? * MON *',
        timezone: 'UTC',
        ownerId: USER_ID,
        owner: { name: 'Blob Ross' },
        fanOut: false,
        disabledAt: '2026-01-01T00:00:00.000Z',
        destinations: [
          {
            id: 'd1',
            format: 'pdf',
            lastStatus: null,
            lastCompletedAt: null,
            metadata: { type: 'email', subject: 'Weekly' },
            recipients: [
              { id: 'r1', membershipId: USER_ID, membership: { user: { email: 'blob@blobsrus.com', name: null } } },
            ],
            userGroupRecipients: [],
          },
        ],
      },
    });
    const detail = await omni.client.getSchedule(SCHEDULE_ID);
    expect(detail.disabledAt).toBe('2026-01-01T00:00:00.000Z');
    expect(detail.conditionType).toBeNull();
    expect(detail.destinations[0]?.recipients[0]?.membership?.user.email).toBe('blob@blobsrus.com');
  });

  it('reads documents, filters, queries and user attributes with extra fields', async () => {
    omni.server.reply(
      {
        json: page([
          { identifier: '12db1a0a', name: 'Orders', hasDashboard: true, folder: null, _count: { views: 3 } },
        ]),
      },
      { json: { identifier: '12db1a0a', filterOrder: [] } },
      { json: { records: [{ name: 'omni_user_timezone', type: 'String', multiple_values: false, system: true }] } },
    );
    expect((await omni.client.listDocuments()).records[0]).toMatchObject({
      identifier: '12db1a0a',
      _count: { views: 3 },
    });
    expect(await omni.client.getDashboardFilters('12db1a0a')).toEqual({
      identifier: '12db1a0a',
      filterOrder: [],
      filters: {},
    });
    expect(await omni.client.listUserAttributes()).toEqual([
      {
        name: 'omni_user_timezone',
        type: 'String',
        multiple_values: false,
        system: true,
        id: null,
        label: null,
        description: null,
      },
    ]);
  });
});

describe('OmniClient reports Omni refusals', () => {
  const omni = useScriptedOmni();

  it("quotes Omni's detail unchanged, with the method, path and status", async () => {
    omni.server.reply(omniError(400, 'Schedule is already paused'));
    const error = await rejectionOf(omni.client.pauseSchedule(SCHEDULE_ID));

    expect(error).toBeInstanceOf(OmniApiError);
    expect(error).toMatchObject({
      status: 400,
      detail: 'Schedule is already paused',
      method: 'PUT',
      path: `/api/v1/schedules/${SCHEDULE_ID}/pause`,
      attempts: 1,
    });
    expect(error.message).toBe(
      `Omni refused PUT /api/v1/schedules/${SCHEDULE_ID}/pause (400): Schedule is already paused`,
    );
  });

  it('keeps details with quotes and placeholders verbatim', async () => {
    const detail =
      'Invalid filter keys found in schedule configuration: Region. Available dashboard filter keys are: region, order_date.';
    omni.server.reply(omniError(400, detail), omniError(404, 'Document with identifier "nope" not found'));
    expect(await rejectionOf(omni.client.getDashboardFilters('dashboard-abc123'))).toMatchObject({ detail });
    expect(await rejectionOf(omni.client.listDocumentQueries('nope'))).toMatchObject({
      status: 404,
      detail: 'Document with identifier "nope" not found',
    });
  });

  it('gives a useful detail for bodies that are not JSON or are empty', async () => {
    omni.server.reply(
      { status: 502, text: '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>' },
      { status: 401, text: '' },
      { status: 403, json: { message: 'Permission denied - admin role required' } },
      { status: 418, text: 'plain words' },
    );
    // listDocuments is a GET: ask for no retries so the 502 is reported at once.
    const client = omni.makeClient({ maxRetries: 0 });
    expect((await rejectionOf(client.listDocuments())) as OmniApiError).toMatchObject({
      status: 502,
      detail: 'Bad Gateway: 502 Bad Gateway',
    });
    expect(await rejectionOf(client.listDocuments())).toMatchObject({ status: 401, detail: 'Unauthorized' });
    expect(await rejectionOf(client.listDocuments())).toMatchObject({
      status: 403,
      detail: 'Permission denied - admin role required',
    });
    expect(await rejectionOf(client.listDocuments())).toMatchObject({
      status: 418,
      detail: "I'm a Teapot: plain words",
    });
  });
});
