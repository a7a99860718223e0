// What test-app needs beyond payloads.ts: the app's own message shortcut by default, and the Installation Bolt's
// OAuth flow would have stored for a workspace of the fake Slack.
import type { Installation } from '@slack/bolt';
import type { FakeWorkspace } from '../../src/fake-slack/fake-slack-model.js';
import {
  type MessageShortcutInput,
  type PayloadContext,
  messageShortcutPayload as shortcutPayload,
  viewClosedPayload,
} from '../../src/fake-slack/payloads.js';
import { CallbackIds } from '../../src/ids.js';
import { BOT_SCOPES } from '../../src/slack/scopes.js';

/** The message shortcut payload, for the app's one message shortcut unless told otherwise. */
export function messageShortcutPayload(input: Partial<MessageShortcutInput> & PayloadContext): Record<string, unknown> {
  return shortcutPayload({ ...input, callbackId: input.callbackId ?? CallbackIds.createFromMessageShortcut });
}

export type { MessageShortcutInput };
export { viewClosedPayload };

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
