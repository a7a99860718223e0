import { describe, expect, it } from 'vitest';
import {
  type CreateScheduleBody,
  OmniClient,
  OmniConfigError,
  OmniError,
  OmniRequestValidationError,
} from '../../src/omni/index.js';
import { API_KEY, EMAIL_SCHEDULE_BODY, rejectionOf, SCHEDULE_ID, useScriptedOmni } from './support.js';

const emailBody = EMAIL_SCHEDULE_BODY;

describe('OmniClient request validation', () => {
  const omni = useScriptedOmni();

  async function refusedLocally(call: Promise<unknown>) {
    const error = await rejectionOf(call);
    expect(error).toBeInstanceOf(OmniRequestValidationError);
    expect(error).toBeInstanceOf(OmniError);
    expect(omni.server.requests).toHaveLength(0);
    return error as OmniRequestValidationError;
  }

  it('lists every invalid field of a create body and makes no call', async () => {
    const error = await refusedLocally(
      omni.client.createSchedule({
        ...emailBody,
        name: '',
        format: 'docx',
        recipients: ['a@myorg.co', 'not-an-email'],
      } as unknown as CreateScheduleBody),
    );
    expect(error.operation).toBe('createSchedule');
    expect(error.issues).toEqual([
      { path: 'name', message: 'must not be empty' },
      { path: 'format', message: expect.stringContaining('pdf') },
      { path: 'recipients.1', message: 'must be an email address' },
    ]);
    expect(error.message).toMatch(
      /^Invalid createSchedule request, not sent to Omni: name: must not be empty; format: /,
    );
  });

  it('names a missing required field', async () => {
    const { schedule: _schedule, ...withoutCron } = emailBody;
    const error = await refusedLocally(omni.client.createSchedule(withoutCron as unknown as CreateScheduleBody));
    expect(error.issues).toEqual([{ path: 'schedule', message: 'is required' }]);
  });

  it('refuses an unknown destination type, naming the allowed ones', async () => {
    const error = await refusedLocally(
      omni.client.createSchedule({ ...emailBody, destinationType: 'google_sheets' } as unknown as CreateScheduleBody),
    );
    expect(error.issues).toEqual([
      { path: 'destinationType', message: "must be one of 'email' | 'slack' | 'webhook' | 'sftp' | 's3'" },
    ]);
  });

  it('refuses the spec spellings the docs do not use (webhookUrl, recipient objects, string port)', async () => {
    const webhook = await refusedLocally(
      omni.client.createSchedule({
        ...emailBody,
        recipients: undefined,
        destinationType: 'webhook',
        webhookUrl: 'https://api.example.com/hook',
      } as unknown as CreateScheduleBody),
    );
    expect(webhook.issues).toEqual(
      expect.arrayContaining([
        { path: 'url', message: 'is required' },
        { path: 'webhookUrl', message: 'is not a field Omni accepts here' },
      ]),
    );

    const objects = await refusedLocally(
      omni.client.createSchedule({
        ...emailBody,
        recipients: [{ email: 'a@myorg.co' }],
      } as unknown as CreateScheduleBody),
    );
    expect(objects.issues[0]?.path).toBe('recipients.0');

    const port = await refusedLocally(
      omni.client.createSchedule({
        ...emailBody,
        recipients: undefined,
        destinationType: 'sftp',
        address: 'sftp.blobsrus.com',
        username: 'blob',
        port: '22',
      } as unknown as CreateScheduleBody),
    );
    expect(port.issues).toEqual([{ path: 'port', message: expect.stringContaining('number') }]);
  });

  it('refuses a field that belongs to another destination', async () => {
    const error = await refusedLocally(
      omni.client.createSchedule({ ...emailBody, slackRecipientType: 'channel' } as unknown as CreateScheduleBody),
    );
    expect(error.issues).toEqual([{ path: 'slackRecipientType', message: 'is not a field Omni accepts here' }]);
  });

  it('checks schedule ids, user ids and emails before sending', async () => {
    expect((await refusedLocally(omni.client.pauseSchedule('not-a-uuid'))).issues).toEqual([
      { path: 'scheduleId', message: 'must be a UUID (8-4-4-4-12 hex digits)' },
    ]);
    expect((await refusedLocally(omni.client.transferOwnership(SCHEDULE_ID, 'blob'))).issues[0]?.path).toBe('userId');
    expect((await refusedLocally(omni.client.createSchedule(emailBody, { userId: 'x' }))).issues[0]?.path).toBe(
      'userId',
    );
    expect((await refusedLocally(omni.client.findUserByEmail('blob'))).issues[0]?.path).toBe('email');
    expect((await refusedLocally(omni.client.getDashboardFilters(''))).issues[0]?.path).toBe('identifier');
  });

  it('refuses a recipient change that names nobody, or bad emails', async () => {
    const empty = await refusedLocally(omni.client.addRecipients(SCHEDULE_ID, { emails: [] }));
    expect(empty.issues).toEqual([
      { path: '(body)', message: 'at least one email, user id or user group id is needed' },
    ]);
    const bad = await refusedLocally(omni.client.removeRecipients(SCHEDULE_ID, { emails: ['nope'] }));
    expect(bad.issues).toEqual([{ path: 'emails.0', message: 'must be an email address' }]);
  });

  it('refuses out-of-range list queries', async () => {
    const error = await refusedLocally(omni.client.listSchedules({ pageSize: 101, status: 'broken' as 'error' }));
    expect(error.issues.map((issue) => issue.path)).toEqual(['status', 'pageSize']);
    const emailOnly = await refusedLocally(omni.client.listEmailOnlyUsers({ pageSize: 21 }));
    expect(emailOnly.issues[0]?.path).toBe('pageSize');
  });

  it('refuses an empty update and email recipients given as one string', async () => {
    await refusedLocally(omni.client.updateSchedule(SCHEDULE_ID, {}));
    const error = await refusedLocally(
      omni.client.updateSchedule(SCHEDULE_ID, { destinationType: 'email', recipients: 'a@myorg.co' }),
    );
    expect(error.issues).toEqual([{ path: 'recipients', message: 'must be a list of email addresses' }]);
  });

  it('refuses null for what an update may replace but not clear (a required property)', async () => {
    const error = await refusedLocally(
      omni.client.updateSchedule(SCHEDULE_ID, { name: null, url: null, paperFormat: null } as never),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(['name', 'url']);
  });

  it('refuses an email-only user with an invalid attribute value', async () => {
    const error = await refusedLocally(
      omni.client.upsertEmailOnlyUser({ email: 'a@partner.com', userAttributes: { region: { US: true } as never } }),
    );
    expect(error.issues[0]?.path).toBe('userAttributes.region');
  });
});

describe('OmniClient configuration', () => {
  it.each([
    ['https://myorg.omniapp.co', 'https://myorg.omniapp.co'],
    ['https://myorg.omniapp.co/', 'https://myorg.omniapp.co'],
    ['https://myorg.omniapp.co/api', 'https://myorg.omniapp.co'],
    ['https://myorg.omniapp.co/api/', 'https://myorg.omniapp.co'],
    ['  https://MyOrg.omniapp.co/API  ', 'https://myorg.omniapp.co'],
    ['https://proxy.example.com/omni/api', 'https://proxy.example.com/omni'],
  ])('normalises baseUrl %j to %j', (input, expected) => {
    expect(new OmniClient({ baseUrl: input, apiKey: API_KEY }).baseUrl).toBe(expected);
  });

  it.each([
    ['', /missing/],
    ['myorg.omniapp.co', /is not a URL/],
    ['ftp://myorg.omniapp.co', /must start with https:\/\//],
    ['https://user:pw@myorg.omniapp.co', /must not contain a user name or password/],
  ])('refuses baseUrl %j with a clear error', (input, message) => {
    const make = () => new OmniClient({ baseUrl: input, apiKey: API_KEY });
    expect(make).toThrow(OmniConfigError);
    expect(make).toThrow(message);
  });

  it('refuses a missing or malformed API key without quoting it', () => {
    expect(() => new OmniClient({ baseUrl: 'https://myorg.omniapp.co', apiKey: '' })).toThrow(/API key is missing/);
    const make = () => new OmniClient({ baseUrl: 'https://myorg.omniapp.co', apiKey: 'secret-part\nInjected: 1' });
    expect(make).toThrow(OmniConfigError);
    try {
      make();
    } catch (error) {
      expect(String((error as Error).message)).not.toContain('secret-part');
    }
  });

  it.each([
    [{ rateLimitPerMinute: 0 }, /rateLimitPerMinute/],
    [{ timeoutMs: -1 }, /timeoutMs/],
    [{ timeoutMs: Number.POSITIVE_INFINITY }, /timeoutMs/],
    [{ maxRetries: 1.5 }, /maxRetries/],
  ])('refuses option %j', (options, message) => {
    expect(() => new OmniClient({ baseUrl: 'https://myorg.omniapp.co', apiKey: API_KEY, ...options })).toThrow(message);
  });
});
