// "Open a loading modal, then fill it": Slack's trigger_id is good for 3 s, so a modal that needs Omni opens
// at once with a loading view and is filled in with views.update when the answer comes.
import type { types } from '@slack/bolt';
import type { Interaction } from './interaction.js';

/**
 * Opens `loading` with the request's trigger_id (pushed over the current modal when `push`, as Slack wants
 * for a click inside a modal) and returns the view id to fill in; undefined when Slack did not give one.
 */
export async function openLoadingModal(
  interaction: Pick<Interaction, 'client' | 'triggerId'>,
  loading: types.ModalView,
  options: { push?: boolean } = {},
): Promise<string | undefined> {
  const request = { trigger_id: interaction.triggerId ?? '', view: loading };
  const opened = options.push
    ? await interaction.client.views.push(request)
    : await interaction.client.views.open(request);
  return opened.view?.id;
}
