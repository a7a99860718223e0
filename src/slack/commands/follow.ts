// `/schedule follow <schedule-id> <#channel|@group>` and `/schedule unfollow <schedule-id>`: an email
// schedule whose recipients follow a Slack channel or user group (joins get the report, leaves stop it).
import type { FollowSource } from '../../people/index.js';
import { parseScheduleRef } from '../../schedules/schedule-id.js';
import { followSchedule, unfollowSchedule } from '../people/follow.js';
import { type Subcommand, UsageError } from './types.js';

const CHANNEL = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;
const GROUP = /^<!subteam\^(S[A-Z0-9]+)(?:\|[^>]*)?>$/;

export function followSourceArg(arg: string | undefined): FollowSource {
  const text = (arg ?? '').trim();
  const channel = CHANNEL.exec(text)?.[1];
  if (channel) return { kind: 'channel', id: channel };
  const group = GROUP.exec(text)?.[1];
  if (group) return { kind: 'usergroup', id: group };
  throw new UsageError('Name what to follow: a #channel or a @group.');
}

function scheduleArg(args: readonly string[]): string {
  const ref = parseScheduleRef(args[0]);
  if (!ref.ok) throw new UsageError(ref.error);
  return ref.id;
}

export const followSubcommand: Subcommand = {
  name: 'follow',
  usage: '/schedule follow <schedule-id> <#channel|@group>',
  summary: 'an email schedule delivers to whoever is in a channel or group, as people join and leave',
  access: 'member',
  needsConnection: true,
  audit: 'add_recipients',
  async run(ctx) {
    const scheduleId = scheduleArg(ctx.args);
    const source = followSourceArg(ctx.args[1]);
    const text = await followSchedule(ctx, scheduleId, source);
    await ctx.respond({ response_type: 'ephemeral', text });
  },
};

export const unfollowSubcommand: Subcommand = {
  name: 'unfollow',
  usage: '/schedule unfollow <schedule-id>',
  summary: 'stop following a channel or group; everyone who receives the report keeps it',
  access: 'member',
  needsConnection: true,
  async run(ctx) {
    const text = await unfollowSchedule(ctx, scheduleArg(ctx.args));
    await ctx.respond({ response_type: 'ephemeral', text });
  },
};
