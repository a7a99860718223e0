// The answer to a run the guard held back (someone ran the schedule within the last minute) or whose
// outcome is unknown (Omni's answer was lost): what happened, and a button to run it anyway. Pure.
import { ActionIds } from '../../ids.js';
import { button } from './blocks.js';
import type { SlackMessage } from './schedule-card.js';

export function buildRunAgainPrompt(text: string, scheduleId: string): SlackMessage {
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'actions', elements: [button('Run again', ActionIds.runAgainButton, scheduleId)] },
    ],
  };
}
