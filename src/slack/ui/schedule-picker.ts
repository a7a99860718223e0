// When a name matches several schedules: what matched, then one row per schedule with a button that
// does what was asked (show, pause, add…) to that one. Pure: plain values in, Block Kit out.
import type { types } from '@slack/bolt';
import { ActionIds } from '../../ids.js';
import type { ScheduleCandidate } from '../../schedules/schedule-resolve.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { button, section } from './blocks.js';
import { truncate } from './format.js';
import type { SlackMessage } from './schedule-card.js';

/** Button values are at most 2,000 characters: room for the command, an id and the words after it. */
const VALUE_MAX = 2_000;

/**
 * `intro` is plain words (escaped here); each candidate's button re-runs `command` (e.g. `pause`) with
 * its id in place of the name, followed by `after` (e.g. the people an `add` was adding).
 */
export function buildSchedulePicker(
  intro: string,
  candidates: readonly ScheduleCandidate[],
  command: string,
  after: readonly string[] = [],
): SlackMessage {
  const label = pickLabel(command);
  const blocks: types.KnownBlock[] = [section(escapeSlackText(intro))];
  for (const c of candidates) {
    const value = [command, c.id, ...after].join(' ');
    const owner = c.ownerName ? ` · ${escapeSlackText(truncate(c.ownerName, 80))}` : '';
    blocks.push({
      ...section(
        `*${escapeSlackText(truncate(c.name, 150))}*\n${escapeSlackText(truncate(c.dashboardName, 150))}${owner}`,
      ),
      ...(value.length <= VALUE_MAX ? { accessory: button(label, ActionIds.pickScheduleButton, value) } : {}),
    });
  }
  return { text: intro, blocks };
}

/** The button says what it will do: "Show", "Pause", "Add here"… */
export function pickLabel(command: string): string {
  const word = command === 'add' ? 'Add here' : command === 'remove' ? 'Remove here' : command;
  return word.charAt(0).toUpperCase() + word.slice(1);
}
