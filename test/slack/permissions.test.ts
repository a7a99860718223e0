import type { WebClient } from '@slack/web-api';
import { describe, expect, it, vi } from 'vitest';
import { MemoryRateBudget, type RateBudget } from '../../src/coordination/rate-budget.js';
import { SLACK_TIER_PER_MINUTE, SlackBudget } from '../../src/coordination/slack-budget.js';
import { AccessDeniedError } from '../../src/slack/errors.js';
import {
  ACTOR_CACHE_TTL_MS,
  type Actor,
  accessRefusal,
  actorFromSlackUser,
  getActor,
  requireAccess,
} from '../../src/slack/permissions.js';
import type { AppStore, TtlCache } from '../../src/store/index.js';

const actor = (o: Partial<Actor> = {}): Actor => ({
  userId: 'U1',
  isAdmin: false,
  isOwner: false,
  isGuest: false,
  isBot: false,
  isDeleted: false,
  isExternal: false,
  isOrgAdmin: false,
  orgWideInstall: false,
  ...o,
});

describe('accessRefusal', () => {
  it('lets members do member things and refuses them admin things', () => {
    expect(accessRefusal(actor(), 'member')).toBeUndefined();
    expect(accessRefusal(actor(), 'admin')).toBe(
      'Only workspace admins and owners can do this. Ask one of them, or ask them to make you an admin.',
    );
  });

  it('lets admins and owners do admin things', () => {
    expect(accessRefusal(actor({ isAdmin: true }), 'admin')).toBeUndefined();
    expect(accessRefusal(actor({ isOwner: true }), 'admin')).toBeUndefined();
  });

  it('refuses people from other organisations everything unless the workspace allows them', () => {
    const stranger = actor({ isExternal: true, isAdmin: true });
    expect(accessRefusal(stranger, 'member')).toMatch(/^People from other organizations cannot use Omni schedules/);
    expect(accessRefusal(stranger, 'admin')).toMatch(/external:on/);
    expect(accessRefusal({ ...stranger, externalAllowed: false }, 'member')).toMatch(/^People from other/);
    expect(accessRefusal({ ...stranger, externalAllowed: true }, 'member')).toBeUndefined();
    // Allowed in, they are still not this workspace's admins unless Slack says so.
    expect(accessRefusal({ ...stranger, externalAllowed: true }, 'admin')).toMatch(/^Only workspace admins/);
  });

  it('tells external people from their users.info: is_stranger, or another home team or org', () => {
    const home = { teamId: 'T1', isEnterpriseInstall: false } as const;
    expect(actorFromSlackUser('U2', { id: 'U2', team_id: 'T1' }, home).isExternal).toBe(false);
    expect(actorFromSlackUser('U2', { id: 'U2', team_id: 'T9' }, home).isExternal).toBe(true);
    expect(actorFromSlackUser('U2', { id: 'U2', is_stranger: true }, home).isExternal).toBe(true);
    const org = { enterpriseId: 'E1', isEnterpriseInstall: true } as const;
    expect(
      actorFromSlackUser('U2', { id: 'U2', team_id: 'T5', enterprise_user: { enterprise_id: 'E1' } }, org).isExternal,
    ).toBe(false);
    expect(
      actorFromSlackUser('U2', { id: 'U2', team_id: 'T5', enterprise_user: { enterprise_id: 'E2' } }, org).isExternal,
    ).toBe(true);
  });

  it('on an org-wide install, keeps admin things for org admins and owners', () => {
    const wsAdmin = actor({ isAdmin: true, orgWideInstall: true });
    expect(accessRefusal(wsAdmin, 'admin')).toMatch(/installed for the whole organization: only org admins/);
    expect(accessRefusal(wsAdmin, 'member')).toBeUndefined();
    expect(accessRefusal({ ...wsAdmin, isOrgAdmin: true }, 'admin')).toBeUndefined();
    const org = { enterpriseId: 'E1', isEnterpriseInstall: true } as const;
    const orgOwner = {
      id: 'U3',
      team_id: 'T5',
      is_admin: true,
      enterprise_user: { enterprise_id: 'E1', is_owner: true },
    };
    expect(actorFromSlackUser('U3', orgOwner, org)).toMatchObject({ isOrgAdmin: true, orgWideInstall: true });
  });

  it('refuses guests everything, even a guest marked admin', () => {
    const guest = actor({ isGuest: true });
    expect(accessRefusal(guest, 'member')).toMatch(/^Guests cannot use Omni schedules/);
    expect(accessRefusal({ ...guest, isAdmin: true }, 'admin')).toMatch(/^Guests cannot/);
  });

  it('refuses bots and deactivated accounts', () => {
    expect(accessRefusal(actor({ isBot: true }), 'member')).toMatch(/Only people/);
    expect(accessRefusal(actor({ isDeleted: true }), 'member')).toMatch(/Only people/);
  });
});

