// `/schedule list [words] [mine] [receiving] [paused|disabled] [status:…] [destination:…] [sort:…] [asc|desc]`: the first page, only for the
// person who asked; Next/Previous and the rows' menus take it from there.

import {
  LIST_DESTINATIONS,
  LIST_SORTS,
  LIST_STATUSES,
  ListQueryError,
  parseListArgs,
} from '../../schedules/list-query.js';
import { recipientIndexFor } from '../people/recipient-index.js';
import { renderListPage } from '../schedule-actions/list-page.js';
import { listViewerFor } from '../schedule-actions/list-viewer.js';
import { type Subcommand, UsageError } from './types.js';

export const listSubcommand: Subcommand = {
  name: 'list',
  usage: `/schedule list [words] [mine] [receiving] [paused|disabled] [status:${LIST_STATUSES.join('|')}] [destination:${LIST_DESTINATIONS.join('|')}] [sort:${Object.keys(LIST_SORTS).join('|')}] [asc|desc]`,
  summary: 'find schedules by name, dashboard or owner, filter by last status or destination, and sort them',
  access: 'member',
  needsConnection: true,
  async run(ctx) {
    let filters: ReturnType<typeof parseListArgs>;
    try {
      filters = parseListArgs(ctx.args);
    } catch (error) {
      if (error instanceof ListQueryError) throw new UsageError(error.message);
      throw error;
    }
    const omni = await ctx.omni();
    const display = await ctx.display();
    const viewer = await listViewerFor(ctx, filters);
    const page = await renderListPage(
      omni,
      { filters, cursor: '1' },
      {
        ...(display.zone ? { zone: display.zone } : {}),
        ...(viewer ? { viewer } : {}),
        recipientIndex: recipientIndexFor(ctx.deps, ctx.scope),
      },
    );
    await ctx.respond({ response_type: 'ephemeral', text: page.text, blocks: page.blocks });
  },
};
