// `/schedule run|trigger|pause|resume <id>` act at once and answer with the updated card, only for you.
// `/schedule delete <id>` asks first: the card with a Delete button behind Slack's confirm dialog.
import { loadScheduleView } from '../../schedules/schedule-lookup.js';
import { actionNotice } from '../schedule-actions/act.js';
import { cardOptions } from '../schedule-actions/display.js';
import { forgetHomeSummary } from '../schedule-actions/home.js';
import { OP_VERBS, performScheduleOp, type ScheduleOp } from '../schedule-actions/operate.js';
import { buildRunAgainPrompt } from '../ui/run-again.js';
import { buildDeletePrompt, buildScheduleCard } from '../ui/schedule-card.js';
import { scheduleIdArgument } from './schedule-ref.js';
import type { Subcommand, SubcommandContext } from './types.js';

function immediate(op: Exclude<ScheduleOp, 'delete'>, summary: string, aliases?: string[]): Subcommand {
  return {
    name: op,
    ...(aliases ? { aliases } : {}),
    usage: `/schedule ${op} <schedule-id>`,
    summary,
    access: 'member',
    needsConnection: true,
    audit: op,
    run: (ctx) => runOp(ctx, op),
  };
}

async function runOp(ctx: SubcommandContext, op: Exclude<ScheduleOp, 'delete'>): Promise<void> {
  const scheduleId = scheduleIdArgument(ctx.args, op);
  const userId = ctx.userId;
  const omni = await ctx.omni();
  const display = await ctx.display();
  const outcome = await performScheduleOp({ deps: ctx.deps, scope: ctx.scope, userId, omni, op, scheduleId });
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
  const lastAction = { userId, verb: OP_VERBS[op], at: outcome.at };
  const card = buildScheduleCard(outcome.view, cardOptions(display, outcome.view, { lastAction }));
  await ctx.respond({ response_type: 'ephemeral', text: card.text, blocks: card.blocks });
}

export const runSubcommand = immediate('run', 'deliver a schedule now (its schedule does not change)', ['trigger']);
export const pauseSubcommand = immediate('pause', 'stop a schedule from delivering until it is resumed');
export const resumeSubcommand = immediate('resume', 'let a paused schedule deliver again');

export const deleteSubcommand: Subcommand = {
  name: 'delete',
  usage: '/schedule delete <schedule-id>',
  summary: 'delete a schedule (asks first)',
  access: 'member',
  needsConnection: true,
  audit: 'delete',
  async run(ctx) {
    const scheduleId = scheduleIdArgument(ctx.args, 'delete');
    const omni = await ctx.omni();
    const [view, display] = await Promise.all([loadScheduleView(omni, scheduleId), ctx.display()]);
    const prompt = buildDeletePrompt(view, cardOptions(display, view));
    await ctx.respond({ response_type: 'ephemeral', text: prompt.text, blocks: prompt.blocks });
  },
};
