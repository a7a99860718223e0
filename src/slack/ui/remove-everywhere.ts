// `/schedule remove-everywhere`'s prompt: what the person receives (and owns), how fresh that is, and
// Remove from all behind a confirmation that names the count. Pure.
import type { types } from '@slack/bolt';
import type { OffboardingReport } from '../../people/index.js';
import { escapeSlackText } from '../../text/slack-escape.js';
import { context, section } from './blocks.js';
import { freshnessLine, type Leaver, removeFromAllButton } from './offboarding-message.js';

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
      { type: 'actions', elements: [removeFromAllButton(leaver, n, `Remove from all ${n}`)] },
    ],
  };
}
