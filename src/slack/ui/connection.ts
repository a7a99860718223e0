// Connecting a workspace to Omni: the connect modal, its result, the disconnect confirmation and the
// status answer. Pure: no I/O. The API key is never put into any of these (nor private_metadata).
import type { types } from '@slack/bolt';
import { ActionIds, BlockIds, CallbackIds } from '../../ids.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { slackDate } from './format.js';

export const DEFAULT_RATE_LIMIT = 60;
export const MAX_RATE_LIMIT = 6000;

export interface ConnectModalInput {
  /** The URL of the current connection, to prefill (a reconnect usually rotates the key only). */
  currentBaseUrl?: string;
  rateLimitPerMinute?: number;
}

export function buildConnectModal(input: ConnectModalInput = {}): types.ModalView {
  const intro = input.currentBaseUrl
    ? `This workspace is connected to ${escapeSlackText(input.currentBaseUrl)}. Submitting replaces that connection.`
    : 'Connect this workspace to your Omni organization. Everyone in the workspace (not guests) can then work with its schedules.';
  return {
    type: 'modal',
    callback_id: CallbackIds.connectView,
    title: { type: 'plain_text', text: 'Connect Omni' },
    submit: { type: 'plain_text', text: 'Connect' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: intro } },
      {
        type: 'input',
        block_id: BlockIds.omniBaseUrlInput,
        label: { type: 'plain_text', text: 'Omni URL' },
        hint: { type: 'plain_text', text: 'The address you log in to Omni with, e.g. https://yourorg.omniapp.co' },
        element: {
          // plain text, not url_text_input: Slack's URL field may refuse http://localhost (the sandbox)
          type: 'plain_text_input',
          action_id: ActionIds.omniBaseUrlField,
          max_length: 300,
          placeholder: { type: 'plain_text', text: 'https://yourorg.omniapp.co' },
          ...(input.currentBaseUrl && { initial_value: input.currentBaseUrl }),
        },
      },
      {
        type: 'input',
        block_id: BlockIds.omniApiKeyInput,
        label: { type: 'plain_text', text: 'Organization API key' },
        hint: {
          type: 'plain_text',
          text: 'In Omni: Settings › API access › Organization keys. It is checked with Omni, stored encrypted and never shown again.',
        },
        element: {
          type: 'plain_text_input',
          action_id: ActionIds.omniApiKeyField,
          placeholder: { type: 'plain_text', text: 'Paste the key' },
          max_length: 500,
        },
      },
      {
        type: 'input',
        block_id: BlockIds.omniRateLimitInput,
        optional: true,
        label: { type: 'plain_text', text: 'Calls per minute' },
        hint: {
          type: 'plain_text',
          text: `The app stays under this many Omni API calls a minute. Omni's default limit is ${DEFAULT_RATE_LIMIT}.`,
        },
        element: {
          type: 'number_input',
          action_id: ActionIds.omniRateLimitField,
          is_decimal_allowed: false,
          min_value: '1',
          max_value: String(MAX_RATE_LIMIT),
          initial_value: String(input.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT),
        },
      },
    ],
  };
}

/** Replaces the modal once the key worked and the connection is saved. */
export function buildConnectedModal(baseUrl: string, totalSchedules: number | undefined): types.ModalView {
  const count =
    totalSchedules === undefined ? '' : ` It has ${totalSchedules} schedule${totalSchedules === 1 ? '' : 's'}.`;
  return {
    type: 'modal',
    callback_id: CallbackIds.connectView,
    title: { type: 'plain_text', text: 'Omni connected' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:white_check_mark: This workspace is now connected to Omni at ${escapeSlackText(baseUrl)}.${count}\nTry \`/schedule list\`, or \`/schedule help\` for everything else.`,
        },
      },
    ],
  };
}

export interface DisconnectPromptInput {
  baseUrl: string;
}

/** The ephemeral "are you sure" message; the button asks once more with Slack's confirm dialog. */
export function buildDisconnectPrompt(input: DisconnectPromptInput): { text: string; blocks: types.KnownBlock[] } {
  const url = escapeSlackText(input.baseUrl);
  return {
    text: `Disconnect this workspace from Omni at ${url}?`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Disconnect this workspace from Omni at ${url}?\nThe saved API key is deleted. Schedules in Omni keep running; nobody here can use \`/schedule\` until an admin connects again.`,
        },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ActionIds.disconnectButton,
            text: { type: 'plain_text', text: 'Disconnect' },
            style: 'danger',
            value: 'disconnect',
            confirm: {
              title: { type: 'plain_text', text: 'Disconnect Omni?' },
              text: { type: 'plain_text', text: `Delete this workspace's connection to ${input.baseUrl}?` },
              confirm: { type: 'plain_text', text: 'Disconnect' },
              deny: { type: 'plain_text', text: 'Keep it' },
              style: 'danger',
            },
          },
        ],
      },
    ],
  };
}

export type StatusInput =
  | { kind: 'not_connected'; isAdmin: boolean }
  | {
      kind: 'workspace';
      baseUrl: string;
      connectedBy: string;
      connectedAt: string;
      rateLimitPerMinute: number;
      /** What Omni said to a quick check: a schedule count, or a message for the user. */
      check: { ok: true; totalSchedules: number } | { ok: false; message: string };
      zone?: string;
      dialect?: 'docs' | 'spec' | undefined;
    }
  | {
      kind: 'config';
      baseUrl: string;
      check: { ok: true; totalSchedules: number } | { ok: false; message: string };
      dialect?: 'docs' | 'spec' | undefined;
    };

/**
 * Omni's docs and its OpenAPI spec spell two schedule-body fields differently; the app sends the docs' reading
 * first, switches once when Omni refuses a field by name, and remembers.
 */
export function dialectLine(dialect: 'docs' | 'spec' | undefined): string {
  if (dialect === 'docs')
    return 'Omni takes schedules as its API docs write them (webhook `url`, email recipients as addresses).';
  if (dialect === 'spec') {
    return 'Omni takes schedules as its OpenAPI spec writes them (`webhookUrl`, email recipients as `{ email }`).';
  }
  return "Which way Omni writes webhook and email schedules (its docs' or its spec's) is learnt on the first one saved.";
}

export function buildStatusText(input: StatusInput): string {
  if (input.kind === 'not_connected') {
    return input.isAdmin
      ? ':red_circle: This workspace is not connected to Omni. Run `/schedule connect` to connect it.'
      : ':red_circle: This workspace is not connected to Omni. A workspace admin can connect it with `/schedule connect`.';
  }
  const url = escapeSlackText(input.baseUrl);
  const origin =
    input.kind === 'workspace'
      ? `connected by <@${input.connectedBy}> on ${slackDate(input.connectedAt, input.zone)}, at most ${input.rateLimitPerMinute} Omni calls a minute.`
      : "configured on the app's server (OMNI_BASE_URL).";
  const check = input.check.ok
    ? `Omni answers: ${input.check.totalSchedules} schedule${input.check.totalSchedules === 1 ? '' : 's'}.`
    : `:warning: ${input.check.message}`;
  return `:large_green_circle: Connected to Omni at ${url}, ${origin}\n${check}\n${dialectLine(input.dialect)}`;
}
