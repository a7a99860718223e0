// Reads one page of `/schedule list` from Omni and draws it. A page that no longer exists (schedules
// were deleted since the buttons were drawn) falls back to the last page Omni says is valid.
import { OmniApiError, type OmniClient } from '../../omni/index.js';
import { type ListState, listSchedulesQuery } from '../../schedules/list-query.js';
import { lastValidPage } from '../../schedules/schedule-lookup.js';
import type { SlackMessage } from '../ui/schedule-card.js';
import { buildScheduleList } from '../ui/schedule-list.js';

/** Rows per page: Omni's default page size, well inside a message's 50 blocks. */
export const LIST_PAGE_SIZE = 20;

export async function renderListPage(
  omni: Pick<OmniClient, 'listSchedules'>,
  state: ListState,
  options: { zone?: string; notice?: string } = {},
): Promise<SlackMessage> {
  let current = state;
  let page: Awaited<ReturnType<OmniClient['listSchedules']>>;
  try {
    page = await omni.listSchedules({
      ...listSchedulesQuery(state.filters),
      cursor: state.cursor,
      pageSize: LIST_PAGE_SIZE,
    });
  } catch (error) {
    const last = error instanceof OmniApiError && error.status === 400 ? lastValidPage(error.detail) : undefined;
    if (last === undefined || String(last) === state.cursor) throw error;
    current = { ...state, cursor: String(last) };
    page = await omni.listSchedules({
      ...listSchedulesQuery(state.filters),
      cursor: current.cursor,
      pageSize: LIST_PAGE_SIZE,
    });
  }
  return buildScheduleList(page.records, page.pageInfo, current, options);
}
