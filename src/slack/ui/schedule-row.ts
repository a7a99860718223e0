// One schedule as a line of the list or of App Home, with its menu (Show, Run now, Pause/Resume,
// Edit, Delete). The menu's choices carry `<verb>:<schedule id>`; Run now and Delete ask first.
import type { types } from '@slack/bolt';
import { ActionIds } from '../../ids.js';
import { scheduleState } from '../../schedules/schedule-state.js';
import type { ScheduleView } from '../../schedules/schedule-view.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { plain } from './blocks.js';
import { destinationText, lastRunText, stateText, truncate, whenText } from './format.js';

export const ROW_VERBS = ['show', 'run', 'pause', 'resume', 'edit', 'delete'] as const;
export type RowVerb = (typeof ROW_VERBS)[number];

/** Reads a menu choice back; undefined for anything that is not `<verb>:<uuid-like id>`. */
export function parseRowChoice(value: string | undefined): { verb: RowVerb; scheduleId: string } | undefined {
  const match = /^([a-z]+):([0-9a-fA-F-]{1,64})$/.exec(value ?? '');
  if (!match) return undefined;
  const verb = match[1] as RowVerb;
  return ROW_VERBS.includes(verb) ? { verb, scheduleId: match[2] as string } : undefined;
}

/** The row's section block; `blockId` lets the app find what the row belongs to when its menu is used. */
export function buildScheduleRow(s: ScheduleView, blockId: string, zone?: string): types.SectionBlock {
  const name = `*${escapeSlackText(truncate(s.name, 150))}*`;
  const dashboard = escapeSlackText(truncate(s.dashboardName, 100));
  const lines = [
    `${name} · ${dashboard}${s.content === 'single tile' ? ' (one tile)' : ''}`,
    `${destinationText(s)} · ${truncate(whenText(s), 600)}`,
    lastRunText(s, zone),
  ];
  const state = stateText(s, zone);
  if (state) lines.push(state);
  return {
    type: 'section',
    block_id: blockId,
    text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 3000) },
    accessory: rowMenu(s),
  };
}

function rowMenu(s: ScheduleView): types.Overflow {
  const state = scheduleState(s);
  const options: types.PlainTextOption[] = [rowOption('Show card', 'show', s.id), rowOption('Run now…', 'run', s.id)];
  if (state === 'active') options.push(rowOption('Pause', 'pause', s.id));
  if (state === 'paused') options.push(rowOption('Resume', 'resume', s.id));
  options.push(rowOption('Edit…', 'edit', s.id), rowOption('Delete…', 'delete', s.id));
  return { type: 'overflow', action_id: ActionIds.scheduleRowOverflow, options };
}

function rowOption(text: string, verb: RowVerb, id: string): types.PlainTextOption {
  return { text: plain(text), value: `${verb}:${id}` };
}
