import type { DraftDestination, ScheduleDraft } from '../../src/schedules/draft.js';
import { DEFAULT_FORMAT_OPTIONS, emptyDestination, withEmailRecipients } from '../../src/schedules/draft.js';

/** A valid draft: Orders, weekdays at 09:00 New York, PDF to channel C0123ABCD. */
export function validDraft(patch: Partial<ScheduleDraft> = {}): ScheduleDraft {
  return {
    identifier: '12db1a0a',
    dashboardName: 'Orders',
    name: 'Orders, weekdays at 09:00',
    when: { kind: 'weekdays', hour: 9, minute: 0 },
    timezone: 'America/New_York',
    destination: { kind: 'slack-channel', channelId: 'C0123ABCD', message: '' },
    format: 'pdf',
    options: { ...DEFAULT_FORMAT_OPTIONS },
    filters: {},
    content: { kind: 'dashboard' },
    alert: { kind: 'none' },
    testNow: false,
    ...patch,
  };
}

/** A valid destination of each kind. */
export const VALID_DESTINATIONS: Record<DraftDestination['kind'], DraftDestination> = {
  'slack-channel': { kind: 'slack-channel', channelId: 'C0123ABCD', message: 'Morning numbers' },
  'slack-dm': { kind: 'slack-dm', userIds: ['U0AAA1111', 'U0BBB2222'], message: '' },
  email: {
    kind: 'email',
    userIds: ['U0AAA1111'],
    channelIds: ['C0SALES01'],
    addresses: ['cfo@blobsrus.com', '@finance'],
    subject: 'Daily orders',
    body: 'Here are the orders.',
    fanOut: false,
  },
  webhook: { kind: 'webhook', url: 'https://hooks.example.com/omni' },
  sftp: { kind: 'sftp', address: 'sftp.blobsrus.com', port: 22, username: 'blob', password: 's3cret-Pa55' },
  s3: {
    kind: 's3',
    bucketName: 'blob-reports',
    region: 'us-east-1',
    roleArn: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
    keyPrefix: 'reports/daily/',
  },
};

/** Maria (U0AAA1111), the one #sales (C0SALES01) member, and @finance's one member, as Slack would resolve them. */
export const FIXTURE_PEOPLE_EMAILS: Readonly<Record<string, string>> = {
  U0AAA1111: 'maria@blobsrus.com',
  C0SALES01: 'sam@blobsrus.com',
  '@finance': 'fin@blobsrus.com',
};

/** The draft as the Slack layer sends it: every email recipient resolved to an address (as withEmailRecipients). */
export function resolvedForOmni(draft: ScheduleDraft): ScheduleDraft {
  const { destination } = draft;
  if (destination.kind !== 'email') return draft;
  const named = [...destination.userIds, ...destination.channelIds, ...destination.addresses];
  return withEmailRecipients(
    draft,
    named.map((who) => FIXTURE_PEOPLE_EMAILS[who] ?? who),
  );
}

export { emptyDestination };
