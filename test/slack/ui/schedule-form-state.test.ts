import { describe, expect, it } from 'vitest';
import { BlockIds } from '../../../src/ids.js';
import { DESTINATION_KINDS, DRAFT_FORMATS, type ScheduleDraft } from '../../../src/schedules/draft.js';
import { formatsFor } from '../../../src/schedules/draft-formats.js';
import { buildScheduleForm } from '../../../src/slack/ui/schedule-form.js';
import { draftFromViewState, splitAddresses } from '../../../src/slack/ui/schedule-form-state.js';
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
