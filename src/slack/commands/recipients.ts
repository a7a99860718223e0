// `/schedule add|remove <name or id> <@person|#channel|@group|email>…` and `/schedule subscribe|unsubscribe
// <name or id>`: change who receives an email schedule; the answer names who was added or removed, who was
// skipped and why, and what Omni refused.
import { parseRecipientTokens, type RecipientInput, type Skipped } from '../../recipients/index.js';
import { splitScheduleArgs } from '../../schedules/schedule-resolve.js';
import { runRecipientChange } from '../recipient-actions/change.js';
import { type SubscribeOp, subscribeSelf } from '../recipient-actions/subscribe.js';
import { skippedLines } from '../ui/recipients-summary.js';
import { findScheduleArgument, SCHEDULE_ARG, scheduleRefArgument } from './schedule-ref.js';
import { type Subcommand, type SubcommandContext, UsageError } from './types.js';

type ChangeOp = 'add' | 'remove';

/** Where the schedule's name ends and the people begin: a mention, an @name or an email address. */
export function isRecipientToken(arg: string): boolean {
  return (
    /^<[@#!]/.test(arg) || arg.startsWith('@') || /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(arg.replace(/[,;]+$/, ''))
  );
}

/** `<name or id> who…` → the schedule reference and the parsed people; nobody valid is a usage error. */
export function parseChangeArgs(
  args: readonly string[],
  op: ChangeOp,
): { ref: string; who: string[]; inputs: RecipientInput[]; invalid: Skipped[] } {
  const { ref, rest } = splitScheduleArgs(args, isRecipientToken);
  if (ref.trim() === '') throw new UsageError('Name the schedule first: its name, its id or its Omni URL.');
  if (rest.length === 0) {
    throw new UsageError(`Name who to ${op}: @people, #channels, @groups or email addresses, after the schedule.`);
  }
  const { inputs, invalid } = parseRecipientTokens(rest);
  if (inputs.length === 0) {
    throw new UsageError(`Nobody to ${op}:\n${skippedLines(invalid).join('\n')}`);
  }
  return { ref, who: rest, inputs, invalid };
}

async function changeRecipients(ctx: SubcommandContext, op: ChangeOp): Promise<void> {
  const { ref, who, inputs, invalid } = parseChangeArgs(ctx.args, op);
  const target = await findScheduleArgument(ctx, op, ref, who);
  if (!target) return;
  await runRecipientChange({ command: ctx, spec: { op, scheduleId: target.id, inputs, invalid } });
}

async function subscribeCommand(ctx: SubcommandContext, op: SubscribeOp): Promise<void> {
  const target = await findScheduleArgument(ctx, op, scheduleRefArgument(ctx.args, op));
  if (!target) return;
  const scheduleId = target.id;
  const message = await subscribeSelf({
    deps: ctx.deps,
    client: ctx.client,
    scope: ctx.scope,
    userId: ctx.userId,
    scheduleId,
    op,
  });
  await ctx.respond({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
}

export const addRecipientsSubcommand: Subcommand = {
  name: 'add',
  usage: `/schedule add ${SCHEDULE_ARG} <@person|#channel|@group|email>…`,
  summary: 'add people (or every member of a channel or group) to an email schedule',
  access: 'member',
  needsConnection: true,
  audit: 'add_recipients',
  run: (ctx) => changeRecipients(ctx, 'add'),
};

export const removeRecipientsSubcommand: Subcommand = {
  name: 'remove',
  usage: `/schedule remove ${SCHEDULE_ARG} <@person|#channel|@group|email>…`,
  summary: 'remove people from an email schedule (deactivated accounts too)',
  access: 'member',
  needsConnection: true,
  audit: 'remove_recipients',
  run: (ctx) => changeRecipients(ctx, 'remove'),
};

export const subscribeSubcommand: Subcommand = {
  name: 'subscribe',
  usage: `/schedule subscribe ${SCHEDULE_ARG}`,
  summary: 'get an email schedule’s deliveries yourself',
  access: 'member',
  needsConnection: true,
  audit: 'add_recipients',
  run: (ctx) => subscribeCommand(ctx, 'subscribe'),
};

export const unsubscribeSubcommand: Subcommand = {
  name: 'unsubscribe',
  usage: `/schedule unsubscribe ${SCHEDULE_ARG}`,
  summary: 'stop getting an email schedule’s deliveries',
  access: 'member',
  needsConnection: true,
  audit: 'remove_recipients',
  run: (ctx) => subscribeCommand(ctx, 'unsubscribe'),
};
