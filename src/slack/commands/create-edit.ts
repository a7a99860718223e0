// `/schedule create [dashboard-id or URL]` and `/schedule edit <name or id>`: open the schedule form.
import { parseDashboardRef } from '../../schedules/dashboard-ref.js';
import { openScheduleForm } from '../schedule-form/open-form.js';
import { findScheduleArgument, SCHEDULE_ARG, scheduleRefArgument } from './schedule-ref.js';
import { type Subcommand, type SubcommandContext, UsageError } from './types.js';

export const createSubcommand: Subcommand = {
  name: 'create',
  usage: '/schedule create [dashboard-id or URL]',
  summary: 'a new schedule, in a form',
  access: 'member',
  needsConnection: true,
  audit: 'create',
  async run(ctx) {
    if (ctx.args.length > 1) throw new UsageError('`create` takes at most one dashboard: its id or its Omni URL.');
    let identifier: string | undefined;
    if (ctx.args[0] !== undefined) {
      const ref = parseDashboardRef(ctx.args[0]);
      if (!ref.ok) throw new UsageError(ref.error);
      identifier = ref.identifier;
    }
    await openForm(ctx, { mode: 'create', ...(identifier ? { identifier } : {}) });
  },
};

export const editSubcommand: Subcommand = {
  name: 'edit',
  usage: `/schedule edit ${SCHEDULE_ARG}`,
  summary: 'change a schedule, in a form',
  access: 'member',
  needsConnection: true,
  audit: 'edit',
  async run(ctx) {
    // An id opens the form at once; a name is looked up first (usually one quick call; the
    // trigger that opens the modal lasts 3 s).
    const target = await findScheduleArgument(ctx, 'edit', scheduleRefArgument(ctx.args, 'edit'));
    if (!target) return;
    await openForm(ctx, { mode: 'edit', scheduleId: target.id });
  },
};

async function openForm(
  ctx: SubcommandContext,
  target: { mode: 'create' | 'edit'; identifier?: string; scheduleId?: string },
): Promise<void> {
  const channelId = ctx.channelId;
  await openScheduleForm({
    interaction: ctx,
    ...target,
    // A DM with the app (D…) is no channel to deliver to.
    ...(channelId && !channelId.startsWith('D') ? { channelId } : {}),
  });
}
