// createSchedule (every destination type, userId), updateSchedule, deleteSchedule — and their errors.
import { describe, expect, it } from 'vitest';
import type { CreateScheduleBody, UpdateScheduleBody } from '../../src/omni/index.js';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import {
  emailBody,
  expectOmniError,
  expectRefusedLocally,
  requestsTo,
  schedulePath,
  UNKNOWN_ID,
  useContract,
} from './support.js';

const omni = useContract();
const LIST = '/api/v1/schedules';
const BLOBBY_HILL_MEMBERSHIP = 'd4e2b8f3-6c9e-4f2a-8b71-8e3c5d9f2a02';
const common = { identifier: '12db1a0a', name: 'Weekly', schedule: '0 9 ? * MON *', timezone: 'America/New_York' };

const createError = (body: CreateScheduleBody, status: number, detail: string) =>
  expectOmniError(omni.sandbox, omni.client.createSchedule(body), { status, detail, method: 'POST', path: LIST });

describe('createSchedule', () => {
  it('creates an email schedule owned by the key owner, with recipients as strings', async () => {
    const result = await omni.client.createSchedule(
      emailBody({ recipients: ['blobby.hill@blobsrus.com', 'new.person@example.com'], fanOut: true }),
    );
    expect(result).toEqual({ id: expect.any(String), message: 'Successfully created schedule' });
    expect(requestsTo(omni.sandbox, 'POST', LIST)[0]?.body).toMatchObject({
      recipients: ['blobby.hill@blobsrus.com', 'new.person@example.com'],
      fanOut: true,
    });
    const detail = await omni.client.getSchedule(result.id as string);
    expect(detail).toMatchObject({ name: 'Daily orders', ownerId: BLOB_ROSS_ID, fanOut: true });
    expect(detail.destinations[0]?.recipients.map((r) => r.membership?.user.email)).toEqual([
      'blobby.hill@blobsrus.com',
      'new.person@example.com',
    ]);
    // Omni makes an email-only user of an address that is not a member.
    expect((await omni.client.listEmailOnlyUsers({ email: 'new.person@example.com' })).records).toHaveLength(1);
  });

  it('creates for another owner with userId (a membership id)', async () => {
    const { id } = await omni.client.createSchedule(emailBody(), { userId: BLOBBY_HILL_MEMBERSHIP });
    expect(requestsTo(omni.sandbox, 'POST', LIST)[0]?.query).toEqual({ userId: BLOBBY_HILL_MEMBERSHIP });
    const [record] = (await omni.client.listSchedules({ q: 'Daily orders' })).records;
    expect(record).toMatchObject({ id, ownerId: BLOBBY_HILL_ID, ownerName: 'Blobby Hill' });
  });

  it('creates a Slack schedule to a channel and one to users', async () => {
    const channel = await omni.client.createSchedule({
      ...common,
      format: 'png',
      destinationType: 'slack',
      slackRecipientType: 'channel',
      recipients: 'C01234567',
      textBody: 'Weekly report',
    });
    const users = await omni.client.createSchedule({
      ...common,
      name: 'DMs',
      format: 'link_only',
      destinationType: 'slack',
      slackRecipientType: 'users',
      recipients: ['U0123ABCD', 'U0456EFGH'],
    });
    expect(await omni.client.listRecipients(channel.id as string)).toEqual({
      type: 'slack',
      recipients: [{ recipientType: 'channel', slackId: 'C01234567' }],
    });
    const dms = await omni.client.listRecipients(users.id as string);
    expect(dms.type === 'slack' && dms.recipients).toEqual([
      { recipientType: 'users', slackId: 'U0123ABCD' },
      { recipientType: 'users', slackId: 'U0456EFGH' },
    ]);
    const records = await omni.client.listSchedules({ destination: 'slack', q: 'weekly' });
    expect(records.records).toEqual([expect.objectContaining({ slackRecipientType: 'channel', recipientCount: -1 })]);
  });

  it('creates a webhook schedule, sending `url` as the docs do', async () => {
    const { id } = await omni.client.createSchedule({
      ...common,
      format: 'json',
      destinationType: 'webhook',
      url: 'https://api.example.com/webhook',
      queryIdentifierMapKey: '1',
    });
    expect(requestsTo(omni.sandbox, 'POST', LIST)[0]?.body).toMatchObject({ url: 'https://api.example.com/webhook' });
    expect(await omni.client.listRecipients(id as string)).toEqual({
      type: 'webhook',
      url: 'https://api.example.com/webhook',
    });
    expect((await omni.client.listSchedules({ contentType: 'single tile', q: 'weekly' })).records).toHaveLength(1);
  });

  it('creates an SFTP schedule; the password is never given back', async () => {
    const { id } = await omni.client.createSchedule({
      ...common,
      format: 'csv',
      destinationType: 'sftp',
      address: 'sftp.blobsrus.com',
      port: 22,
      username: 'blobby',
      passwordUnencrypted: 'hunter2-sftp',
    });
    expect(await omni.client.listRecipients(id as string)).toEqual({
      type: 'sftp',
      address: 'sftp.blobsrus.com',
      port: 22,
      username: 'blobby',
    });
    expect(JSON.stringify(await omni.client.getSchedule(id as string))).not.toContain('hunter2-sftp');
  });

  it('creates an S3 schedule and hands back the deliverer role and external id', async () => {
    const result = await omni.client.createSchedule({
      ...common,
      format: 'csv',
      destinationType: 's3',
      bucketName: 'my-reports-bucket',
      region: 'us-east-1',
      roleArn: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
      keyPrefix: 'weekly/',
    });
    expect(result).toEqual({
      id: expect.any(String),
      message: 'Successfully created schedule',
      delivererRoleArn: expect.stringMatching(/^arn:aws:iam::\d{12}:role\//),
      externalId: '550e8400-e29b-41d4-a716-446655440000',
    });
    expect(await omni.client.listRecipients(result.id as string)).toMatchObject({
      type: 's3',
      bucketName: 'my-reports-bucket',
    });
  });

  it('creates an alert with filters, and the list shows it as one', async () => {
    const { id } = await omni.client.createSchedule({
      ...common,
      identifier: 'dashboard-abc123',
      format: 'json',
      destinationType: 'webhook',
      url: 'https://api.example.com/webhook',
      conditionType: 'RESULTS_PRESENT',
      conditionQueryMapKey: '1',
      filterConfig: { region: { type: 'string', kind: 'EQUALS', values: ['EU'] } },
      overrideRowLimit: true,
      maxRowLimit: 1000,
    });
    const [record] = (await omni.client.listSchedules({ scheduleType: 'alert', identifier: 'dashboard-abc123' }))
      .records;
    expect(record).toMatchObject({
      id,
      alert: { conditionType: 'RESULTS_PRESENT', conditionQueryName: 'Sales by region' },
    });
    expect((await omni.client.getSchedule(id as string)).filterConfig).toEqual({
      region: { type: 'string', kind: 'EQUALS', values: ['EU'] },
    });
  });

  describe("surfaces Omni's documented create errors unchanged", () => {
    it.each([
      [{ identifier: 'unsaved01' }, 'Analyses do not support dashboards.'],
      [{ identifier: 'nodash01' }, 'Document does not have a dashboard'],
      [{ schedule: '0 9 * * MON' }, 'schedule: Schedule is an invalid cron expression'],
      [{ timezone: 'EST' }, 'timezone: Time zone must be IANA valid.'],
      [{ format: 'csv', hideTitle: true }, 'hideTitle can only be used with PDF or PNG formats'],
      [{ format: 'png', paperFormat: 'legal' }, 'Print options are not supported for this format'],
      [
        { paperFormat: 'fit_page', expandTablesToShowAllRows: true },
        'Single column layout and table expansion options are not supported for FIT_PAGE format.',
      ],
      [{ queryIdentifierMapKey: 'invalid-key' }, "Couldn't find query presentation for key: invalid-key"],
      [
        { conditionType: 'RESULTS_CHANGED', conditionQueryMapKey: '1', testNow: true },
        'Test delivery not supported for condition type RESULTS_CHANGED',
      ],
      [
        { filterConfig: { Region: { kind: 'EQ', left_side: 'US', type: 'string' } }, identifier: 'dashboard-abc123' },
        'Invalid filter keys found in schedule configuration: Region. Available dashboard filter keys are: region, order_date.',
      ],
      // The docs' copies all cut this string off after "Alert conditions require a condition t…".
      [{ conditionType: 'RESULTS_PRESENT' }, 'Alert conditions require a condition type and a condition query map key'],
    ] as [Partial<CreateScheduleBody>, string][])('400 for %j', async (patch, detail) => {
      await createError({ ...emailBody(), ...patch } as CreateScheduleBody, 400, detail);
      expect(omni.sandbox.state.schedules.size).toBe(7);
    });

    it('404 for an unknown dashboard', async () => {
      await createError(emailBody({ identifier: 'nope1234' }), 404, 'Document with identifier "nope1234" not found');
    });

    it('404 for an unknown owner (userId)', async () => {
      await expectOmniError(omni.sandbox, omni.client.createSchedule(emailBody(), { userId: UNKNOWN_ID }), {
        status: 404,
        detail: `User with id ${UNKNOWN_ID} does not exist`,
        method: 'POST',
        path: LIST,
      });
    });
  });

  describe("surfaces the sandbox's own (undocumented) destination rules unchanged", () => {
    const sftp = { ...common, format: 'csv', destinationType: 'sftp', address: 'sftp.example.com', username: 'u' };
    it.each([
      [
        {
          ...common,
          format: 'png',
          destinationType: 'slack',
          slackRecipientType: 'channel',
          recipients: ['C1AAA', 'C2BBB'],
        },
        'recipients: Only one Slack channel can be specified',
      ],
      [
        { ...common, format: 'png', destinationType: 'slack', slackRecipientType: 'channel', recipients: 'general' },
        'recipients: Invalid Slack channel ID: general',
      ],
      [{ ...sftp, port: 22 }, 'passwordUnencrypted: passwordUnencrypted is required for SFTP destinations'],
      [{ ...sftp, passwordUnencrypted: 'pw' }, 'port: port is required for SFTP destinations'],
      [
        { ...sftp, port: 22, passwordUnencrypted: 'pw', format: 'link_only' },
        'Format link_only is not supported for destination type sftp',
      ],
      [
        {
          ...common,
          format: 'csv',
          destinationType: 's3',
          bucketName: 'my-bucket',
          region: 'us-east-1',
          roleArn: 'admin',
        },
        'roleArn: Invalid role ARN',
      ],
      [{ ...emailBody(), hideHiddenFields: true }, 'hideHiddenFields can only be used with CSV or XLSX formats'],
    ] as [CreateScheduleBody, string][])('400 for %j', async (body, detail) => {
      await createError(body, 400, detail);
    });
  });

  it.each([
    ['format', { ...emailBody(), format: 'docx' }],
    ['destinationType', { ...emailBody(), destinationType: 'teams' }],
    ['recipients.0', emailBody({ recipients: ['not-an-email'] })],
    ['recipients', emailBody({ recipients: [] })],
    ['name', { ...emailBody(), name: undefined }],
    [
      'webhookUrl',
      { ...common, format: 'json', destinationType: 'webhook', url: 'https://x.example', webhookUrl: 'x' },
    ],
    ['url', { ...common, format: 'json', destinationType: 'webhook', url: 'ftp://files.example.com' }],
    ['slackRecipientType', { ...common, format: 'png', destinationType: 'slack', recipients: 'C01234567' }],
    ['port', { ...common, format: 'csv', destinationType: 'sftp', address: 'a', username: 'u', port: 70000 }],
    [
      'bucketName',
      { ...common, format: 'csv', destinationType: 's3', bucketName: 'My_Bucket', region: 'r', roleArn: 'a' },
    ],
    ['conditionType', { ...emailBody(), conditionType: 'RESULTS_ABSENT', conditionQueryMapKey: '1' }],
  ])('refuses a bad %s locally, sending nothing', async (field, body) => {
    await expectRefusedLocally(omni.sandbox, omni.client.createSchedule(body as CreateScheduleBody), field);
    expect(omni.sandbox.state.schedules.size).toBe(7);
  });

  it('refuses a malformed userId locally', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.createSchedule(emailBody(), { userId: 'blobby' }), 'userId');
  });
});

