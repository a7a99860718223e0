import { describe, expect, it } from 'vitest';
import { BlockIds } from '../../../src/ids.js';
import { DESTINATION_KINDS, DRAFT_FORMATS, type DraftError, type ScheduleDraft } from '../../../src/schedules/draft.js';
import { formatsFor } from '../../../src/schedules/draft-formats.js';
import { buildScheduleForm, viewErrors } from '../../../src/slack/ui/schedule-form.js';
import { draftFromViewState, NOT_OFFERED, splitAddresses } from '../../../src/slack/ui/schedule-form-state.js';
import { VALID_DESTINATIONS } from '../../schedules/draft-fixtures.js';
import { ctx, initialState, META, PRESETS, REGIONAL, regional, roundTrip } from './schedule-form-fixtures.js';

describe('draftFromViewState', () => {
  it('reads back the draft the form was built from, for every destination, format and timing', () => {
    for (const kind of DESTINATION_KINDS) {
      for (const format of formatsFor(kind)) {
        for (const when of PRESETS) {
          const destination = VALID_DESTINATIONS[kind];
          const draft = regional({
            destination,
            format,
            when,
            rowLimit: 250,
            content: { kind: 'tile', queryKey: '2' },
            alert: { kind: 'condition', condition: 'RESULTS_PRESENT', queryKey: '1' },
            testNow: true,
            filters: { region: { type: 'string', kind: 'EQUALS', values: ['EU'], label: 'Region' } },
            options: {
              hideTitle: format === 'pdf',
              expandTablesToShowAllRows: false,
              hideHiddenFields: format === 'csv',
              enableFormatting: false,
              showFilters: false,
              showContentLink: true,
              killJobsOnFailure: true,
              ...(format === 'pdf' ? { paperFormat: 'a4' as const, paperOrientation: 'landscape' as const } : {}),
            },
          });
          const { draft: read, errors } = roundTrip(draft);
          expect(errors).toEqual([]);
          const expected: ScheduleDraft = { ...draft };
          // The password is never in the view.
          if (destination.kind === 'sftp') expected.destination = { ...destination, password: '' };
          expect(read, `${kind} ${format} ${when.kind}`).toEqual(expected);
        }
      }
    }
  });

  it('keeps a filter left as shown out of the overrides, and reads an edited one onto Omni’s object', () => {
    const view = buildScheduleForm(regional(), ctx());
    const state = initialState(view);
    expect(draftFromViewState(state, { metadata: META, dashboard: REGIONAL }).draft.filters).toEqual({});
    state[`${BlockIds.formFilterPrefix}order_date~~dashboard-abc123`] = {
      schedule_form_filter_input: { type: 'plain_text_input', value: '2025-01-01 to 2025-06-30' },
    };
    state[`${BlockIds.formFilterPrefix}region~~dashboard-abc123`] = {
      schedule_form_filter_input: { type: 'plain_text_input', value: null },
    };
    expect(draftFromViewState(state, { metadata: META, dashboard: REGIONAL }).draft.filters).toEqual({
      order_date: {
        type: 'date',
        kind: 'WITHIN_RANGE',
        left_side: '2025-01-01',
        right_side: '2025-06-30',
        label: 'Order Date',
      },
      region: { type: 'string', kind: 'EQUALS', values: [], label: 'Region' },
    });
    state[`${BlockIds.formFilterPrefix}order_date~~dashboard-abc123`] = {
      schedule_form_filter_input: { type: 'plain_text_input', value: 'last year' },
    };
    expect(draftFromViewState(state, { metadata: META, dashboard: REGIONAL }).errors).toEqual([
      { field: 'filter:order_date', message: 'Type two values separated by "to", e.g. 2024-01-01 to 2024-12-31.' },
    ]);
  });

  it('carries the time of day and days over when "Repeats" changes', () => {
    const view = buildScheduleForm(regional({ when: { kind: 'weekdays', hour: 7, minute: 15 } }), ctx());
    const state = initialState(view);
    const repeat = (value: string) => {
      state[BlockIds.formRepeat] = {
        schedule_form_repeat_select: { type: 'static_select', selected_option: { value } },
      };
      return draftFromViewState(state, { metadata: META, dashboard: REGIONAL }).draft.when;
    };
    expect(repeat('weekly')).toEqual({
      kind: 'weekly',
      days: ['MON', 'TUE', 'WED', 'THU', 'FRI'],
      hour: 7,
      minute: 15,
    });
    expect(repeat('hourly')).toEqual({ kind: 'hourly', minute: 15 });
    expect(repeat('monthly')).toEqual({ kind: 'monthly', day: 1, hour: 7, minute: 15 });
    expect(repeat('custom')).toEqual({ kind: 'custom', cron: '15 7 ? * MON-FRI *' });
  });

  it('defaults a new destination (this channel for Slack) and a format it takes', () => {
    const view = buildScheduleForm(
      regional({ destination: VALID_DESTINATIONS.webhook, format: 'json', content: { kind: 'tile', queryKey: '1' } }),
      ctx(),
    );
    const state = initialState(view);
    state[BlockIds.formDestination] = {
      schedule_form_destination_select: { type: 'static_select', selected_option: { value: 'slack-channel' } },
    };
    const { draft } = draftFromViewState(state, { metadata: META, dashboard: REGIONAL });
    expect(draft.destination).toEqual({ kind: 'slack-channel', channelId: 'C0123ABCD', message: '' });
    expect(draft.format).toBe('pdf');
    expect(DRAFT_FORMATS).toContain(draft.format);
  });
});

