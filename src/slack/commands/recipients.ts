// `/schedule add|remove <schedule-id> <@person|#channel|@group|email>…` and `/schedule subscribe|unsubscribe
// <schedule-id>`: change who receives an email schedule; the answer names who was added or removed, who was
// skipped and why, and what Omni refused.
import { parseRecipientTokens, type RecipientInput, type Skipped } from '../../recipients/index.js';
import { parseScheduleRef } from '../../schedules/schedule-id.js';
import { runRecipientChange } from '../recipient-actions/change.js';
import { type SubscribeOp, subscribeSelf } from '../recipient-actions/subscribe.js';
import { skippedLines } from '../ui/recipients-summary.js';
import { scheduleIdArgument } from './schedule-ref.js';
import { type Subcommand, type SubcommandContext, UsageError } from './types.js';

type ChangeOp = 'add' | 'remove';

/** `<schedule-id> who…` → the id and the parsed people; a bad id or nobody valid is a usage error. */
export function parseChangeArgs(
  args: readonly string[],
  op: ChangeOp,
): { scheduleId: string; inputs: RecipientInput[]; invalid: Skipped[] } {
  const [first, ...rest] = args;
  const ref = parseScheduleRef(first);
  if (!ref.ok) throw new UsageError(ref.error);
  if (rest.length === 0) {
    throw new UsageError(`Name who to ${op}: @people, #channels, @groups or email addresses, after the schedule id.`);
  }
  const { inputs, invalid } = parseRecipientTokens(rest);
  if (inputs.length === 0) {
    throw new UsageError(`Nobody to ${op}:\n${skippedLines(invalid).join('\n')}`);
  }
  return { scheduleId: ref.id, inputs, invalid };
}

async function changeRecipients(ctx: SubcommandContext, op: ChangeOp): Promise<void> {
  const { scheduleId, inputs, invalid } = parseChangeArgs(ctx.args, op);
  await runRecipientChange({ command: ctx, spec: { op, scheduleId, inputs, invalid } });
}

async function subscribeCommand(ctx: SubcommandContext, op: SubscribeOp): Promise<void> {
  const scheduleId = scheduleIdArgument(ctx.args, op);
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
  usage: '/schedule add <schedule-id> <@person|#channel|@group|email>…',
  summary: 'add people (or every member of a channel or group) to an email schedule',
  access: 'member',
  needsConnection: true,
  audit: 'add_recipients',
  run: (ctx) => changeRecipients(ctx, 'add'),
};

export const removeRecipientsSubcommand: Subcommand = {
  name: 'remove',
  usage: '/schedule remove <schedule-id> <@person|#channel|@group|email>…',
  summary: 'remove people from an email schedule (deactivated accounts too)',
  access: 'member',
  needsConnection: true,
  audit: 'remove_recipients',
  run: (ctx) => changeRecipients(ctx, 'remove'),
};

export const subscribeSubcommand: Subcommand = {
  name: 'subscribe',
  usage: '/schedule subscribe <schedule-id>',
  summary: 'get an email schedule’s deliveries yourself',
  access: 'member',
  needsConnection: true,
  audit: 'add_recipients',
  run: (ctx) => subscribeCommand(ctx, 'subscribe'),
};

export const unsubscribeSubcommand: Subcommand = {
  name: 'unsubscribe',
  usage: '/schedule unsubscribe <schedule-id>',
  summary: 'stop getting an email schedule’s deliveries',
  access: 'member',
  needsConnection: true,
  audit: 'remove_recipients',
  run: (ctx) => subscribeCommand(ctx, 'unsubscribe'),
};
