// The email destination's people, channels and typed "addresses or @groups" → the addresses Omni gets,
// through the same resolver as `/schedule add` (resolvePickedRecipients). What cannot become an address
// blocks the save and is named, in plain text, on the field it came from. Members of a chosen channel or
// group who cannot receive email (no visible address, deactivated, a guest, another organization) do not
// block, as with `/schedule add`: the others are added, and they are named, with why, after saving.
import type { WebClient } from '@slack/web-api';
import type { Recipient, Skipped, SlackUser } from '../../recipients/index.js';
import type { DraftDestinationOf, DraftError, DraftField } from '../../schedules/draft.js';
import { type WorkspaceScope, workspaceKey } from '../../store/index.js';
import type { AppDeps } from '../deps.js';
import { RECIPIENTS_CACHE, resolvePickedRecipients, workspaceDirectory } from '../recipient-actions/context.js';
import { lookupClient } from '../recipient-actions/directory.js';
import { slackErrorCode } from '../slack-errors.js';
import { pacedSlackCall } from '../slack-pacing.js';

export interface EmailRecipients {
  /** Every recipient's address, once each, in the order named: what Omni receives as `recipients`. */
  emails: string[];
  /** The same people, with the Slack person each came from: the non-member policy needs them (email-policy.ts). */
  recipients: Recipient[];
  /** User groups named under "Other addresses or @groups": id → as written (`@finance`). */
  usergroups: Map<string, string>;
  /** What stops the save, on the field it concerns (plain text: Slack shows field errors unformatted). */
  errors: DraftError[];
  /** Channel or group members who cannot receive email (bots aside), to name after saving. */
  leftOut: Skipped[];
}

type Deps = Pick<AppDeps, 'store' | 'slackBudget'>;
type EmailDestination = DraftDestinationOf<'email'>;

/** Slack's user group handles: letters, digits, `.`, `-`, `_`. */
const HANDLE = /^@([a-z0-9][\w.-]*)$/i;
const GROUP_MENTION = /^<!subteam\^(S[A-Z0-9]+)(?:\|@?([^>]*))?>$/;
const BROADCASTS = new Set(['here', 'channel', 'everyone']);
/** usergroups.list is Tier 2 (20 a minute): the handles are kept a few minutes. */
export const USERGROUP_HANDLES_TTL_MS = 5 * 60_000;
/** Problems named on one field before "and N more". */
const MAX_NAMED = 5;

/** What to do, after the names, when people were named on these fields. */
const ADVICE = {
  emailPeople: 'Remove them from People, or type their address under "Other addresses or @groups".',
} as const;

export async function resolveEmailRecipients(
  deps: Deps,
  client: WebClient,
  scope: WorkspaceScope,
  destination: EmailDestination,
): Promise<EmailRecipients> {
  // Look-ups on a client of their own: a 429 here must not hold up the workspace's other Slack calls.
  const lookups = lookupClient(client);
  const typed = await readTyped(deps, lookups, scope, destination.addresses);
  const resolution = await resolvePickedRecipients(deps, client, scope, {
    userIds: destination.userIds,
    conversationIds: destination.channelIds,
    usergroupIds: typed.usergroupIds,
    text: typed.text.join(', '),
  });
  const { directory } = await workspaceDirectory(deps, client, scope);
  const problems = new Map<DraftField, { lines: string[]; advice?: string }>();
  const add = (field: DraftField, line: string, advice?: string) => {
    const entry = problems.get(field) ?? { lines: [] };
    entry.lines.push(line);
    if (advice) entry.advice = advice;
    problems.set(field, entry);
  };
  for (const line of typed.problems) add('emailAddresses', line);

  const picked = new Set(destination.userIds);
  const leftOut: Skipped[] = [];
  const nameOf = (id: string) => directory.userInfo(id).then(personName, () => id);
  const groupLabel = (id: string) => typed.labels.get(id) ?? id;
  for (const skip of resolution.skipped) {
    const reason = plainReason(skip.reason);
    const { who } = skip;
    if (who.kind === 'user' && picked.has(who.id)) {
      add('emailPeople', `${await nameOf(who.id)} ${reason}`, ADVICE.emailPeople);
    } else if (who.kind === 'user') {
      // A member of a chosen channel or group who cannot receive email does not block the save, as with
      // `/schedule add`: the others are added, and whoever was left out is named, with why, after saving.
      if (skip.code !== 'bot') leftOut.push(skip);
    } else if (who.kind === 'channel') add('emailChannels', `${await channelName(lookups, who.id)} ${reason}`);
    else if (who.kind === 'usergroup') add('emailAddresses', `${groupLabel(who.id)} ${reason}`);
    else add('emailAddresses', `${who.kind === 'email' ? who.email : who.text} ${reason}`);
  }

  const emails = resolution.recipients.map((recipient) => recipient.email);
  if (emails.length === 0 && problems.size === 0) {
    add(
      destination.channelIds.length > 0 ? 'emailChannels' : 'emailPeople',
      'Nobody chosen can receive email: they are all bots, deactivated, or left out by this workspace’s rules',
    );
  }
  const errors = [...problems].map(([field, { lines, advice }]) => ({ field, message: fieldMessage(lines, advice) }));
  return { emails, recipients: resolution.recipients, usergroups: typed.labels, errors, leftOut };
}

