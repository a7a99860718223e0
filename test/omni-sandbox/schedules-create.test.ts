import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOBBY_HILL_ID, type OmniSandbox } from '../../src/omni-sandbox/index.js';
import { type Api, expectError, startSandbox, validEmailBody } from './helpers.js';

let sandbox: OmniSandbox;
let api: Api;

beforeAll(async () => {
  ({ sandbox, api } = await startSandbox());
});
beforeEach(() => sandbox.reset());
afterAll(() => sandbox.close());

const create = (patch: Record<string, unknown>, query = '') =>
  api('POST', `/v1/schedules${query}`, validEmailBody(patch));

describe('create: documented 400 and 404 errors', () => {
  it.each([
    [{ identifier: 'unsaved01' }, 'Analyses do not support dashboards.'],
    [{ identifier: 'nodash01' }, 'Document does not have a dashboard'],
    [{ schedule: '0 9 * * MON' }, 'schedule: Schedule is an invalid cron expression'],
    [{ schedule: '0 9 * * MON *' }, 'schedule: Schedule is an invalid cron expression'],
    [{ schedule: '61 9 ? * * *' }, 'schedule: Schedule is an invalid cron expression'],
    [{ timezone: 'EST' }, 'timezone: Time zone must be IANA valid.'],
    [{ timezone: 'Mars/Olympus_Mons' }, 'timezone: Time zone must be IANA valid.'],
    [{ format: 'csv', hideTitle: true }, 'hideTitle can only be used with PDF or PNG formats'],
    [{ format: 'csv', paperFormat: 'legal' }, 'Print options are not supported for this format'],
    [{ format: 'png', paperOrientation: 'landscape' }, 'Print options are not supported for this format'],
    [{ format: 'xlsx', expandTablesToShowAllRows: true }, 'Print options are not supported for this format'],
    [
      { paperFormat: 'fit_page', expandTablesToShowAllRows: true },
      'Single column layout and table expansion options are not supported for FIT_PAGE format.',
    ],
    [
      { paperFormat: 'fit_page', singleColumnLayout: true },
      'Single column layout and table expansion options are not supported for FIT_PAGE format.',
    ],
    [{ queryIdentifierMapKey: 'invalid-key' }, "Couldn't find query presentation for key: invalid-key"],
    [
      { conditionType: 'RESULTS_PRESENT', conditionQueryMapKey: 'invalid-key' },
      "Couldn't find query presentation for key: invalid-key",
    ],
    [
      { conditionType: 'RESULTS_CHANGED', conditionQueryMapKey: '1', testNow: true },
      'Test delivery not supported for condition type RESULTS_CHANGED',
    ],
  ])('%j → %s', async (patch, detail) => {
    expectError(await create(patch), 400, detail);
    expect(sandbox.state.deliveries).toHaveLength(0);
  });

  it('names the unknown filter keys and the available ones', async () => {
    const filterConfig = { region: { kind: 'EQ', left_side: 'US', type: 'string' }, Region: {}, status: {} };
    expectError(
      await create({ identifier: 'dashboard-abc123', filterConfig }),
      400,
      'Invalid filter keys found in schedule configuration: Region, status. Available dashboard filter keys are: region, order_date.',
    );
    expectError(
      await create({ filterConfig: { region: {} } }),
      400,
      'Invalid filter keys found in schedule configuration: region. Available dashboard filter keys are: .',
    );
  });

  it('answers 404 for an unknown dashboard', async () => {
    expectError(await create({ identifier: 'nope1234' }), 404, 'Document with identifier "nope1234" not found');
  });

  it('creates nothing when a request fails', async () => {
    const before = sandbox.state.schedules.size;
    await create({ timezone: 'EST' });
    expect(sandbox.state.schedules.size).toBe(before);
  });
});

