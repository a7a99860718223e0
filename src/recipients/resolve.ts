// Slack people, channels, user groups and emails → one de-duplicated list of recipients by email, and
// who was left out and why. Channels and groups are expanded (every page), each person is looked up
// once (cached, a bounded number at a time), and the workspace's rules are applied when adding.
import type { TtlCache, WorkspaceSettings } from '../store/index.js';
import { cachedDirectory } from './cached-directory.js';
import { mapWithConcurrency } from './concurrency.js';
import { DirectoryError, type EmailScope, type SlackDirectory } from './directory.js';
import { isEmailAddress } from './mentions.js';
import { lookupFailedReason, skipReason } from './skip-reasons.js';
import {
  emailKey,
  type Recipient,
  type RecipientInput,
  type RecipientRef,
  type Resolution,
  type ResolvePurpose,
  type Skipped,
  type SlackUser,
} from './types.js';

/** Slack's Tier 3/4 methods allow 50–100+ calls a minute: a few at a time keeps bursts small. */
export const DEFAULT_LOOKUP_CONCURRENCY = 8;

export interface ResolveOptions {
  directory: SlackDirectory;
  settings: Pick<WorkspaceSettings, 'includeGuests' | 'includeExternal'>;
  /** Store cache for Slack answers; `cacheKey` (the workspace key) is then required. */
  cache?: TtlCache;
  cacheKey?: string;
  concurrency?: number;
  /** Default `add`. Removing someone ignores the guest/external/deactivated rules: they may be leaving. */
  purpose?: ResolvePurpose;
  /** The app's own workspace, to tell people from other organizations (Slack Connect). */
  home?: { teamId?: string; enterpriseId?: string };
  /** Look typed emails up in Slack for their time zone and profile (default true). */
  lookupEmails?: boolean;
}

export async function resolveRecipients(
  inputs: readonly RecipientInput[],
  options: ResolveOptions,
): Promise<Resolution> {
  const directory = withCache(options);
  const concurrency = options.concurrency ?? DEFAULT_LOOKUP_CONCURRENCY;
  const skipped: Skipped[] = [];

  // 1. Who was named: people directly, members of channels and groups, and typed emails, in order.
  const expanded = await mapWithConcurrency(inputs, concurrency, (input) => expand(directory, input));
  const userIds: string[] = [];
  const typedEmails: string[] = [];
  const seenUsers = new Set<string>();
  expanded.forEach((result) => {
    if (result.skipped) skipped.push(result.skipped);
    for (const id of result.userIds) {
      if (!seenUsers.has(id)) {
        seenUsers.add(id);
        userIds.push(id);
      }
    }
    typedEmails.push(...result.emails);
  });

  // 2. Each person once: their Slack profile, then the rules.
  const users = await mapWithConcurrency(userIds, concurrency, (id) => lookUp(directory, id));
  const recipients: Recipient[] = [];
  let emailScope: Promise<EmailScope> | undefined;
  for (const [index, found] of users.entries()) {
    const id = userIds[index] as string;
    const who: RecipientRef = { kind: 'user', id };
    if ('skipped' in found) {
      skipped.push({ who, ...found.skipped });
      continue;
    }
    const rule = ruleFor(found.user, options);
    if (rule) {
      skipped.push({ who, code: rule, reason: skipReason(rule) });
      continue;
    }
    const email = found.user.profile?.email?.trim();
    if (!email) {
      emailScope ??= directory.emailScope().catch((): EmailScope => 'unknown');
      const code = (await emailScope) === 'missing' ? 'no_email_scope' : 'no_email';
      skipped.push({ who, code, reason: skipReason(code) });
      continue;
    }
    recipients.push(recipientOf(email, found.user));
  }

  // 3. Typed emails. An address that belongs to a Slack person obeys the same rules as an @-mention of
  // them (typing a guest's address must not get round the guest rule); one with no Slack account is sent
  // to as a plain address.
  const typed = await mapWithConcurrency(typedEmails, concurrency, (email) => resolveTyped(directory, email, options));
  for (const result of typed) {
    if ('skipped' in result) skipped.push(result.skipped);
    else recipients.push(result.recipient);
  }

  return { recipients: dedupe(recipients), skipped };
}

async function resolveTyped(
  directory: SlackDirectory,
  email: string,
  options: ResolveOptions,
): Promise<{ recipient: Recipient } | { skipped: Skipped }> {
  const who: RecipientRef = { kind: 'email', email };
  const adding = (options.purpose ?? 'add') === 'add';
  // Only when both guests and external people are allowed does the look-up serve nothing but time zones.
  const rulesNeedSlack = adding && !(options.settings.includeGuests && options.settings.includeExternal);
  if (!(options.lookupEmails ?? true) && !rulesNeedSlack) return { recipient: { email } };
  let user: SlackUser | null;
  try {
    user = await directory.lookupByEmail(email);
  } catch (error) {
    // Without Slack's answer the rules cannot be applied: leave the address out rather than let a guest in.
    if (rulesNeedSlack) return { skipped: { who, ...failedLookup(error) } };
    // Otherwise the address itself is what was asked for: a failed look-up only costs its time zone and attributes.
    return { recipient: { email } };
  }
  if (!user) return { recipient: { email } };
  const rule = ruleFor(user, options);
  if (rule) return { skipped: { who, code: rule, reason: skipReason(rule) } };
  return { recipient: recipientOf(email, user) };
}

