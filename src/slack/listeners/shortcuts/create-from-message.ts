// The message shortcut "Create Omni schedule": opens the form for the Omni dashboard linked in the
// message (its text, link unfurls and rich-text links), set to deliver to that channel.
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { findDashboardLink } from '../../../schedules/dashboard-ref.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { openScheduleForm } from '../../schedule-form/open-form.js';

/** Text and link fields of a message (and its attachments and blocks), where a dashboard link may be. */
export function messageLinks(message: unknown, depth = 0): string[] {
  if (depth > 8 || message === null || typeof message !== 'object') return [];
  if (Array.isArray(message)) return message.flatMap((item) => messageLinks(item, depth + 1));
  const found: string[] = [];
  for (const [key, value] of Object.entries(message)) {
    if (typeof value === 'string' && ['text', 'url', 'from_url', 'title_link', 'original_url'].includes(key))
      found.push(value);
    else if (typeof value === 'object') found.push(...messageLinks(value, depth + 1));
  }
  return found;
}

/** Opens the form for the dashboard linked in the message, or without one, saying so. */
export async function onCreateFromMessage(args: AllMiddlewareArgs & SlackShortcutMiddlewareArgs<MessageShortcut>) {
  const { ack, shortcut, logger, respond } = args;
  await ack();
  const identifier = messageLinks(shortcut.message)
    .map((text) => findDashboardLink(text))
    .find((id) => id !== undefined);
  const channelId = shortcut.channel?.id;
  try {
    await openScheduleForm({
      interaction: interactionOf(args),
      mode: 'create',
      ...(identifier
        ? { identifier }
        : { notice: 'That message has no link to an Omni dashboard: choose the dashboard below.' }),
      ...(channelId && !channelId.startsWith('D') ? { channelId } : {}),
    });
  } catch (error) {
    // Only views.open can fail here (everything after it is shown in the form), e.g. an expired trigger.
    logFailure(logger, 'opening the form from a message', error);
    await respond({
      response_type: 'ephemeral',
      text: `:warning: The form could not be opened. ${userMessageForError(error)}`,
    }).catch((e: unknown) => logFailure(logger, 'telling the user the form did not open', e));
  }
}
