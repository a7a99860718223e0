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
import { NOT_OFFERED_TEXT, offeredInPayload } from '../../offered.js';
import { actOnSchedule, tell as tellWhereClicked } from '../../schedule-actions/act.js';
import { loadCardForViewer } from '../../schedule-actions/display.js';
import { forgetHomeSummary } from '../../schedule-actions/home.js';
import { originOfAction, replaceOriginMessage } from '../../schedule-actions/origin.js';
import { snoozeForPerson } from '../../snooze-schedule.js';
import { parseSnoozeChoice } from '../../ui/failure-alert.js';
import { slackDate } from '../../ui/format.js';
import { buildScheduleCardModal } from '../../ui/schedule-card-modal.js';
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

/** A snooze menu's choice, if the app offered it (src/slack/offered.ts); logged and undefined if not. */
function offeredSnooze(args: SelectArgs): { duration: string; scheduleId: string } | undefined {
  const choice = parseSnoozeChoice(args.action.selected_option?.value);
  if (choice && offeredInPayload(args.body, args.action) !== false) return choice;
  args.logger.warn(`Refused a snooze choice the app did not offer (${args.action.action_id}); nothing was changed`);
  return undefined;
}

/** The alert card's "Snooze for…" menu: pauses now and resumes after the chosen time; tells the clicker until when. */
export async function onAlertSnooze(args: SelectArgs): Promise<void> {
  await args.ack();
  const interaction = interactionOf(args);
  const tell = (text: string) => tellClicker(args, text);
  const choice = offeredSnooze(args);
  if (!choice) {
    await tell(NOT_OFFERED_TEXT);
    return;
  }
  const { duration, scheduleId } = choice;
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

/**
 * The schedule card's "Snooze…" menu: pauses now and schedules the wake-up as `/schedule snooze` does, then
 * redraws the card it sits on, which shows "Snoozed until … by …" with Resume now.
 */
export async function onCardSnooze(args: SelectArgs): Promise<void> {
  await args.ack();
  const interaction = interactionOf(args);
  const origin = originOfAction(args.body, BlockIds.scheduleCardActions);
  const respond = args.body.response_url ? { respond: args.respond } : {};
  const choice = offeredSnooze(args);
  if (!choice) {
    await tellWhereClicked({ interaction, origin, ...respond }, NOT_OFFERED_TEXT);
    return;
  }
  const { duration, scheduleId } = choice;
  try {
    await interaction.requireAccess('member');
    const omni = await interaction.omni();
    const name = (await omni.getSchedule(scheduleId)).name;
    await snoozeForPerson(interaction, { id: scheduleId, name }, `for ${duration}`);
    await forgetHomeSummary(interaction.deps, interaction.scope);
    const { card } = await loadCardForViewer(interaction, scheduleId);
    if (origin?.kind === 'message') {
      const replier = { client: interaction.client, logger: interaction.logger, userId: interaction.userId };
      await replaceOriginMessage({ ...replier, ...respond }, origin, card);
    } else if (origin?.kind === 'modal') {
      await interaction.client.views.update({
        view_id: origin.viewId,
        view: buildScheduleCardModal(card, origin.metadata),
      });
    } else {
      await tellWhereClicked({ interaction, origin, ...respond }, card);
    }
  } catch (error) {
    logFailure(interaction.logger, 'snoozing from a schedule card', error);
    await tellWhereClicked({ interaction, origin, ...respond }, `:warning: ${userMessageForError(error)}`);
  }
}
