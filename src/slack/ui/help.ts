// `/schedule help`: what the app does, the connection state, the five things people do most (`help all`:
// every subcommand), and buttons for the usual next step. Pure: no I/O.
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
  /** `help all`: every subcommand's grammar; otherwise the five things people do most, with buttons. */
  all?: boolean;
}

/** The short help: what people do most, in their words, each with the command that does it. */
export const EVERYDAY = [
  ['Find a schedule', '/schedule list [words]', 'or `list mine` for yours'],
  ['See one, with its buttons', '/schedule show <name or id>', ''],
  ['Run, pause or resume it', '/schedule run|pause|resume <name or id>', ''],
  ['Create one', '/schedule create', 'a form; or the button below'],
  ['Choose who receives it', '/schedule add <name or id> @person #channel email', 'or `subscribe` yourself'],
] as const;

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
    ...(input.all ? usageSections(input.subcommands) : everydaySections()),
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
  const lines = subcommands.map((s) => `\`${escapeSlackText(s.usage)}\` ${escapeSlackText(s.summary)}`);
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

/** Slack wants action ids unique within a block: help's further subcommand buttons carry a suffix. */
export function subcommandButtonId(suffix: string): string {
  return `${ActionIds.runSubcommandButton}:${suffix}`;
}

function everydaySections(): types.KnownBlock[] {
  const lines = EVERYDAY.map(
    ([what, usage, more]) => `• *${what}*: \`${escapeSlackText(usage)}\`${more ? ` ${more}` : ''}`,
  );
  return [
    { type: 'section', text: { type: 'mrkdwn', text: ['*What people do most*', ...lines].join('\n') } },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: 'A schedule is named by its name, its id or its Omni URL. `/schedule help all` lists every command.',
        },
      ],
    },
  ];
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
      buttons.push({
        type: 'button',
        action_id: subcommandButtonId('mine'),
        text: { type: 'plain_text', text: 'My schedules' },
        value: 'list mine',
      });
    }
  }
  if (!input.all) {
    buttons.push({
      type: 'button',
      action_id: subcommandButtonId('all'),
      text: { type: 'plain_text', text: 'All commands' },
      value: 'help all',
    });
  }
  return buttons;
}
