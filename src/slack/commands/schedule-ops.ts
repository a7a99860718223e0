// `/schedule run|trigger|pause|resume <name or id>` act at once and answer with the updated card, only for you.
// `/schedule delete <name or id>` asks first: the card with a Delete button behind Slack's confirm dialog.
import { loadScheduleView } from '../../schedules/schedule-lookup.js';
import { actionNotice, cardAfterOp } from '../schedule-actions/act.js';
import { cardOptions } from '../schedule-actions/display.js';
import { forgetHomeSummary } from '../schedule-actions/home.js';
import { performScheduleOp, type ScheduleOp } from '../schedule-actions/operate.js';
import { buildRunAgainPrompt } from '../ui/run-again.js';
import { buildDeletePrompt } from '../ui/schedule-card.js';
import { findScheduleArgument, SCHEDULE_ARG, scheduleRefArgument } from './schedule-ref.js';
import type { Subcommand, SubcommandContext } from './types.js';

function immediate(op: Exclude<ScheduleOp, 'delete'>, summary: string, aliases?: string[]): Subcommand {
  return {
    name: op,
    ...(aliases ? { aliases } : {}),
    usage: `/schedule ${op} ${SCHEDULE_ARG}`,
    summary,
    access: 'member',
    needsConnection: true,
    audit: op,
    run: (ctx) => runOp(ctx, op),
  };
}

async function runOp(ctx: SubcommandContext, op: Exclude<ScheduleOp, 'delete'>): Promise<void> {
  const target = await findScheduleArgument(ctx, op, scheduleRefArgument(ctx.args, op));
  if (!target) return;
  const scheduleId = target.id;
  const userId = ctx.userId;
  const omni = await ctx.omni();
  const display = await ctx.display();
  const outcome = await performScheduleOp({
    deps: ctx.deps,
    scope: ctx.scope,
    userId,
    omni,
    op,
    scheduleId,
    ...(target.view ? { knownName: target.view.name } : {}),
  });
  if (!outcome.ok) {
    const answer = outcome.runAgain ? buildRunAgainPrompt(outcome.message, scheduleId) : { text: outcome.message };
    await ctx.respond({ response_type: 'ephemeral', ...answer });
    return;
  }
  await forgetHomeSummary(ctx.deps, ctx.scope);
  if (!outcome.view) {
    await ctx.respond({ response_type: 'ephemeral', text: actionNotice(userId, outcome, display.zone) });
    return;
  }
  const card = await cardAfterOp(ctx, outcome.view, outcome, display);
  await ctx.respond({ response_type: 'ephemeral', text: card.text, blocks: card.blocks });
}

export const runSubcommand = immediate('run', 'deliver a schedule now (its schedule does not change)', ['trigger']);
export const pauseSubcommand = immediate('pause', 'stop a schedule from delivering until it is resumed');
export const resumeSubcommand = immediate('resume', 'let a paused schedule deliver again');

export const deleteSubcommand: Subcommand = {
  name: 'delete',
  usage: `/schedule delete ${SCHEDULE_ARG}`,
  summary: 'delete a schedule (asks first)',
  access: 'member',
  needsConnection: true,
  audit: 'delete',
  async run(ctx) {
    const target = await findScheduleArgument(ctx, 'delete', scheduleRefArgument(ctx.args, 'delete'));
    if (!target) return;
    const omni = await ctx.omni();
    const read = target.view ? Promise.resolve(target.view) : loadScheduleView(omni, target.id);
    const [view, display] = await Promise.all([read, ctx.display()]);
    const prompt = buildDeletePrompt(view, cardOptions(display, view));
    await ctx.respond({ response_type: 'ephemeral', text: prompt.text, blocks: prompt.blocks });
  },
};
