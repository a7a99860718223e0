import { describe, expect, it } from 'vitest';
import type { DestinationPlace } from '../../../src/schedules/destination-summary.js';
import type { ScheduleView } from '../../../src/schedules/schedule-view.js';
import { deliversText } from '../../../src/slack/ui/schedule-destinations.js';

const view = {
  destinationType: 'email',
  format: 'pdf',
  recipientCount: 2,
  slackRecipientType: null,
} as unknown as ScheduleView;

describe('where a schedule delivers, on its card', () => {
  it('one line per destination the list record merged', () => {
    const both = {
      ...view,
      destinations: [
        { destinationType: 'email', format: 'pdf', recipientCount: 2, slackRecipientType: null },
        { destinationType: 'slack', format: 'pdf', recipientCount: -1, slackRecipientType: 'channel' },
      ],
    } as unknown as ScheduleView;
    const lines = deliversText(both).split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Email (PDF) to 2 recipients');
    expect(lines[1]).toContain('Slack (PDF)');
  });

  it('its own destination when it carries no list', () => {
    expect(deliversText(view)).toBe(':email: Email (PDF) to 2 recipients');
  });
});

describe('exactly where it goes, when the schedule was read one by one', () => {
  const on = (places: DestinationPlace[]) => deliversText({ ...view, places } as ScheduleView);
  const person = (name: string | null, email: string) => ({ name, email });

  it('email: the people by name (else address), the first few and how many more, and user groups', () => {
    const people = [
      person('Blob Ross', 'blob@x.com'),
      person(null, 'partner@blobsrus.com'),
      person('Blobby Hill', 'hill@x.com'),
      person('A', 'a@x.com'),
      person('B', 'b@x.com'),
    ];
    expect(on([{ format: 'pdf', summary: { kind: 'email', people: people.slice(0, 2), groupCount: 0 } }])).toBe(
      ':email: Email (PDF) to Blob Ross and partner@blobsrus.com',
    );
    expect(on([{ format: 'pdf', summary: { kind: 'email', people, groupCount: 1 } }])).toBe(
      ':email: Email (PDF) to Blob Ross, partner@blobsrus.com, Blobby Hill, 2 more and 1 user group',
    );
    expect(on([{ format: null, summary: { kind: 'email', people: [], groupCount: 0 } }])).toBe(
      ':email: Email to nobody yet',
    );
  });

  it('email: names from Omni are escaped, so they cannot mention or link', () => {
    const summary = { kind: 'email' as const, people: [person('<!channel> & co', 'x@x.com')], groupCount: 0 };
    expect(on([{ format: 'pdf', summary }])).toBe(':email: Email (PDF) to &lt;!channel&gt; &amp; co');
  });

  it('Slack: the channel as a mention, or the people by DM; anything not a Slack id is not', () => {
    expect(on([{ format: 'png', summary: { kind: 'slack-channel', channelId: 'C0SALES01' } }])).toBe(
      ':speech_balloon: Slack (PNG) to <#C0SALES01>',
    );
    expect(on([{ format: 'png', summary: { kind: 'slack-channel', channelId: '<!here>' } }])).toBe(
      ':speech_balloon: Slack (PNG) to a channel',
    );
    expect(on([{ format: 'png', summary: { kind: 'slack-dm', userIds: ['U0123ABCD', 'W0456EFGH'] } }])).toBe(
      ':speech_balloon: Slack (PNG) to <@U0123ABCD> and <@W0456EFGH> by DM',
    );
  });

  it('webhook: the host only (the summary never holds the path); SFTP: server and folder; S3: bucket, region, prefix', () => {
    expect(on([{ format: 'json', summary: { kind: 'webhook', host: 'hooks.example.com:8443' } }])).toBe(
      ':link: Webhook (JSON) to `hooks.example.com:8443`',
    );
    expect(on([{ format: 'json', summary: { kind: 'webhook', host: null } }])).toBe(':link: Webhook (JSON)');
    expect(
      on([{ format: 'csv', summary: { kind: 'sftp', host: 'sftp.blobsrus.com', port: 2222, path: '/reports/daily' } }]),
    ).toBe(':file_folder: SFTP (CSV) to `sftp.blobsrus.com:2222`, folder `/reports/daily`');
    expect(on([{ format: 'csv', summary: { kind: 'sftp', host: 'files.example.net', port: null, path: null } }])).toBe(
      ':file_folder: SFTP (CSV) to `files.example.net`',
    );
    expect(
      on([
        {
          format: 'csv',
          summary: { kind: 's3', bucket: 'blob-reports', region: 'us-east-1', keyPrefix: 'reports/`daily`/' },
        },
      ]),
    ).toBe(":package: Amazon S3 (CSV) to bucket `blob-reports` (us-east-1), prefix `reports/'daily'/`");
  });

  it('a destination the app does not describe: its kind; several destinations: one line each', () => {
    expect(on([{ format: null, summary: { kind: 'other', type: 'google_sheets' } }])).toBe(':bar_chart: Google Sheets');
    const lines = on([
      { format: 'pdf', summary: { kind: 'email', people: [person('Blob Ross', 'b@x.com')], groupCount: 0 } },
      { format: 'pdf', summary: { kind: 'slack-channel', channelId: 'C0ORDERS1' } },
    ]).split('\n');
    expect(lines).toEqual([':email: Email (PDF) to Blob Ross', ':speech_balloon: Slack (PDF) to <#C0ORDERS1>']);
  });
});
