import { describe, expect, it } from 'vitest';
import type { DraftField, ScheduleDraft } from '../../src/schedules/draft.js';
import { DESTINATION_KINDS, DRAFT_FORMATS } from '../../src/schedules/draft.js';
import { formatsFor } from '../../src/schedules/draft-formats.js';
import { errorsByField, type RuleContext, validateDraft } from '../../src/schedules/draft-rules.js';
import { emptyDestination, VALID_DESTINATIONS, validDraft } from './draft-fixtures.js';

function errorsOn(draft: ScheduleDraft, context?: RuleContext): Partial<Record<DraftField, string>> {
  return Object.fromEntries(errorsByField(validateDraft(draft, context)));
}

describe('validateDraft', () => {
  it('accepts a valid draft for every destination, with a format it takes', () => {
    for (const kind of DESTINATION_KINDS) {
      const draft = validDraft({ destination: VALID_DESTINATIONS[kind], format: 'csv' });
      expect(validateDraft(draft), kind).toEqual([]);
    }
  });

  it('asks for a dashboard and a name', () => {
    expect(errorsOn(validDraft({ identifier: ' ', name: '' }))).toMatchObject({
      dashboard: 'Choose a dashboard, or paste its id or URL.',
      name: 'Give the schedule a name.',
    });
  });

  it('puts the cron parser’s message on "when" for a bad custom cron', () => {
    const errors = errorsOn(validDraft({ when: { kind: 'custom', cron: '0 9 * * MON' } }));
    expect(errors.when).toMatch(/6 fields|six fields|fields/i);
    expect(errorsOn(validDraft({ when: { kind: 'custom', cron: '' } })).when).toMatch(/Type a cron expression/);
  });

  it('refuses a schedule more frequent than hourly, saying Omni’s minimum', () => {
    expect(errorsOn(validDraft({ when: { kind: 'custom', cron: '*/15 * * * ? *' } })).when).toMatch(/hourly/);
    expect(validateDraft(validDraft({ when: { kind: 'hourly', minute: 5 } }))).toEqual([]);
  });

  it('refuses a weekly preset with no day', () => {
    expect(errorsOn(validDraft({ when: { kind: 'weekly', days: [], hour: 9, minute: 0 } })).when).toMatch(
      /at least one day/,
    );
  });

  it('refuses an unknown time zone', () => {
    expect(errorsOn(validDraft({ timezone: 'EST5' })).timezone).toMatch(/not an IANA time zone/);
    expect(errorsOn(validDraft({ timezone: 'Mars/Olympus' })).timezone).toMatch(/America\/New_York/);
    expect(errorsOn(validDraft({ timezone: '' })).timezone).toBe('Choose a time zone.');
  });

  it('offers only the formats each destination takes', () => {
    for (const kind of DESTINATION_KINDS) {
      for (const format of DRAFT_FORMATS) {
        const draft = validDraft({
          destination: VALID_DESTINATIONS[kind],
          format,
          content: format === 'json' ? { kind: 'tile', queryKey: '1' } : { kind: 'dashboard' },
        });
        const ok = formatsFor(kind).includes(format);
        expect(errorsOn(draft).format === undefined, `${kind} ${format}`).toBe(ok);
      }
    }
    expect(errorsOn(validDraft({ format: 'xlsx' })).format).toBe(
      "Excel (XLSX) can't be delivered to Slack. Choose PDF, PNG image, CSV or Link only.",
    );
    expect(errorsOn(validDraft({ destination: VALID_DESTINATIONS.sftp, format: 'link_only' })).format).toMatch(/SFTP/);
  });

  it('keeps an existing schedule’s own format available while editing, even where it would not be offered', () => {
    const draft = validDraft({ format: 'xlsx' });
    expect(errorsOn(draft).format).toMatch(/can't be delivered to Slack/);
    expect(errorsOn(draft, { keptFormat: { kind: 'slack-channel', format: 'xlsx' } }).format).toBeUndefined();
    expect(errorsOn(draft, { keptFormat: { kind: 'email', format: 'xlsx' } }).format).toBeDefined();
  });

  it('refuses a title option on a format without a title', () => {
    const draft = validDraft({ format: 'csv', options: { ...validDraft().options, hideTitle: true } });
    expect(errorsOn(draft).formatOptions).toBe('Hiding the title works only for PDF or PNG.');
    expect(validateDraft(validDraft({ format: 'png', options: { ...validDraft().options, hideTitle: true } }))).toEqual(
      [],
    );
  });

  it('refuses print options on formats other than PDF', () => {
    const options = { ...validDraft().options, paperFormat: 'a4' as const, paperOrientation: 'landscape' as const };
    expect(errorsOn(validDraft({ format: 'png', options }))).toMatchObject({
      paperFormat: 'Paper size applies only to PDF.',
      paperOrientation: 'Orientation applies only to PDF.',
    });
    const expand = { ...validDraft().options, expandTablesToShowAllRows: true };
    expect(errorsOn(validDraft({ format: 'csv', options: expand })).formatOptions).toMatch(/only for PDF or PNG/);
  });

  it('refuses table expansion with the fit-to-page paper size', () => {
    const options = { ...validDraft().options, paperFormat: 'fit_page' as const, expandTablesToShowAllRows: true };
    expect(errorsOn(validDraft({ options })).formatOptions).toMatch(/Fit to page/);
  });

  it('refuses hidden fields on the wrong formats; formatting is only a hint (a third-party rule)', () => {
    const options = { ...validDraft().options, hideHiddenFields: true, enableFormatting: true };
    expect(errorsOn(validDraft({ format: 'pdf', options })).formatOptions).toBe(
      'Leaving out hidden fields works only for CSV or XLSX.',
    );
    expect(validateDraft(validDraft({ format: 'csv', options }))).toEqual([]);
  });

  it("takes the docs' first example: a whole dashboard as JSON to a webhook", () => {
    const draft = validDraft({ destination: VALID_DESTINATIONS.webhook, format: 'json' });
    expect(draft.content).toEqual({ kind: 'dashboard' });
    expect(validateDraft(draft)).toEqual([]);
  });

  it('refuses a test of a "results changed" alert', () => {
    const draft = validDraft({
      alert: { kind: 'condition', condition: 'RESULTS_CHANGED', queryKey: '1' },
      testNow: true,
    });
    expect(errorsOn(draft).testNow).toMatch(/results changed/);
    expect(validateDraft({ ...draft, testNow: false })).toEqual([]);
  });

  it('needs the tile an alert watches, and a known one', () => {
    const alert = { kind: 'condition' as const, condition: 'RESULTS_PRESENT' as const, queryKey: '' };
    expect(errorsOn(validDraft({ alert })).alertTile).toBe('Choose the tile whose results the alert watches.');
    const unknown = validDraft({ alert: { ...alert, queryKey: '9' } });
    expect(errorsOn(unknown, { queryKeys: ['1', '2'] }).alertTile).toMatch(/no tile with key 9/);
    expect(errorsOn(validDraft({ content: { kind: 'tile', queryKey: '7' } }), { queryKeys: ['1'] }).content).toMatch(
      /no tile with key 7/,
    );
  });

  it('refuses filter keys the dashboard does not have', () => {
    const draft = validDraft({ filters: { Region: { kind: 'EQUALS', values: ['US'] } } });
    expect(errorsOn(draft, { filterKeys: ['region', 'order_date'] }).filters).toBe(
      'The dashboard has no filter Region. Its filters are region and order_date.',
    );
    expect(errorsOn(draft, { filterKeys: [] }).filters).toBe("This dashboard has no filters, so Region can't be set.");
    expect(validateDraft(draft)).toEqual([]);
  });

  it('needs a positive whole row limit', () => {
    expect(errorsOn(validDraft({ rowLimit: 0 })).rowLimit).toMatch(/whole number/);
    expect(errorsOn(validDraft({ rowLimit: 2.5 })).rowLimit).toMatch(/whole number/);
    expect(validateDraft(validDraft({ rowLimit: 1000 }))).toEqual([]);
  });

  describe('destinations', () => {
    it('Slack: a channel id, or at least one user id', () => {
      expect(errorsOn(validDraft({ destination: emptyDestination('slack-channel') })).slackChannel).toBe(
        'Choose the channel to deliver to.',
      );
      expect(
        errorsOn(validDraft({ destination: { kind: 'slack-channel', channelId: 'U123', message: '' } })).slackChannel,
      ).toMatch(/not a Slack channel id/);
      expect(errorsOn(validDraft({ destination: emptyDestination('slack-dm') })).slackUsers).toMatch(
        /at least one person/,
      );
    });

    it('email: someone to send to, Slack ids, addresses or @groups, a subject', () => {
      const email = VALID_DESTINATIONS.email;
      if (email.kind !== 'email') throw new Error('fixture');
      const nobody = { ...email, userIds: [], channelIds: [], addresses: [] };
      expect(errorsOn(validDraft({ destination: nobody })).emailPeople).toMatch(/at least one person or channel/);
      expect(errorsOn(validDraft({ destination: { ...nobody, channelIds: ['C0SALES01'] } }))).toEqual({});
      expect(
        errorsOn(
          validDraft({
            destination: {
              ...email,
              addresses: [
                'cfo@blobsrus.com',
                'not-an-email',
                'a@b',
                '@finance-team',
                '<!subteam^S0FIN1|@fin>',
                '#sales',
              ],
            },
          }),
        ).emailAddresses,
      ).toBe('Not email addresses or @group handles: not-an-email, a@b, #sales. Separate them with commas.');
      expect(errorsOn(validDraft({ destination: { ...email, userIds: ['maria'] } })).emailPeople).toBe(
        'Not Slack user ids: maria.',
      );
      expect(errorsOn(validDraft({ destination: { ...email, channelIds: ['U0AAA1111'] } })).emailChannels).toBe(
        'Not Slack channel ids: U0AAA1111.',
      );
      // Omni's docs list the subject as optional (only a third-party wrapper requires it): a hint.
      expect(errorsOn(validDraft({ destination: { ...email, subject: ' ' } })).emailSubject).toBeUndefined();
    });

    it('webhook: an https URL to a public server (http only on loopback outside production)', () => {
      const on = (url: string) => errorsOn(validDraft({ destination: { kind: 'webhook', url } })).webhookUrl;
      expect(on('')).toBe('Type the URL Omni should POST to.');
      expect(on('hooks.example.com')).toMatch(/not a URL/);
      expect(on('http://hooks.example.com/x')).toBe(
        "The webhook URL must start with https:// (plain http only for hosts in the server's OMNI_ALLOWED_HOSTS).",
      );
      expect(on('https://10.0.0.9/hook')).toMatch(/^10\.0\.0\.9 is a private network address/);
      expect(on('http://127.0.0.1:8080/hook')).toBeUndefined();
      expect(on('https://hooks.example.com/x')).toBeUndefined();
    });

    it('SFTP: host, port 1–65535, user and password', () => {
      const errors = errorsOn(
        validDraft({ destination: { kind: 'sftp', address: '', port: undefined, username: '', password: '' } }),
      );
      expect(Object.keys(errors).sort()).toEqual(['sftpAddress', 'sftpPassword', 'sftpPort', 'sftpUsername']);
      const sftp = { kind: 'sftp' as const, address: 'sftp://host/path', port: 70000, username: 'u', password: 'p' };
      expect(errorsOn(validDraft({ destination: sftp }))).toMatchObject({
        sftpAddress: expect.stringMatching(/host name only/),
        sftpPort: 'The port must be a whole number from 1 to 65535.',
      });
    });

    it('SFTP edit: an empty password keeps the one Omni holds', () => {
      const sftp = { ...VALID_DESTINATIONS.sftp, password: '' } as ScheduleDraft['destination'];
      expect(errorsOn(validDraft({ destination: sftp, format: 'csv' }), { passwordOnFile: true })).toEqual({});
    });

    it('S3: bucket 3–63 lowercase, a region, a role ARN', () => {
      const s3 = VALID_DESTINATIONS.s3;
      if (s3.kind !== 's3') throw new Error('fixture');
      const on = (patch: Partial<typeof s3>) =>
        errorsOn(validDraft({ destination: { ...s3, ...patch }, format: 'csv' }));
      expect(on({ bucketName: 'ab' }).s3Bucket).toMatch(/3 to 63/);
      expect(on({ bucketName: 'My_Bucket' }).s3Bucket).toMatch(/lowercase/);
      expect(on({ bucketName: 'x'.repeat(64) }).s3Bucket).toMatch(/3 to 63/);
      expect(on({ region: 'US East' }).s3Region).toMatch(/not an AWS region/);
      expect(on({ roleArn: 'arn:aws:iam::123:user/bob' }).s3RoleArn).toMatch(/not an IAM role ARN/);
      expect(on({ keyPrefix: '' })).toEqual({});
    });
  });
});
