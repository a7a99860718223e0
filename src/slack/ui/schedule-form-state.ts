// The schedule form's state (view.state.values) read back into a draft. Pure. Blocks that are not in
// the view (another destination's, another repeat kind's) are simply absent: their parts of the
// draft get defaults, carrying over what still applies (the time of day, the Slack message…).
// A menu or checkbox value the form never offered (a forged or tampered submission) is not replaced by a
// default: it is an error on its field, so nothing is saved.
import { BlockIds } from '../../ids.js';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import {
  ALERT_CONDITIONS,
  type AlertCondition,
  DEFAULT_FORMAT_OPTIONS,
  DESTINATION_KINDS,
  type DestinationKind,
  DRAFT_FORMATS,
  type DraftDestination,
  type DraftError,
  type DraftField,
  type DraftFormat,
  type DraftFormatOptions,
  emptyDestination,
  type FilterValue,
  PAPER_FORMATS,
  PAPER_ORIENTATIONS,
  type ScheduleDraft,
} from '../../schedules/draft.js';
import { isPaperChoice, type ShownChoices } from '../../schedules/draft-choices.js';
import { filterText, withFilterText } from '../../schedules/draft-filters.js';
import { BOOLEAN_OPTIONS, booleanOptionsFor, formatsFor, optionAppliesTo } from '../../schedules/draft-formats.js';
import {
  cronToPreset,
  type Preset,
  type PresetKind,
  presetToCron,
  WEEKDAYS,
  type Weekday,
} from '../../schedules/presets.js';
import { DEFAULT_VALUE, NO_ALERT, TEST_NOW_VALUE, WHOLE_DASHBOARD } from './schedule-form-content.js';
import { FAN_OUT_VALUE } from './schedule-form-destination.js';
import type { FormMetadata } from './schedule-form-metadata.js';
import { baseBlockId } from './schedule-form-parts.js';

/** One element's state, as Slack sends it in view.state.values[block_id][action_id]. */
export interface StateValue {
  type?: string;
  value?: string | null;
  selected_option?: { value?: string; text?: { text?: string } } | null;
  selected_options?: { value?: string }[];
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_conversations?: string[];
  selected_time?: string | null;
}
export type ViewStateValues = Record<string, Record<string, StateValue>>;

export interface StateContext {
  metadata: FormMetadata;
  dashboard?: DashboardDetails;
  /** Edit: the overrides the schedule had, so a filter left as shown keeps Omni's object exactly. */
  previousFilters?: Record<string, FilterValue>;
}

/** The draft the form holds, and the values that could not be read (e.g. a range filter without "to"). */
export function draftFromViewState(
  values: ViewStateValues,
  ctx: StateContext,
): { draft: ScheduleDraft; errors: DraftError[] } {
  const errors: DraftError[] = [];
  const read = reader(values, errors);
  const destination = readDestination(read, ctx.metadata);
  const format = readFormat(read, destination.kind, ctx.metadata);
  const identifier = read.option(BlockIds.formDashboard) ?? '';
  const tile = read.option(BlockIds.formContent);
  const condition = read.choice(BlockIds.formAlert, ALERT_CHOICES, 'alert');
  const rowLimit = read.text(BlockIds.formRowLimit);
  const draft: ScheduleDraft = {
    identifier,
    ...(ctx.metadata.dashboardName ? { dashboardName: ctx.metadata.dashboardName } : {}),
    name: read.text(BlockIds.formName) ?? '',
    when: readWhen(read),
    timezone: read.option(BlockIds.formTimezone) ?? '',
    destination,
    format,
    options: readOptions(read, format),
    filters: readFilters(read, ctx, identifier, errors),
    content: tile && tile !== WHOLE_DASHBOARD ? { kind: 'tile', queryKey: tile } : { kind: 'dashboard' },
    ...(rowLimit ? { rowLimit: Number(rowLimit) } : {}),
    alert:
      condition && condition !== NO_ALERT
        ? { kind: 'condition', condition, queryKey: read.option(BlockIds.formAlertTile) ?? '' }
        : { kind: 'none' },
    testNow: read.choices(BlockIds.formTestNow, [TEST_NOW_VALUE], 'testNow').includes(TEST_NOW_VALUE),
  };
  return { draft, errors };
}

