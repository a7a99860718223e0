// What happens when someone uses a schedule's button, menu or confirm modal: check they may, do it in
// Omni, then redraw where they clicked (the card, the list page, or App Home) with who did what and when.

import type { types } from '@slack/bolt';
import { decodeListState } from '../../schedules/list-query.js';
import { isScheduleGone } from '../../schedules/schedule-lookup.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { workspaceKey } from '../../store/index.js';
import { askingOmniText } from '../../text/asking-omni.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { AccessDeniedError, logFailure, userMessageForError } from '../errors.js';
import type { Interaction } from '../interaction.js';
import { type Interim, sayPacingWait, startInterim } from '../interim.js';
import { recipientIndexFor } from '../people/recipient-index.js';
import { rateLimitWaitText, withPacingNotice, withRateLimitNotice } from '../rate-limit-notice.js';
import { slackDate, truncate } from '../ui/format.js';
import { buildRunAgainPrompt } from '../ui/run-again.js';
import { buildDeletedCard, buildGoneCard, buildScheduleCard, type SlackMessage } from '../ui/schedule-card.js';
import { buildScheduleCardModal, withNotice } from '../ui/schedule-card-modal.js';
import { cardOptions, type Display, stateLines } from './display.js';
import { forgetHomeSummary, publishHome } from './home.js';
import { renderListPage } from './list-page.js';
import { listViewerFor } from './list-viewer.js';
import { OP_VERBS, type OpOutcome, performScheduleOp, type ScheduleOp } from './operate.js';
import { containerKey, noteToUser, type Origin, type Respond, replaceOriginMessage } from './origin.js';
import { followRunOnCard } from './run-watch.js';

/** Where a note for the person who acted goes: the request, where they clicked, and the response_url if any. */
export interface ClickPlace {
  interaction: Interaction;
  /** Where it was clicked; undefined when Slack did not say (then the user gets a note only). */
  origin: Origin | undefined;
  respond?: Respond;
  /**
   * The message as it was when clicked (Slack sends it with the action): while Omni is slow, it is shown
   * again with an "Asking Omni…" line on top, and put back if no new card or page takes its place.
   */
  shown?: ShownMessage;
}

export interface ShownMessage {
  text: string;
  blocks: unknown[];
}

export interface ActRequest extends ClickPlace {
  op: ScheduleOp;
  scheduleId: string;
  /** Run again, confirmed: inside the guard's minute (see performScheduleOp). */
  force?: boolean;
}

export async function actOnSchedule(request: ActRequest): Promise<void> {
  await withInterimWhereClicked(request, (here) => act({ ...request, ...here }));
}

/**
 * Runs `work` with an interim line where it was clicked (when the place allows one): its answers go through
 * `replaceInPlace` or `tell` with `here`, which settle the line first; a pacing wait is said on it at once.
 */
export async function withInterimWhereClicked(
  place: ClickPlace,
  work: (here: ClickPlace & { interim?: Interim }) => Promise<void>,
): Promise<void> {
  const interim = interimWhereClicked(place);
  try {
    const run = () => work({ ...place, ...(interim ? { interim } : {}) });
    await (interim ? withPacingNotice((wait) => sayPacingWait(interim, wait), run) : run());
  } finally {
    await interim?.finish();
  }
}

/** A request, and the interim line where it was clicked, if any: every answer there settles it first. */
interface InPlace extends ActRequest {
  interim?: Interim;
}

/**
 * Never silent (issue §1): a card or list page whose answer is slow shows "Asking Omni…" on top of it
 * until the new card or page replaces it; a modal's card likewise. App Home is not touched: drawing it
 * again needs Omni too.
 */
function interimWhereClicked(request: ClickPlace): Interim | undefined {
  const { origin, shown, interaction } = request;
  const { client, logger } = interaction;
  if (origin?.kind === 'message' && shown) {
    const replier = replierOf(request);
    return startInterim(
      {
        show: (line) =>
          replaceOriginMessage(replier, origin, { text: shown.text, blocks: withNotice(shown.blocks, line) }),
        undo: () =>
          replaceOriginMessage(replier, origin, { text: shown.text, blocks: shown.blocks as types.KnownBlock[] }),
      },
      logger,
    );
  }
  if (origin?.kind === 'modal') {
    const view = (blocks: types.KnownBlock[]) => buildScheduleCardModal({ text: '', blocks }, origin.metadata);
    return startInterim(
      {
        show: (line) => client.views.update({ view_id: origin.viewId, view: view(withNotice(origin.blocks, line)) }),
        undo: () => client.views.update({ view_id: origin.viewId, view: view(origin.blocks as types.KnownBlock[]) }),
      },
      logger,
    );
  }
  return undefined;
}

