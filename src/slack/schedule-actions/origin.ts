// Where a schedule's button or menu was used, and how to answer there: an in-channel message is
// edited with chat.update, an ephemeral one through its response_url (chat.update cannot reach it),
// App Home is published again. A modal opened from a row keeps the origin in its private_metadata.

import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { BlockIds, CallbackIds } from '../../ids.js';
import { errorMessage } from '../errors.js';
import type { SlackMessage } from '../ui/schedule-card.js';
import { listStateFromRowBlockId } from '../ui/schedule-list.js';

export type Origin =
  | {
      kind: 'message';
      /** What the message shows: a schedule card (or the delete prompt) or a list page. */
      shows: 'card' | 'list';
      channel: string;
      ts: string;
      ephemeral: boolean;
      /** For a list: its encoded state (filters + page), when the row carried it. */
      listState?: string;
    }
  | { kind: 'home'; userId: string }
  /** The card in a modal ("Show card" from App Home); `blocks` are the modal's, kept in memory only. */
  | { kind: 'modal'; viewId: string; blocks: unknown[]; metadata: string };

interface ActionBodyLike {
  user: { id: string };
  container?: Record<string, unknown>;
  channel?: { id: string };
  message?: { ts: string };
  view?: { type?: string; id?: string; callback_id?: string; blocks?: unknown[]; private_metadata?: string };
}

/** The origin of a block action, from its container and the block it was in; undefined when unknown. */
export function originOfAction(body: ActionBodyLike, blockId: string | undefined): Origin | undefined {
  const container = body.container ?? {};
  if (container.type === 'view') {
    const view = body.view;
    if (view?.type === 'modal' && view.callback_id === CallbackIds.scheduleCardView && view.id) {
      return { kind: 'modal', viewId: view.id, blocks: view.blocks ?? [], metadata: view.private_metadata ?? '' };
    }
    return view?.type === 'home' ? { kind: 'home', userId: body.user.id } : undefined;
  }
  const channel = (container.channel_id as string | undefined) ?? body.channel?.id;
  const ts = (container.message_ts as string | undefined) ?? body.message?.ts;
  if (!channel || !ts) return undefined;
  const ephemeral = container.is_ephemeral === true;
  if (blockId === BlockIds.scheduleCardActions) return { kind: 'message', shows: 'card', channel, ts, ephemeral };
  const listState = listStateFromRowBlockId(blockId);
  return { kind: 'message', shows: 'list', channel, ts, ephemeral, ...(listState ? { listState } : {}) };
}

/**
 * The message a button was clicked in, as Slack sent it with the action (its text and blocks), so that it
 * can be shown again with a line on top; undefined when Slack did not send it.
 */
export function shownMessageOf(body: {
  message?: { text?: unknown; blocks?: unknown };
}): { text: string; blocks: unknown[] } | undefined {
  const blocks = body.message?.blocks;
  if (!Array.isArray(blocks) || blocks.length === 0) return undefined;
  return { text: typeof body.message?.text === 'string' ? body.message.text : '', blocks };
}

/** Identifies the card (message or App Home) for the duplicate-run guard. */
export function containerKey(origin: Origin): string {
  if (origin.kind === 'home') return `home:${origin.userId}`;
  if (origin.kind === 'modal') return `modal:${origin.viewId}`;
  return `${origin.channel}:${origin.ts}`;
}

/**
 * Posts to a response_url as Bolt's respond() does, for what has none of its own: a modal submission, a
 * command run as a job. A refusal (expired, used up) throws, for the caller to log.
 */
export function respondTo(url: string): RespondFn {
  return async (message: string | RespondArguments) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(typeof message === 'string' ? { text: message } : message),
      signal: AbortSignal.timeout(RESPONSE_URL_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`Slack refused the response_url post (HTTP ${response.status})`);
    return response;
  };
}

/** A post Slack has not answered in this long is given up (and logged by the caller). */
const RESPONSE_URL_TIMEOUT_MS = 10_000;

export type Respond = (message: RespondArguments) => Promise<unknown>;

export interface Replier {
  client: WebClient;
  logger: Logger;
  /** The interaction's response_url, when it has one. */
  respond?: Respond;
  /** The user who acted (for ephemeral notes when there is no response_url). */
  userId: string;
}

/** Replaces the message the action came from with `message`. */
export async function replaceOriginMessage(
  r: Replier,
  origin: Extract<Origin, { kind: 'message' }>,
  message: SlackMessage,
): Promise<void> {
  if (!origin.ephemeral) {
    try {
      await r.client.chat.update({
        channel: origin.channel,
        ts: origin.ts,
        text: message.text,
        blocks: message.blocks,
      });
      return;
    } catch (error) {
      if (!r.respond) throw error;
      r.logger.info(`chat.update failed (${errorMessage(error)}); replacing through the response_url`);
    }
  }
  if (!r.respond) throw new Error('This message can no longer be updated (no response_url).');
  await r.respond({ replace_original: true, text: message.text, blocks: message.blocks });
}

/**
 * Tells only the user who acted: next to the message through its response_url, else as an ephemeral message in
 * the message's channel, else (App Home, a modal) in the app's DM with them. A failure to tell is logged.
 */
export async function noteToUser(
  r: Replier,
  origin: Origin | undefined,
  message: string | SlackMessage,
): Promise<void> {
  const content = typeof message === 'string' ? { text: message } : { text: message.text, blocks: message.blocks };
  try {
    if (r.respond) {
      await r.respond({ response_type: 'ephemeral', replace_original: false, ...content });
    } else if (origin?.kind === 'message') {
      await r.client.chat.postEphemeral({ channel: origin.channel, user: r.userId, ...content });
    } else {
      await r.client.chat.postMessage({ channel: r.userId, ...content });
    }
  } catch (error) {
    r.logger.warn(`Could not tell ${r.userId}: ${errorMessage(error)}`);
  }
}