/** The typed entries split: `@handles` become user group ids (a text input sends plain text, never mentions). */
async function readTyped(deps: Deps, client: WebClient, scope: WorkspaceScope, entries: readonly string[]) {
  const typed = {
    /** Emails and group mentions, for the resolver. */
    text: [] as string[],
    usergroupIds: [] as string[],
    /** Entries that name nobody, as sentences without the full stop. */
    problems: [] as string[],
    /** How each group was written (`@finance`), for messages. */
    labels: new Map<string, string>(),
  };
  let handles: Promise<Map<string, string>> | undefined;
  for (const entry of entries) {
    const mention = GROUP_MENTION.exec(entry);
    if (mention) typed.labels.set(mention[1] as string, `@${mention[2] || mention[1]}`);
    const handle = HANDLE.exec(entry)?.[1]?.toLowerCase();
    if (handle === undefined) {
      typed.text.push(entry);
      continue;
    }
    if (BROADCASTS.has(handle)) {
      typed.problems.push(`${entry} is not a list of people: choose the channel under Channels`);
      continue;
    }
    handles ??= usergroupHandles(deps, client, scope);
    try {
      const id = (await handles).get(handle);
      if (id === undefined) {
        typed.problems.push(
          `${entry} is not a user group in this workspace (choose people under People and channels under Channels)`,
        );
      } else {
        typed.usergroupIds.push(id);
        typed.labels.set(id, `@${handle}`);
      }
    } catch (error) {
      typed.problems.push(`${entry} could not be looked up in Slack (${slackErrorCode(error)}); try again in a minute`);
    }
  }
  return typed;
}

/** The workspace's enabled user groups, handle (lower case) → id, cached for a few minutes. */
async function usergroupHandles(deps: Deps, client: WebClient, scope: WorkspaceScope): Promise<Map<string, string>> {
  const pairs = await deps.store
    .cache(RECIPIENTS_CACHE)
    .getOrLoad<[string, string][]>(`${workspaceKey(scope)}:usergroup-handles`, USERGROUP_HANDLES_TTL_MS, async () => {
      const answer = await pacedSlackCall(deps, scope, 'usergroups.list', () =>
        client.usergroups.list({ include_disabled: false }),
      );
      return (answer.usergroups ?? []).flatMap((group) =>
        group.id && group.handle ? [[group.handle.toLowerCase(), group.id] as [string, string]] : [],
      );
    });
  return new Map(pairs);
}

/** Which picked channel or group a person came in through (from the directory's cache of what was just read). */
export function memberOf(
  channelIds: readonly string[],
  usergroupIds: readonly string[],
  directory: Awaited<ReturnType<typeof workspaceDirectory>>['directory'],
) {
  return async (userId: string): Promise<{ kind: 'channel' | 'usergroup'; id: string } | undefined> => {
    for (const id of channelIds) {
      const members = await directory.channelMembers(id).catch((): string[] => []);
      if (members.includes(userId)) return { kind: 'channel', id };
    }
    for (const id of usergroupIds) {
      const members = await directory.usergroupUsers(id).catch((): string[] => []);
      if (members.includes(userId)) return { kind: 'usergroup', id };
    }
    return undefined;
  };
}

export function personName(user: SlackUser): string {
  return user.real_name || user.profile?.real_name || user.profile?.display_name || user.name || user.id;
}

export async function channelName(client: WebClient, channelId: string): Promise<string> {
  const answer = await client.conversations.info({ channel: channelId }).catch(() => undefined);
  return answer?.channel?.name ? `#${answer.channel.name}` : `the channel ${channelId}`;
}

/** The resolver's reasons are written for mrkdwn; field errors are plain text. */
export function plainReason(reason: string): string {
  return reason.replace(/`/g, '');
}

export function fieldMessage(lines: readonly string[], advice: string | undefined): string {
  const named = lines.slice(0, MAX_NAMED).map((line) => `${line}.`);
  if (lines.length > MAX_NAMED) named.push(`…and ${lines.length - MAX_NAMED} more.`);
  return advice ? [...named, advice].join(' ') : named.join(' ');
}
