// A schedule that follows a channel or user group: starting the follow (everyone the workspace's rules
// allow is added, reported like `/schedule add`), and ending it (the recipients stay as they are).

import type { FollowOutcome, FollowSource } from '../../people/index.js';
import { workspaceKey } from '../../store/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import type { Interaction } from '../interaction.js';
import { followsText } from '../ui/follow-label.js';
import { skippedLines } from '../ui/recipients-summary.js';
import { peopleOf } from './people-of.js';

export async function followSchedule(
  interaction: Interaction,
  scheduleId: string,
  source: FollowSource,
): Promise<string> {
  await interaction.requireAccess('member');
  // The schedule must exist in this workspace's organization before anything is queued for it.
  const omni = await interaction.omni();
  const schedule = await omni.getSchedule(scheduleId);
  const people = peopleOf(interaction.deps);
  await people.known.remember(interaction.scope);
  const workspace = workspaceKey(interaction.scope);
  const { id } = await people.follows.follow(workspace, scheduleId, source, interaction.userId);
  const record = await people.jobs.finished(id);
  if (record.status === 'failed') throw new Error(record.error ?? 'The follow could not start');
  const outcome = record.result as FollowOutcome;
  const label = followsText({ source });
  const lines = [
    `*${escapeSlackText(schedule.name)}* now ${label.charAt(0).toLowerCase()}${label.slice(1)}: ${addedText(outcome)}`,
  ];
  if (outcome.skipped.length > 0)
    lines.push('Left out (the same rules as `/schedule add`):', ...skippedLines(outcome.skipped));
  return lines.join('\n');
}

function addedText(outcome: FollowOutcome): string {
  const n = outcome.added.length;
  return n === 0 ? 'everyone in it already received it.' : `added ${n} ${n === 1 ? 'person' : 'people'}.`;
}

export async function unfollowSchedule(interaction: Interaction, scheduleId: string): Promise<string> {
  await interaction.requireAccess('member');
  const people = peopleOf(interaction.deps);
  const existed = await people.follows.unfollow(workspaceKey(interaction.scope), scheduleId);
  return existed
    ? 'Unfollowed: everyone who receives the report now keeps receiving it; joins and leaves no longer change it.'
    : 'This schedule was not following a channel or group.';
}
