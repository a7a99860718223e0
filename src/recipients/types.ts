// The shapes of recipient resolution: what people type or pick (inputs), who they turn out to be
// (recipients, by email) and who was left out and why (skipped). Slack ids are kept, never names.

/** One thing someone named as a recipient. */
export type RecipientInput =
  | { kind: 'user'; id: string }
  | { kind: 'channel'; id: string }
  | { kind: 'usergroup'; id: string }
  | { kind: 'email'; email: string };

/** Who a skipped entry or a result line is about; the Slack layer shows users and channels as mentions. */
export type RecipientRef = RecipientInput | { kind: 'text'; text: string };

/** The standard Slack profile fields this app reads (users.info / users.profile.get). */
export interface SlackProfile {
  email?: string;
  title?: string;
  phone?: string;
  display_name?: string;
  real_name?: string;
  first_name?: string;
  last_name?: string;
  pronouns?: string;
  /** Custom fields by field id, from users.profile.get (with labels when asked for). */
  fields?: Record<string, { value?: string; alt?: string; label?: string }> | null;
}

/** The part of a Slack user object this app needs (kept small: it is cached). */
export interface SlackUser {
  id: string;
  team_id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  is_app_user?: boolean;
  /** Multi-channel guest. */
  is_restricted?: boolean;
  /** Single-channel guest. */
  is_ultra_restricted?: boolean;
  /** Someone from another organization the app only sees through a shared channel. */
  is_stranger?: boolean;
  tz?: string;
  enterprise_user?: { enterprise_id?: string };
  profile?: SlackProfile;
}

/** One person who will receive deliveries, by email (lower-cased for comparison, as typed otherwise). */
export interface Recipient {
  email: string;
  /** The Slack person this email came from, when it came from Slack (or an email matched one). */
  slackUserId?: string;
  /** IANA time zone from Slack. */
  tz?: string;
  profile?: SlackProfile;
}

export type SkipCode =
  | 'invalid'
  | 'bot'
  | 'deactivated'
  | 'guest'
  | 'external'
  | 'no_email'
  | 'no_email_scope'
  | 'not_found'
  | 'channel_not_found'
  | 'usergroup_not_found'
  | 'empty'
  | 'lookup_failed';

export interface Skipped {
  who: RecipientRef;
  code: SkipCode;
  /** Plain words for the person who asked, e.g. "is a bot or an app". */
  reason: string;
}

export interface Resolution {
  recipients: Recipient[];
  skipped: Skipped[];
}

/** Adding applies the workspace's rules (guests, external people, deactivated accounts); removing does not. */
export type ResolvePurpose = 'add' | 'remove';

export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}
