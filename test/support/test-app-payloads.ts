// What test-app needs that payloads.ts does not build: the message shortcut (`message_action`) and view_closed
// payloads, and the Installation Bolt's OAuth flow would have stored for a workspace of the fake Slack.
import type { Installation } from '@slack/bolt';
import { FAKE_DEFAULTS, type FakeWorkspace } from '../../src/fake-slack/fake-slack-model.js';
import type { PayloadContext, ViewLike } from '../../src/fake-slack/payloads.js';
import { CallbackIds } from '../../src/ids.js';
import { BOT_SCOPES } from '../../src/slack/scopes.js';

export interface MessageShortcutInput extends PayloadContext {
  /** Default: CallbackIds.createFromMessageShortcut. */
  callbackId: string;
  channel: string;
  triggerId: string;
  responseUrl: string;
  /** The message the shortcut was used on. */
  message: { ts?: string; text?: string; user?: string; blocks?: unknown[] } & Record<string, unknown>;
}

function nowTs(): string {
  const ms = Date.now();
  return `${Math.floor(ms / 1000)}.${String((ms % 1000) * 1000).padStart(6, '0')}`;
}

/** What Slack sends when someone picks the app's message shortcut on a message. */
export function messageShortcutPayload(input: Partial<MessageShortcutInput> & PayloadContext): Record<string, unknown> {
  const user = typeof input.user === 'string' ? { id: input.user } : input.user;
  const teamId = typeof input.team === 'string' ? input.team : (input.team?.id ?? FAKE_DEFAULTS.teamId);
  const message = { type: 'message', ts: nowTs(), text: '', user: user.id, ...input.message };
  const channel = input.channel ?? 'C0000GEN1';
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: nowTs(),
    callback_id: input.callbackId ?? CallbackIds.createFromMessageShortcut,
    trigger_id: input.triggerId ?? `0.${Math.floor(Date.now() / 1000)}.not-issued-by-the-fake`,
    team: { id: teamId, domain: teamId === FAKE_DEFAULTS.teamId ? FAKE_DEFAULTS.teamDomain : teamId.toLowerCase() },
    user: {
      id: user.id,
      name: user.name ?? user.id.toLowerCase(),
      username: user.name ?? user.id.toLowerCase(),
      team_id: user.team_id ?? teamId,
    },
    channel: { id: channel, name: channel === 'C0000GEN1' ? 'general' : channel.toLowerCase() },
    message_ts: message.ts,
    message,
    response_url: input.responseUrl ?? '',
    enterprise: input.enterprise
      ? { id: input.enterprise.id, name: input.enterprise.name ?? input.enterprise.id }
      : null,
    is_enterprise_install: input.isEnterpriseInstall ?? false,
    api_app_id: input.apiAppId ?? FAKE_DEFAULTS.appId,
  };
}

/** What Slack sends when someone closes a modal opened with `notify_on_close` (Cancel, ×, or Escape). */
export function viewClosedPayload(input: PayloadContext & { view: ViewLike }): Record<string, unknown> {
  const user = typeof input.user === 'string' ? { id: input.user } : input.user;
  const teamId = typeof input.team === 'string' ? input.team : (input.team?.id ?? FAKE_DEFAULTS.teamId);
  const { open: _open, errors: _errors, user_id: _user, ...view } = input.view as unknown as Record<string, unknown>;
  return {
    type: 'view_closed',
    token: 'legacy-verification-token',
    api_app_id: input.apiAppId ?? FAKE_DEFAULTS.appId,
    team: { id: teamId, domain: teamId === FAKE_DEFAULTS.teamId ? FAKE_DEFAULTS.teamDomain : teamId.toLowerCase() },
    enterprise: input.enterprise
      ? { id: input.enterprise.id, name: input.enterprise.name ?? input.enterprise.id }
      : null,
    is_enterprise_install: input.isEnterpriseInstall ?? false,
    user: {
      id: user.id,
      name: user.name ?? user.id.toLowerCase(),
      username: user.name ?? user.id.toLowerCase(),
      team_id: user.team_id ?? teamId,
    },
    view,
    is_cleared: false,
  };
}

/** What Bolt's OAuth flow would have stored for a workspace of the fake Slack. */
export function installationFor(ws: FakeWorkspace): Installation<'v2', boolean> {
  return {
    team: ws.isEnterpriseInstall ? undefined : { id: ws.teamId, name: ws.teamName },
    enterprise: ws.enterpriseId ? { id: ws.enterpriseId, name: ws.enterpriseName ?? ws.enterpriseId } : undefined,
    isEnterpriseInstall: ws.isEnterpriseInstall,
    appId: ws.appId,
    authVersion: 'v2',
    tokenType: 'bot',
    user: { id: 'U0ADMIN01', token: undefined, scopes: undefined },
    bot: { token: ws.token, scopes: [...BOT_SCOPES], id: ws.botId, userId: ws.botUserId },
  } as Installation<'v2', boolean>;
}
