// Reads one schedule as the app shows it. Omni's GET-one answer lacks the dashboard's name and the
// recipient count that the list has, so the list record is looked up too (narrowed by name and
// dashboard); when it cannot be found, the GET-one answer is shown on its own.
import {
  type ListSchedulesQuery,
  OmniApiError,
  type OmniClient,
  type ScheduleDetail,
  type SchedulePage,
} from '../omni/index.js';
import { summarizeDestinations } from './destination-summary.js';
import { type ScheduleView, viewFromDetail } from './schedule-view.js';

export type ScheduleReader = Pick<OmniClient, 'getSchedule' | 'listSchedules'>;

/** Throws Omni's error (e.g. 404 `Scheduled task with id … does not exist`) when the schedule cannot be read. */
export async function loadScheduleView(omni: ScheduleReader, scheduleId: string): Promise<ScheduleView> {
  const detail = await omni.getSchedule(scheduleId);
  return completeView(omni, detail);
}

/**
 * The list record matching a GET-one answer, found by searching the schedule's name (the `identifier`
 * filter cannot be used: GET-one's `entityId` is the document's id, not the dashboard identifier the list
 * filters on). Falls back to a view of the GET-one answer alone. Either way it carries where the schedule
 * delivers, which only the GET-one answer says (`places`).
 */
export async function completeView(
  omni: Pick<OmniClient, 'listSchedules'>,
  detail: ScheduleDetail,
): Promise<ScheduleView> {
  return { ...(await listRecordOf(omni, detail)), places: summarizeDestinations(detail) };
}

async function listRecordOf(omni: Pick<OmniClient, 'listSchedules'>, detail: ScheduleDetail): Promise<ScheduleView> {
  const query: ListSchedulesQuery = { q: detail.name, pageSize: 100 };
  try {
    for (let page = 1; page <= MAX_SEARCH_PAGES; page++) {
      const found: SchedulePage = await omni.listSchedules({ ...query, cursor: String(page) });
      const record = found.records.find((r) => r.id === detail.id);
      if (record) return record;
      if (!found.pageInfo.hasNextPage) break;
    }
  } catch {
    // The schedule itself was read; its list record only adds the dashboard's name and a count.
  }
  return viewFromDetail(detail);
}

/** Many schedules may share a name; look through this many pages of 100 before giving up. */
const MAX_SEARCH_PAGES = 3;

/** Omni's answer to a page past the end: `Invalid page number. The last valid page is 3.` → 3. */
export function lastValidPage(detail: string): number | undefined {
  const match = /The last valid page is (\d+)/.exec(detail);
  return match ? Number(match[1]) : undefined;
}

/**
 * True when Omni says the schedule does not exist: deleted elsewhere since a card or list was drawn
 * (404 `Scheduled task with id … does not exist`). Such a card is redrawn as deleted, without buttons.
 */
export function isScheduleGone(error: unknown): boolean {
  return error instanceof OmniApiError && error.status === 404 && /does not exist/i.test(error.detail);
}

/**
 * The state a pause or resume found the schedule already in (400 `Schedule is already paused` /
 * `Schedule is already resumed`): nothing to change, so the answer is the card as it is.
 */
export function alreadyInState(error: unknown): 'paused' | 'resumed' | undefined {
  if (!(error instanceof OmniApiError) || error.status !== 400) return undefined;
  const match = /\bSchedule is already (paused|resumed)\b/i.exec(error.detail);
  return match ? ((match[1] as string).toLowerCase() as 'paused' | 'resumed') : undefined;
}