describe('draftFromViewState: a value the form never offered', () => {
  /** The form's state as built for `draft`, with one element's value replaced as a forged request would. */
  function forged(draft: ScheduleDraft, base: string, state: Record<string, unknown>) {
    const values = initialState(buildScheduleForm(draft, ctx()));
    const blockId = Object.keys(values).find((id) => id.split('~~')[0] === base);
    if (!blockId) throw new Error(`no block ${base} in the form`);
    const [actionId] = Object.keys(values[blockId] ?? {});
    values[blockId] = { [actionId as string]: { ...values[blockId]?.[actionId as string], ...state } };
    return draftFromViewState(values, { metadata: META, dashboard: REGIONAL }).errors;
  }
  const one = (value: string) => ({ selected_option: { value } });
  const many = (...values: string[]) => ({ selected_options: values.map((value) => ({ value })) });
  const refused = (field: string) => [{ field, message: NOT_OFFERED }];
  const pdf = regional({ format: 'pdf' });

  it('is an error on its field, not a default, for every menu and checkbox group of the form', () => {
    expect(forged(pdf, BlockIds.formFormat, one('exe'))).toEqual(refused('format'));
    // Offered for webhooks, not for the Slack channel this menu was drawn for.
    expect(forged(pdf, BlockIds.formFormat, one('json'))).toEqual(refused('format'));
    expect(forged(pdf, BlockIds.formDestination, one('ftp'))).toEqual(refused('destination'));
    expect(forged(pdf, BlockIds.formRepeat, one('yearly'))).toEqual(refused('repeat'));
    expect(forged(pdf, BlockIds.formPaperFormat, one('a0'))).toEqual(refused('paperFormat'));
    expect(forged(pdf, BlockIds.formPaperOrientation, one('diagonal'))).toEqual(refused('paperOrientation'));
    expect(forged(pdf, BlockIds.formOptions, many('hideTitle', 'dropTables'))).toEqual(refused('formatOptions'));
    // hideHiddenFields is a CSV/XLSX option: not offered with PDF.
    expect(forged(pdf, BlockIds.formOptions, many('hideHiddenFields'))).toEqual(refused('formatOptions'));
    expect(forged(pdf, BlockIds.formAlert, one('RESULTS_EXPLODED'))).toEqual(refused('alert'));
    expect(forged(pdf, BlockIds.formTestNow, many('test_now', 'test_everyone'))).toEqual(refused('testNow'));
    const weekly = regional({ when: { kind: 'weekly', days: ['MON'], hour: 9, minute: 0 } });
    expect(forged(weekly, BlockIds.formDays, many('MON', 'FUNDAY'))).toEqual(refused('when'));
    const monthly = regional({ when: { kind: 'monthly', day: 1, hour: 9, minute: 0 } });
    expect(forged(monthly, BlockIds.formDayOfMonth, one('32'))).toEqual(refused('when'));
    expect(forged(regional({ when: { kind: 'hourly', minute: 0 } }), BlockIds.formMinute, one('75'))).toEqual(
      refused('when'),
    );
    const email = regional({ destination: VALID_DESTINATIONS.email });
    expect(forged(email, BlockIds.formEmailFanOut, many('fan_out', 'everyone'))).toEqual(refused('emailFanOut'));
  });

  it('each such error goes on the block that showed the choice', () => {
    const view = buildScheduleForm(pdf, ctx());
    const errors = forged(pdf, BlockIds.formFormat, one('exe'));
    expect(viewErrors(view, pdf, errors)).toEqual({ [`${BlockIds.formFormat}~~slack-channel`]: NOT_OFFERED });
    expect(viewErrors(view, pdf, refused('repeat') as DraftError[])).toEqual({ [BlockIds.formRepeat]: NOT_OFFERED });
  });
});

describe('splitAddresses', () => {
  it('splits on spaces, commas and semicolons, keeping pasted Slack links whole; a mailto link gives its address', () => {
    expect(
      splitAddresses(
        'cfo@blobsrus.com,ops@blobsrus.com; <mailto:ann@partner.example|Ann Partner>\n@finance  <!subteam^S0FIN1|@fin>',
      ),
    ).toEqual(['cfo@blobsrus.com', 'ops@blobsrus.com', 'ann@partner.example', '@finance', '<!subteam^S0FIN1|@fin>']);
    expect(splitAddresses(' , ;\n')).toEqual([]);
  });
});
