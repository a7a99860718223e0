// A schedule row's menu (list and App Home), the list's Previous/Next, and App Home's Refresh.

import type {
  AllMiddlewareArgs,
  BlockAction,
  BlockButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { decodeListState } from '../../../schedules/list-query.js';
import { loadScheduleView } from '../../../schedules/schedule-lookup.js';
import { workspaceKey } from '../../../store/index.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { interactionOf } from '../../interaction.js';
import { openLoadingModal } from '../../modals.js';
import { NOT_OFFERED_TEXT, offeredInPayload } from '../../offered.js';
import { recipientIndexFor } from '../../people/recipient-index.js';
import {
  actOnSchedule,
  type ClickPlace,
  replaceInPlace,
  tell,
  withInterimWhereClicked,
} from '../../schedule-actions/act.js';
import { encodeConfirmMetadata, rememberResponseUrl } from '../../schedule-actions/confirm-origin.js';
import { loadCardForViewer } from '../../schedule-actions/display.js';
import { publishHome } from '../../schedule-actions/home.js';
import { renderListPage } from '../../schedule-actions/list-page.js';
import { listViewerFor } from '../../schedule-actions/list-viewer.js';
import { originOfAction, shownMessageOf } from '../../schedule-actions/origin.js';
import { openScheduleForm } from '../../schedule-form/open-form.js';
import { section } from '../../ui/blocks.js';
import { buildConfirmErrorModal, buildConfirmLoadingModal, buildConfirmModal } from '../../ui/confirm-modal.js';
import { buildScheduleCardLoadingModal, buildScheduleCardModal } from '../../ui/schedule-card-modal.js';
import { parseRowChoice } from '../../ui/schedule-row.js';

type OverflowArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<OverflowAction>>;
type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

/** Where the row was clicked, for redraws and notes. */
function clickPlace(args: OverflowArgs | ButtonArgs): ClickPlace {
  const { body, action } = args;
  const shown = shownMessageOf(body);
  return {
    interaction: interactionOf(args),
    origin: originOfAction(body, action.block_id),
    ...(body.response_url ? { respond: args.respond } : {}),
    ...(shown ? { shown } : {}),
  };
}

export async function onRowMenu(args: OverflowArgs): Promise<void> {
  const { ack, body, action } = args;
  await ack();
  const choice = parseRowChoice(action.selected_option?.value);
  const place = clickPlace(args);
  // Only a choice the row offered (src/slack/offered.ts): a forged one acts on nothing.
  if (!choice || offeredInPayload(body, action) === false) {
    place.interaction.logger.warn('Refused a row menu choice the app did not offer; nothing was changed');
    await tell(place, NOT_OFFERED_TEXT);
    return;
  }
  const { verb, scheduleId } = choice;
  if (verb === 'pause' || verb === 'resume') {
    await actOnSchedule({ ...place, op: verb, scheduleId });
    return;
  }
  if (verb === 'run' || verb === 'delete') {
    await openConfirm(place, body.response_url, verb, scheduleId);
    return;
  }
  if (verb === 'edit') {
    // The same as the card's Edit button: the form, opened with this click's trigger_id.
    const channelId = place.interaction.channelId;
    try {
      await openScheduleForm({
        interaction: place.interaction,
        mode: 'edit',
        scheduleId,
        ...(channelId && !channelId.startsWith('D') ? { channelId } : {}),
        fromModal: body.view?.type === 'modal',
      });
    } catch (error) {
      logFailure(place.interaction.logger, 'opening the edit form from a row', error);
      await tell(place, `:warning: The form could not be opened. ${userMessageForError(error)}`);
    }
    return;
  }
  await showCard(place, scheduleId);
}

/** The card, next to the list (only for the clicker), or from App Home in a modal. */
async function showCard(place: ClickPlace, scheduleId: string) {
  const { interaction, respond } = place;
  const { client, logger } = interaction;
  let viewId: string | undefined;
  try {
    await interaction.requireAccess('member');
    if (!respond) viewId = await openLoadingModal(interaction, buildScheduleCardLoadingModal());
    const { card } = await loadCardForViewer(interaction, scheduleId);
    if (respond)
      await respond({ response_type: 'ephemeral', replace_original: false, text: card.text, blocks: card.blocks });
    else if (viewId) await client.views.update({ view_id: viewId, view: buildScheduleCardModal(card) });
  } catch (error) {
    logFailure(logger, 'schedule show from a row', error);
    const text = `:warning: ${userMessageForError(error)}`;
    if (viewId) {
      const failed = buildScheduleCardModal({ text, blocks: [section(text)] });
      await client.views
        .update({ view_id: viewId, view: failed })
        .catch((e: unknown) => logFailure(logger, 'card modal', e));
    } else {
      await tell(place, text);
    }
  }
}

/** Opens the confirm modal at once (the trigger_id lasts 3 s), then fills it in from Omni. */
async function openConfirm(
  place: ClickPlace,
  responseUrl: string | undefined,
  kind: 'run' | 'delete',
  scheduleId: string,
): Promise<void> {
  const { interaction, origin } = place;
  const { deps, client, logger, scope } = interaction;
  let viewId: string | undefined;
  try {
    await interaction.requireAccess('member');
    let replyKey: string | undefined;
    if (origin?.kind === 'message' && origin.ephemeral && responseUrl) {
      replyKey = await rememberResponseUrl(deps.store.cache('response-urls'), workspaceKey(scope), responseUrl);
    }
    const metadata = encodeConfirmMetadata({
      scheduleId,
      ...(origin ? { origin } : {}),
      ...(replyKey ? { replyKey } : {}),
    });
    viewId = await openLoadingModal(interaction, buildConfirmLoadingModal(kind, metadata));
    const view = await loadScheduleView(await interaction.omni(), scheduleId);
    if (viewId) await client.views.update({ view_id: viewId, view: buildConfirmModal(kind, view, metadata) });
  } catch (error) {
    logFailure(logger, `schedule ${kind} confirm`, error);
    const message = userMessageForError(error);
    if (viewId) {
      await client.views
        .update({ view_id: viewId, view: buildConfirmErrorModal(kind, message) })
        .catch((e: unknown) => logFailure(logger, 'showing the error in the confirm modal', e));
    } else {
      await tell(place, `:warning: ${message}`);
    }
  }
}

/** Previous / Next: the same filters, another page, in place of the current one ("Asking Omni…" on it while slow). */
export async function onListPage(args: ButtonArgs): Promise<void> {
  const { ack, action, logger } = args;
  await ack();
  await withInterimWhereClicked(clickPlace(args), async (here) => {
    const { interaction, origin } = here;
    try {
      // Previous/Next only ever sit under a list message; anything else is not a click this app drew.
      if (origin?.kind !== 'message') throw new Error('The list page button was not in a message.');
      await interaction.requireAccess('member');
      const state = decodeListState(action.value ?? '');
      const omni = await interaction.omni();
      const display = await interaction.display();
      const viewer = await listViewerFor(interaction, state.filters);
      const page = await renderListPage(omni, state, {
        ...(display.zone ? { zone: display.zone } : {}),
        ...(viewer ? { viewer } : {}),
        recipientIndex: recipientIndexFor(interaction.deps, interaction.scope),
      });
      await replaceInPlace(here, origin, page);
    } catch (error) {
      logFailure(logger, 'schedule list paging', error);
      await tell(here, `:warning: ${userMessageForError(error)}`);
    }
  });
}

/** App Home's Refresh: read the schedules again from Omni, not from the minute-long cache. */
export async function onRefreshHome(args: ButtonArgs): Promise<void> {
  await args.ack();
  try {
    await publishHome({ interaction: interactionOf(args), fresh: true });
  } catch (error) {
    logFailure(args.logger, 'App Home refresh', error);
  }
}
