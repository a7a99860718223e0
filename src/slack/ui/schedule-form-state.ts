// The schedule form's state (view.state.values) read back into a draft. Pure. Blocks that are not in
// the view (another destination's, another repeat kind's) are simply absent: their parts of the
// draft get defaults, carrying over what still applies (the time of day, the Slack message…).
import { BlockIds } from '../../ids.js';
import type { DashboardDetails } from '../../schedules/dashboard-details.js';
import {
  ALERT_CONDITIONS,
  type AlertCondition,
  DEFAULT_FORMAT_OPTIONS,
  DESTINATION_KINDS,
  type DestinationKind,
  type DraftDestination,
  type DraftError,
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
import { BOOLEAN_OPTIONS, formatsFor, optionAppliesTo } from '../../schedules/draft-formats.js';
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
  const read = reader(values);
  const errors: DraftError[] = [];
  const destination = readDestination(read, ctx.metadata);
  const format = readFormat(read, destination.kind, ctx.metadata);
  const identifier = read.option(BlockIds.formDashboard) ?? '';
  const tile = read.option(BlockIds.formContent);
  const condition = read.option(BlockIds.formAlert);
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
      condition && condition !== NO_ALERT && (ALERT_CONDITIONS as readonly string[]).includes(condition)
        ? {
            kind: 'condition',
            condition: condition as AlertCondition,
            queryKey: read.option(BlockIds.formAlertTile) ?? '',
          }
        : { kind: 'none' },
    testNow: read.checked(BlockIds.formTestNow).includes(TEST_NOW_VALUE),
  };
  return { draft, errors };
}

/** The format choices as they are on screen (before the form re-reads them for a new destination or format). */
export function shownChoices(values: ViewStateValues): ShownChoices {
  const read = reader(values);
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

/** Looks elements up by base block id (blocks may be versioned) and reads them by kind. */
function reader(values: ViewStateValues) {
  const blockIdOf = (base: string) => Object.keys(values).find((blockId) => baseBlockId(blockId) === base);
  const find = (base: string): StateValue | undefined => {
    const blockId = blockIdOf(base);
    return blockId === undefined ? undefined : Object.values(values[blockId] ?? {})[0];
  };
  return {
    /** The version a versioned block carries (`…~~weekdays` → `weekdays`). */
    version: (base: string) => blockIdOf(base)?.split('~~')[1],
    has: (base: string) => find(base) !== undefined,
    text: (base: string) => {
      const value = find(base)?.value;
      return typeof value === 'string' ? value : undefined;
    },
    option: (base: string) => find(base)?.selected_option?.value ?? undefined,
    checked: (base: string) => (find(base)?.selected_options ?? []).flatMap((o) => (o.value ? [o.value] : [])),
    users: (base: string) => find(base)?.selected_users ?? [],
    conversation: (base: string) => find(base)?.selected_conversation ?? undefined,
    conversations: (base: string) => find(base)?.selected_conversations ?? [],
    time: (base: string) => find(base)?.selected_time ?? undefined,
  };
}

const PRESET_KINDS: readonly PresetKind[] = ['hourly', 'daily', 'weekdays', 'weekly', 'monthly', 'custom'];

function readWhen(read: Reader): Preset {
  const shown = shownPreset(read);
  const chosen = read.option(BlockIds.formRepeat);
  const kind = PRESET_KINDS.find((k) => k === chosen) ?? shown.kind;
  if (kind === shown.kind) return shown;
  return convertPreset(shown, kind);
}

/** The preset the timing inputs on screen describe (before any change of "Repeats"). */
function shownPreset(read: Reader): Preset {
  const cron = read.text(BlockIds.formCron);
  if (read.has(BlockIds.formCron)) return { kind: 'custom', cron: cron ?? '' };
  const [hour, minute] = parseTime(read.time(BlockIds.formTime));
  if (read.has(BlockIds.formDays)) {
    const days = read
      .checked(BlockIds.formDays)
      .filter((d): d is Weekday => (WEEKDAYS as readonly string[]).includes(d));
    return { kind: 'weekly', days: WEEKDAYS.filter((d) => days.includes(d)), hour, minute };
  }
  if (read.has(BlockIds.formDayOfMonth)) {
    const day = read.option(BlockIds.formDayOfMonth);
    return { kind: 'monthly', day: day === 'last' ? 'last' : Number(day ?? 1), hour, minute };
  }
  if (read.has(BlockIds.formMinute)) return { kind: 'hourly', minute: Number(read.option(BlockIds.formMinute) ?? 0) };
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
  const chosen = read.option(BlockIds.formDestination);
  const kind: DestinationKind = DESTINATION_KINDS.find((k) => k === chosen) ?? 'slack-channel';
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
        fanOut: read.checked(BlockIds.formEmailFanOut).includes(FAN_OUT_VALUE),
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

/** The chosen format if the destination takes it, else the first it does (after a change of destination). */
function readFormat(read: Reader, kind: DestinationKind, metadata: FormMetadata): DraftFormat {
  const allowed = formatsFor(kind, metadata.keptFormat);
  const chosen = read.option(BlockIds.formFormat);
  return allowed.find((format) => format === chosen) ?? allowed[0] ?? 'pdf';
}

function readOptions(read: Reader, format: DraftFormat): DraftFormatOptions {
  const options: DraftFormatOptions = { ...DEFAULT_FORMAT_OPTIONS };
  if (read.has(BlockIds.formOptions)) {
    const checked = read.checked(BlockIds.formOptions);
    for (const flag of BOOLEAN_OPTIONS) options[flag] = optionAppliesTo(flag, format) && checked.includes(flag);
  }
  if (format === 'pdf') {
    const paper = read.option(BlockIds.formPaperFormat);
    if (paper && paper !== DEFAULT_VALUE && (PAPER_FORMATS as readonly string[]).includes(paper)) {
      options.paperFormat = paper as DraftFormatOptions['paperFormat'];
    }
    const orientation = read.option(BlockIds.formPaperOrientation);
    if (
      orientation &&
      orientation !== DEFAULT_VALUE &&
      (PAPER_ORIENTATIONS as readonly string[]).includes(orientation)
    ) {
      options.paperOrientation = orientation as DraftFormatOptions['paperOrientation'];
    }
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
