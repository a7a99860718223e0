// The failure-alert card's buttons (Run again, Pause, Edit, Open in Omni, Mute for me) and the schedule
// card's "Resume now" under "Snoozed until …". Each button's value is the schedule id.
import type {
  AllMiddlewareArgs,
  BlockButtonAction,
  BlockStaticSelectAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { BlockIds } from '../../../ids.js';
import { workspaceKey } from '../../../store/index.js';
import { escapeSlackText } from '../../../text/slack-escape.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { actOnSchedule } from '../../schedule-actions/act.js';
import { originOfAction } from '../../schedule-actions/origin.js';
import { snoozeForPerson } from '../../snooze-schedule.js';
import { slackDate } from '../../ui/format.js';
import { watchServices } from '../../watch-services.js';
import { tellClicker } from './tell-clicker.js';

type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;
type SelectArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockStaticSelectAction>;

/** A link button still sends an action; Slack shows a warning unless it is acknowledged. */
export async function onOpenInOmni({ ack }: ButtonArgs): Promise<void> {
  await ack();
}

/** Mute for me: the owner's DM about this schedule stops for the person who clicked. */
export async function onMuteAlert(args: ButtonArgs): Promise<void> {
  await args.ack();
  const interaction = interactionOf(args);
  const scheduleId = args.action.value ?? '';
  try {
    await interaction.requireAccess('member');
    await watchServices(interaction.deps).records.setMuted(
      workspaceKey(interaction.scope),
      scheduleId,
      interaction.userId,
      true,
    );
    await tellClicker(args, ':no_bell: Muted for you: failures of this schedule are no longer sent to you by DM.');
  } catch (error) {
    logFailure(interaction.logger, 'muting a failure alert', error);
    await tellClicker(args, `:warning: ${userMessageForError(error)}`);
  }
}

/** Resume now: the wake-up is cancelled and the schedule resumed; the card it sits on is redrawn. */
export async function onSnoozeResumeNow(args: ButtonArgs): Promise<void> {
  await args.ack();
  const interaction = interactionOf(args);
  const scheduleId = args.action.value ?? '';
  try {
    await interaction.requireAccess('member');
    await watchServices(interaction.deps).snooze.cancel(workspaceKey(interaction.scope), scheduleId);
  } catch (error) {
    logFailure(interaction.logger, 'cancelling a snooze', error);
    await tellClicker(args, `:warning: ${userMessageForError(error)}`);
    return;
  }
  // The line sits on a schedule card: redraw that card as its own Resume button does.
  await actOnSchedule({
    interaction,
    op: 'resume',
    scheduleId,
    origin: originOfAction(args.body, BlockIds.scheduleCardActions),
    ...(args.body.response_url ? { respond: args.respond } : {}),
  });
}

/** The alert card's "Snooze for…" menu: pauses now and resumes after the chosen time; tells the clicker until when. */
export async function onAlertSnooze(args: SelectArgs): Promise<void> {
  await args.ack();
  const interaction = interactionOf(args);
  const [duration = '', scheduleId = ''] = (args.action.selected_option?.value ?? '').split('|');
  const tell = (text: string) => tellClicker(args, text);
  try {
    await interaction.requireAccess('member');
    const omni = await interaction.omni();
    const name = (await omni.getSchedule(scheduleId)).name;
    const { until } = await snoozeForPerson(interaction, { id: scheduleId, name }, `for ${duration}`);
    const display = await interaction.display();
    await tell(
      `:zzz: <@${interaction.userId}> snoozed *${escapeSlackText(name)}*: paused in Omni until ${slackDate(new Date(until), display.zone)}, then resumed by itself.`,
    );
  } catch (error) {
    logFailure(interaction.logger, 'snoozing from a failure alert', error);
    await tell(`:warning: ${userMessageForError(error)}`);
  }
}
