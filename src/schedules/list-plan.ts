// `/schedule list` for everything its grammar allows, including what Omni's list cannot filter on:
// - `mine`: Omni's `ownerId` filter, given the viewer's Omni user id (looked up by the caller, by email);
// - `paused`, `disabled`: no Omni filter exists, so pages of 100 are read and filtered here, and the
//   answer says how many schedules were looked through;
// - `receiving`: Omni cannot search by recipient. With a recipient index (kept by the app) the index
//   decides; without one the list is narrowed to email schedules, and the answer says so.
// Every answer carries `notes`: what was done, in words, so an empty page never just says "No schedules".
import {
  type ListSchedulesQuery,
  OmniApiError,
  type OmniClient,
  type PageInfo,
  type SchedulePage,
  type ScheduleRecord,
} from '../omni/index.js';
import { type ListState, omniFilters, type ScheduleListFilters } from './list-query.js';
import { lastValidPage } from './schedule-lookup.js';

/** Who is looking. */
export interface ListViewer {
  /**
   * Needed for `mine`: the viewer's Omni user id (`findUserByEmail(email)?.id`); null when no Omni user
   * has their email. Undefined means not looked up, which is a mistake when `mine` is asked.
   */
  omniUserId?: string | null;
  /** Needed for `receiving`: the viewer's email as Slack gives it; null when Slack shows none. */
  email?: string | null;
}

/** The schedules that deliver to an address, as the app last saw them. */
export interface RecipientIndex {
  schedulesDeliveringTo(email: string): Promise<{
    scheduleIds: ReadonlySet<string>;
    /** When the index was last brought up to date (ISO 8601). */
    asOf: string;
    /** False while the index has not yet seen every schedule. */
    complete: boolean;
  }>;
}

export interface ScheduleListPage {
  /** The page read: the one asked for, or Omni's last one when schedules were deleted since (see below). */
  cursor: string;
  records: ScheduleRecord[];
  /**
   * Paging as the Next button needs it: Omni's own for a list Omni filters; for a list filtered here,
   * `nextCursor` is the next Omni page (of `SCAN_PAGE_SIZE`) to read and `totalRecords` counts what Omni
   * has before filtering.
   */
  pageInfo: PageInfo;
  /** True when the records were filtered here (paged in Omni pages of `SCAN_PAGE_SIZE`). */
  filteredHere: boolean;
  /** What was done where Omni could not, in plain sentences (no Slack markup); empty when Omni did all. */
  notes: string[];
  /** Omni calls made. */
  calls: number;
}

/** Omni's largest page: filtering here reads this many schedules a call. */
export const SCAN_PAGE_SIZE = 100;
/** Omni pages read per request when filtering here: 300 schedules for 3 calls. */
export const SCAN_PAGES = 3;

export interface ReadListOptions {
  /** Rows per page when Omni filters (the list's page size). */
  pageSize: number;
  viewer?: ListViewer;
  recipientIndex?: RecipientIndex;
  /** Omni pages read per request when filtering here. */
  scanPages?: number;
}

export async function readScheduleList(
  omni: Pick<OmniClient, 'listSchedules'>,
  state: ListState,
  options: ReadListOptions,
): Promise<ScheduleListPage> {
  const { filters } = state;
  const notes: string[] = [];
  const query: ListSchedulesQuery = { ...omniFilters(filters) };
  const keeps: ((record: ScheduleRecord) => boolean)[] = [];

  if (filters.mine) {
    const id = options.viewer?.omniUserId;
    if (id === undefined) throw new Error('`mine` needs the viewer’s Omni user id, looked up before listing');
    if (id === null) {
      const who = options.viewer?.email ? ` (${options.viewer.email})` : '';
      return emptyPage(state, [`No Omni user has your email${who}, so no schedule in Omni is yours.`]);
    }
    query.ownerId = id;
  }

  if (filters.receiving) {
    const email = options.viewer?.email;
    if (!email) {
      return emptyPage(state, ['Slack shows no email for you, so the schedules you receive cannot be looked up.']);
    }
    if (options.recipientIndex) {
      const known = await options.recipientIndex.schedulesDeliveringTo(email);
      keeps.push((record) => known.scheduleIds.has(record.id));
      notes.push(
        `Omni cannot search by recipient: schedules delivering to ${email} as the app last saw them (${known.asOf})${known.complete ? '' : ', before it had seen every schedule'}.`,
      );
    } else if (filters.destination !== undefined && filters.destination !== 'email') {
      return emptyPage(state, [
        `Omni cannot search by recipient, and \`receiving\` looks at email schedules; \`destination:${filters.destination}\` leaves none.`,
      ]);
    } else {
      query.destination = 'email';
      notes.push(
        `Omni cannot search by recipient, so these are all the email schedules${filters.q ? ' matching your words' : ''}; open one to see whether it goes to ${email}.`,
      );
    }
  }

  if (filters.state === 'paused') keeps.push((record) => record.disabledAt !== null && !record.systemDisabledAt);
  if (filters.state === 'disabled') keeps.push((record) => Boolean(record.systemDisabledAt));

  if (keeps.length === 0) {
    const { page, cursor, calls } = await readPage(omni, query, state.cursor, options.pageSize);
    return { cursor, records: unique(page.records), pageInfo: page.pageInfo, filteredHere: false, notes, calls };
  }

  const keep = (record: ScheduleRecord) => keeps.every((k) => k(record));
  const scanned = await scan(omni, query, state.cursor, options.scanPages ?? SCAN_PAGES);
  const records = scanned.records.filter(keep);
  notes.push(scanNote(filters, scanned, records.length));
  return {
    cursor: String(scanned.first),
    records,
    pageInfo: {
      hasNextPage: scanned.nextCursor !== null,
      nextCursor: scanned.nextCursor,
      pageSize: SCAN_PAGE_SIZE,
      totalRecords: scanned.totalRecords,
    },
    filteredHere: true,
    notes,
    calls: scanned.calls,
  };
}