async function act(request: InPlace): Promise<void> {
  const { interaction, op, scheduleId, origin } = request;
  const { deps, logger, scope, userId } = interaction;
  try {
    await interaction.requireAccess('member');
    const omni = await interaction.omni();
    const display = await interaction.display();
    // A wait for Omni's rate limit (up to its 60 s window) is told to the person where they clicked.
    const outcome = await withRateLimitNotice(
      (wait) =>
        request.interim
          ? request.interim.say(askingOmniText({ ms: wait.waitMs, reason: 'rate-limited' }))
          : tell(request, rateLimitWaitText(wait)),
      () =>
        performScheduleOp({
          deps,
          scope,
          userId,
          omni,
          op,
          scheduleId,
          ...(request.force ? { force: true } : {}),
          ...(origin ? { container: containerKey(origin) } : {}),
          ...(display.zone ? { zone: display.zone } : {}),
          // A list page and App Home redraw from their own read; only a card needs the schedule read back.
          readBack:
            origin?.kind === 'modal' || (origin?.kind === 'message' && origin.shows === 'card') ? 'view' : 'name',
        }),
      (message) => logger.warn(message),
    );
    if (!outcome.ok) {
      await tell(request, outcome.runAgain ? buildRunAgainPrompt(outcome.message, scheduleId) : outcome.message);
      return;
    }
    await forgetHomeSummary(deps, scope);
    try {
      await redraw(request, outcome, display);
      if (op === 'run') followRunOnCard(request, outcome, display);
    } catch (error) {
      // The change is made in Omni; only showing it failed. Say so rather than "nothing was changed".
      logFailure(logger, `redrawing after schedule ${op}`, error);
      const done = actionNotice(userId, outcome, display.zone);
      await tell(request, `${done} (This view could not be updated; run the command again to see the new state.)`);
    }
  } catch (error) {
    if (isScheduleGone(error) && (await redrawGone(request))) return;
    if (error instanceof AccessDeniedError) {
      const entry = { workspace: workspaceKey(scope), user: userId, action: op, schedule: scheduleId };
      deps.audit.record({ ...entry, outcome: 'refused', detail: error.message });
    }
    logFailure(logger, `schedule ${op} from ${origin?.kind ?? 'unknown origin'}`, error);
    await tell(request, `:warning: ${userMessageForError(error)}`).catch((e: unknown) =>
      logFailure(logger, 'reporting a failure', e),
    );
  }
}

/** `<@U1> paused *Weekly* <date>`: the line shown on a list page or App Home after an action. */
export function actionNotice(userId: string, outcome: Extract<OpOutcome, { ok: true }>, zone?: string): string {
  const verb = outcome.op === 'run' ? 'started a run of' : OP_VERBS[outcome.op];
  const name = outcome.name ? `*${escapeSlackText(truncate(outcome.name, 150))}*` : 'a schedule';
  if (outcome.already) return alreadyNotice(outcome.already, name);
  return `<@${userId}> ${verb} ${name} ${slackDate(outcome.at, zone)}.`;
}

function alreadyNotice(state: 'paused' | 'resumed', what = 'This schedule'): string {
  return `:information_source: ${what} was already ${state === 'paused' ? 'paused' : 'active'}; nothing was changed.`;
}

/** The card after an act: who did what, or that nothing needed doing, and its follow and snooze lines. */
export async function cardAfterOp(
  interaction: Pick<Interaction, 'deps' | 'scope' | 'userId'>,
  view: ScheduleView,
  outcome: Extract<OpOutcome, { ok: true }>,
  display: Display,
): Promise<SlackMessage> {
  const { userId } = interaction;
  const lines = await stateLines(interaction, view.id, display);
  const extra = outcome.already
    ? { notice: alreadyNotice(outcome.already) }
    : { lastAction: { userId, verb: OP_VERBS[outcome.op], at: outcome.at } };
  return buildScheduleCard(view, cardOptions(display, view, { ...extra, ...lines }));
}

