// The failure watch's and snooze's Slack side outside any request: a bot client per workspace, the alert
// card posted to the channel and the owner's DM and updated in place, the owner's Slack person (Omni owner
// id → SCIM email → users.lookupByEmail), and the DM telling a snoozer that Omni refused the wake-up.
import { WebClient } from '@slack/web-api';
import { normaliseBaseUrl } from '../omni/base-url.js';
import type { OmniClient } from '../omni/index.js';
import { loadScheduleView } from '../schedules/schedule-lookup.js';
import { type WorkspaceScope, workspaceKey } from '../store/index.js';
import { escapeSlackText } from '../text/slack-escape.js';
import type { AlertPoster, AlertView } from '../watch/failure-check.js';
import type { MessageRef } from '../watch/records.js';
import type { Snooze } from '../watch/snooze.js';
import type { AppDeps } from './deps.js';
import { omniScheduleUrl } from './schedule-actions/display.js';
import { pacedSlackCall } from './slack-pacing.js';
import { failureAlertBlocks } from './ui/failure-alert.js';

/** The scope a workspace key (`team:T…` / `enterprise:E…`, see workspaceKey) names. */
export function scopeOfKey(key: string): WorkspaceScope {
  const [kind, id] = key.split(':', 2);
  if (kind === 'team' && id) return { teamId: id, isEnterpriseInstall: false };
  if (kind === 'enterprise' && id) return { enterpriseId: id, isEnterpriseInstall: true };
  throw new Error(`Not a workspace key: ${key}`);
}

const clients = new WeakMap<AppDeps, Map<string, WebClient>>();

/** The bot's Web API client for a workspace: the configured token, or the stored installation's. */
export async function botClientFor(deps: AppDeps, scope: WorkspaceScope): Promise<WebClient> {
  const { config } = deps;
  let token = config.slack.botToken;
  if (config.install === 'oauth') {
    const installation = await deps.store.installations.fetchInstallation({
      teamId: scope.teamId,
      enterpriseId: scope.enterpriseId,
      isEnterpriseInstall: scope.isEnterpriseInstall === true,
    });
    token = installation.bot?.token;
  }
  if (!token) throw new Error(`No bot token for ${workspaceKey(scope)}: the app is not installed there`);
  const byToken = clients.get(deps) ?? new Map<string, WebClient>();
  clients.set(deps, byToken);
  let client = byToken.get(token);
  if (!client) {
    // Background posts may wait for Slack's rate limits; nobody is waiting on a 3 s acknowledgement.
    client = new WebClient(token, { slackApiUrl: config.slack.apiUrl, retryConfig: { retries: 3 } });
    byToken.set(token, client);
  }
  return client;
}

/** The alert card's ports for one workspace key. */
export function alertPoster(deps: AppDeps, team: string): AlertPoster {
  const scope = scopeOfKey(team);
  const omni = () => deps.omniFor(scope);
  const card = async (alert: AlertView) => failureAlertBlocks(alert, await openInOmniUrl(deps, scope, alert));
  return {
    async post(channel, alert) {
      const client = await botClientFor(deps, scope);
      const message = await card(alert);
      const res = await client.chat.postMessage({ channel, ...message });
      return { channel: String(res.channel), ts: String(res.ts) };
    },
    async dm(userId, alert) {
      const client = await botClientFor(deps, scope);
      const opened = await client.conversations.open({ users: userId });
      const channel = opened.channel?.id;
      if (!channel) throw new Error(`Slack opened no DM with ${userId}`);
      const res = await client.chat.postMessage({ channel, ...(await card(alert)) });
      return { channel: String(res.channel), ts: String(res.ts) };
    },
    async update(message: MessageRef, alert) {
      const client = await botClientFor(deps, scope);
      await client.chat.update({ channel: message.channel, ts: message.ts, ...(await card(alert)) });
    },
    async ownerSlackUser(ownerId) {
      const email = await ownerEmail(await omni(), ownerId);
      if (!email) return undefined;
      const client = await botClientFor(deps, scope);
      try {
        const found = await pacedSlackCall(deps, scope, 'users.lookupByEmail', () =>
          client.users.lookupByEmail({ email }),
        );
        return found.user?.id;
      } catch (error) {
        // No Slack person with that email: the channel post is the alert.
        if ((error as { data?: { error?: string } }).data?.error === 'users_not_found') return undefined;
        throw error;
      }
    },
  };
}

/** Omni's SCIM API reads members by page only: walk them until the owner (called once per new failure). */
async function ownerEmail(omni: OmniClient, ownerId: string): Promise<string | undefined> {
  for await (const user of omni.iterateUsers()) if (user.id === ownerId) return user.userName;
  return undefined;
}

async function openInOmniUrl(deps: AppDeps, scope: WorkspaceScope, alert: AlertView): Promise<string> {
  const omni = await deps.omniFor(scope);
  const base = normaliseBaseUrl(omni.baseUrl);
  if (alert.state === 'deleted') return base;
  try {
    return omniScheduleUrl(base, await loadScheduleView(omni, alert.scheduleId)) ?? base;
  } catch {
    // The link is a nicety: the organization's page still gets the person to Omni.
    return base;
  }
}

/** Snooze's wake-up refused by Omni: tell the person who snoozed, by DM. */
export async function tellResumeRefused(deps: AppDeps, snooze: Snooze, reason: string): Promise<void> {
  const client = await botClientFor(deps, scopeOfKey(snooze.team));
  const opened = await client.conversations.open({ users: snooze.by });
  const channel = opened.channel?.id;
  if (!channel) throw new Error(`Slack opened no DM with ${snooze.by}`);
  await client.chat.postMessage({
    channel,
    text: `:warning: Your snooze of *${escapeSlackText(snooze.scheduleName)}* ended, but Omni refused to resume it: ${escapeSlackText(reason)}. It is still paused; resume it in Omni or with \`/schedule resume ${snooze.scheduleId}\`.`,
  });
}
