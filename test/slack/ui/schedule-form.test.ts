import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../../src/fake-slack/block-kit-limits.js';
import { BlockIds } from '../../../src/ids.js';
import type { DashboardDetails } from '../../../src/schedules/dashboard-details.js';
import { DESTINATION_KINDS, type ScheduleDraft } from '../../../src/schedules/draft.js';
import { formatsFor } from '../../../src/schedules/draft-formats.js';
import {
  buildScheduleForm,
  buildScheduleFormDone,
  buildScheduleFormError,
  buildScheduleFormLoading,
  buildScheduleFormSaving,
  viewErrors,
} from '../../../src/slack/ui/schedule-form.js';
import { VALID_DESTINATIONS, validDraft } from '../../schedules/draft-fixtures.js';
import { ctx, META, type Obj, PRESETS, regional, roundTrip } from './schedule-form-fixtures.js';

describe('buildScheduleForm', () => {
  it('is valid Block Kit (≤100 blocks) in every combination of destination, format, timing and alert', () => {
    let states = 0;
    for (const kind of DESTINATION_KINDS) {
      for (const format of formatsFor(kind)) {
        for (const when of PRESETS) {
          for (const alert of [
            { kind: 'none' as const },
            { kind: 'condition' as const, condition: 'RESULTS_MISSING' as const, queryKey: '2' },
          ]) {
            const draft = regional({
              destination: VALID_DESTINATIONS[kind],
              format,
              when,
              alert,
              content: { kind: 'tile', queryKey: '1' },
              filters: { region: { type: 'string', kind: 'EQUALS', values: ['EU'], label: 'Region' } },
            });
            for (const mode of ['create', 'edit', 'duplicate'] as const) {
              const view = buildScheduleForm(
                draft,
                ctx({ metadata: { ...META, mode, passwordOnFile: mode === 'edit' } }),
              );
              expect(blockKitProblems('modal', view), `${kind} ${format} ${when.kind} ${mode}`).toEqual([]);
              expect(view.blocks.length).toBeLessThanOrEqual(100);
              states += 1;
            }
          }
        }
      }
    }
    expect(states).toBeGreaterThan(400);
  });

  it('is valid with no dashboard yet, while loading, and with a dashboard error', () => {
    const empty = validDraft({ identifier: '', dashboardName: undefined, name: '' });
    for (const extra of [
      { dashboard: undefined },
      { dashboard: undefined, dashboardStatus: 'loading' as const },
      { dashboardStatus: { error: 'Document with identifier "x" not found' } },
    ]) {
      const view = buildScheduleForm(empty, ctx(extra));
      expect(blockKitProblems('modal', view)).toEqual([]);
    }
    const loading = JSON.stringify(buildScheduleForm(empty, ctx({ dashboard: undefined, dashboardStatus: 'loading' })));
    expect(loading).toContain('Reading the dashboard’s filters and tiles');
  });

  it('stays within 100 blocks for a dashboard with many filters and tiles, with every field in error', () => {
    const many: DashboardDetails = {
      identifier: 'dashboard-abc123',
      filters: Array.from({ length: 60 }, (_, i) => ({
        key: `f${i}`,
        filter: { kind: 'EQUALS', values: [`v${i}`], label: `Filter ${i}` },
      })),
      tiles: Array.from({ length: 150 }, (_, i) => ({ key: String(i + 1), name: `Tile ${i + 1}` })),
    };
    const draft = regional({
      destination: VALID_DESTINATIONS.email,
      alert: { kind: 'condition', condition: 'RESULTS_PRESENT', queryKey: '3' },
    });
    const fields = [
      'dashboard',
      'name',
      'when',
      'timezone',
      'emailPeople',
      'emailAddresses',
      'emailSubject',
      'format',
      'formatOptions',
      'paperFormat',
      'content',
      'rowLimit',
      'alert',
      'alertTile',
      'testNow',
      'filter:f1',
      'filters',
    ] as const;
    const view = buildScheduleForm(
      draft,
      ctx({
        dashboard: many,
        errors: fields.map((field) => ({ field, message: `bad ${field}` })),
        notice: 'Omni said no',
      }),
    );
    expect(blockKitProblems('modal', view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(JSON.stringify(view)).toContain('Kept as set in Omni');
  });

  it('shows only the formats the destination takes, and only the chosen format’s options', () => {
    const view = buildScheduleForm(regional(), ctx());
    const format = view.blocks.find((b) => b.block_id?.startsWith(BlockIds.formFormat)) as Obj;
    expect(format.element.options.map((o: Obj) => o.value)).toEqual(['pdf', 'png', 'csv', 'link_only']);
    const options = view.blocks.find((b) => b.block_id?.startsWith(BlockIds.formOptions)) as Obj;
    expect(options.element.options.map((o: Obj) => o.value)).toEqual([
      'hideTitle',
      'expandTablesToShowAllRows',
      'showFilters',
      'showContentLink',
      'killJobsOnFailure',
    ]);
    expect(view.blocks.some((b) => b.block_id === BlockIds.formPaperFormat)).toBe(true);
    const csv = buildScheduleForm(regional({ format: 'csv' }), ctx());
    const csvOptions = csv.blocks.find((b) => b.block_id?.startsWith(BlockIds.formOptions)) as Obj;
    expect(csvOptions.element.options.map((o: Obj) => o.value)).toEqual([
      'hideHiddenFields',
      'enableFormatting',
      'showFilters',
      'showContentLink',
      'killJobsOnFailure',
    ]);
    expect(csv.blocks.some((b) => b.block_id === BlockIds.formPaperFormat)).toBe(false);
  });

  it('offers an edited schedule’s own format even where the app would not, and reads it back', () => {
    const draft = regional({ format: 'xlsx' });
    const metadata = {
      ...META,
      mode: 'edit' as const,
      keptFormat: { kind: 'slack-channel' as const, format: 'xlsx' as const },
    };
    const view = buildScheduleForm(draft, ctx({ metadata }));
    const format = view.blocks.find((b) => b.block_id?.startsWith(BlockIds.formFormat)) as Obj;
    expect(format.element.options.map((o: Obj) => o.value)).toEqual(['pdf', 'png', 'csv', 'link_only', 'xlsx']);
    expect(format.element.initial_option.value).toBe('xlsx');
    expect(roundTrip(draft, metadata).draft.format).toBe('xlsx');
  });

  it('asks each destination for exactly its fields', () => {
    const inputsOf = (kind: ScheduleDraft['destination']['kind']) =>
      buildScheduleForm(regional({ destination: VALID_DESTINATIONS[kind] }), ctx())
        .blocks.filter((b) => b.type === 'input')
        .map((b) => b.block_id as string)
        .filter(
          (id) => !id.includes('~~') && /slack_channel|slack_users|slack_message|form_email|webhook|sftp|s3/.test(id),
        );
    expect(inputsOf('slack-channel')).toEqual([BlockIds.formSlackChannel, BlockIds.formSlackMessage]);
    expect(inputsOf('slack-dm')).toEqual([BlockIds.formSlackUsers, BlockIds.formSlackMessage]);
    expect(inputsOf('email')).toEqual([
      BlockIds.formEmailPeople,
      BlockIds.formEmailChannels,
      BlockIds.formEmailAddresses,
      BlockIds.formEmailSubject,
      BlockIds.formEmailBody,
      BlockIds.formEmailFanOut,
    ]);
    expect(inputsOf('webhook')).toEqual([BlockIds.formWebhookUrl]);
    expect(inputsOf('sftp')).toEqual([
      BlockIds.formSftpAddress,
      BlockIds.formSftpPort,
      BlockIds.formSftpUsername,
      BlockIds.formSftpPassword,
    ]);
    expect(inputsOf('s3')).toEqual([
      BlockIds.formS3Bucket,
      BlockIds.formS3Region,
      BlockIds.formS3RoleArn,
      BlockIds.formS3KeyPrefix,
    ]);
  });

  it('takes email recipients as people, channels and typed addresses or @groups, each shown as chosen', () => {
    const view = buildScheduleForm(regional({ destination: VALID_DESTINATIONS.email }), ctx());
    const element = (base: string) => (view.blocks.find((b) => b.block_id === base) as Obj).element;
    expect(element(BlockIds.formEmailPeople)).toMatchObject({
      type: 'multi_users_select',
      initial_users: ['U0AAA1111'],
    });
    expect(element(BlockIds.formEmailChannels)).toMatchObject({
      type: 'multi_conversations_select',
      initial_conversations: ['C0SALES01'],
      filter: { include: ['public', 'private'], exclude_bot_users: true },
    });
    expect(element(BlockIds.formEmailAddresses).initial_value).toBe('cfo@blobsrus.com, @finance');
    const label = (view.blocks.find((b) => b.block_id === BlockIds.formEmailAddresses) as Obj).label.text;
    expect(label).toBe('Other addresses or @groups');
  });

  it('says in plain words when it runs, with the next three runs in the zone', () => {
    const view = buildScheduleForm(regional({ when: { kind: 'weekdays', hour: 8, minute: 45 } }), ctx());
    const preview = JSON.stringify(view.blocks.find((b) => b.block_id === BlockIds.formWhenPreview));
    expect(preview).toContain('At 08:45, Monday through Friday');
    expect(preview).toContain('Next: Mon 2 Mar, 08:45 EST · Tue 3 Mar, 08:45 EST · Wed 4 Mar, 08:45 EST');
    const bad = buildScheduleForm(regional({ when: { kind: 'custom', cron: '*/5 * * * ? *' } }), ctx());
    expect(JSON.stringify(bad.blocks.find((b) => b.block_id === BlockIds.formWhenPreview))).toContain(
      "Omni's minimum is hourly",
    );
  });

  it('never puts the SFTP password in the view or its private_metadata', () => {
    const view = buildScheduleForm(regional({ destination: VALID_DESTINATIONS.sftp, format: 'csv' }), ctx());
    expect(JSON.stringify(view)).not.toContain('s3cret-Pa55');
    expect(view.private_metadata).toBe(JSON.stringify(META));
  });

  it('shows the dashboard’s filters with the schedule’s values', () => {
    const view = buildScheduleForm(
      regional({ filters: { region: { type: 'string', kind: 'EQUALS', values: ['EU', 'APAC'] } } }),
      ctx(),
    );
    const region = view.blocks.find(
      (b) => b.block_id === `${BlockIds.formFilterPrefix}region~~dashboard-abc123`,
    ) as Obj;
    expect(region.label.text).toBe('Region');
    expect(region.element.initial_value).toBe('EU, APAC');
    const date = view.blocks.find(
      (b) => b.block_id === `${BlockIds.formFilterPrefix}order_date~~dashboard-abc123`,
    ) as Obj;
    expect(date.element.initial_value).toBe('2024-01-01 to 2024-12-31');
  });

  it('puts errors under their fields, and those without a field above the form', () => {
    const draft = regional({ destination: VALID_DESTINATIONS.webhook, format: 'csv' });
    const view = buildScheduleForm(
      draft,
      ctx({
        errors: [
          { field: 'webhookUrl', message: 'url: Invalid url' },
          { field: 'filters', message: 'Invalid filter keys found' },
        ],
      }),
    );
    const at = view.blocks.findIndex((b) => b.block_id === BlockIds.formWebhookUrl);
    expect(JSON.stringify(view.blocks[at + 1])).toContain(':warning: url: Invalid url');
    expect(view.blocks[0]?.block_id).toBe(BlockIds.formNotice);
    expect(JSON.stringify(view.blocks[0])).toContain('Invalid filter keys found');
  });

  it('maps errors to the (versioned) input blocks for response_action: errors', () => {
    const draft = regional({ format: 'csv', when: { kind: 'custom', cron: 'x' } });
    const view = buildScheduleForm(draft, ctx({ metadata: { ...META, nameRev: 2 } }));
    expect(
      viewErrors(view, draft, [
        { field: 'when', message: 'bad cron' },
        { field: 'name', message: 'no name' },
        { field: 'formatOptions', message: 'a' },
        { field: 'formatOptions', message: 'b' },
      ]),
    ).toEqual({
      [BlockIds.formCron]: 'bad cron',
      [`${BlockIds.formName}~~2`]: 'no name',
      [`${BlockIds.formOptions}~~csv`]: 'a b',
    });
    expect(viewErrors(view, draft, [{ field: 'filters', message: 'x' }])).toBeUndefined();
  });

  it('has valid loading, saving, done and error views', () => {
    for (const view of [
      buildScheduleFormLoading(META),
      buildScheduleFormSaving({ mode: 'edit' }, 'Weekly'),
      buildScheduleFormDone(META, ['Created *Weekly*.']),
      buildScheduleFormError({ mode: 'edit' }, 'Scheduled task with id x does not exist'),
    ]) {
      expect(blockKitProblems('modal', view)).toEqual([]);
      expect(view.submit).toBeUndefined();
    }
  });
});
