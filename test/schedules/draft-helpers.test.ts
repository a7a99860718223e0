import { describe, expect, it } from 'vitest';
import { findDashboardLink, parseDashboardRef } from '../../src/schedules/dashboard-ref.js';
import { filterText, sameFilter, withFilterText } from '../../src/schedules/draft-filters.js';
import { defaultScheduleName } from '../../src/schedules/draft-naming.js';
import { fieldForOmniDetail } from '../../src/schedules/omni-detail-field.js';
import { decodeFormMetadata, encodeFormMetadata } from '../../src/slack/ui/schedule-form-metadata.js';
import { VALID_DESTINATIONS, validDraft } from './draft-fixtures.js';

describe('fieldForOmniDetail', () => {
  it.each([
    ['schedule: Schedule is an invalid cron expression', 'when'],
    ['timezone: Time zone must be IANA valid.', 'timezone'],
    ['hideTitle can only be used with PDF or PNG formats', 'formatOptions'],
    ['hideHiddenFields can only be used with CSV or XLSX formats', 'formatOptions'],
    ['Print options are not supported for this format', 'format'],
    ['Single column layout and table expansion options are not supported for FIT_PAGE format.', 'paperFormat'],
    [
      'Invalid filter keys found in schedule configuration: Region. Available dashboard filter keys are: region, order_date.',
      'filters',
    ],
    ['Test delivery not supported for condition type RESULTS_CHANGED', 'testNow'],
    ['Alert conditions require a condition type and a condition query map key', 'alertTile'],
    ['Analyses do not support dashboards.', 'dashboard'],
    ['Document does not have a dashboard', 'dashboard'],
    ['Document with identifier "nope" not found', 'dashboard'],
    ['Permission denied - cannot schedule this dashboard', 'dashboard'],
    ['Format link_only is not supported for destination type sftp', 'format'],
    ['name: name is required', 'name'],
    ['url: Invalid url', 'webhookUrl'],
    ['port: Number must be between 1 and 65535', 'sftpPort'],
    ['passwordUnencrypted: passwordUnencrypted is required for SFTP destinations', 'sftpPassword'],
    ['bucketName: Bucket name must be 3-63 characters, lowercase', 's3Bucket'],
    ['roleArn: Invalid role ARN', 's3RoleArn'],
    ['filterConfig.region: Expected object, received string', 'filters'],
    ['Bad Request: schedule: Schedule is an invalid cron expression', 'when'],
  ] as const)('%s → %s', (detail, field) => {
    expect(fieldForOmniDetail(detail)).toBe(field);
  });

  it('settles recipients, text bodies and query keys by the draft', () => {
    const email = validDraft({ destination: VALID_DESTINATIONS.email });
    const channel = validDraft();
    const dms = validDraft({ destination: VALID_DESTINATIONS['slack-dm'] });
    expect(fieldForOmniDetail('recipients: Invalid email address', email)).toBe('emailAddresses');
    expect(fieldForOmniDetail('recipients: Invalid Slack channel ID: X1', channel)).toBe('slackChannel');
    expect(fieldForOmniDetail('recipients: Invalid Slack user ID: X1', dms)).toBe('slackUsers');
    expect(fieldForOmniDetail('textBody: Expected string, received number', email)).toBe('emailBody');
    expect(fieldForOmniDetail('textBody: Expected string, received number', channel)).toBe('slackMessage');
    const alert = validDraft({ alert: { kind: 'condition', condition: 'RESULTS_PRESENT', queryKey: '9' } });
    expect(fieldForOmniDetail("Couldn't find query presentation for key: 9", alert)).toBe('alertTile');
    expect(fieldForOmniDetail("Couldn't find query presentation for key: 7", alert)).toBe('content');
  });

  it('names no field for what concerns none', () => {
    expect(fieldForOmniDetail('Internal server error')).toBeUndefined();
    expect(fieldForOmniDetail('Authentication required')).toBeUndefined();
  });
});