describe('create: rules whose wording Omni does not document (sandbox guesses)', () => {
  it.each([
    [{ name: undefined }, 'name: name is required'],
    [{ identifier: '' }, 'identifier: identifier is required'],
    [{ name: 42 }, 'name: Expected string, received number'],
    [
      { format: 'docx' },
      "format: Invalid enum value. Expected 'link_only' | 'pdf' | 'png' | 'csv' | 'xlsx' | 'json', received 'docx'",
    ],
    [
      { destinationType: 'fax' },
      "destinationType: Invalid enum value. Expected 'email' | 'webhook' | 'sftp' | 'slack' | 's3', received 'fax'",
    ],
    [{ conditionType: 'RESULTS_PRESENT' }, 'Alert conditions require a condition type and a condition query map key'],
    [{ conditionQueryMapKey: '1' }, 'Alert conditions require a condition type and a condition query map key'],
    [{ recipients: [] }, 'recipients: At least one recipient must be provided'],
    [{ recipients: ['not-an-email'] }, 'recipients: Invalid email address'],
    [{ format: 'json', hideHiddenFields: true }, 'hideHiddenFields can only be used with CSV or XLSX formats'],
    [
      { destinationType: 'slack', recipients: ['C0123ABCD'] },
      'slackRecipientType: slackRecipientType is required for Slack destinations',
    ],
    [
      { destinationType: 'slack', slackRecipientType: 'channel', recipients: undefined },
      'recipients: recipients is required for Slack destinations',
    ],
    [
      { destinationType: 'slack', slackRecipientType: 'channel', recipients: ['C0123ABCD', 'C0456EFGH'] },
      'recipients: Only one Slack channel can be specified',
    ],
    [
      { destinationType: 'slack', slackRecipientType: 'users', recipients: 'C0123ABCD' },
      'recipients: Invalid Slack user ID: C0123ABCD',
    ],
    [{ destinationType: 'webhook', format: 'json' }, 'url: url is required for webhook destinations'],
    [{ destinationType: 'webhook', format: 'json', url: 'ftp://x' }, 'url: Invalid url'],
    [
      { destinationType: 'sftp', format: 'csv', port: 22, username: 'blob', passwordUnencrypted: 'pw' },
      'address: address is required for SFTP destinations',
    ],
    [
      { destinationType: 'sftp', format: 'csv', address: 'sftp.blobsrus.com', port: '22', username: 'blob' },
      'passwordUnencrypted: passwordUnencrypted is required for SFTP destinations',
    ],
    [
      { destinationType: 'sftp', format: 'csv', address: 'h', port: 'twenty-two' },
      'port: Expected number, received string',
    ],
    [{ destinationType: 'sftp', format: 'link_only' }, 'Format link_only is not supported for destination type sftp'],
    [
      {
        destinationType: 's3',
        format: 'csv',
        bucketName: 'My_Bucket',
        region: 'us-east-1',
        roleArn: 'arn:aws:iam::123456789012:role/R',
      },
      'bucketName: Bucket name must be 3-63 characters, lowercase',
    ],
    [
      { destinationType: 's3', format: 'csv', bucketName: 'reports', region: 'us-east-1', roleArn: 'nope' },
      'roleArn: Invalid role ARN',
    ],
    [{ filterConfig: [] }, 'filterConfig: Expected object, received array'],
  ])('%j → %s', async (patch, detail) => {
    expectError(await create(patch), 400, detail);
  });

  it('checks the userId query parameter', async () => {
    expectError(await create({}, '?userId=nope'), 400, 'userId: Invalid uuid');
    const stranger = '00000000-0000-4000-8000-000000000000';
    expectError(await create({}, `?userId=${stranger}`), 404, `User with id ${stranger} does not exist`);
  });
});

