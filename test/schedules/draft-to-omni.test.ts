import { describe, expect, it } from 'vitest';
import { withEmailRecipients } from '../../src/schedules/draft.js';
import { draftToCreateBody, draftToUpdateBody } from '../../src/schedules/draft-to-omni.js';
import { VALID_DESTINATIONS, validDraft } from './draft-fixtures.js';

const common = {
  identifier: '12db1a0a',
  name: 'Orders, weekdays at 09:00',
  schedule: '0 9 ? * MON-FRI *',
  timezone: 'America/New_York',
};
const pdfOptions = {
  hideTitle: false,
  expandTablesToShowAllRows: false,
  showFilters: true,
  showContentLink: true,
  killJobsOnFailure: false,
};
const csvOptions = {
  hideHiddenFields: false,
  enableFormatting: false,
  showFilters: true,
  showContentLink: true,
  killJobsOnFailure: false,
};

describe('draftToCreateBody', () => {
  it('Slack channel: slackRecipientType channel, the channel id as a string, the message as textBody', () => {
    expect(draftToCreateBody(validDraft({ destination: VALID_DESTINATIONS['slack-channel'] }))).toEqual({
      ...common,
      format: 'pdf',
      destinationType: 'slack',
      slackRecipientType: 'channel',
      recipients: 'C0123ABCD',
      textBody: 'Morning numbers',
      ...pdfOptions,
    });
  });

  it('Slack DMs: slackRecipientType users, user ids as an array, no empty textBody', () => {
    expect(draftToCreateBody(validDraft({ destination: VALID_DESTINATIONS['slack-dm'], format: 'png' }))).toEqual({
      ...common,
      format: 'png',
      destinationType: 'slack',
      slackRecipientType: 'users',
      recipients: ['U0AAA1111', 'U0BBB2222'],
      ...pdfOptions,
    });
  });

  it('email: the resolved addresses as strings (no duplicates), subject, body, fanOut a boolean', () => {
    const email = VALID_DESTINATIONS.email;
    if (email.kind !== 'email') throw new Error('fixture');
    const draft = validDraft({ destination: { ...email, fanOut: true }, format: 'csv' });
    const sent = withEmailRecipients(draft, ['maria@blobsrus.com', 'cfo@blobsrus.com', 'MARIA@blobsrus.com']);
    expect(draftToCreateBody(sent)).toEqual({
      ...common,
      format: 'csv',
      destinationType: 'email',
      recipients: ['maria@blobsrus.com', 'cfo@blobsrus.com'],
      subject: 'Daily orders',
      textBody: 'Here are the orders.',
      fanOut: true,
      ...csvOptions,
    });
  });

  it('email: refuses to build a body while people, channels or groups are not resolved to addresses', () => {
    const email = VALID_DESTINATIONS.email;
    if (email.kind !== 'email') throw new Error('fixture');
    const only = (patch: Partial<typeof email>) =>
      validDraft({ destination: { ...email, userIds: [], channelIds: [], addresses: [], ...patch } });
    expect(() => draftToCreateBody(only({ userIds: ['U9'] }))).toThrow(/not resolved to addresses.*U9/);
    expect(() => draftToCreateBody(only({ channelIds: ['C9'] }))).toThrow(/C9/);
    expect(() => draftToCreateBody(only({ addresses: ['cfo@blobsrus.com', '@finance'] }))).toThrow(/@finance/);
    expect(draftToCreateBody(only({ addresses: ['cfo@blobsrus.com'] }))).toMatchObject({
      recipients: ['cfo@blobsrus.com'],
    });
  });

  it('webhook: `url`, any format', () => {
    const draft = validDraft({
      destination: VALID_DESTINATIONS.webhook,
      format: 'json',
      content: { kind: 'tile', queryKey: '1' },
    });
    expect(draftToCreateBody(draft)).toEqual({
      ...common,
      format: 'json',
      destinationType: 'webhook',
      url: 'https://hooks.example.com/omni',
      queryIdentifierMapKey: '1',
      enableFormatting: false,
      showFilters: true,
      showContentLink: true,
      killJobsOnFailure: false,
    });
  });

  it('SFTP: address, port as an integer, username, passwordUnencrypted', () => {
    expect(draftToCreateBody(validDraft({ destination: VALID_DESTINATIONS.sftp, format: 'xlsx' }))).toEqual({
      ...common,
      format: 'xlsx',
      destinationType: 'sftp',
      address: 'sftp.blobsrus.com',
      port: 22,
      username: 'blob',
      passwordUnencrypted: 's3cret-Pa55',
      ...csvOptions,
    });
  });

  it('S3: bucket, region, role ARN, key prefix', () => {
    expect(draftToCreateBody(validDraft({ destination: VALID_DESTINATIONS.s3, format: 'csv' }))).toEqual({
      ...common,
      format: 'csv',
      destinationType: 's3',
      bucketName: 'blob-reports',
      region: 'us-east-1',
      roleArn: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
      keyPrefix: 'reports/daily/',
      ...csvOptions,
    });
  });

  it('filters, tile, row limit, alert, paper, test', () => {
    const draft = validDraft({
      identifier: 'dashboard-abc123',
      when: { kind: 'custom', cron: ' 0 */6 * * ? * ' },
      filters: { region: { type: 'string', kind: 'EQUALS', values: ['EU'], label: 'Region' } },
      content: { kind: 'tile', queryKey: '2' },
      rowLimit: 1000,
      alert: { kind: 'condition', condition: 'RESULTS_PRESENT', queryKey: '1' },
      options: { ...validDraft().options, hideTitle: true, paperFormat: 'legal', paperOrientation: 'landscape' },
      testNow: true,
    });
    expect(draftToCreateBody(draft)).toMatchObject({
      identifier: 'dashboard-abc123',
      schedule: '0 */6 * * ? *',
      filterConfig: { region: { type: 'string', kind: 'EQUALS', values: ['EU'], label: 'Region' } },
      queryIdentifierMapKey: '2',
      overrideRowLimit: true,
      maxRowLimit: 1000,
      conditionType: 'RESULTS_PRESENT',
      conditionQueryMapKey: '1',
      hideTitle: true,
      paperFormat: 'legal',
      paperOrientation: 'landscape',
      testNow: true,
    });
  });
});