/** The format choices as they are on screen (before the form re-reads them for a new destination or format). */
export function shownChoices(values: ViewStateValues): ShownChoices {
  // Only notes are drawn from these, so a value the form did not offer is not refused here (submit does).
  const read = reader(values, []);
  const format = read.option(BlockIds.formFormat);
  // The options block is versioned by the format it was drawn for (schedule-form-content.ts).
  const optionsFormat = read.version(BlockIds.formOptions);
  return {
    ...(format ? { format } : {}),
    ...(optionsFormat ? { optionsFormat } : {}),
    checked: read.checked(BlockIds.formOptions),
    paperChosen:
      isPaperChoice(read.option(BlockIds.formPaperFormat)) || isPaperChoice(read.option(BlockIds.formPaperOrientation)),
  };
}

type Reader = ReturnType<typeof reader>;

/** What a field says when its value is not one of the choices the form offered. */
export const NOT_OFFERED = 'That choice is not one this app offered, so nothing was saved. Choose one from the list.';

const ALERT_CHOICES: readonly (AlertCondition | typeof NO_ALERT)[] = [NO_ALERT, ...ALERT_CONDITIONS];
const MINUTES = Array.from({ length: 60 }, (_, m) => String(m));
const DAYS_OF_MONTH = [...Array.from({ length: 31 }, (_, i) => String(i + 1)), 'last'];
const PAPER_CHOICES = [DEFAULT_VALUE, ...PAPER_FORMATS] as const;
const ORIENTATION_CHOICES = [DEFAULT_VALUE, ...PAPER_ORIENTATIONS] as const;

/**
 * Looks elements up by base block id (blocks may be versioned) and reads them by kind. `choice` and
 * `choices` read a static menu or checkboxes against the values the form offered there: one it did not
 * offer goes into `errors` on `field` and reads as nothing chosen.
 */
function reader(values: ViewStateValues, errors: DraftError[]) {
  const blockIdOf = (base: string) => Object.keys(values).find((blockId) => baseBlockId(blockId) === base);
  const find = (base: string): StateValue | undefined => {
    const blockId = blockIdOf(base);
    return blockId === undefined ? undefined : Object.values(values[blockId] ?? {})[0];
  };
  const option = (base: string): string | undefined => find(base)?.selected_option?.value ?? undefined;
  const checked = (base: string): string[] =>
    (find(base)?.selected_options ?? []).map((o) => (typeof o.value === 'string' ? o.value : ''));
  const refuse = (field: DraftField) => {
    if (!errors.some((e) => e.field === field && e.message === NOT_OFFERED))
      errors.push({ field, message: NOT_OFFERED });
  };
  return {
    /** The version a versioned block carries (`…~~weekdays` → `weekdays`). */
    version: (base: string) => blockIdOf(base)?.split('~~')[1],
    has: (base: string) => find(base) !== undefined,
    text: (base: string) => {
      const value = find(base)?.value;
      return typeof value === 'string' ? value : undefined;
    },
    option,
    checked,
    choice<T extends string>(base: string, offered: readonly T[], field: DraftField): T | undefined {
      const value = option(base);
      if (value === undefined) return undefined;
      const known = offered.find((o) => o === value);
      if (known === undefined) refuse(field);
      return known;
    },
    choices<T extends string>(base: string, offered: readonly T[], field: DraftField): T[] {
      const values = checked(base);
      const known = offered.filter((o) => values.includes(o));
      if (known.length !== values.length) refuse(field);
      return known;
    },
    users: (base: string) => find(base)?.selected_users ?? [],
    conversation: (base: string) => find(base)?.selected_conversation ?? undefined,
    conversations: (base: string) => find(base)?.selected_conversations ?? [],
    time: (base: string) => find(base)?.selected_time ?? undefined,
  };
}

const PRESET_KINDS: readonly PresetKind[] = ['hourly', 'daily', 'weekdays', 'weekly', 'monthly', 'custom'];

function readWhen(read: Reader): Preset {
  const shown = shownPreset(read);
  const kind = read.choice(BlockIds.formRepeat, PRESET_KINDS, 'repeat') ?? shown.kind;
  if (kind === shown.kind) return shown;
  return convertPreset(shown, kind);
}

