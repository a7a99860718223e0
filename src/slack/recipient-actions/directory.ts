// The SlackDirectory the recipient domain needs, over the Web API. In a request and in a job alike, each call
// is paced by Slack's tier for the workspace (shared by the replicas) and a 429 is waited out for as long as
// it takes (DirectoryPacing). A call that still fails becomes a DirectoryError carrying Slack's own error code.

import { LogLevel, WebClient } from '@slack/web-api';
import type { SlackBudget } from '../../coordination/slack-budget.js';
import { type ListUsersPage, USERS_LIST_PAGE_SIZE } from '../../recipients/bulk-lookup.js';
import {
  DirectoryError,
  type EmailScope,
  type SlackDirectory,
  STANDARD_PROFILE_FIELDS,
} from '../../recipients/index.js';
import type { SlackProfile, SlackUser } from '../../recipients/types.js';
import { slackErrorCode } from '../slack-errors.js';

/** conversations.members pages: Slack's maximum is 1000, it recommends no more than 200. */
const MEMBERS_PAGE_SIZE = 200;
/** A channel larger than this is refused rather than expanded (the app would spend minutes on it). */
export const MAX_CHANNEL_MEMBERS = 10_000;

/** Per look-up: a couple of retries after Slack's Retry-After, and a time limit, so that nobody waits minutes. */
export const LOOKUP_RETRIES = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 } as const;
const LOOKUP_TIMEOUT_MS = 10_000;

const NOT_FOUND = new Set([
  'user_not_found',
  'users_not_found',
  'channel_not_found',
  'no_such_subteam',
  'subteam_not_found',
]);

/**
 * A client of its own, with the request's token, for the bulk look-ups of one resolution. On a 429 a WebClient
 * pauses its whole queue for Retry-After; Bolt keeps one client per workspace token, so a big channel
 * hitting users.info's limit would otherwise hold up every modal and answer of the workspace (a trigger_id
 * lasts 3 s). Slack limits each method separately, so those other calls need not wait. `paced`: the calls go
 * through a SlackBudget, which must see a 429 (to pause the method for every replica) rather than the client
 * retrying it alone.
 */
export function lookupClient(client: WebClient, options: { paced?: boolean } = {}): WebClient {
  if (!client.token) return client;
  return new WebClient(client.token, {
    slackApiUrl: client.slackApiUrl,
    ...(options.paced ? { rejectRateLimitedCalls: true } : {}),
    retryConfig: { ...LOOKUP_RETRIES },
    timeout: LOOKUP_TIMEOUT_MS,
    logLevel: LogLevel.WARN,
  });
}

/**
 * Paces each call by Slack's tier for the workspace (shared by the replicas) and waits out 429s instead of
 * giving up. The client must be built with `rejectRateLimitedCalls: true` (AppDeps.slackClientFor for jobs,
 * `lookupClient(client, { paced: true })` in a request) so that the 429s reach the budget.
 */
export interface DirectoryPacing {
  budget: SlackBudget;
  teamId: string;
}

