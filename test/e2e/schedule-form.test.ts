// The schedule form end to end (creating): the real receiver, the fake Slack, the Omni sandbox.
import { beforeEach, describe, expect, it } from 'vitest';
import { ActionIds, CallbackIds } from '../../src/ids.js';
import type { TestApp } from '../support/test-app.js';
import {
  ackBody,
  B,
  change,
  currentView,
  formValues,
  hasBlock,
  lastUpdate,
  type Obj,
  openedView,
  SFTP_PASSWORD as PASSWORD,
  scheduleWrites,
  submit,
  useScheduleFormApp,
} from './schedule-form-helpers.js';

const app = useScheduleFormApp();
const { openWith, onlyWrite, newestSchedule } = app;
let t: TestApp;
beforeEach(() => {
  t = app.t;
});

describe('creating a schedule', () => {
  it('to this channel: opens filled in, and lands in Omni with exactly the body Omni expects; the card shows', async () => {
    const view = await openWith('create 12db1a0a');
    const name = view.blocks.find((b) => String(b.block_id).startsWith(B.formName));
    expect(name?.element.initial_value).toBe('Orders — weekdays at 09:00');
    expect(JSON.stringify(view.blocks)).toContain('At 09:00, Monday through Friday');
    const since = t.sandbox.state.requests.length;
    const res = await submit(t, view);
    expect(ackBody(res).response_action).toBe('update');
    expect(onlyWrite(since).body).toEqual({
      identifier: '12db1a0a',
      name: 'Orders — weekdays at 09:00',
      schedule: '0 9 ? * MON-FRI *',
      timezone: 'America/New_York',
      format: 'pdf',
      destinationType: 'slack',
      slackRecipientType: 'channel',
      recipients: 'C0000GEN1',
      hideTitle: false,
      expandTablesToShowAllRows: false,
      showFilters: true,
      showContentLink: true,
      killJobsOnFailure: false,
    });
    const card = lastUpdate(t, view.id);
    expect(card.callback_id).toBe(CallbackIds.scheduleCardView);
    expect(JSON.stringify(card)).toContain('Created *Orders — weekdays at 09:00*');
    expect(JSON.stringify(card)).toContain(ActionIds.runNowButton);
    expect(t.audit.at(-1)).toMatchObject({ action: 'create', outcome: 'ok', user: t.users.member.id });
  });

  it('to Slack direct messages', async () => {
    let view = await openWith('create dashboard-abc123');
    view = await change(t, view, B.formDestination, 'slack-dm');
    expect(hasBlock(view, B.formSlackUsers)).toBe(true);
    expect(hasBlock(view, B.formSlackChannel)).toBe(false);
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formSlackUsers]: ['U0MEMBER01', 'U0ADMIN01'], [B.formSlackMessage]: 'Numbers are in' });
    expect(onlyWrite(since).body).toMatchObject({
      destinationType: 'slack',
      slackRecipientType: 'users',
      recipients: ['U0MEMBER01', 'U0ADMIN01'],
      textBody: 'Numbers are in',
    });
  });

  it('by email: people become their Slack addresses, plus typed ones; subject, body, fan-out', async () => {
    let view = await openWith('create dashboard-abc123');
    view = await change(t, view, B.formDestination, 'email');
    view = await change(t, view, B.formFormat, 'xlsx');
    const since = t.sandbox.state.requests.length;
    await submit(t, view, {
      [B.formEmailPeople]: ['U0MEMBER01', 'U0ADMIN01'],
      [B.formEmailAddresses]: 'cfo@blobsrus.com, MARIA@example.com',
      [B.formEmailSubject]: 'Regional sales',
      [B.formEmailBody]: 'See attached.',
      [B.formEmailFanOut]: ['fan_out'],
      [B.formOptions]: ['hideHiddenFields', 'showFilters'],
    });
    expect(onlyWrite(since).body).toEqual({
      identifier: 'dashboard-abc123',
      name: 'Regional Sales — weekdays at 09:00',
      schedule: '0 9 ? * MON-FRI *',
      timezone: 'America/New_York',
      format: 'xlsx',
      destinationType: 'email',
      recipients: ['maria@example.com', 'ada@example.com', 'cfo@blobsrus.com'],
      subject: 'Regional sales',
      textBody: 'See attached.',
      fanOut: true,
      hideHiddenFields: true,
      enableFormatting: false,
      showFilters: true,
      showContentLink: false,
      killJobsOnFailure: false,
    });
  });

  it('to a webhook, one tile as JSON', async () => {
    let view = await openWith('create dashboard-abc123');
    view = await change(t, view, B.formDestination, 'webhook');
    view = await change(t, view, B.formFormat, 'json');
    const since = t.sandbox.state.requests.length;
    await submit(t, view, {
      [B.formWebhookUrl]: 'https://hooks.example.com/omni',
      [B.formContent]: '2',
      [B.formRowLimit]: '500',
    });
    expect(onlyWrite(since).body).toMatchObject({
      destinationType: 'webhook',
      url: 'https://hooks.example.com/omni',
      format: 'json',
      queryIdentifierMapKey: '2',
      overrideRowLimit: true,
      maxRowLimit: 500,
    });
  });

  it('to SFTP: the password goes to Omni and nowhere else', async () => {
    let view = await openWith('create 12db1a0a');
    view = await change(t, view, B.formDestination, 'sftp');
    view = await change(t, view, B.formFormat, 'csv');
    const slackSince = t.slack.calls.length;
    const since = t.sandbox.state.requests.length;
    await submit(t, view, {
      [B.formSftpAddress]: 'sftp.blobsrus.com',
      [B.formSftpPort]: '2222',
      [B.formSftpUsername]: 'blob',
      [B.formSftpPassword]: PASSWORD,
    });
    expect(onlyWrite(since).body).toMatchObject({
      destinationType: 'sftp',
      address: 'sftp.blobsrus.com',
      port: 2222,
      username: 'blob',
      passwordUnencrypted: '[redacted]',
    });
    const saved = newestSchedule();
    expect(saved?.destination).toMatchObject({ type: 'sftp', hasPassword: true });
    expect(JSON.stringify(t.slack.calls.slice(slackSince))).not.toContain(PASSWORD);
  });

  it('to S3: the card says what the role’s trust policy needs', async () => {
    let view = await openWith('create 12db1a0a');
    view = await change(t, view, B.formDestination, 's3');
    view = await change(t, view, B.formFormat, 'csv');
    const since = t.sandbox.state.requests.length;
    await submit(t, view, {
      [B.formS3Bucket]: 'blob-reports',
      [B.formS3Region]: 'eu-west-2',
      [B.formS3RoleArn]: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
      [B.formS3KeyPrefix]: 'reports/',
    });
    expect(onlyWrite(since).body).toMatchObject({
      destinationType: 's3',
      bucketName: 'blob-reports',
      region: 'eu-west-2',
      roleArn: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
      keyPrefix: 'reports/',
    });
    expect(JSON.stringify(lastUpdate(t, view.id))).toContain('OmniSchedulerDelivererRole');
  });

  it('with filters, a custom cron, an alert, and a test delivery now', async () => {
    let view = await openWith('create dashboard-abc123');
    expect(JSON.stringify(view.blocks)).toContain('2024-01-01 to 2024-12-31');
    view = await change(t, view, B.formRepeat, 'custom');
    const cron = view.blocks.find((b) => b.block_id === B.formCron);
    expect(cron?.element.initial_value).toBe('0 9 ? * MON-FRI *');
    view = await change(t, view, B.formCron, '30 7 ? * MON,WED *');
    expect(JSON.stringify(view.blocks)).toContain('At 07:30, on Monday and Wednesday');
    view = await change(t, view, B.formAlert, 'RESULTS_PRESENT');
    const since = t.sandbox.state.requests.length;
    const deliveries = t.sandbox.state.deliveries.length;
    const schedulesBefore = t.sandbox.state.schedules.size;
    await submit(t, view, {
      [`${B.formFilterPrefix}region`]: 'EU, APAC',
      [B.formAlertTile]: '1',
      [B.formTestNow]: ['test_now'],
    });
    // Omni's spec says testNow runs "instead of scheduling"; when Omni saves it too (an id comes
    // back), no second create is sent. Either way: one schedule, one test delivery.
    const writes = scheduleWrites(t, since);
    expect((writes[0]?.body as Obj | undefined)?.testNow).toBe(true);
    expect(t.sandbox.state.schedules.size - schedulesBefore).toBe(1);
    expect(writes.at(-1)?.body).toMatchObject({
      schedule: '30 7 ? * MON,WED *',
      filterConfig: { region: { type: 'string', kind: 'EQUALS', values: ['EU', 'APAC'], label: 'Region' } },
      conditionType: 'RESULTS_PRESENT',
      conditionQueryMapKey: '1',
    });
    expect(t.sandbox.state.deliveries.slice(deliveries).map((d) => d.kind)).toEqual(['test']);
    expect(JSON.stringify(lastUpdate(t, view.id))).toContain('A test delivery was sent');
  });

  it('from a message with an Omni dashboard link (message shortcut), prefilled', async () => {
    const since = t.slack.calls.length;
    await t.messageShortcut(
      { message: { text: 'Look at <https://blobsrus.omniapp.co/dashboards/dashboard-abc123|Regional Sales>' } },
      { channel: 'C0000GEN1' },
    );
    const view = openedView(t, since);
    const dashboard = view.blocks.find((b) => b.block_id === B.formDashboard);
    expect(dashboard?.element.initial_option.value).toBe('dashboard-abc123');
    expect(view.blocks.find((b) => b.block_id === B.formSlackChannel)?.element.initial_conversation).toBe('C0000GEN1');
  });

  it('from help or App Home ("Create schedule" button), to the person’s DMs when there is no channel', async () => {
    const since = t.slack.calls.length;
    await t.action({
      actionId: ActionIds.openCreateButton,
      value: 'home',
      view: {
        id: 'VHOME',
        type: 'home',
        blocks: [
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: ActionIds.openCreateButton,
                value: 'home',
                text: { type: 'plain_text', text: 'New' },
              },
            ],
          },
        ],
      },
    });
    const view = openedView(t, since);
    expect(view.blocks.find((b) => b.block_id === B.formDestination)?.element.initial_option.value).toBe('slack-dm');
    expect(view.blocks.find((b) => b.block_id === B.formSlackUsers)?.element.initial_users).toEqual([
      t.users.member.id,
    ]);
  });

  it('refuses guests in the form itself', async () => {
    const since = t.slack.calls.length;
    await t.action({
      actionId: ActionIds.openCreateButton,
      value: 'create',
      user: t.users.guest.id,
      message: {
        ts: '1.1',
        blocks: [
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: ActionIds.openCreateButton,
                value: 'create',
                text: { type: 'plain_text', text: 'Create' },
              },
            ],
          },
        ],
      },
    });
    const view = openedView(t, since);
    expect(JSON.stringify(view.blocks)).toContain('Guests cannot use Omni schedules');
  });
});