/** The preset the timing inputs on screen describe (before any change of "Repeats"). */
function shownPreset(read: Reader): Preset {
  const cron = read.text(BlockIds.formCron);
  if (read.has(BlockIds.formCron)) return { kind: 'custom', cron: cron ?? '' };
  const [hour, minute] = parseTime(read.time(BlockIds.formTime));
  if (read.has(BlockIds.formDays)) {
    const days: readonly Weekday[] = read.choices(BlockIds.formDays, WEEKDAYS, 'when');
    return { kind: 'weekly', days: WEEKDAYS.filter((d) => days.includes(d)), hour, minute };
  }
  if (read.has(BlockIds.formDayOfMonth)) {
    const day = read.choice(BlockIds.formDayOfMonth, DAYS_OF_MONTH, 'when');
    return { kind: 'monthly', day: day === 'last' ? 'last' : Number(day ?? 1), hour, minute };
  }
  if (read.has(BlockIds.formMinute)) {
    return { kind: 'hourly', minute: Number(read.choice(BlockIds.formMinute, MINUTES, 'when') ?? 0) };
  }
  return read.version(BlockIds.formTime) === 'weekdays'
    ? { kind: 'weekdays', hour, minute }
    : { kind: 'daily', hour, minute };
}

function parseTime(time: string | undefined): [number, number] {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time ?? '');
  return match ? [Number(match[1]), Number(match[2])] : [9, 0];
}

/** The same timing as another kind of preset: the time of day, days and cron carry over where they can. */
export function convertPreset(from: Preset, kind: PresetKind): Preset {
  let base = from;
  if (from.kind === 'custom') {
    const parsed = cronToPreset(from.cron);
    base = parsed.kind === 'custom' ? { kind: 'daily', hour: 9, minute: 0 } : parsed;
  }
  if (base.kind === 'custom') base = { kind: 'daily', hour: 9, minute: 0 };
  const minute = base.minute;
  const hour = base.kind === 'hourly' ? 9 : base.hour;
  switch (kind) {
    case 'hourly':
      return { kind, minute };
    case 'daily':
    case 'weekdays':
      return { kind, hour, minute };
    case 'weekly': {
      const days: Weekday[] =
        base.kind === 'weekly' ? base.days : base.kind === 'weekdays' ? ['MON', 'TUE', 'WED', 'THU', 'FRI'] : ['MON'];
      return { kind, days, hour, minute };
    }
    case 'monthly':
      return { kind, day: base.kind === 'monthly' ? base.day : 1, hour, minute };
    case 'custom':
      try {
        return { kind, cron: presetToCron(from) };
      } catch {
        return { kind, cron: '' };
      }
  }
}

function readDestination(read: Reader, metadata: FormMetadata): DraftDestination {
  const kind: DestinationKind =
    read.choice(BlockIds.formDestination, DESTINATION_KINDS, 'destination') ?? 'slack-channel';
  const message = read.text(BlockIds.formSlackMessage) ?? read.text(BlockIds.formEmailBody) ?? '';
  switch (kind) {
    case 'slack-channel':
      return {
        kind,
        channelId: read.has(BlockIds.formSlackChannel)
          ? (read.conversation(BlockIds.formSlackChannel) ?? '')
          : (metadata.channelId ?? ''),
        message,
      };
    case 'slack-dm':
      return { kind, userIds: read.users(BlockIds.formSlackUsers), message };
    case 'email': {
      if (!read.has(BlockIds.formEmailSubject)) return { ...emptyDestination(kind), body: message } as DraftDestination;
      return {
        kind,
        userIds: read.users(BlockIds.formEmailPeople),
        channelIds: read.conversations(BlockIds.formEmailChannels),
        addresses: splitAddresses(read.text(BlockIds.formEmailAddresses) ?? ''),
        subject: read.text(BlockIds.formEmailSubject) ?? '',
        body: read.text(BlockIds.formEmailBody) ?? '',
        fanOut: read.choices(BlockIds.formEmailFanOut, [FAN_OUT_VALUE], 'emailFanOut').includes(FAN_OUT_VALUE),
      };
    }
    case 'webhook':
      return { kind, url: read.text(BlockIds.formWebhookUrl) ?? '' };
    case 'sftp': {
      if (!read.has(BlockIds.formSftpAddress)) return emptyDestination(kind);
      const port = read.text(BlockIds.formSftpPort);
      return {
        kind,
        address: read.text(BlockIds.formSftpAddress) ?? '',
        port: port ? Number(port) : undefined,
        username: read.text(BlockIds.formSftpUsername) ?? '',
        password: read.text(BlockIds.formSftpPassword) ?? '',
      };
    }
    case 's3':
      return {
        kind,
        bucketName: read.text(BlockIds.formS3Bucket) ?? '',
        region: read.text(BlockIds.formS3Region) ?? '',
        roleArn: read.text(BlockIds.formS3RoleArn) ?? '',
        keyPrefix: read.text(BlockIds.formS3KeyPrefix) ?? '',
      };
  }
}

