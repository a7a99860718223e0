// A schedule row's menu (list and App Home), the list's Previous/Next, and App Home's Refresh.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  BlockButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { ActionIds } from '../../../ids.js';
import { decodeListState } from '../../../schedules/list-query.js';
import { loadScheduleView } from '../../../schedules/schedule-lookup.js';
import { workspaceKey } from '../../../store/index.js';
import { dispatchScheduleCommand } from '../../commands/dispatch.js';
import type { AppDeps } from '../../deps.js';
import { logFailure, userMessageForError } from '../../errors.js';
import { requireAccess } from '../../permissions.js';
import { actOnSchedule, tell } from '../../schedules/act.js';
import { encodeConfirmMetadata, rememberResponseUrl } from '../../schedules/confirm-origin.js';
import { cardOptions, displayFor } from '../../schedules/display.js';
import { publishHome } from '../../schedules/home.js';
import { renderListPage } from '../../schedules/list-page.js';
import { noteToUser, type Origin, originOfAction, replaceOriginMessage } from '../../schedules/origin.js';
import { scopeFromContext } from '../../scope.js';
import { buildConfirmErrorModal, buildConfirmLoadingModal, buildConfirmModal } from '../../ui/confirm-modal.js';
import { buildScheduleCard } from '../../ui/schedule-card.js';
import { buildScheduleCardLoadingModal, buildScheduleCardModal } from '../../ui/schedule-card-modal.js';
import { parseRowChoice } from '../../ui/schedule-row.js';
import { commandFromButton } from './run-subcommand.js';

type OverflowArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction<OverflowAction>>;
type ButtonArgs = AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockButtonAction>;

export function rowMenuCallback(deps: AppDeps) {
  return async (args: OverflowArgs) => {
    const { ack, body, action, client, logger, context } = args;
    await ack();
    const choice = parseRowChoice(action.selected_option?.value);
    const scope = scopeFromContext(context);
    const userId = body.user.id;
    const origin = originOfAction(body, action.block_id);
    const respond = body.response_url ? args.respond : undefined;
    const where = { deps, client, logger, scope, userId, origin, ...(respond ? { respond } : {}) };
    if (!choice) {
      await tell(where, 'That menu choice is not one this app knows; run `/schedule list` again.');
      return;
    }
    const { verb, scheduleId } = choice;
    if (verb === 'pause' || verb === 'resume') {
      await actOnSchedule({
        deps,
        client,
        logger,
        scope,
        userId,
        op: verb,
        scheduleId,
        origin,
        ...(respond ? { respond } : {}),
      });
      return;
    }
    if (verb === 'run' || verb === 'delete') {
      await openConfirm(deps, args, verb, scheduleId, origin);
      return;
    }
    if (verb === 'edit') {
      // Editing belongs to `/schedule edit`; run it as if typed, with this click's trigger_id for its modal.
      const text = `edit ${scheduleId}`;
      await dispatchScheduleCommand({
        text,
        command: commandFromButton(body as unknown as BlockButtonAction, text),
        client,
        respond: async (message) => {
          await tell(where, typeof message === 'string' ? message : (message.text ?? ''));
          return new Response(null, { status: 200 });
        },
        logger,
        scope,
        deps,
      });
      return;
    }
    await showCard(deps, args, scheduleId, origin);
  };
}

/** The card, next to the list (only for the clicker), or from App Home in a modal. */
async function showCard(deps: AppDeps, args: OverflowArgs, scheduleId: string, origin: Origin | undefined) {
  const { body, client, logger, context } = args;
  const scope = scopeFromContext(context);
  const userId = body.user.id;
  const respond = body.response_url ? args.respond : undefined;
  let viewId: string | undefined;
  try {
    await requireAccess(deps, client, scope, userId, 'member');
    if (!respond) {
      const opened = await client.views.open({ trigger_id: body.trigger_id, view: buildScheduleCardLoadingModal() });
      viewId = opened.view?.id;
    }
    const omni = await deps.omniFor(scope);
    const [view, display] = await Promise.all([
      loadScheduleView(omni, scheduleId),
      displayFor(deps, client, scope, userId),
    ]);
    const card = buildScheduleCard(view, cardOptions(display, view));
    if (respond)
      await respond({ response_type: 'ephemeral', replace_original: false, text: card.text, blocks: card.blocks });
    else if (viewId) await client.views.update({ view_id: viewId, view: buildScheduleCardModal(card) });
  } catch (error) {
    logFailure(logger, 'schedule show from a row', error);
    const text = `:warning: ${userMessageForError(error)}`;
    if (viewId) {
      const failed = buildScheduleCardModal({ text, blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }] });
      await client.views
        .update({ view_id: viewId, view: failed })
        .catch((e: unknown) => logFailure(logger, 'card modal', e));
    } else {
      await tell({ deps, client, logger, scope, userId, origin, ...(respond ? { respond } : {}) }, text);
    }
  }
}