interface Scan {
  records: ScheduleRecord[];
  /** Omni's page numbers read, first and last. */
  first: number;
  last: number;
  read: number;
  totalRecords: number;
  nextCursor: string | null;
  calls: number;
}

async function scan(
  omni: Pick<OmniClient, 'listSchedules'>,
  query: ListSchedulesQuery,
  cursor: string,
  pages: number,
): Promise<Scan> {
  const start = await readPage(omni, query, cursor, SCAN_PAGE_SIZE);
  const first = Number(start.cursor);
  const records: ScheduleRecord[] = [];
  let { page, calls, cursor: current } = start;
  let read = 0;
  for (let pagesRead = 1; ; pagesRead++) {
    records.push(...page.records);
    read += page.records.length;
    const next = page.pageInfo.hasNextPage ? page.pageInfo.nextCursor : null;
    if (next === null || next === current || pagesRead >= pages) {
      const totalRecords = page.pageInfo.totalRecords;
      return { records: unique(records), first, last: Number(current), read, totalRecords, nextCursor: next, calls };
    }
    current = next;
    page = await omni.listSchedules({ ...query, cursor: current, pageSize: SCAN_PAGE_SIZE });
    calls += 1;
  }
}

function scanNote(filters: ScheduleListFilters, scanned: Scan, kept: number): string {
  const state = filters.state === 'paused' ? ' paused' : filters.state === 'disabled' ? ' disabled by Omni' : '';
  const receiving = filters.receiving ? ' delivering to you' : '';
  // With a recipient index, the note before this one already says Omni cannot search by recipient.
  const lead = filters.state ? 'Omni cannot filter by state, so the app' : 'The app';
  const all = scanned.first === 1 && scanned.nextCursor === null;
  const start = (scanned.first - 1) * SCAN_PAGE_SIZE;
  const narrowed = filters.q || filters.status || filters.destination || filters.mine;
  const range = all
    ? `all ${scanned.read} schedule${scanned.read === 1 ? '' : 's'}${narrowed ? ' matching the other filters' : ''}`
    : `schedules ${start + 1}–${start + scanned.read} of ${scanned.totalRecords}`;
  const more = scanned.nextCursor === null ? '' : '; Next looks through the following ones';
  return `${lead} looked through ${range} and found ${kept}${state}${receiving}${more}.`;
}

/**
 * One page; a page that no longer exists (schedules were deleted since the Next button was drawn) is
 * replaced by the last page Omni says is valid (`Invalid page number. The last valid page is 3.`).
 */
async function readPage(
  omni: Pick<OmniClient, 'listSchedules'>,
  query: ListSchedulesQuery,
  cursor: string,
  pageSize: number,
): Promise<{ page: SchedulePage; cursor: string; calls: number }> {
  try {
    return { page: await omni.listSchedules({ ...query, cursor, pageSize }), cursor, calls: 1 };
  } catch (error) {
    const last = error instanceof OmniApiError && error.status === 400 ? lastValidPage(error.detail) : undefined;
    if (last === undefined || String(last) === cursor) throw error;
    const page = await omni.listSchedules({ ...query, cursor: String(last), pageSize });
    return { page, cursor: String(last), calls: 2 };
  }
}

function emptyPage(state: ListState, notes: string[]): ScheduleListPage {
  return {
    cursor: state.cursor,
    records: [],
    pageInfo: { hasNextPage: false, nextCursor: null, pageSize: 0, totalRecords: 0 },
    filteredHere: state.filters.state !== undefined || state.filters.receiving === true,
    notes,
    calls: 0,
  };
}

/** Omni's list can repeat a schedule once per destination: each once, first row kept. */
function unique(records: readonly ScheduleRecord[]): ScheduleRecord[] {
  const byId = new Map<string, ScheduleRecord>();
  for (const record of records) if (!byId.has(record.id)) byId.set(record.id, record);
  return [...byId.values()];
}
