// Reads one page of `/schedule list` from Omni and draws it, with what was done where Omni could not
// filter (`mine`, `receiving`, `paused`, `disabled`: see list-plan.ts) said under the header.
import type { OmniClient } from '../../omni/index.js';
import { type ListViewer, type RecipientIndex, readScheduleList } from '../../schedules/list-plan.js';
import type { ListState } from '../../schedules/list-query.js';
import type { SlackMessage } from '../ui/schedule-card.js';
import { buildScheduleList } from '../ui/schedule-list.js';

/** Rows per page: Omni's default page size, well inside a message's 50 blocks. */
export const LIST_PAGE_SIZE = 20;

export async function renderListPage(
  omni: Pick<OmniClient, 'listSchedules'>,
  state: ListState,
  options: { zone?: string; notice?: string; viewer?: ListViewer; recipientIndex?: RecipientIndex | undefined } = {},
): Promise<SlackMessage> {
  const { viewer, recipientIndex, ...shown } = options;
  const page = await readScheduleList(omni, state, {
    pageSize: LIST_PAGE_SIZE,
    ...(viewer ? { viewer } : {}),
    ...(recipientIndex ? { recipientIndex } : {}),
  });
  return buildScheduleList(
    page.records,
    page.pageInfo,
    { ...state, cursor: page.cursor },
    { ...shown, notes: page.notes },
  );
}