describe('create: success', () => {
  it("answers { id, message } and stores the schedule, owned by the key's owner by default", async () => {
    const res = await create({ recipients: ['iamagoodblob@myorg.co', 'blob.ross@blobsrus.com'] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), message: 'Successfully created schedule' });
    const got = await api('GET', `/v1/schedules/${res.body.id}`);
    expect(got.body).toMatchObject({ name: 'Daily orders', ownerId: '987fcdeb-51a2-43d7-9b56-254415f67890' });
    const recipients = await api('GET', `/v1/schedules/${res.body.id}/recipients`);
    expect(
      recipients.body.recipients.map((r: { email: string; emailOnly: boolean }) => [r.email, r.emailOnly]),
    ).toEqual([
      ['iamagoodblob@myorg.co', true],
      ['blob.ross@blobsrus.com', false],
    ]);
  });

  it('takes an owner by membership ID or user ID', async () => {
    const byMembership = await create({}, '?userId=d4e2b8f3-6c9e-4f2a-8b71-8e3c5d9f2a02');
    expect(sandbox.state.schedules.get(byMembership.body.id)?.ownerId).toBe(BLOBBY_HILL_ID);
    const byUser = await create({}, `?userId=${BLOBBY_HILL_ID}`);
    expect(sandbox.state.schedules.get(byUser.body.id)?.ownerId).toBe(BLOBBY_HILL_ID);
  });

  it("accepts the spec's reading too: { email } recipients, webhookUrl, string fanOut and port", async () => {
    const email = await create({ recipients: [{ email: 'new.person@example.com' }], fanOut: 'true' });
    expect(email.status).toBe(200);
    expect(sandbox.state.schedules.get(email.body.id)?.options.fanOut).toBe(true);
    expect([...sandbox.state.emailOnlyUsers.keys()]).toContain('new.person@example.com');

    const hook = await create({ destinationType: 'webhook', format: 'json', webhookUrl: 'https://example.com/hook' });
    expect(sandbox.state.schedules.get(hook.body.id)?.destination).toEqual({
      type: 'webhook',
      url: 'https://example.com/hook',
    });
    const sftp = await create({
      destinationType: 'sftp',
      format: 'xlsx',
      address: 'sftp.blobsrus.com',
      port: '22',
      username: 'blobby',
      passwordUnencrypted: '1am@g00dBL0b',
    });
    expect(sftp.status).toBe(200);
    const detail = await api('GET', `/v1/schedules/${sftp.body.id}`);
    expect(detail.body.destinations[0].metadata).toMatchObject({ type: 'sftp', port: 22, username: 'blobby' });
    expect(JSON.stringify(detail.body)).not.toContain('1am@g00dBL0b');
    expect(JSON.stringify(sandbox.state.requests)).not.toContain('1am@g00dBL0b');
  });

  it("creates the docs' alert, single-tile, filtered and Slack examples", async () => {
    const alert = await create({
      identifier: 'dashboard-abc123',
      name: 'Data Alert Webhook',
      schedule: '0 */6 * * ? *',
      format: 'json',
      destinationType: 'webhook',
      url: 'https://api.example.com/webhook',
      conditionType: 'RESULTS_PRESENT',
      conditionQueryMapKey: '1',
      queryIdentifierMapKey: '1',
      overrideRowLimit: true,
      maxRowLimit: 1000,
    });
    expect(alert.status).toBe(200);
    const listed = await api('GET', '/v1/schedules?scheduleType=alert&identifier=dashboard-abc123&pageSize=100');
    const record = listed.body.records.find((r: { id: string }) => r.id === alert.body.id);
    expect(record).toMatchObject({
      content: 'single tile',
      alert: { conditionType: 'RESULTS_PRESENT', conditionQueryName: 'Sales by region' },
    });
    const filtered = await create({
      identifier: 'dashboard-abc123',
      filterConfig: { region: { kind: 'EQ', left_side: 'US', type: 'string' } },
      hideTitle: true,
    });
    expect(filtered.status).toBe(200);
    const slack = await create({
      destinationType: 'slack',
      slackRecipientType: 'users',
      recipients: 'U0123ABCD,U0456EFGH',
      textBody: 'Weekly',
    });
    expect(slack.status).toBe(200);
    const slackRecipients = await api('GET', `/v1/schedules/${slack.body.id}/recipients`);
    expect(slackRecipients.body).toEqual({
      type: 'slack',
      recipients: [
        { recipientType: 'users', slackId: 'U0123ABCD' },
        { recipientType: 'users', slackId: 'U0456EFGH' },
      ],
    });
  });

  it('returns the deliverer role and external ID for S3', async () => {
    const res = await create({
      destinationType: 's3',
      format: 'csv',
      bucketName: 'my-reports-bucket',
      region: 'us-east-1',
      roleArn: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
      keyPrefix: '/reports/weekly/',
    });
    expect(res.body).toMatchObject({
      id: expect.any(String),
      delivererRoleArn: expect.stringMatching(/^arn:aws:iam::/),
      externalId: '550e8400-e29b-41d4-a716-446655440000',
    });
    expect(sandbox.state.schedules.get(res.body.id)?.destination).toMatchObject({ keyPrefix: 'reports/weekly/' });
  });

  it('with testNow, saves the schedule, delivers at once and records that run as its last', async () => {
    const before = sandbox.state.schedules.size;
    const res = await create({ name: 'Test Delivery', schedule: '0 0 1 1 ? 2099', testNow: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), message: 'Successfully created schedule' });
    expect(sandbox.state.schedules.size).toBe(before + 1);
    expect(sandbox.state.deliveries).toEqual([
      expect.objectContaining({
        scheduleId: res.body.id,
        scheduleName: 'Test Delivery',
        kind: 'test',
        destinationType: 'email',
        status: 'COMPLETE',
        recipients: ['iamagoodblob@myorg.co'],
      }),
    ]);
    const listed = await api('GET', '/v1/schedules?q=Test%20Delivery');
    expect(listed.body.records).toEqual([expect.objectContaining({ id: res.body.id, lastStatus: 'COMPLETE' })]);
    expect(listed.body.records[0].lastCompletedAt >= (sandbox.state.deliveries[0]?.at ?? '~')).toBe(true);
  });

  it('without testNow, saves the schedule and delivers nothing', async () => {
    const res = await create({ name: 'Not yet' });
    expect(res.body).toEqual({ id: expect.any(String), message: 'Successfully created schedule' });
    expect(sandbox.state.deliveries).toEqual([]);
    expect(sandbox.state.schedules.get(res.body.id)).toMatchObject({ lastStatus: null, lastCompletedAt: null });
  });

  it('accepts every documented cron example', async () => {
    for (const schedule of [
      '0 9 ? * * *',
      '30 6 L * ? *',
      '45 8 ? * MON-FRI *',
      '0 9 ? * MON *',
      '0 */6 * * ? *',
      '00 09 ? * 2,3,4,5,6 *',
      '0 0 1 1 ? 2099',
    ]) {
      expect((await create({ schedule })).status, schedule).toBe(200);
    }
  });
});