describe('actorFromSlackUser', () => {
  it("reads Slack's flags: single- and multi-channel guests, owners, primary owners", () => {
    expect(actorFromSlackUser('U1', { is_restricted: true }).isGuest).toBe(true);
    expect(actorFromSlackUser('U1', { is_ultra_restricted: true }).isGuest).toBe(true);
    expect(actorFromSlackUser('U1', { is_primary_owner: true }).isOwner).toBe(true);
    expect(actorFromSlackUser('U1', { is_admin: true, tz: 'Europe/Paris' })).toMatchObject({
      isAdmin: true,
      tz: 'Europe/Paris',
    });
    expect(actorFromSlackUser('U1', undefined)).toMatchObject({ isAdmin: false, isGuest: false });
  });
});

function memoryCache(): TtlCache & { ttls: number[] } {
  const map = new Map<string, unknown>();
  const ttls: number[] = [];
  return {
    ttls,
    get: async <T>(k: string) => map.get(k) as T | undefined,
    set: async (k, v, ttl) => {
      ttls.push(ttl);
      map.set(k, v);
    },
    delete: async (k) => map.delete(k),
    getOrLoad: async () => {
      throw new Error('unused');
    },
  };
}

function fakeClient(user: Record<string, unknown>) {
  const info = vi.fn(async () => ({ ok: true, user }));
  return { client: { users: { info } } as unknown as WebClient, info };
}

describe('getActor / requireAccess', () => {
  const scope = { teamId: 'T1' };
  const slackBudget = new SlackBudget(new MemoryRateBudget());

  it('asks users.info once and then answers from the cache for a minute', async () => {
    const cache = memoryCache();
    const store = { cache: () => cache } as unknown as AppStore;
    const { client, info } = fakeClient({ id: 'U1', is_admin: true });
    expect((await getActor({ store, slackBudget }, client, scope, 'U1')).isAdmin).toBe(true);
    expect((await getActor({ store, slackBudget }, client, scope, 'U1')).isAdmin).toBe(true);
    expect(info).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith({ user: 'U1' });
    expect(cache.ttls).toEqual([ACTOR_CACHE_TTL_MS]);
  });

  it("waits on the workspace's users.info budget (shared by the replicas) before asking Slack", async () => {
    const store = { cache: () => memoryCache() } as unknown as AppStore;
    const { client, info } = fakeClient({ id: 'U1' });
    const taken: string[] = [];
    const budget = new MemoryRateBudget();
    const recording: RateBudget = {
      take: (key, limit, windowMs) => {
        taken.push(`${key} ${limit}`);
        return budget.take(key, limit, windowMs);
      },
      block: (key, ms) => budget.block(key, ms),
    };
    await getActor({ store, slackBudget: new SlackBudget(recording) }, client, scope, 'U1');
    expect(taken).toEqual([`slack:T1:users.info ${SLACK_TIER_PER_MINUTE[4]}`]);
    expect(info).toHaveBeenCalledTimes(1);
  });

  it('asks Slack directly when the cache is unavailable', async () => {
    const store = {
      cache: () => ({
        get: async () => Promise.reject(new Error('down')),
        set: async () => Promise.reject(new Error('down')),
      }),
    } as unknown as AppStore;
    const { client, info } = fakeClient({ id: 'U1', is_restricted: true });
    expect((await getActor({ store, slackBudget }, client, scope, 'U1')).isGuest).toBe(true);
    expect(info).toHaveBeenCalledTimes(1);
  });

  it('throws AccessDeniedError with the refusal for the user', async () => {
    const store = { cache: () => memoryCache() } as unknown as AppStore;
    const { client } = fakeClient({ id: 'U1' });
    const denied = requireAccess({ store, slackBudget }, client, scope, 'U1', 'admin');
    await expect(denied).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(denied).rejects.toThrow(/^Only workspace admins and owners/);
    await expect(requireAccess({ store, slackBudget }, client, scope, 'U1', 'member')).resolves.toMatchObject({
      userId: 'U1',
    });
  });
});
