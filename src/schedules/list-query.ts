// `/schedule list` arguments (DESIGN.md §3.3) ⇄ the filters and sort of Omni's list endpoint.
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

/** The part of Omni's `ListSchedulesQuery` that `/schedule list` can set (assignable to it). */
export interface ScheduleListFilters {
  q?: string;
  status?: ListStatus;
  destination?: ListDestination;
  sortField?: ListSortField;
  sortDirection?: 'asc' | 'desc';
}

/** Search words are kept short: they travel in block ids (255 characters) with the rest of the list state. */
export const MAX_SEARCH_LENGTH = 100;

/** A bad `list` argument; the message names the allowed values and is meant for the user as is. */
export class ListQueryError extends Error {
  override name = 'ListQueryError';
}

const KEYS = ['status', 'destination', 'sort'] as const;
type FilterKey = (typeof KEYS)[number];

/**
 * Parses `[words] [status:…] [destination:…] [sort:…] [asc|desc]` (any order; keys and values are
 * case-insensitive). Words that are not filters make up the search text `q`; so does a quoted phrase (an
 * argument with a space in it), even one like `"asc report"`.
 */
export function parseListArgs(args: readonly string[]): ScheduleListFilters {
  const filters: ScheduleListFilters = {};
  const words: string[] = [];
  const seen = new Set<string>();
  const once = (what: string) => {
    if (seen.has(what)) throw new ListQueryError(`\`${what}\` is given twice; give it once.`);
    seen.add(what);
  };

  for (const arg of args) {
    if (arg === '') continue;
    if (/\s/.test(arg)) {
      words.push(arg);
      continue;
    }
    const lower = arg.toLowerCase();
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
  return lower === 'asc' || lower === 'desc' || KEYS.some((key) => lower.startsWith(`${key}:`));
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

/** The query Omni gets for these filters: the user's words, with the sort direction always spelled out. */
export function listSchedulesQuery(filters: ScheduleListFilters): ScheduleListFilters {
  return { ...filters, sortDirection: sortDirectionOf(filters) };
}

/** The filters in a few plain words for a list's header, e.g. `“sales” · status error · sorted by last run, newest first`. */
export function describeListFilters(filters: ScheduleListFilters): string {
  const parts: string[] = [];
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
  return { cursor, filters: parseListArgs(args.map((a) => (/^".*"$/.test(a) ? a.slice(1, -1) : a))) };
}
