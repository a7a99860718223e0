// `/schedule alerts`: whether failure alerts are on and where, the last check, and what is failing now.
import { escapeSlackText } from '../../text/slack-escape.js';
import type { WatchStatus } from '../../watch/watcher.js';
import { slackDate } from './format.js';

type Block = Record<string, unknown>;

/** Failing schedules listed before "and N more", to stay well inside one section's 3,000 characters. */
const MAX_LISTED = 15;

export function buildAlertsStatus(
  status: WatchStatus,
  options: { intervalS: number; zone?: string },
): { text: string; blocks: Block[] } {
  const zone = options.zone ?? 'UTC';
  const setting =
    status.enabled && status.channelId
      ? `:bell: Failure alerts are *on* in <#${status.channelId}>${status.setBy ? ` (turned on by <@${status.setBy}>)` : ''}; Omni is checked every ${options.intervalS} s.`
      : `:no_bell: Failure alerts are *off*.${status.setBy ? ` Turned off by <@${status.setBy}>.` : ''} An admin turns them on with \`/schedule alerts on #channel\`.`;
  const lines = [setting];
  const check = status.lastCheck;
  if (check) {
    lines.push(
      check.error
        ? `:warning: The last check (${slackDate(new Date(check.at), zone)}) failed: ${escapeSlackText(check.error)}`
        : `Last checked ${slackDate(new Date(check.at), zone)} (${check.omniCalls} Omni ${check.omniCalls === 1 ? 'call' : 'calls'}).`,
    );
  } else if (status.enabled) {
    lines.push('Not checked yet.');
  }
  const failing = status.failing;
  const blocks: Block[] = [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }];
  if (failing.length === 0) {
    if (status.enabled) blocks.push(context(':white_check_mark: Nothing is failing.'));
  } else {
    const listed = failing
      .slice(0, MAX_LISTED)
      .map(
        (f) =>
          `• *${escapeSlackText(f.scheduleName)}*: ${escapeSlackText(f.reason)} (since ${slackDate(new Date(f.since), zone)})`,
      );
    if (failing.length > MAX_LISTED) listed.push(`…and ${failing.length - MAX_LISTED} more`);
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*Failing now (${failing.length})*\n${listed.join('\n')}` },
    });
  }
  const text = status.enabled
    ? `Failure alerts are on; ${failing.length} failing now.`
    : `Failure alerts are off; ${failing.length} failing now.`;
  return { text, blocks };
}

const context = (text: string): Block => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
