// `/schedule list` arguments (README: The `/schedule` command) ⇄ the filters and sort of Omni's list endpoint.
// The same text form is the list's state in Slack: a page's Next/Previous buttons and rows carry it
// back (see `encodeListState`), so a list can be re-read and re-drawn without any server-side memory.

export const LIST_STATUSES = ['success', 'error', 'canceled', 'none'] as const;
export const LIST_DESTINATIONS = ['email', 'slack', 'webhook', 'sftp', 's3'] as const;
/** The `sort:` words of the grammar, mapped to Omni's `sortField`. */
export const LIST_SORTS = {
  name: 'scheduleName',
  dashboard: 'dashboardName',
  owner: 'ownerName',
  lastRun: 'lastRun',
  status: 'lastRunStatus',
} as const;

export type ListStatus = (typeof LIST_STATUSES)[number];
export type ListDestination = (typeof LIST_DESTINATIONS)[number];
export type ListSortWord = keyof typeof LIST_SORTS;
export type ListSortField = (typeof LIST_SORTS)[ListSortWord];

/** `paused`: paused by someone (`disabledAt`); `disabled`: disabled by Omni itself (`systemDisabledAt`). */
export const LIST_STATES = ['paused', 'disabled'] as const;
export type ListStateFilter = (typeof LIST_STATES)[number];

/** The part of Omni's `ListSchedulesQuery` that `/schedule list` can set (assignable to it). */
export interface OmniListFilters {
  q?: string;
  status?: ListStatus;
  destination?: ListDestination;
  sortField?: ListSortField;
  sortDirection?: 'asc' | 'desc';
}

/**
 * Everything `/schedule list` can ask for: Omni's filters, and the words Omni's list cannot answer alone
 * (`mine` needs the viewer's Omni user id; `receiving`, `paused` and `disabled` are not search fields of
 * Omni's): see list-plan.ts for how each is done.
 */
export interface ScheduleListFilters extends OmniListFilters {
  /** Owned by the viewer. */
  mine?: true;
  /** Delivering to the viewer's email. */
  receiving?: true;
  state?: ListStateFilter;
}

/** The bare words that are filters; to search for one of them, quote it with other words (`"paused report"`). */
export const LIST_WORDS = ['mine', 'receiving', ...LIST_STATES] as const;

/** Search words are kept short: they travel in block ids (255 characters) with the rest of the list state. */
export const MAX_SEARCH_LENGTH = 100;

/** A bad `list` argument; the message names the allowed values and is meant for the user as is. */
export class ListQueryError extends Error {
  override name = 'ListQueryError';
}

const KEYS = ['status', 'destination', 'sort'] as const;
type FilterKey = (typeof KEYS)[number];

/**
 * Parses `[words] [mine] [receiving] [paused|disabled] [status:…] [destination:…] [sort:…] [asc|desc]`
 * (any order; keys and values are case-insensitive). Words that are not filters make up the search text
 * `q`; so does a quoted phrase (an argument with a space in it), even one like `"asc report"`.
 */
export function parseListArgs(args: readonly string[]): ScheduleListFilters {
  return parseArgs(args.map((text) => ({ text, literal: /\s/.test(text) })));
}

/** `literal`: search words whatever they look like (a phrase that was quoted). */
function parseArgs(args: readonly { text: string; literal: boolean }[]): ScheduleListFilters {
  const filters: ScheduleListFilters = {};
  const words: string[] = [];
  const seen = new Set<string>();
  const once = (what: string) => {
    if (seen.has(what)) throw new ListQueryError(`\`${what}\` is given twice; give it once.`);
    seen.add(what);
  };

  for (const { text: arg, literal } of args) {
    if (arg === '') continue;
    if (literal) {
      words.push(arg);
      continue;
    }
    const lower = arg.toLowerCase();
    if (lower === 'mine' || lower === 'receiving') {
      once(lower);
      filters[lower] = true;
      continue;
    }
    if (lower === 'paused' || lower === 'disabled') {
      if (filters.state !== undefined && filters.state !== lower) {
        throw new ListQueryError(
          'Give `paused` or `disabled`, not both: a schedule Omni disabled is listed as disabled.',
        );
      }
      once(lower);
      filters.state = lower;
      continue;
    }
    if (lower === 'asc' || lower === 'desc') {
      once('asc|desc');
      filters.sortDirection = lower;
      continue;
    }
    const colon = arg.indexOf(':');
    const key = colon > 0 ? (lower.slice(0, colon) as FilterKey) : undefined;
    if (key === undefined || !KEYS.includes(key)) {
      words.push(arg);
      continue;
    }
    once(key);
    const value = arg.slice(colon + 1);
    if (key === 'status') filters.status = pick(value, LIST_STATUSES, 'status');
    else if (key === 'destination') filters.destination = pick(value, LIST_DESTINATIONS, 'destination');
    else filters.sortField = LIST_SORTS[pick(value, Object.keys(LIST_SORTS) as ListSortWord[], 'sort')];
  }

  const q = words.join(' ').trim();
  if (q.length > MAX_SEARCH_LENGTH) {
    throw new ListQueryError(
      `The search words are too long (${q.length} characters); keep them under ${MAX_SEARCH_LENGTH}.`,
    );
  }
  if (q !== '') filters.q = q;
  return filters;
}

function looksLikeFilter(word: string): boolean {
  const lower = word.toLowerCase();
  return (
    lower === 'asc' ||
    lower === 'desc' ||
    (LIST_WORDS as readonly string[]).includes(lower) ||
    KEYS.some((key) => lower.startsWith(`${key}:`))
  );
}

