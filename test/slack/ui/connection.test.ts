import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { ActionIds, BlockIds, CallbackIds } from '../../../src/ids.js';
import {
  buildConnectedModal,
  buildConnectModal,
  buildDisconnectPrompt,
  buildStatusText,
} from '../../../src/slack/ui/connection.js';

describe('buildConnectModal', () => {
  it('asks for the URL, the key and a rate limit, within Slack limits', () => {
    const view = buildConnectModal();
    expectValidBlocks('modal', view);
    expect(view.callback_id).toBe(CallbackIds.connectView);
    const inputs = view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id);
    expect(inputs).toEqual([BlockIds.omniBaseUrlInput, BlockIds.omniApiKeyInput, BlockIds.omniRateLimitInput]);
    expect(JSON.stringify(view)).toContain(ActionIds.omniApiKeyField);
  });

  it('prefills the current URL and limit on a reconnect, never a key', () => {
    const view = buildConnectModal({ currentBaseUrl: 'https://blobsrus.omniapp.co', rateLimitPerMinute: 120 });
    expectValidBlocks('modal', view);
    const url = view.blocks.find((b) => b.block_id === BlockIds.omniBaseUrlInput);
    expect(url && 'element' in url && url.element).toMatchObject({ initial_value: 'https://blobsrus.omniapp.co' });
    const key = view.blocks.find((b) => b.block_id === BlockIds.omniApiKeyInput);
    expect(key && 'element' in key && 'initial_value' in key.element).toBe(false);
    expect(JSON.stringify(view)).toContain('Submitting replaces that connection');
    expect(view.private_metadata).toBeUndefined();
  });
});

describe('buildConnectedModal', () => {
  it('confirms the connection and says what to try next', () => {
    const view = buildConnectedModal('https://blobsrus.omniapp.co', 7);
    expectValidBlocks('modal', view);
    expect(JSON.stringify(view.blocks)).toContain(
      'now connected to Omni at https://blobsrus.omniapp.co. It has 7 schedules.',
    );
  });
});

describe('buildDisconnectPrompt', () => {
  it("asks once more with Slack's confirm dialog on a danger button", () => {
    const message = buildDisconnectPrompt({ baseUrl: 'https://blobsrus.omniapp.co' });
    expectValidBlocks('message', message);
    const actions = message.blocks.find((b) => b.type === 'actions');
    const button = actions && 'elements' in actions ? actions.elements[0] : undefined;
    expect(button).toMatchObject({
      action_id: ActionIds.disconnectButton,
      style: 'danger',
      confirm: { confirm: { text: 'Disconnect' }, deny: { text: 'Keep it' } },
    });
  });
});

describe('buildStatusText', () => {
  it('shows the org, who connected it and when, and what Omni answered', () => {
    const text = buildStatusText({
      kind: 'workspace',
      baseUrl: 'https://blobsrus.omniapp.co',
      connectedBy: 'U0ADMIN01',
      connectedAt: '2026-01-02T03:04:05.000Z',
      rateLimitPerMinute: 60,
      check: { ok: true, totalSchedules: 1 },
    });
    expect(text).toContain(
      'Connected to Omni at https://blobsrus.omniapp.co, connected by <@U0ADMIN01> on <!date^1767323045^',
    );
    expect(text).toContain('Omni answers: 1 schedule.');
  });

  it("says when Omni refuses, and when the connection comes from the server's configuration", () => {
    const text = buildStatusText({
      kind: 'config',
      baseUrl: 'https://x.omniapp.co',
      check: { ok: false, message: 'Omni refused.' },
    });
    expect(text).toContain("configured on the app's server (OMNI_BASE_URL)");
    expect(text).toContain(':warning: Omni refused.');
  });

  it('tells admins to connect and members to ask an admin', () => {
    expect(buildStatusText({ kind: 'not_connected', isAdmin: true })).toContain('Run `/schedule connect`');
    expect(buildStatusText({ kind: 'not_connected', isAdmin: false })).toContain('A workspace admin can connect it');
  });
});

describe('the reading Omni takes, on /schedule status', () => {
  const base = { baseUrl: 'https://acme.omniapp.co', check: { ok: true as const, totalSchedules: 2 } };
  it('names each reading, and says when none is known yet', () => {
    expect(buildStatusText({ kind: 'config', ...base, dialect: 'docs' })).toContain('as its API docs write them');
    expect(buildStatusText({ kind: 'config', ...base, dialect: 'spec' })).toContain('`webhookUrl`');
    expect(buildStatusText({ kind: 'config', ...base })).toContain('is learnt on the first one saved');
  });
});