type Expansion = { userIds: string[]; emails: string[]; skipped?: Skipped };

async function expand(directory: SlackDirectory, input: RecipientInput): Promise<Expansion> {
  switch (input.kind) {
    case 'user':
      return { userIds: [input.id], emails: [] };
    case 'email':
      if (isEmailAddress(input.email)) return { userIds: [], emails: [input.email.trim()] };
      return {
        userIds: [],
        emails: [],
        skipped: { who: { kind: 'text', text: input.email }, code: 'invalid', reason: 'is not a valid email address' },
      };
    case 'channel':
    case 'usergroup': {
      const notFound = input.kind === 'channel' ? 'channel_not_found' : 'usergroup_not_found';
      try {
        const ids =
          input.kind === 'channel'
            ? await directory.channelMembers(input.id)
            : await directory.usergroupUsers(input.id);
        if (ids.length === 0) return { userIds: [], emails: [], skipped: skippedAs(input, 'empty') };
        return { userIds: ids, emails: [] };
      } catch (error) {
        if (error instanceof DirectoryError && error.code === 'not_found') {
          return { userIds: [], emails: [], skipped: skippedAs(input, notFound) };
        }
        return { userIds: [], emails: [], skipped: { who: input, ...failedLookup(error) } };
      }
    }
  }
}

async function lookUp(
  directory: SlackDirectory,
  id: string,
): Promise<{ user: SlackUser } | { skipped: Omit<Skipped, 'who'> }> {
  try {
    return { user: await directory.userInfo(id) };
  } catch (error) {
    if (error instanceof DirectoryError && error.code === 'not_found') {
      return { skipped: { code: 'not_found', reason: skipReason('not_found') } };
    }
    return { skipped: failedLookup(error) };
  }
}

/** Which rule leaves this person out, if any. */
function ruleFor(user: SlackUser, options: ResolveOptions): 'bot' | 'deactivated' | 'guest' | 'external' | undefined {
  if (user.is_bot || user.is_app_user || user.id === 'USLACKBOT') return 'bot';
  if ((options.purpose ?? 'add') === 'remove') return undefined;
  if (user.deleted) return 'deactivated';
  if (isExternal(user, options.home) && !options.settings.includeExternal) return 'external';
  if ((user.is_restricted || user.is_ultra_restricted) && !options.settings.includeGuests) return 'guest';
  return undefined;
}

/** From another organization: Slack says so (`is_stranger`), or the user's team/org is not ours. */
export function isExternal(user: SlackUser, home: ResolveOptions['home']): boolean {
  if (user.is_stranger) return true;
  if (!home || !user.team_id) return false;
  if (home.teamId && user.team_id === home.teamId) return false;
  if (home.enterpriseId && user.enterprise_user?.enterprise_id === home.enterpriseId) return false;
  return Boolean(home.teamId || home.enterpriseId);
}

function recipientOf(email: string, user: SlackUser): Recipient {
  return {
    email,
    slackUserId: user.id,
    ...(user.tz ? { tz: user.tz } : {}),
    ...(user.profile ? { profile: user.profile } : {}),
  };
}

/** One recipient per email (any case); a later duplicate can still add the Slack person an email matched. */
export function dedupe(recipients: readonly Recipient[]): Recipient[] {
  const byEmail = new Map<string, Recipient>();
  for (const recipient of recipients) {
    const key = emailKey(recipient.email);
    const first = byEmail.get(key);
    if (!first) byEmail.set(key, recipient);
    else if (!first.slackUserId && recipient.slackUserId) byEmail.set(key, { ...recipient, email: first.email });
  }
  return [...byEmail.values()];
}

function skippedAs(input: RecipientInput, code: 'channel_not_found' | 'usergroup_not_found' | 'empty'): Skipped {
  return { who: input, code, reason: skipReason(code) };
}

function failedLookup(error: unknown): Omit<Skipped, 'who'> {
  if (error instanceof DirectoryError) {
    return { code: 'lookup_failed', reason: lookupFailedReason(error.slackError, error.message) };
  }
  return { code: 'lookup_failed', reason: lookupFailedReason((error as Error)?.message || 'unknown error') };
}

function withCache(options: ResolveOptions): SlackDirectory {
  if (!options.cache) return options.directory;
  if (!options.cacheKey) throw new Error('resolveRecipients: cacheKey (the workspace key) is required with a cache');
  return cachedDirectory(options.directory, options.cache, options.cacheKey);
}
