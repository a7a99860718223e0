// `/schedule help`: what the app does, the connection state, every subcommand, and buttons for the usual
// next step. Pure: no I/O.
import type { types } from '@slack/bolt';
import { ActionIds } from '../../ids.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { truncate } from './format.js';

export interface HelpInput {
  subcommands: readonly { usage: string; summary: string }[];
  /** The connected Omni URL; `undefined` when not connected; `'unknown'` when the store could not tell. */
  connection: string | undefined | 'unknown';
  isAdmin: boolean;
  /** Whether a `list` subcommand exists to run from the List button. */
  canList: boolean;
}

export interface HelpMessage {
  text: string;
  blocks: types.KnownBlock[];
}

const SECTION_MAX = 3000;

export function buildHelpMessage(input: HelpInput): HelpMessage {
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Omni schedules in Slack' } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: "Find, create and run Omni's scheduled deliveries without leaving Slack: list and search schedules, run one now, pause or resume it, and choose its recipients from Slack people, channels and groups.",
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: connectionLine(input) }] },
    ...usageSections(input.subcommands),
  ];
  const buttons = helpButtons(input);
  if (buttons.length > 0) blocks.push({ type: 'actions', elements: buttons });
  return { text: 'Omni schedules: how to use /schedule', blocks };
}

function connectionLine(input: HelpInput): string {
  if (input.connection === 'unknown') return ':grey_question: The connection to Omni could not be checked just now.';
  if (input.connection) return `:large_green_circle: Connected to Omni at ${escapeSlackText(input.connection)}.`;
  return input.isAdmin
    ? ':red_circle: Not connected to Omni yet. Connect it below (you need an Omni organization API key).'
    : ':red_circle: Not connected to Omni yet. Ask a workspace admin to run `/schedule connect`.';
}

/** Usage lines, split over as few sections as Slack's 3000-character limit allows. */
function usageSections(subcommands: HelpInput['subcommands']): types.KnownBlock[] {
  const lines = subcommands.map((s) => `\`${s.usage}\` ${s.summary}`);
  const sections: string[] = [];
  let current = '*Commands*';
  for (const line of lines) {
    const next = `${current}\n${truncate(line, 500)}`;
    if (next.length > SECTION_MAX) {
      sections.push(current);
      current = truncate(line, 500);
    } else {
      current = next;
    }
  }
  sections.push(current);
  return sections.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function helpButtons(input: HelpInput): types.Button[] {
  const buttons: types.Button[] = [];
  if (input.isAdmin && input.connection === undefined) {
    buttons.push({
      type: 'button',
      action_id: ActionIds.openConnectButton,
      text: { type: 'plain_text', text: 'Connect Omni' },
      style: 'primary',
      value: 'connect',
    });
  }
  if (input.connection !== undefined) {
    buttons.push({
      type: 'button',
      action_id: ActionIds.openCreateButton,
      text: { type: 'plain_text', text: 'Create schedule' },
      value: 'create',
    });
    if (input.canList) {
      buttons.push({
        type: 'button',
        action_id: ActionIds.runSubcommandButton,
        text: { type: 'plain_text', text: 'List schedules' },
        value: 'list',
      });
    }
  }
  return buttons;
}