describe('the form’s selects', () => {
  it('searches dashboards by name or pasted URL, and time zones by city or abbreviation', async () => {
    const regional = ackBody(await t.options({ actionId: ActionIds.formDashboardSelect, value: 'regional' }));
    expect(regional.options.map((o: Obj) => o.value)).toEqual(['dashboard-abc123']);
    const pasted = ackBody(
      await t.options({ actionId: ActionIds.formDashboardSelect, value: 'https://x.omniapp.co/dashboards/12db1a0a' }),
    );
    expect(pasted.options[0]).toMatchObject({ value: '12db1a0a', text: { text: 'Orders (12db1a0a)' } });
    const zones = ackBody(await t.options({ actionId: ActionIds.formTimezoneSelect, value: 'new york' }));
    expect(zones.options[0].value).toBe('America/New_York');
    const est = ackBody(await t.options({ actionId: ActionIds.formTimezoneSelect, value: 'EST' }));
    expect(est.options.map((o: Obj) => o.value)).toContain('America/New_York');
  });

  it('choosing another dashboard brings its filters and tiles and renames the schedule', async () => {
    let view = await openWith('create 12db1a0a');
    view = await change(t, view, B.formDashboard, 'dashboard-abc123');
    view = currentView(t, view.id);
    expect(JSON.stringify(view.blocks)).toContain('Order Date');
    expect(view.blocks.find((b) => String(b.block_id).startsWith(B.formName))?.element.initial_value).toMatch(
      /weekdays at 09:00$/,
    );
    expect(
      view.blocks.find((b) => String(b.block_id).startsWith(B.formContent))?.element.options.map((o: Obj) => o.value),
    ).toEqual(['dashboard', '1', '2']);
    expect(formValues(view)).toBeDefined();
  });
});
