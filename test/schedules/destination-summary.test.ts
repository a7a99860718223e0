// Where each schedule goes, read from the sandbox's seeded organization (Omni docs' examples) plus one
// schedule per destination the seed lacks, through the real client: the shapes Omni's GET-one answers have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OmniClient, type ScheduleDetail } from '../../src/omni/index.js';
import {
  defaultSeed,
  type OmniSandbox,
  type Schedule,
  SEEDED_SCHEDULE_IDS,
  startOmniSandbox,
} from '../../src/omni-sandbox/index.js';
import { summarizeDestination } from '../../src/schedules/destination-summary.js';

const EXTRA = {
  sftp: '0f0e0d0c-0000-4000-8000-00000000f001',
  s3: '0f0e0d0c-0000-4000-8000-00000000f002',
  channel: '0f0e0d0c-0000-4000-8000-00000000f003',
  secretHook: '0f0e0d0c-0000-4000-8000-00000000f004',
  sftpUrl: '0f0e0d0c-0000-4000-8000-00000000f005',
};

function seedWithEveryDestination() {
  const seed = defaultSeed();
  const base = seed.schedules.find((s) => s.id === SEEDED_SCHEDULE_IDS.orders2) as Schedule;
  const like = (id: string, name: string, destination: Schedule['destination']): Schedule => ({
    ...base,
    id,
    name,
    destinationId: `${id.slice(0, 24)}d00000000009`,
    destination,
  });
  seed.schedules.push(
    like(EXTRA.sftp, 'Orders to SFTP', {
      type: 'sftp',
      address: 'sftp.blobsrus.com',
      port: 2222,
      username: 'blob',
      path: '/reports/daily',
      hasPassword: true,
    }),
    like(EXTRA.s3, 'Orders to S3', {
      type: 's3',
      bucketName: 'blob-reports',
      region: 'us-east-1',
      roleArn: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
      keyPrefix: 'reports/daily/',
    }),
    like(EXTRA.channel, 'Orders to #sales', {
      type: 'slack',
      slackRecipientType: 'channel',
      recipients: ['C0SALES01'],
      textBody: null,
    }),
    like(EXTRA.secretHook, 'Orders to a signed hook', {
      type: 'webhook',
      url: 'https://hook-user:hook-pass@hooks.example.com:8443/T000/B000/XXXXSECRET?token=abc123#frag',
    }),
    like(EXTRA.sftpUrl, 'Orders to SFTP by URL', {
      type: 'sftp',
      address: 'sftp://blob:pa55word@files.example.net:22/in',
      port: 22,
      username: 'blob',
      path: null,
      hasPassword: true,
    }),
  );
  return seed;
}

let sandbox: OmniSandbox;
let omni: OmniClient;
const read = (id: string): Promise<ScheduleDetail> => omni.getSchedule(id);

