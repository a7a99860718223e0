// What recipient resolution needs from Slack, as a small interface: the Slack layer implements it over
// the Web API (src/slack/recipient-actions/directory.ts); tests use an in-memory one. No Slack SDK here.
import type { SlackProfile, SlackUser } from './types.js';

/** Whether the app's token may read email addresses (`users:read.email`); `unknown` when Slack did not say. */
export type EmailScope = 'granted' | 'missing' | 'unknown';

/** A custom profile field of the workspace (team.profile.get). */
export interface ProfileFieldDefinition {
  id: string;
  label: string;
}

export interface SlackDirectory {
  /** users.info. Throws DirectoryError('not_found') for an unknown user. */
  userInfo(userId: string): Promise<SlackUser>;
  /** Every member of a channel, all pages. Throws DirectoryError('not_found') when the app cannot see it. */
  channelMembers(channelId: string): Promise<string[]>;
  /** Members of a user group. Throws DirectoryError('not_found') for an unknown or disabled group. */
  usergroupUsers(usergroupId: string): Promise<string[]>;
  /** users.lookupByEmail; null when no Slack person has this email. */
  lookupByEmail(email: string): Promise<SlackUser | null>;
  /** users.profile.get with labels: standard fields and custom fields. */
  profile(userId: string): Promise<SlackProfile>;
  /** The workspace's custom profile fields (team.profile.get). */
  profileFields(): Promise<ProfileFieldDefinition[]>;
  /** Whether the token carries `users:read.email`, so a missing email can be explained. */
  emailScope(): Promise<EmailScope>;
}

export type DirectoryErrorCode = 'not_found' | 'failed';

/** A Slack look-up that failed; `slackError` is Slack's own code (e.g. `channel_not_found`, `ratelimited`). */
export class DirectoryError extends Error {
  override name = 'DirectoryError';
  constructor(
    readonly code: DirectoryErrorCode,
    readonly slackError: string,
    message = `Slack answered ${slackError}`,
  ) {
    super(message);
  }
}
