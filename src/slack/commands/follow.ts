// `/schedule follow <name or id> <#channel|@group>` and `/schedule unfollow <name or id>`: an email
// schedule whose recipients follow a Slack channel or user group (joins get the report, leaves stop it).
import type { FollowSource } from '../../people/index.js';
import { splitScheduleArgs } from '../../schedules/schedule-resolve.js';
import { followSchedule, unfollowSchedule } from '../people/follow.js';
import { findScheduleArgument, SCHEDULE_ARG, scheduleRefArgument } from './schedule-ref.js';
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

/** Where the schedule's name ends: the channel or group to follow. */
const isFollowSource = (arg: string): boolean => CHANNEL.test(arg) || GROUP.test(arg);

export const followSubcommand: Subcommand = {
  name: 'follow',
  usage: `/schedule follow ${SCHEDULE_ARG} <#channel|@group>`,
  summary: 'an email schedule delivers to whoever is in a channel or group, as people join and leave',
  access: 'member',
  needsConnection: true,
  audit: 'add_recipients',
  async run(ctx) {
    const { ref, rest } = splitScheduleArgs(ctx.args, isFollowSource);
    const source = followSourceArg(rest[0]);
    const target = await findScheduleArgument(ctx, 'follow', ref, rest);
    if (!target) return;
    const text = await followSchedule(ctx, target.id, source);
    await ctx.respond({ response_type: 'ephemeral', text });
  },
};

export const unfollowSubcommand: Subcommand = {
  name: 'unfollow',
  usage: `/schedule unfollow ${SCHEDULE_ARG}`,
  summary: 'stop following a channel or group; everyone who receives the report keeps it',
  access: 'member',
  needsConnection: true,
  async run(ctx) {
    const target = await findScheduleArgument(ctx, 'unfollow', scheduleRefArgument(ctx.args, 'unfollow'));
    if (!target) return;
    const text = await unfollowSchedule(ctx, target.id);
    await ctx.respond({ response_type: 'ephemeral', text });
  },
};
