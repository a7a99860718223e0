import { escapeSlackText } from '../../text/slack-escape.js';
// `/schedule show <id>`: the card, only for you. `/schedule share <id>`: the card posted in the channel
// for everyone (the bot must be a member of the channel to post there).
import { loadCardForViewer } from '../schedule-actions/display.js';
import { slackErrorCode } from '../slack-errors.js';
import { findScheduleArgument, SCHEDULE_ARG, scheduleRefArgument } from './schedule-ref.js';
import type { Subcommand, SubcommandContext } from './types.js';

export const showSubcommand: Subcommand = {
  name: 'show',
  usage: `/schedule show ${SCHEDULE_ARG}`,
  summary: "a schedule's card, with its buttons, only for you",
  access: 'member',
  needsConnection: true,
  async run(ctx) {
    const shown = await loadCard(ctx, 'show');
    if (!shown) return;
    const { card } = shown;
    await ctx.respond({ response_type: 'ephemeral', text: card.text, blocks: card.blocks });
  },
};

export const shareSubcommand: Subcommand = {
  name: 'share',
  usage: `/schedule share ${SCHEDULE_ARG}`,
  summary: "post a schedule's card in this channel for everyone",
  access: 'member',
  needsConnection: true,
  async run(ctx) {
    const shown = await loadCard(ctx, 'share', ctx.userId);
    if (!shown) return;
    const { card, name } = shown;
    try {
      await ctx.client.chat.postMessage({ channel: ctx.channelId, text: card.text, blocks: card.blocks });
    } catch (error) {
      const reason = shareRefusal(slackErrorCode(error));
      if (!reason) throw error;
      await ctx.respond({ response_type: 'ephemeral', text: reason });
      return;
    }
    await ctx.respond({
      response_type: 'ephemeral',
      text: `:white_check_mark: Posted the card for *${escapeSlackText(name)}* in this channel.`,
    });
  },
};

/** The card, or undefined when the argument was not one schedule (the picker or "no match" was the answer). */
async function loadCard(ctx: SubcommandContext, name: string, sharedBy?: string) {
  const target = await findScheduleArgument(ctx, name, scheduleRefArgument(ctx.args, name));
  if (!target) return undefined;
  const { view, card } = await loadCardForViewer(ctx, target.id, sharedBy ? { sharedBy } : {}, target.view);
  return { card, name: view.name };
}

/** What to tell the user when Slack will not let the bot post here, or undefined for other errors. */
export function shareRefusal(code: string | undefined): string | undefined {
  switch (code) {
    case 'not_in_channel':
      return ":no_entry: I can't post in this channel because I'm not a member. Add me with `/invite @Omni Schedules` (or the channel's *Integrations* tab), then run the command again.";
    case 'channel_not_found':
      return ":no_entry: I can't see this conversation, so I can't post the card here. In a private channel, add me with `/invite @Omni Schedules` first; in a DM between people, use `/schedule show` instead.";
    case 'is_archived':
      return ':no_entry: This channel is archived, so nothing can be posted in it.';
    case 'restricted_action':
    case 'restricted_action_read_only_channel':
    case 'restricted_action_thread_only_channel':
    case 'restricted_action_non_threadable_channel':
      return ":no_entry: This channel's settings don't let me post here. Ask a channel manager, or share the card in another channel.";
    default:
      return undefined;
  }
}
