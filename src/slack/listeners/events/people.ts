// People coming and going: a deactivated person is announced to admins; joins and leaves of a channel or
// user group change the recipients of schedules that follow it. Slack does not resend events Bolt acked,
// so a failure is logged here and the daily reconcile catches what was missed.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackUser } from '../../../recipients/types.js';
import { workspaceKey } from '../../../store/index.js';
import { logFailure } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { announceDeparture } from '../../people/departure.js';
import { peopleOf } from '../../people/people-of.js';

type EventArgs<E extends string> = AllMiddlewareArgs & SlackEventMiddlewareArgs<E>;

export async function onUserChange(args: EventArgs<'user_change'>): Promise<void> {
  try {
    await announceDeparture(interactionOf(args), args.event.user as unknown as SlackUser);
  } catch (error) {
    logFailure(args.logger, 'user_change', error);
  }
}

export async function onMemberJoinedChannel(args: EventArgs<'member_joined_channel'>): Promise<void> {
  try {
    const { deps, scope } = interactionOf(args);
    const people = peopleOf(deps);
    await people.known.remember(scope);
    await people.follows.joined(workspaceKey(scope), args.event.user, args.event.channel);
  } catch (error) {
    logFailure(args.logger, 'member_joined_channel', error);
  }
}

export async function onMemberLeftChannel(args: EventArgs<'member_left_channel'>): Promise<void> {
  try {
    const { deps, scope } = interactionOf(args);
    const people = peopleOf(deps);
    await people.known.remember(scope);
    await people.follows.left(workspaceKey(scope), args.event.user, args.event.channel);
  } catch (error) {
    logFailure(args.logger, 'member_left_channel', error);
  }
}

export async function onSubteamMembersChanged(args: EventArgs<'subteam_members_changed'>): Promise<void> {
  try {
    const { deps, scope } = interactionOf(args);
    const people = peopleOf(deps);
    await people.known.remember(scope);
    const { subteam_id, added_users, removed_users } = args.event;
    await people.follows.groupChanged(workspaceKey(scope), subteam_id, added_users ?? [], removed_users ?? []);
  } catch (error) {
    logFailure(args.logger, 'subteam_members_changed', error);
  }
}