function pick<T extends string>(value: string, allowed: readonly T[], key: string): T {
  const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (found !== undefined) return found;
  const shown = value === '' ? 'nothing' : `\`${value}\``;
  throw new ListQueryError(`\`${key}:\` takes one of ${allowed.map((a) => `\`${a}\``).join(', ')}; got ${shown}.`);
}

/** The `list` arguments that give these filters back (the inverse of `parseListArgs`). */
export function formatListArgs(filters: ScheduleListFilters): string {
  const parts: string[] = [];
  // Search words that would read as filters are given back as one quoted phrase, as the user typed them.
  if (filters.q) parts.push(filters.q.split(/\s+/).some(looksLikeFilter) ? `"${filters.q}"` : filters.q);
  if (filters.mine) parts.push('mine');
  if (filters.receiving) parts.push('receiving');
  if (filters.state) parts.push(filters.state);
  if (filters.status) parts.push(`status:${filters.status}`);
  if (filters.destination) parts.push(`destination:${filters.destination}`);
  if (filters.sortField) {
    const word = (Object.keys(LIST_SORTS) as ListSortWord[]).find((w) => LIST_SORTS[w] === filters.sortField);
    if (word) parts.push(`sort:${word}`);
  }
  if (filters.sortDirection) parts.push(filters.sortDirection);
  return parts.join(' ');
}

/**
 * The direction a list is sorted in when the user named none: names A to Z, runs newest first (Omni's own
 * default, descending, would list names Z to A).
 */
export function sortDirectionOf(filters: ScheduleListFilters): 'asc' | 'desc' {
  if (filters.sortDirection) return filters.sortDirection;
  return filters.sortField === 'lastRun' || filters.sortField === 'lastRunStatus' ? 'desc' : 'asc';
}

/** True when Omni's list alone cannot answer these filters: list-plan.ts's `readScheduleList` must be used. */
export function needsListPlan(filters: ScheduleListFilters): boolean {
  return filters.mine === true || filters.receiving === true || filters.state !== undefined;
}

/**
 * The query Omni gets for these filters: the user's words, with the sort direction always spelled out.
 * Refuses `mine`, `receiving`, `paused` and `disabled`, which need more than Omni's filters (list-plan.ts),
 * rather than listing every schedule under a header that says otherwise.
 */
export function listSchedulesQuery(filters: ScheduleListFilters): OmniListFilters {
  if (needsListPlan(filters)) {
    throw new ListQueryError(
      '`mine`, `receiving`, `paused` and `disabled` cannot be listed here yet; use `/schedule list` with words or `status:`.',
    );
  }
  return omniFilters(filters);
}

/** Only what Omni's list takes, with the sort direction spelled out. */
export function omniFilters(filters: ScheduleListFilters): OmniListFilters {
  const { mine: _mine, receiving: _receiving, state: _state, ...omni } = filters;
  return { ...omni, sortDirection: sortDirectionOf(filters) };
}

/** The filters in a few plain words for a list's header, e.g. `“sales” · status error · sorted by last run, newest first`. */
export function describeListFilters(filters: ScheduleListFilters): string {
  const parts: string[] = [];
  if (filters.mine) parts.push('yours');
  if (filters.receiving) parts.push('delivered to you');
  if (filters.state) parts.push(filters.state === 'paused' ? 'paused' : 'disabled by Omni');
  if (filters.q) parts.push(`matching “${filters.q}”`);
  if (filters.status) parts.push(`last run ${STATUS_WORDS[filters.status]}`);
  if (filters.destination) parts.push(`to ${DESTINATION_WORDS[filters.destination]}`);
  const field = filters.sortField ?? 'scheduleName';
  parts.push(`sorted by ${SORT_WORDS[field]} ${sortDirectionOf(filters) === 'asc' ? '(ascending)' : '(descending)'}`);
  return parts.join(' · ');
}

const STATUS_WORDS: Record<ListStatus, string> = {
  success: 'succeeded',
  error: 'failed',
  canceled: 'canceled',
  none: 'never',
};
const DESTINATION_WORDS: Record<ListDestination, string> = {
  email: 'email',
  slack: 'Slack',
  webhook: 'webhook',
  sftp: 'SFTP',
  s3: 'S3',
};
const SORT_WORDS: Record<ListSortField, string> = {
  scheduleName: 'name',
  dashboardName: 'dashboard',
  ownerName: 'owner',
  lastRun: 'last run',
  lastRunStatus: 'last status',
};

/** A page of a list: its filters and Omni's page-number cursor (`'1'` is the first page). */
export interface ListState {
  filters: ScheduleListFilters;
  cursor: string;
}

/**
 * The list state as a short string (`<cursor>|<list args>`), for button values and block ids. It holds
 * only what the user typed and a page number: nothing secret.
 */
export function encodeListState(state: ListState): string {
  return `${state.cursor}|${formatListArgs(state.filters)}`;
}

/** Reads `encodeListState`'s output back; a forged or damaged value is a `ListQueryError`. */
export function decodeListState(encoded: string): ListState {
  const bar = encoded.indexOf('|');
  const cursor = bar > 0 ? encoded.slice(0, bar) : '';
  if (!/^[1-9]\d{0,5}$/.test(cursor)) throw new ListQueryError('This list is out of date; run `/schedule list` again.');
  const args = encoded.slice(bar + 1).match(/"[^"]*"|\S+/g) ?? [];
  // A quoted argument is search words, even a single word that reads as a filter.
  const parsed = args.map((a) =>
    /^".*"$/.test(a) ? { text: a.slice(1, -1), literal: true } : { text: a, literal: false },
  );
  return { cursor, filters: parseArgs(parsed) };
}