describe('parseDashboardRef', () => {
  it('takes an id, a URL, a Slack-wrapped URL and a schedule URL', () => {
    expect(parseDashboardRef('12db1a0a')).toEqual({ ok: true, identifier: '12db1a0a' });
    expect(parseDashboardRef('https://blobsrus.omniapp.co/dashboards/dashboard-abc123')).toEqual({
      ok: true,
      identifier: 'dashboard-abc123',
    });
    expect(parseDashboardRef('<https://blobsrus.omniapp.co/dashboards/12db1a0a?f=1|Orders>')).toEqual({
      ok: true,
      identifier: '12db1a0a',
    });
    expect(
      parseDashboardRef('https://x.omniapp.co/dashboards/e23ebaa0/schedules/123e4567-e89b-12d3-a456-426614174000'),
    ).toEqual({
      ok: true,
      identifier: 'e23ebaa0',
    });
  });

  it('says why something is not a dashboard', () => {
    expect(parseDashboardRef('')).toMatchObject({ ok: false, error: expect.stringMatching(/Give a dashboard/) });
    expect(parseDashboardRef('https://example.com/reports/1')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/does not point at an Omni dashboard/),
    });
    expect(parseDashboardRef('two words')).toMatchObject({
      ok: false,
      error: '"two words" is not a dashboard id or URL.',
    });
  });

  it('finds the first dashboard link in a message', () => {
    expect(findDashboardLink('see <https://blobsrus.omniapp.co/dashboards/12db1a0a|Orders> and more')).toBe('12db1a0a');
    expect(findDashboardLink('no links here https://example.com/x')).toBeUndefined();
  });
});

describe('filter text', () => {
  const region = { type: 'string', kind: 'EQUALS', values: ['US'], label: 'Region' };
  const date = { type: 'date', kind: 'WITHIN_RANGE', left_side: '2024-01-01', right_side: '2024-12-31' };
  it('reads and writes values and ranges, keeping Omni’s other properties', () => {
    expect(filterText(region)).toBe('US');
    expect(withFilterText(region, 'EU, APAC ,')).toEqual({ ok: true, value: { ...region, values: ['EU', 'APAC'] } });
    expect(filterText(date)).toBe('2024-01-01 to 2024-12-31');
    expect(withFilterText(date, '2025-01-01 to 2025-03-31')).toEqual({
      ok: true,
      value: { ...date, left_side: '2025-01-01', right_side: '2025-03-31' },
    });
    expect(withFilterText({ type: 'number', kind: 'EQUALS', values: [1] }, '2, x')).toEqual({
      ok: false,
      message: 'Not numbers: x.',
    });
    expect(filterText({ kind: 'TIME_FOR_INTERVAL_DURATION', ui_type: 'PAST' })).toBeUndefined();
    expect(sameFilter({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
  });
});

describe('defaultScheduleName', () => {
  it('names the dashboard and the timing', () => {
    expect(defaultScheduleName('Orders', { kind: 'weekdays', hour: 9, minute: 0 })).toBe('Orders — weekdays at 09:00');
    expect(defaultScheduleName('Orders', { kind: 'weekly', days: ['MON', 'THU'], hour: 7, minute: 5 })).toBe(
      'Orders — Mondays and Thursdays at 07:05',
    );
    expect(defaultScheduleName(undefined, { kind: 'monthly', day: 'last', hour: 6, minute: 30 })).toBe(
      'Dashboard — monthly on the last day at 06:30',
    );
    expect(defaultScheduleName('Orders', { kind: 'monthly', day: 22, hour: 6, minute: 30 })).toBe(
      'Orders — monthly on the 22nd at 06:30',
    );
    expect(defaultScheduleName('Orders', { kind: 'hourly', minute: 5 })).toBe('Orders — every hour at :05');
  });
});

describe('form metadata', () => {
  it('round-trips, and reads anything else as a plain create', () => {
    const meta = {
      mode: 'edit' as const,
      scheduleId: 'abc',
      channelId: 'C1',
      autoName: 'x',
      nameRev: 3,
      passwordOnFile: true,
    };
    expect(decodeFormMetadata(encodeFormMetadata(meta))).toEqual(meta);
    expect(decodeFormMetadata('not json')).toEqual({ mode: 'create' });
    expect(decodeFormMetadata('{"mode":"drop tables","password":"x"}')).toEqual({ mode: 'create' });
    expect(encodeFormMetadata({ mode: 'create', autoName: 'n'.repeat(5000) }).length).toBeLessThanOrEqual(3000);
  });
});
