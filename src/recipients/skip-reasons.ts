// Why someone was left out, in words for the person who asked (and what they can do about it).
import type { SkipCode } from './types.js';

const REASONS: Record<Exclude<SkipCode, 'invalid' | 'lookup_failed'>, string> = {
  bot: 'is a bot or an app, not a person',
  deactivated: 'is deactivated in Slack',
  guest:
    'is a guest, and this workspace does not send reports to guests (an admin can allow it with `/schedule users policy guests:on`)',
  external:
    'is from another organization (Slack Connect), and this workspace does not send reports outside it (an admin can allow it with `/schedule users policy external:on`)',
  no_email:
    'has no email address the app can see (their Slack profile has none, or the app lacks the `users:read.email` scope)',
  no_email_scope:
    'has no email address the app can see: the app needs the `users:read.email` scope; a workspace admin must reinstall the app to grant it',
  not_found: 'was not found in this workspace (name them by their email address instead)',
  channel_not_found:
    'is a channel the app cannot see; for a private channel, invite the app to it first (`/invite` the app)',
  usergroup_not_found: 'is not a user group the app can see (it may have been disabled)',
  empty: 'has no members the app can see',
};

export function skipReason(code: Exclude<SkipCode, 'invalid' | 'lookup_failed'>): string {
  return REASONS[code];
}

/**
 * A Slack look-up that failed for another reason (rate limit, network): say so and suggest a retry.
 * `detail` is the directory's own explanation, for failures a retry would not mend.
 */
export function lookupFailedReason(slackError: string, detail?: string): string {
  if (slackError === 'too_many_members') {
    return `is too large to add at once (${detail ?? 'too many members'}): name a smaller channel or a user group instead`;
  }
  if (slackError === 'ratelimited' || slackError === 'rate_limited') {
    return 'could not be looked up: Slack is limiting how fast the app may ask; try again in a minute';
  }
  if (slackError === 'missing_scope') {
    return 'could not be looked up: the app lacks a Slack permission for this (a workspace admin must reinstall it)';
  }
  return `could not be looked up in Slack (${slackError}); try again in a minute`;
}
