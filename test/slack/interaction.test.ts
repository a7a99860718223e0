// The per-request Interaction: what it reads, and how often.
import type { Logger } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { describe, expect, it, vi } from 'vitest';
import { MemoryRateBudget } from '../../src/coordination/rate-budget.js';
import { SlackBudget } from '../../src/coordination/slack-budget.js';
import type { AppDeps } from '../../src/slack/deps.js';
import { AccessDeniedError, NotConnectedError } from '../../src/slack/errors.js';
import { createInteraction, displayOf, requestFacts } from '../../src/slack/interaction.js';

const logger = { info: vi.fn(), warn: vi.fn(), error: vi.fn(), debug: vi.fn() } as unknown as Logger;

function setup(opts: { connected?: boolean; user?: Record<string, unknown> } = {}) {
  const connectionsGet = vi.fn(async () =>
    opts.connected === false ? undefined : { baseUrl: 'https://acme.omniapp.co/', apiKey: 'k', rateLimitPerMinute: 60 },
  );
  const usersInfo = vi.fn(async () => ({ ok: true, user: opts.user ?? { id: 'U1', tz: 'Europe/Paris' } }));
  const omniFor = vi.fn(async (_scope: unknown, connection?: { baseUrl: string }) => ({
    baseUrl: connection?.baseUrl,
  }));
  const deps = {
    config: { install: 'oauth' },
    store: {
      cache: () => ({ get: async () => undefined, set: async () => {} }),
      connections: { get: connectionsGet },
    },
    omniFor,
    slackBudget: new SlackBudget(new MemoryRateBudget()),
  } as unknown as AppDeps;
  const client = { users: { info: usersInfo } } as unknown as WebClient;
  const interaction = createInteraction({ deps, scope: { teamId: 'T1' }, userId: 'U1', client, logger });
  return { interaction, connectionsGet, usersInfo, omniFor };
}

describe('createInteraction', () => {
  it('reads the connection and asks users.info once, however many steps need them', async () => {
    const { interaction, connectionsGet, usersInfo, omniFor } = setup();
    await interaction.requireAccess('member');
    await interaction.connection();
    const omni = await interaction.omni();
    const display = await interaction.display();
    await interaction.actor();

    expect(connectionsGet).toHaveBeenCalledTimes(1);
    expect(usersInfo).toHaveBeenCalledTimes(1);
    // The client is built from the connection already read, not from a second read.
    expect(omniFor).toHaveBeenCalledWith({ teamId: 'T1' }, expect.objectContaining({ source: 'workspace' }));
    expect(omni).toEqual({ baseUrl: 'https://acme.omniapp.co/' });
    expect(display).toEqual({ zone: 'Europe/Paris', omniBase: 'https://acme.omniapp.co' });
  });

  it('reads nothing until a step needs it', () => {
    const { connectionsGet, usersInfo } = setup();
    expect(connectionsGet).not.toHaveBeenCalled();
    expect(usersInfo).not.toHaveBeenCalled();
  });

  it('says "not connected" for the Omni client of a workspace without a connection', async () => {
    const { interaction, omniFor } = setup({ connected: false });
    await expect(interaction.omni()).rejects.toBeInstanceOf(NotConnectedError);
    expect(omniFor).not.toHaveBeenCalled();
  });

  it('refuses a guest with the message meant for them', async () => {
    const { interaction } = setup({ user: { id: 'U1', is_restricted: true } });
    const refusal = await interaction.requireAccess('member').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AccessDeniedError);
    expect((refusal as Error).message).toMatch(/^Guests cannot use Omni schedules/);
  });
});

describe('displayOf', () => {
  it('leaves out what it does not know', () => {
    expect(displayOf(undefined, undefined)).toEqual({});
  });
});

describe('requestFacts', () => {
  it('finds the person, channel and trigger in commands, actions and events', () => {
    expect(requestFacts({ user_id: 'U1', channel_id: 'C1', trigger_id: 't1' })).toEqual({
      userId: 'U1',
      channelId: 'C1',
      triggerId: 't1',
    });
    expect(requestFacts({ user: { id: 'U2' }, channel: { id: 'C2' }, trigger_id: 't2' })).toEqual({
      userId: 'U2',
      channelId: 'C2',
      triggerId: 't2',
    });
    expect(requestFacts({ event: { type: 'app_home_opened', user: 'U3' } })).toEqual({ userId: 'U3' });
    expect(requestFacts({ event: { type: 'app_uninstalled' } })).toEqual({ userId: '' });
  });
});