export function webClientDirectory(client: WebClient, pacing?: DirectoryPacing): SlackDirectory {
  const call = <T>(method: string, request: () => Promise<T>): Promise<T> =>
    translate(pacing ? () => pacing.budget.call(pacing.teamId, method, request) : request);
  return {
    async userInfo(userId) {
      const answer = await call('users.info', () => client.users.info({ user: userId }));
      return slackUserOf(answer.user);
    },
    async channelMembers(channelId) {
      const members: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await call('conversations.members', () =>
          client.conversations.members({ channel: channelId, limit: MEMBERS_PAGE_SIZE, ...(cursor ? { cursor } : {}) }),
        );
        members.push(...(page.members ?? []));
        if (members.length > MAX_CHANNEL_MEMBERS) {
          throw new DirectoryError(
            'failed',
            'too_many_members',
            `the channel has more than ${MAX_CHANNEL_MEMBERS} members`,
          );
        }
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
      return members;
    },
    async usergroupUsers(usergroupId) {
      const answer = await call('usergroups.users.list', () =>
        client.usergroups.users.list({ usergroup: usergroupId }),
      );
      return answer.users ?? [];
    },
    async lookupByEmail(email) {
      try {
        const answer = await call('users.lookupByEmail', () => client.users.lookupByEmail({ email }));
        return answer.user ? slackUserOf(answer.user) : null;
      } catch (error) {
        if (error instanceof DirectoryError && error.code === 'not_found') return null;
        throw error;
      }
    },
    async profile(userId) {
      const answer = await call('users.profile.get', () =>
        client.users.profile.get({ user: userId, include_labels: true }),
      );
      return profileOf(answer.profile);
    },
    async profileFields() {
      const answer = await call('team.profile.get', () => client.team.profile.get());
      return (answer.profile?.fields ?? []).flatMap((f) => (f.id && f.label ? [{ id: f.id, label: f.label }] : []));
    },
    async emailScope(): Promise<EmailScope> {
      // Slack lists the token's scopes in the X-OAuth-Scopes header; the client puts them here.
      const answer = await call('auth.test', () => client.auth.test());
      const scopes = answer.response_metadata?.scopes;
      if (!scopes || scopes.length === 0) return 'unknown';
      return scopes.includes('users:read.email') ? 'granted' : 'missing';
    },
  };
}

/** users.list, one page of up to 200 people, paced like the directory's other calls. */
export function usersListPager(client: WebClient, pacing?: DirectoryPacing): ListUsersPage {
  return async (cursor) => {
    const request = () => client.users.list({ limit: USERS_LIST_PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    const page = await translate(pacing ? () => pacing.budget.call(pacing.teamId, 'users.list', request) : request);
    const nextCursor = page.response_metadata?.next_cursor || undefined;
    return { users: (page.members ?? []).map(slackUserOf), ...(nextCursor ? { nextCursor } : {}) };
  };
}

async function translate<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    const code = slackErrorCode(error);
    throw new DirectoryError(NOT_FOUND.has(code) ? 'not_found' : 'failed', code);
  }
}

type RawUser = Record<string, unknown> & { id?: string; profile?: Record<string, unknown> };

/** Only what the app needs, so that the cached copy stays small. */
function slackUserOf(raw: unknown): SlackUser {
  const user = (raw ?? {}) as RawUser;
  const flag = (key: string) => (user[key] === true ? { [key]: true } : {});
  const text = (key: string) => (typeof user[key] === 'string' && user[key] !== '' ? { [key]: user[key] } : {});
  const enterprise = user.enterprise_user as { enterprise_id?: string } | undefined;
  return {
    id: String(user.id ?? ''),
    ...text('team_id'),
    ...text('name'),
    ...text('real_name'),
    ...text('tz'),
    ...flag('deleted'),
    ...flag('is_bot'),
    ...flag('is_app_user'),
    ...flag('is_restricted'),
    ...flag('is_ultra_restricted'),
    ...flag('is_stranger'),
    ...(enterprise?.enterprise_id ? { enterprise_user: { enterprise_id: enterprise.enterprise_id } } : {}),
    profile: profileOf(user.profile),
  } as SlackUser;
}

function profileOf(raw: unknown): SlackProfile {
  const profile = (raw ?? {}) as Record<string, unknown>;
  const out: SlackProfile = {};
  for (const key of STANDARD_PROFILE_FIELDS) {
    const value = profile[key];
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  const fields = profile.fields as Record<string, { value?: unknown; alt?: unknown; label?: unknown }> | null;
  if (fields && typeof fields === 'object' && Object.keys(fields).length > 0) {
    out.fields = Object.fromEntries(
      Object.entries(fields).map(([id, f]) => [
        id,
        {
          ...(typeof f?.value === 'string' ? { value: f.value } : {}),
          ...(typeof f?.alt === 'string' ? { alt: f.alt } : {}),
          ...(typeof f?.label === 'string' ? { label: f.label } : {}),
        },
      ]),
    );
  }
  return out;
}