beforeAll(async () => {
  sandbox = await startOmniSandbox({ apiKey: 'summary-key', rateLimitPerMinute: 0, seed: seedWithEveryDestination() });
  omni = new OmniClient({ baseUrl: sandbox.url, apiKey: 'summary-key', rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('summarizeDestination, from the sandbox', () => {
  it('names the people of an email schedule, members with their names and email-only users by address', async () => {
    expect(summarizeDestination(await read(SEEDED_SCHEDULE_IDS.orders))).toEqual({
      kind: 'email',
      people: [
        { email: 'blob.ross@blobsrus.com', name: 'Blob Ross' },
        { email: 'blobby.hill@blobsrus.com', name: 'Blobby Hill' },
        { email: 'blobmanager@myorg.co', name: null },
      ],
      groupCount: 0,
    });
  });

  it('adds what GET …/recipients knows without counting anyone twice', async () => {
    const id = SEEDED_SCHEDULE_IDS.webTrafficAnalysis;
    const summary = summarizeDestination(await read(id), await omni.listRecipients(id));
    expect(summary).toEqual({
      kind: 'email',
      people: [
        { email: 'blob.ross@blobsrus.com', name: 'Blob Ross' },
        { email: 'iamagoodblob@myorg.co', name: null },
      ],
      groupCount: 0,
    });
  });

  it('gives the Slack people of a DM schedule and the channel id of a channel schedule', async () => {
    expect(summarizeDestination(await read(SEEDED_SCHEDULE_IDS.dailySlackUpdate))).toEqual({
      kind: 'slack-dm',
      userIds: ['U0123ABCD', 'U0456EFGH'],
    });
    expect(summarizeDestination(await read(EXTRA.channel))).toEqual({ kind: 'slack-channel', channelId: 'C0SALES01' });
  });

  it("gives only a webhook's host: never its path, query, user or password", async () => {
    expect(summarizeDestination(await read(SEEDED_SCHEDULE_IDS.orders2))).toEqual({
      kind: 'webhook',
      host: 'webhooksrus.com',
    });
    const secret = summarizeDestination(await read(EXTRA.secretHook));
    expect(secret).toEqual({ kind: 'webhook', host: 'hooks.example.com:8443' });
    expect(JSON.stringify(secret)).not.toMatch(/SECRET|abc123|hook-pass|hook-user|T000/);
  });

  it('gives the SFTP host, port and folder, never the user or password', async () => {
    expect(summarizeDestination(await read(EXTRA.sftp))).toEqual({
      kind: 'sftp',
      host: 'sftp.blobsrus.com',
      port: 2222,
      path: '/reports/daily',
    });
    const byUrl = summarizeDestination(await read(EXTRA.sftpUrl));
    expect(byUrl).toEqual({ kind: 'sftp', host: 'files.example.net', port: 22, path: null });
    expect(JSON.stringify(byUrl)).not.toMatch(/pa55word|blob/);
  });

  it('gives the S3 bucket, region and prefix, not the role', async () => {
    const summary = summarizeDestination(await read(EXTRA.s3));
    expect(summary).toEqual({ kind: 's3', bucket: 'blob-reports', region: 'us-east-1', keyPrefix: 'reports/daily/' });
    expect(JSON.stringify(summary)).not.toContain('123456789012');
  });
});

describe('summarizeDestination, from shapes the sandbox does not send', () => {
  const detail = (metadata: unknown): ScheduleDetail =>
    ({
      id: 'x',
      name: 'x',
      schedule: '0 9 ? * * *',
      timezone: 'UTC',
      destinations: [
        {
          id: 'd',
          format: 'pdf',
          lastStatus: null,
          lastCompletedAt: null,
          metadata,
          recipients: [],
          userGroupRecipients: [],
        },
      ],
    }) as unknown as ScheduleDetail;

  it("reads the spec's webhookUrl, comma-separated Slack ids and a port given as text", () => {
    expect(summarizeDestination(detail({ type: 'webhook', webhookUrl: 'https://h.example.org/x?k=1' }))).toEqual({
      kind: 'webhook',
      host: 'h.example.org',
    });
    expect(summarizeDestination(detail({ type: 'slack', recipients: 'U1, W2' }))).toEqual({
      kind: 'slack-dm',
      userIds: ['U1', 'W2'],
    });
    expect(summarizeDestination(detail({ type: 'sftp', address: 'me@sftp.example.com', port: '22' }))).toEqual({
      kind: 'sftp',
      host: 'sftp.example.com',
      port: 22,
      path: null,
    });
  });

  it('falls back to GET …/recipients when metadata says nothing, and names destinations it does not describe', () => {
    expect(summarizeDestination(detail({}), { type: 'webhook', url: 'https://only.example.com/a/b' })).toEqual({
      kind: 'webhook',
      host: 'only.example.com',
    });
    expect(summarizeDestination(detail({ type: 'webhook', url: 'not a url' }))).toEqual({
      kind: 'webhook',
      host: null,
    });
    expect(summarizeDestination(detail({ type: 'google_sheets' }))).toEqual({ kind: 'other', type: 'google_sheets' });
    expect(summarizeDestination(detail(undefined))).toEqual({ kind: 'other', type: '' });
  });
});