async function redraw(request: InPlace, outcome: Extract<OpOutcome, { ok: true }>, display: Display): Promise<void> {
  const { origin } = request;
  const { userId } = request.interaction;
  const notice = actionNotice(userId, outcome, display.zone);
  if (origin?.kind === 'home') {
    await publishHome({ interaction: request.interaction, notice, fresh: true });
    return;
  }
  if (origin?.kind === 'modal') {
    const card =
      outcome.op === 'delete'
        ? buildDeletedCard({ id: request.scheduleId, name: outcome.name }, { userId, at: outcome.at }, display.zone)
        : outcome.view
          ? await cardAfterOp(request.interaction, outcome.view, outcome, display)
          : { text: notice, blocks: withNotice(origin.blocks, notice) };
    await updateInPlace(request, origin, buildScheduleCardModal(card, origin.metadata));
    return;
  }
  if (origin?.kind === 'message' && origin.shows === 'card') {
    if (outcome.op === 'delete') {
      const note = buildDeletedCard(
        { id: request.scheduleId, name: outcome.name },
        { userId, at: outcome.at },
        display.zone,
      );
      await replaceInPlace(request, origin, note);
      return;
    }
    if (outcome.view) {
      await replaceInPlace(request, origin, await cardAfterOp(request.interaction, outcome.view, outcome, display));
      return;
    }
  }
  if (origin?.kind === 'message' && origin.shows === 'list' && origin.listState) {
    const omni = await request.interaction.omni();
    const state = decodeListState(origin.listState);
    const viewer = await listViewerFor(request.interaction, state.filters);
    const page = await renderListPage(omni, state, {
      notice,
      ...(viewer ? { viewer } : {}),
      recipientIndex: recipientIndexFor(request.interaction.deps, request.interaction.scope),
      ...(display.zone ? { zone: display.zone } : {}),
    });
    await replaceInPlace(request, origin, page);
    return;
  }
  await tell(request, notice);
}

/**
 * The schedule was deleted elsewhere since this card was drawn: the card becomes a deleted card with
 * no buttons (true), or, where the click was not on a card, false and the caller explains.
 */
async function redrawGone(request: InPlace): Promise<boolean> {
  const { origin } = request;
  const gone = buildGoneCard({ id: request.scheduleId });
  if (origin?.kind === 'message' && origin.shows === 'card') {
    await replaceInPlace(request, origin, gone);
    return true;
  }
  if (origin?.kind === 'modal') {
    await updateInPlace(request, origin, buildScheduleCardModal(gone, origin.metadata));
    return true;
  }
  if (origin?.kind === 'message' && origin.shows === 'list' && origin.listState) {
    // The page is read again: the schedule's row is gone from it, and the line on top says why.
    const { interaction } = request;
    const [omni, display] = await Promise.all([interaction.omni(), interaction.display()]);
    const state = decodeListState(origin.listState);
    const viewer = await listViewerFor(interaction, state.filters);
    const page = await renderListPage(omni, state, {
      notice: ':wastebasket: That schedule no longer exists in Omni: it was deleted elsewhere.',
      ...(viewer ? { viewer } : {}),
      recipientIndex: recipientIndexFor(interaction.deps, interaction.scope),
      ...(display.zone ? { zone: display.zone } : {}),
    });
    await replaceInPlace(request, origin, page);
    return true;
  }
  return false;
}

/** A note for the user who acted: on App Home or in the card's modal it shows on top; elsewhere only they see it. */
export async function tell(request: ClickPlace & { interim?: Interim }, message: string | SlackMessage): Promise<void> {
  const { origin } = request;
  const text = typeof message === 'string' ? message : message.text;
  if (origin?.kind === 'home') {
    await publishHome({ interaction: request.interaction, notice: text });
    return;
  }
  if (origin?.kind === 'modal') {
    const view = buildScheduleCardModal({ text, blocks: withNotice(origin.blocks, text) }, origin.metadata);
    await updateInPlace(request, origin, view);
    return;
  }
  // A note beside the message: the message itself is put back as it was (Interim.finish).
  await request.interim?.settle();
  await noteToUser(replierOf(request), origin, message);
}

/** Replaces the clicked message with the answer, in order after the interim line, which it replaces. */
export async function replaceInPlace(
  request: ClickPlace & { interim?: Interim },
  origin: Extract<Origin, { kind: 'message' }>,
  message: SlackMessage,
): Promise<void> {
  await request.interim?.settle();
  await replaceOriginMessage(replierOf(request), origin, message);
  request.interim?.replaced();
}

/** The card's modal, updated with the answer, in order after the interim line, which it replaces. */
async function updateInPlace(
  request: ClickPlace & { interim?: Interim },
  origin: Extract<Origin, { kind: 'modal' }>,
  view: types.ModalView,
): Promise<void> {
  await request.interim?.settle();
  await request.interaction.client.views.update({ view_id: origin.viewId, view });
  request.interim?.replaced();
}

function replierOf(request: ClickPlace) {
  return {
    client: request.interaction.client,
    logger: request.interaction.logger,
    userId: request.interaction.userId,
    ...(request.respond ? { respond: request.respond } : {}),
  };
}