/** Opens the confirm modal at once (the trigger_id lasts 3 s), then fills it in from Omni. */
async function openConfirm(
  deps: AppDeps,
  args: OverflowArgs,
  kind: 'run' | 'delete',
  scheduleId: string,
  origin: Origin | undefined,
): Promise<void> {
  const { body, client, logger, context } = args;
  const scope = scopeFromContext(context);
  const userId = body.user.id;
  let viewId: string | undefined;
  try {
    await requireAccess(deps, client, scope, userId, 'member');
    let replyKey: string | undefined;
    if (origin?.kind === 'message' && origin.ephemeral && body.response_url) {
      replyKey = await rememberResponseUrl(deps.store.cache('response-urls'), workspaceKey(scope), body.response_url);
    }
    const metadata = encodeConfirmMetadata({
      scheduleId,
      ...(origin ? { origin } : {}),
      ...(replyKey ? { replyKey } : {}),
    });
    const opened = await client.views.open({
      trigger_id: body.trigger_id,
      view: buildConfirmLoadingModal(kind, metadata),
    });
    viewId = opened.view?.id;
    const omni = await deps.omniFor(scope);
    const view = await loadScheduleView(omni, scheduleId);
    if (viewId) await client.views.update({ view_id: viewId, view: buildConfirmModal(kind, view, metadata) });
  } catch (error) {
    logFailure(logger, `schedule ${kind} confirm`, error);
    const message = userMessageForError(error);
    if (viewId) {
      await client.views
        .update({ view_id: viewId, view: buildConfirmErrorModal(kind, message) })
        .catch((e: unknown) => logFailure(logger, 'showing the error in the confirm modal', e));
    } else {
      const where = {
        deps,
        client,
        logger,
        scope,
        userId,
        origin,
        ...(body.response_url ? { respond: args.respond } : {}),
      };
      await tell(where, `:warning: ${message}`);
    }
  }
}

/** Previous / Next: the same filters, another page, in place of the current one. */
export function listPageCallback(deps: AppDeps) {
  return async ({ ack, body, action, client, respond, logger, context }: ButtonArgs) => {
    await ack();
    const scope = scopeFromContext(context);
    const userId = body.user.id;
    const origin = originOfAction(body, action.block_id);
    const replier = { client, logger, userId, ...(body.response_url ? { respond } : {}) };
    try {
      // Previous/Next only ever sit under a list message; anything else is not a click this app drew.
      if (origin?.kind !== 'message') throw new Error('The list page button was not in a message.');
      await requireAccess(deps, client, scope, userId, 'member');
      const state = decodeListState(action.value ?? '');
      const omni = await deps.omniFor(scope);
      const display = await displayFor(deps, client, scope, userId);
      const page = await renderListPage(omni, state, display.zone ? { zone: display.zone } : {});
      await replaceOriginMessage(replier, origin, page);
    } catch (error) {
      logFailure(logger, 'schedule list paging', error);
      await noteToUser(replier, origin, `:warning: ${userMessageForError(error)}`);
    }
  };
}

/** App Home's Refresh: read the schedules again from Omni, not from the minute-long cache. */
export function refreshHomeCallback(deps: AppDeps) {
  return async ({ ack, body, client, logger, context }: ButtonArgs) => {
    await ack();
    try {
      await publishHome({ deps, client, scope: scopeFromContext(context), userId: body.user.id, logger, fresh: true });
    } catch (error) {
      logFailure(logger, 'App Home refresh', error);
    }
  };
}

export function registerScheduleMenuActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<OverflowAction>>(ActionIds.scheduleRowOverflow, rowMenuCallback(deps));
  app.action<BlockButtonAction>(ActionIds.listNextPageButton, listPageCallback(deps));
  app.action<BlockButtonAction>(ActionIds.listPreviousPageButton, listPageCallback(deps));
  app.action<BlockButtonAction>(ActionIds.refreshHomeButton, refreshHomeCallback(deps));
}