describe('updateSchedule', () => {
  const ORDERS = SEEDED_SCHEDULE_IDS.orders;

  it('changes only the properties sent and answers with the schedule id', async () => {
    const result = await omni.client.updateSchedule(ORDERS, { name: 'Orders (weekly)', schedule: '0 10 ? * MON *' });
    expect(result).toEqual({ success: true, scheduledTaskId: ORDERS });
    const detail = await omni.client.getSchedule(ORDERS);
    expect(detail).toMatchObject({ name: 'Orders (weekly)', schedule: '0 10 ? * MON *', timezone: 'America/New_York' });
    expect(detail.destinations[0]?.recipients).toHaveLength(3);
    expect(detail.updatedAt).toBe(new Date(omni.clock.now()).toISOString());
  });

  it('replaces email recipients and moves a schedule to another destination', async () => {
    await omni.client.updateSchedule(ORDERS, { recipients: ['blob.ross@blobsrus.com'] });
    const recipients = await omni.client.listRecipients(ORDERS);
    expect(recipients.type === 'email' && recipients.recipients).toEqual([
      expect.objectContaining({ email: 'blob.ross@blobsrus.com', emailOnly: false }),
    ]);
    // Orders is a letter-size landscape PDF: a link-only webhook must clear those, or Omni keeps them.
    await omni.client.updateSchedule(ORDERS, {
      destinationType: 'webhook',
      format: 'link_only',
      url: 'https://hooks.example.com/orders',
      paperFormat: null,
      paperOrientation: null,
    });
    expect(await omni.client.listRecipients(ORDERS)).toEqual({
      type: 'webhook',
      url: 'https://hooks.example.com/orders',
    });
    expect((await omni.client.getSchedule(ORDERS)).metadata).toEqual({});
  });

  it('keeps an option that is not sent, so changing the format alone is refused', async () => {
    await expectOmniError(omni.sandbox, omni.client.updateSchedule(ORDERS, { format: 'csv' }), {
      status: 400,
      detail: 'Print options are not supported for this format',
      method: 'PUT',
      path: schedulePath(ORDERS),
    });
    await omni.client.updateSchedule(ORDERS, { format: 'csv', paperFormat: null, paperOrientation: null });
    expect((await omni.client.listSchedules({ q: 'orders', destination: 'email' })).records[0]?.format).toBe('csv');
  });

  it('clears an alert condition and a tile with null', async () => {
    const QUERY = SEEDED_SCHEDULE_IDS.query; // a single-tile schedule
    await omni.client.updateSchedule(QUERY, { conditionType: 'RESULTS_PRESENT', conditionQueryMapKey: '2' });
    expect((await omni.client.listSchedules({ scheduleType: 'alert' })).records.map((r) => r.id)).toContain(QUERY);
    await omni.client.updateSchedule(QUERY, {
      conditionType: null,
      conditionQueryMapKey: null,
      queryIdentifierMapKey: null,
    });
    const [record] = (await omni.client.listSchedules({ q: 'Query' })).records;
    expect(record).toMatchObject({ id: QUERY, alert: null, content: 'dashboard' });
  });

  it.each([
    [{ schedule: '0 9 * * MON' }, 400, 'schedule: Schedule is an invalid cron expression'],
    [{ timezone: 'PST' }, 400, 'timezone: Time zone must be IANA valid.'],
    [
      { hideTitle: true, format: 'xlsx', paperFormat: undefined },
      400,
      'hideTitle can only be used with PDF or PNG formats',
    ],
    [
      { filterConfig: { region: {} } },
      400,
      'Invalid filter keys found in schedule configuration: region. Available dashboard filter keys are: .',
    ],
    [{ identifier: 'gone0000' }, 404, 'Document with identifier "gone0000" not found'],
  ] as [UpdateScheduleBody, number, string][])('surfaces %j → %i', async (patch, status, detail) => {
    await expectOmniError(omni.sandbox, omni.client.updateSchedule(ORDERS, patch), {
      status,
      detail,
      method: 'PUT',
      path: schedulePath(ORDERS),
    });
    expect((await omni.client.getSchedule(ORDERS)).name).toBe('Orders');
  });

  it('surfaces 404 for an unknown schedule', async () => {
    await expectOmniError(omni.sandbox, omni.client.updateSchedule(UNKNOWN_ID, { name: 'x' }), {
      status: 404,
      detail: `Scheduled task with id ${UNKNOWN_ID} does not exist`,
      method: 'PUT',
      path: schedulePath(UNKNOWN_ID),
    });
  });

  it('refuses an empty update, a bad email list or a malformed id locally', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.updateSchedule(ORDERS, {}), '(body)');
    await expectRefusedLocally(
      omni.sandbox,
      omni.client.updateSchedule(ORDERS, { destinationType: 'email', recipients: ['nope'] }),
      'recipients.0',
    );
    await expectRefusedLocally(omni.sandbox, omni.client.updateSchedule('orders', { name: 'x' }), 'scheduleId');
  });
});

describe('deleteSchedule', () => {
  it('deletes, after which the schedule is gone', async () => {
    const ID = SEEDED_SCHEDULE_IDS.orders2;
    expect(await omni.client.deleteSchedule(ID)).toEqual({ success: true });
    expect((await omni.client.listSchedules()).pageInfo.totalRecords).toBe(6);
    await expectOmniError(omni.sandbox, omni.client.deleteSchedule(ID), {
      status: 404,
      detail: `Scheduled task with id ${ID} does not exist`,
      method: 'DELETE',
      path: schedulePath(ID),
    });
  });

  it('refuses a malformed id locally (Omni would say "scheduleId: Invalid uuid")', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.deleteSchedule('2af41989'), 'scheduleId');
  });
});