describe('draftToUpdateBody', () => {
  const previous = validDraft({
    content: { kind: 'tile', queryKey: '2' },
    rowLimit: 50,
    alert: { kind: 'condition', condition: 'RESULTS_PRESENT', queryKey: '1' },
    filters: { region: { kind: 'EQUALS', values: ['US'] } },
    options: { ...validDraft().options, paperFormat: 'a4', hideTitle: true },
    destination: VALID_DESTINATIONS['slack-channel'],
  });

  it('sends the whole configuration, with explicit clears for what was removed', () => {
    const draft = validDraft({
      format: 'csv',
      destination: { kind: 'slack-channel', channelId: 'C0123ABCD', message: '' },
    });
    expect(draftToUpdateBody(draft, previous)).toEqual({
      ...common,
      format: 'csv',
      destinationType: 'slack',
      slackRecipientType: 'channel',
      recipients: 'C0123ABCD',
      ...csvOptions,
      conditionType: null,
      conditionQueryMapKey: null,
      queryIdentifierMapKey: null,
      overrideRowLimit: null,
      maxRowLimit: null,
      paperFormat: null,
      hideTitle: null,
      expandTablesToShowAllRows: null,
      textBody: null,
      filterConfig: {},
    });
  });

  it('leaves an SFTP password out when none was typed (Omni keeps its own), and never sends testNow unless asked', () => {
    const sftp = { ...VALID_DESTINATIONS.sftp, password: '' } as const;
    const body = draftToUpdateBody(
      validDraft({ destination: sftp, format: 'csv' }),
      validDraft({ destination: sftp, format: 'csv' }),
    );
    expect(body).not.toHaveProperty('passwordUnencrypted');
    expect(body).not.toHaveProperty('testNow');
    expect(draftToUpdateBody(validDraft({ testNow: true }), validDraft())).toMatchObject({ testNow: true });
  });
});