/**
 * The "other addresses or @groups" text as entries: split on spaces, commas and semicolons, except inside
 * a pasted Slack link (`<mailto:a@b.co|Ann B>`, `<!subteam^S1|@finance>`); a mailto link becomes its address.
 */
export function splitAddresses(text: string): string[] {
  return (text.match(/<[^>]*>|[^\s,;<]+/g) ?? [])
    .map((part) => part.replace(/^<mailto:([^|>]+)(?:\|[^>]*)?>$/i, '$1').trim())
    .filter(Boolean);
}

/**
 * The chosen format if the destination takes it, else the first it does (after a change of destination).
 * The format menu is versioned by the destination it was drawn for: its choice must be one offered there.
 */
function readFormat(read: Reader, kind: DestinationKind, metadata: FormMetadata): DraftFormat {
  const allowed = formatsFor(kind, metadata.keptFormat);
  const drawnFor = DESTINATION_KINDS.find((k) => k === read.version(BlockIds.formFormat)) ?? kind;
  const chosen = read.choice(BlockIds.formFormat, formatsFor(drawnFor, metadata.keptFormat), 'format');
  return allowed.find((format) => format === chosen) ?? allowed[0] ?? 'pdf';
}

function readOptions(read: Reader, format: DraftFormat): DraftFormatOptions {
  const options: DraftFormatOptions = { ...DEFAULT_FORMAT_OPTIONS };
  if (read.has(BlockIds.formOptions)) {
    // Versioned by the format it was drawn for, like the format menu by destination.
    const drawnFor = DRAFT_FORMATS.find((f) => f === read.version(BlockIds.formOptions)) ?? format;
    const checked: readonly string[] = read.choices(BlockIds.formOptions, booleanOptionsFor(drawnFor), 'formatOptions');
    for (const flag of BOOLEAN_OPTIONS) options[flag] = optionAppliesTo(flag, format) && checked.includes(flag);
  }
  if (format === 'pdf') {
    const paper = read.choice(BlockIds.formPaperFormat, PAPER_CHOICES, 'paperFormat');
    if (paper && paper !== DEFAULT_VALUE) options.paperFormat = paper;
    const orientation = read.choice(BlockIds.formPaperOrientation, ORIENTATION_CHOICES, 'paperOrientation');
    if (orientation && orientation !== DEFAULT_VALUE) options.paperOrientation = orientation;
  }
  return options;
}

/**
 * Overrides: a filter whose text differs from the dashboard's own value. A filter left as shown keeps
 * the schedule's previous override object as Omni returned it; filters not on screen keep theirs.
 */
function readFilters(
  read: Reader,
  ctx: StateContext,
  identifier: string,
  errors: DraftError[],
): Record<string, FilterValue> {
  const previous = ctx.previousFilters ?? {};
  const filters: Record<string, FilterValue> = {};
  if (!ctx.dashboard || ctx.dashboard.identifier !== identifier) return { ...previous };
  for (const { key, filter } of ctx.dashboard.filters) {
    const base = previous[key] ?? filter;
    const text = read.text(`${BlockIds.formFilterPrefix}${key}`);
    const shown = read.has(`${BlockIds.formFilterPrefix}${key}`);
    if (!shown || text === undefined) {
      if (previous[key]) filters[key] = previous[key];
      // An emptied values filter reads as no text at all.
      if (shown && Array.isArray(base.values) && base.values.length > 0) {
        const cleared = withFilterText(base, '');
        if (cleared.ok) filters[key] = cleared.value;
      }
      continue;
    }
    if (text.trim() === (filterText(base) ?? '').trim()) {
      if (previous[key]) filters[key] = previous[key];
      continue;
    }
    const edited = withFilterText(base, text);
    if (edited.ok) filters[key] = edited.value;
    else {
      errors.push({ field: `filter:${key}`, message: edited.message });
      if (previous[key]) filters[key] = previous[key];
    }
  }
  return filters;
}
