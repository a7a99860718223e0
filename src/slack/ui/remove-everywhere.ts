// `/schedule remove-everywhere`'s prompt: what the person receives (and owns), how fresh that is, and
// Remove from all behind a confirmation that names the count. Pure.
import type { types } from '@slack/bolt';
import { PeopleActionIds } from '../../ids.js';
import type { OffboardingReport } from '../../people/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { freshnessLine, type Leaver, removeEverywhereConfirmText } from './offboarding-message.js';

const LISTED = 20;

export function buildRemoveEverywherePrompt(
  leaver: Leaver,
  report: OffboardingReport,
): { text: string; blocks: types.KnownBlock[] } {
  const n = report.receives.length;
  const email = escapeSlackText(leaver.email);
  if (n === 0) {
    const text = `${email} receives no schedule the app knows of: nothing to remove.`;
    return { text, blocks: [section(text), context(freshnessLine(report))] };
  }
  const names = report.receives.slice(0, LISTED).map((s) => `• ${escapeSlackText(s.name)}`);
  if (n > LISTED) names.push(`…and ${n - LISTED} more.`);
  const owns =
    report.owns.length > 0
      ? `\nThey also own ${report.owns.length} schedule${report.owns.length === 1 ? '' : 's'}, which stay theirs.`
      : '';
  const text = `${email} receives ${n} schedule${n === 1 ? '' : 's'}.`;
  return {
    text,
    blocks: [
      section(`*${text}*\n${names.join('\n')}${owns}`),
      context(freshnessLine(report)),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: PeopleActionIds.removeFromAll,
            style: 'danger',
            text: { type: 'plain_text', text: `Remove from all ${n}` },
            value: JSON.stringify({ e: leaver.email }),
            confirm: {
              title: { type: 'plain_text', text: 'Remove from all?' },
              text: { type: 'plain_text', text: removeEverywhereConfirmText(leaver, n) },
              confirm: { type: 'plain_text', text: 'Remove' },
              deny: { type: 'plain_text', text: 'Keep' },
              style: 'danger',
            },
          },
        ],
      },
    ],
  };
}

function section(text: string): types.KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): types.KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
