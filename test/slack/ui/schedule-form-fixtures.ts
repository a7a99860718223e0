// Shared fixtures for the schedule form's unit tests: a dashboard with filters and tiles, the form's
// context, and Slack's state for an untouched form (each input at its initial value).
import type { DashboardDetails } from '../../../src/schedules/dashboard-details.js';
import type { ScheduleDraft } from '../../../src/schedules/draft.js';
import type { Preset } from '../../../src/schedules/presets.js';
import { buildScheduleForm, type ScheduleFormContext } from '../../../src/slack/ui/schedule-form.js';
import type { FormMetadata } from '../../../src/slack/ui/schedule-form-metadata.js';
import { draftFromViewState, type ViewStateValues } from '../../../src/slack/ui/schedule-form-state.js';
import { validDraft } from '../../schedules/draft-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON as tests read it, field by field
export type Obj = Record<string, any>;

export const NOW = new Date('2026-03-02T12:00:00Z');
export const REGIONAL: DashboardDetails = {
  identifier: 'dashboard-abc123',
  filters: [
    { key: 'region', filter: { type: 'string', kind: 'EQUALS', values: ['US'], label: 'Region' } },
    {
      key: 'order_date',
      filter: {
        type: 'date',
        kind: 'WITHIN_RANGE',
        left_side: '2024-01-01',
        right_side: '2024-12-31',
        label: 'Order Date',
      },
    },
  ],
  tiles: [
    { key: '1', name: 'Sales by region' },
    { key: '2', name: 'Orders over time' },
  ],
};
export const META: FormMetadata = { mode: 'create', channelId: 'C0123ABCD' };

export function ctx(patch: Partial<ScheduleFormContext> = {}): ScheduleFormContext {
  return { metadata: META, dashboard: REGIONAL, now: NOW, ...patch };
}

/** What Slack would send on submission if nothing was changed: each input's initial value. */
export function initialState(view: { blocks: unknown[] }): ViewStateValues {
  const values: ViewStateValues = {};
  for (const block of view.blocks as Obj[]) {
    if (block.type !== 'input') continue;
    const el = block.element;
    const state: Record<string, unknown> = { type: el.type };
    if (el.type === 'plain_text_input' || el.type === 'number_input') state.value = el.initial_value ?? null;
    if (el.type === 'static_select' || el.type === 'external_select') state.selected_option = el.initial_option ?? null;
    if (el.type === 'checkboxes') state.selected_options = el.initial_options ?? [];
    if (el.type === 'multi_users_select') state.selected_users = el.initial_users ?? [];
    if (el.type === 'conversations_select') state.selected_conversation = el.initial_conversation ?? null;
    if (el.type === 'multi_conversations_select') state.selected_conversations = el.initial_conversations ?? [];
    if (el.type === 'timepicker') state.selected_time = el.initial_time ?? null;
    values[block.block_id] = { [el.action_id]: state };
  }
  return values;
}

export function roundTrip(draft: ScheduleDraft, meta: FormMetadata = META) {
  const view = buildScheduleForm(draft, ctx({ metadata: { ...meta, dashboardName: draft.dashboardName } }));
  return draftFromViewState(initialState(view), {
    metadata: { ...meta, dashboardName: draft.dashboardName },
    dashboard: REGIONAL,
  });
}

export const PRESETS: Preset[] = [
  { kind: 'hourly', minute: 15 },
  { kind: 'daily', hour: 7, minute: 30 },
  { kind: 'weekdays', hour: 9, minute: 0 },
  { kind: 'weekly', days: ['MON', 'THU'], hour: 18, minute: 45 },
  { kind: 'monthly', day: 'last', hour: 6, minute: 30 },
  { kind: 'monthly', day: 15, hour: 6, minute: 30 },
  { kind: 'custom', cron: '0 8 1-7 * ? *' },
];

export const regional = (patch: Partial<ScheduleDraft> = {}) =>
  validDraft({ identifier: 'dashboard-abc123', dashboardName: 'Regional Sales', ...patch });
