// The "When" part of the schedule form: how often, at what time, on which days (or a cron), the time
// zone, and under it what that means in plain words with the next three runs.

import { ActionIds, BlockIds } from '../../ids.js';
import { describeCron } from '../../schedules/cron-describe.js';
import { frequencyWarning } from '../../schedules/cron-frequency.js';
import { nextRuns } from '../../schedules/cron-next.js';
import { parseCron } from '../../schedules/cron-parse.js';
import type { ScheduleDraft } from '../../schedules/draft.js';
import { ordinal } from '../../schedules/draft-naming.js';
import { type Preset, type PresetKind, presetToCron, type Weekday } from '../../schedules/presets.js';
import { formatInZone, isValidTimeZone, timeZoneLabel } from '../../schedules/timezones.js';
import {
  type Block,
  checkboxes,
  context,
  input,
  option,
  plain,
  staticSelect,
  textInput,
  versioned,
} from './schedule-form-parts.js';

export const REPEAT_LABELS: Readonly<Record<PresetKind, string>> = {
  hourly: 'Every hour',
  daily: 'Every day',
  weekdays: 'Every weekday (Monday to Friday)',
  weekly: 'Every week, on chosen days',
  monthly: 'Every month',
  custom: 'Custom (cron expression)',
};

const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  MON: 'Monday',
  TUE: 'Tuesday',
  WED: 'Wednesday',
  THU: 'Thursday',
  FRI: 'Friday',
  SAT: 'Saturday',
  SUN: 'Sunday',
};
/** Monday first, as people read a week. */
const WEEK_ORDER: readonly Weekday[] = ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'];

const pad = (n: number) => String(n).padStart(2, '0');

export function whenBlocks(draft: ScheduleDraft, now: Date): Block[] {
  const { when } = draft;
  const repeat = Object.entries(REPEAT_LABELS).map(([kind, label]) => option(label, kind));
  const blocks: Block[] = [
    input(BlockIds.formRepeat, staticSelect(ActionIds.formRepeatSelect, repeat, when.kind), {
      label: 'Repeats',
      dispatch: true,
    }),
  ];
  blocks.push(...timingBlocks(when));
  blocks.push(context(whenPreview(draft, now), BlockIds.formWhenPreview));
  blocks.push(
    input(BlockIds.formTimezone, timezoneSelect(draft.timezone, now), {
      label: 'Time zone',
      hint: 'Type a city, a zone name or an abbreviation (e.g. New York, Europe/Paris, EST).',
      dispatch: true,
    }),
  );
  return blocks;
}

function timingBlocks(when: Preset): Block[] {
  switch (when.kind) {
    case 'hourly': {
      const minutes = Array.from({ length: 60 }, (_, m) => option(`:${pad(m)} past the hour`, String(m)));
      return [
        input(BlockIds.formMinute, staticSelect(ActionIds.formMinuteSelect, minutes, String(when.minute)), {
          label: 'At minute',
          dispatch: true,
        }),
      ];
    }
    case 'custom':
      return [
        input(
          BlockIds.formCron,
          textInput(ActionIds.formCronInput, when.cron, {
            placeholder: '0 9 ? * MON-FRI *',
            maxLength: 200,
            dispatchOnEnter: true,
          }),
          {
            label: 'Cron expression',
            hint: 'Six fields: minute hour day-of-month month day-of-week year (AWS cron; one of the two day fields is ?). Press Enter to see when it runs.',
            dispatch: true,
          },
        ),
      ];
    default:
      break;
  }
  // Versioned by kind: the state then says whether the time belonged to "every day" or "weekdays".
  const time = input(
    versioned(BlockIds.formTime, when.kind),
    { type: 'timepicker', action_id: ActionIds.formTimePicker, initial_time: `${pad(when.hour)}:${pad(when.minute)}` },
    { label: 'At', dispatch: true },
  );
  if (when.kind === 'weekly') {
    const days = WEEK_ORDER.map((day) => option(WEEKDAY_LABELS[day], day));
    return [
      input(BlockIds.formDays, checkboxes(ActionIds.formDaysCheckboxes, days, when.days), {
        label: 'On',
        dispatch: true,
      }),
      time,
    ];
  }
  if (when.kind === 'monthly') {
    const days = [
      ...Array.from({ length: 31 }, (_, i) => option(`The ${ordinal(i + 1)}`, String(i + 1))),
      option('The last day of the month', 'last'),
    ];
    return [
      input(BlockIds.formDayOfMonth, staticSelect(ActionIds.formDayOfMonthSelect, days, String(when.day)), {
        label: 'On',
        hint: 'In months without that day (e.g. the 31st in April) there is no run.',
        dispatch: true,
      }),
      time,
    ];
  }
  return [time];
}

function timezoneSelect(timezone: string, now: Date) {
  const known = timezone !== '' && isValidTimeZone(timezone);
  return {
    type: 'external_select' as const,
    action_id: ActionIds.formTimezoneSelect,
    placeholder: plain('Search time zones', 150),
    min_query_length: 0,
    ...(known ? { initial_option: option(timeZoneLabel(timezone, now), timezone) } : {}),
  };
}

/** "*At 09:00, Monday through Friday* (America/New_York) · next: …", or what is wrong. */
export function whenPreview(draft: Pick<ScheduleDraft, 'when' | 'timezone'>, now: Date): string {
  let cron: string;
  try {
    cron = presetToCron(draft.when);
  } catch (error) {
    return `:warning: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (cron === '') return 'Type a cron expression to see when it runs.';
  const parsed = parseCron(cron);
  if (!parsed.ok) return `:warning: ${parsed.message}`;
  const lines = [`*${describeCron(parsed.cron)}*${draft.timezone ? ` (${draft.timezone})` : ''} · \`${cron}\``];
  if (draft.timezone && isValidTimeZone(draft.timezone)) {
    const runs = nextRuns(parsed.cron, draft.timezone, 3, now);
    lines.push(
      runs.length > 0
        ? `Next: ${runs.map((run) => formatInZone(run, draft.timezone, { now })).join(' · ')}`
        : 'It never runs again.',
    );
  }
  const tooOften = frequencyWarning(parsed.cron);
  if (tooOften) lines.push(`:warning: ${tooOften}`);
  return lines.join('\n');
}
