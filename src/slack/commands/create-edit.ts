// `/schedule create [dashboard-id or URL]` and `/schedule edit <schedule-id>`: open the schedule form.
import { parseDashboardRef } from '../../schedules/dashboard-ref.js';
import { openScheduleForm } from '../schedule-form/open-form.js';
import { scheduleIdArgument } from './schedule-ref.js';
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
  usage: '/schedule edit <schedule-id>',
  summary: 'change a schedule, in a form',
  access: 'member',
  needsConnection: true,
  audit: 'edit',
  async run(ctx) {
    const scheduleId = scheduleIdArgument(ctx.args, 'edit');
    await openForm(ctx, { mode: 'edit', scheduleId });
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
