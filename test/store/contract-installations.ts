// Contract cases for the Bolt installation store (after seratch/slack-bolt-extensions' test kit) and for the TTL
// cache, run against every backend.
import type { Installation, InstallationQuery } from '@slack/bolt';
import { describe, expect, it, vi } from 'vitest';
import { InstallationNotFoundError, SecretDecryptionError } from '../../src/store/index.js';
import type { Harness } from './harness.js';
import { newKey } from './support.js';

const EXPIRES_AT = 1_900_000_000;

function workspaceInstall(teamId = 'T0TEAM1'): Installation<'v2', false> {
  return {
    team: { id: teamId, name: 'Acme' },
    enterprise: { id: 'E0ORG1', name: 'Acme Org' },
    user: {
      id: 'U0USER1',
      token: `xoxp-u-${teamId}`,
      refreshToken: 'xoxe-1-first',
      expiresAt: EXPIRES_AT,
      scopes: ['users:read'],
    },
    bot: {
      id: 'B0BOT',
      userId: 'U0BOT',
      token: `xoxb-fake-${teamId}`,
      refreshToken: 'xoxe-1-bot-first',
      expiresAt: EXPIRES_AT,
      scopes: ['commands', 'chat:write'],
    },
    incomingWebhook: { url: `https://hooks.slack.com/services/${teamId}/B0/hooksecret`, channelId: 'C0CHAN' },
    appId: 'A0APP',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

function orgInstall(): Installation<'v2', true> {
  return {
    team: undefined,
    enterprise: { id: 'E0ORG1', name: 'Acme Org' },
    user: {
      id: 'U0USER1',
      token: 'xoxp-org-first',
      refreshToken: 'xoxe-1-org',
      expiresAt: EXPIRES_AT,
      scopes: ['users:read'],
    },
    bot: {
      id: 'B0BOT',
      userId: 'U0BOT',
      token: 'xoxb-org-first',
      refreshToken: 'xoxe-1-bot-org',
      expiresAt: EXPIRES_AT,
      scopes: ['commands'],
    },
    appId: 'A0APP',
    enterpriseUrl: 'https://acme.enterprise.slack.com/',
    tokenType: 'bot',
    isEnterpriseInstall: true,
    authVersion: 'v2',
  };
}

const clone = <T>(value: T): T => structuredClone(value);

export function installationContract(h: Harness): void {
  describe('Slack installations', () => {
    // The test kit's sequence: user 1 installs twice (the second time with new user tokens), then user 2 installs
    // without user scopes and brings the latest bot token.
    const checklist = (
      name: string,
      first: () => Installation,
      botQuery: InstallationQuery<boolean>,
      notFound: string,
    ) => {
      it(`${name}: latest bot token for everyone, each user's own token, deletes by user and by workspace`, async () => {
        const store = await h.open();
        const installs = store.installations;
        const input = first();
        await installs.storeInstallation(input);
        const userLatest = clone(input);
        userLatest.user.token = 'xoxp-YYY';
        userLatest.user.refreshToken = 'xoxe-1-YYY';
        await installs.storeInstallation(userLatest);
        const botLatest = clone(input);
        botLatest.user = { id: 'U0USER2', token: undefined, scopes: undefined };
        if (!botLatest.bot) throw new Error('fixture without bot');
        botLatest.bot.token = 'xoxb-XXX';
        botLatest.bot.refreshToken = 'xoxe-1-XXX';
        await installs.storeInstallation(botLatest);

        const user1Query = { ...botQuery, userId: 'U0USER1' };
        const forUser1 = await installs.fetchInstallation(user1Query);
        expect(forUser1.user).toMatchObject({
          id: 'U0USER1',
          token: 'xoxp-YYY',
          refreshToken: 'xoxe-1-YYY',
          expiresAt: EXPIRES_AT,
        });
        expect(forUser1.bot).toMatchObject({ token: 'xoxb-XXX', refreshToken: 'xoxe-1-XXX', expiresAt: EXPIRES_AT });
        expect(forUser1.appId).toBe('A0APP');
        expect(forUser1.isEnterpriseInstall).toBe(input.isEnterpriseInstall);

        const forBot = await installs.fetchInstallation(botQuery);
        expect(forBot.bot?.token).toBe('xoxb-XXX');
        const forStranger = await installs.fetchInstallation({ ...botQuery, userId: 'U0NOBODY' });
        expect(forStranger.user.token).toBeUndefined();
        expect(forStranger.bot?.token).toBe('xoxb-XXX');

        await installs.deleteInstallation(user1Query);
        const afterUserDelete = await installs.fetchInstallation(user1Query);
        expect(afterUserDelete.user.token).toBeUndefined();
        expect(afterUserDelete.bot?.token).toBe('xoxb-XXX');

        await installs.deleteInstallation(botQuery);
        const error = await installs.fetchInstallation(botQuery).catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(InstallationNotFoundError);
        expect((error as Error).message).toBe(notFound);
        await expect(installs.fetchInstallation(user1Query)).rejects.toBeInstanceOf(InstallationNotFoundError);
        const left = [...(await h.raw.rows()).keys()].filter((key) => key.startsWith(h.ns('installations')));
        expect(left).toEqual([]);
      });
    };

    checklist(
      'workspace install',
      () => workspaceInstall(),
      { teamId: 'T0TEAM1', enterpriseId: 'E0ORG1', isEnterpriseInstall: false },
      'No installation data found (enterprise_id: E0ORG1, team_id: T0TEAM1, user_id: undefined)',
    );
    checklist(
      'org-wide install',
      () => orgInstall(),
      { teamId: undefined, enterpriseId: 'E0ORG1', isEnterpriseInstall: true },
      'No installation data found (enterprise_id: E0ORG1, team_id: undefined, user_id: undefined)',
    );

    it('keeps an org-wide install, a workspace install in the same org, and another team apart', async () => {
      const store = await h.open();
      await store.installations.storeInstallation(orgInstall());
      await store.installations.storeInstallation(workspaceInstall('T0TEAM1'));
      await store.installations.storeInstallation(workspaceInstall('T0TEAM2'));
      const viaOrg = await store.installations.fetchInstallation({
        enterpriseId: 'E0ORG1',
        teamId: 'T0TEAM1',
        isEnterpriseInstall: true,
      });
      expect(viaOrg.bot?.token).toBe('xoxb-org-first');
      const teamOne = { enterpriseId: 'E0ORG1', teamId: 'T0TEAM1', isEnterpriseInstall: false } as const;
      expect((await store.installations.fetchInstallation(teamOne)).bot?.token).toBe('xoxb-fake-T0TEAM1');
      const teamTwo = { enterpriseId: undefined, teamId: 'T0TEAM2', isEnterpriseInstall: false } as const;
      expect((await store.installations.fetchInstallation(teamTwo)).bot?.token).toBe('xoxb-fake-T0TEAM2');

      await store.installations.deleteInstallation({
        enterpriseId: 'E0ORG1',
        teamId: undefined,
        isEnterpriseInstall: true,
      });
      expect((await store.installations.fetchInstallation(teamOne)).bot?.token).toBe('xoxb-fake-T0TEAM1');
      await expect(
        store.installations.fetchInstallation({ enterpriseId: 'E0ORG1', teamId: undefined, isEnterpriseInstall: true }),
      ).rejects.toBeInstanceOf(InstallationNotFoundError);
    });

    it('does not show one namespace prefix (another app) the installs of another', async () => {
      const store = await h.open();
      await store.installations.storeInstallation(workspaceInstall());
      const other = await h.open({ namespacePrefix: `${h.prefix}-b` });
      const query = { enterpriseId: 'E0ORG1', teamId: 'T0TEAM1', isEnterpriseInstall: false } as const;
      await expect(other.installations.fetchInstallation(query)).rejects.toBeInstanceOf(InstallationNotFoundError);
    });

    it('keeps a rotated token (Bolt re-stores the refreshed installation)', async () => {
      const store = await h.open();
      const input = workspaceInstall();
      await store.installations.storeInstallation(input);
      const refreshed = clone(input);
      if (!refreshed.bot) throw new Error('fixture without bot');
      refreshed.bot.token = 'xoxb-rotated';
      refreshed.bot.refreshToken = 'xoxe-1-rotated';
      refreshed.bot.expiresAt = EXPIRES_AT + 43_200;
      await store.installations.storeInstallation(refreshed);
      const fetched = await store.installations.fetchInstallation({
        teamId: 'T0TEAM1',
        enterpriseId: 'E0ORG1',
        isEnterpriseInstall: false,
      });
      expect(fetched.bot).toMatchObject({
        token: 'xoxb-rotated',
        refreshToken: 'xoxe-1-rotated',
        expiresAt: EXPIRES_AT + 43_200,
      });
      expect(fetched.incomingWebhook?.url).toBe(input.incomingWebhook?.url);
    });

    it('never writes tokens or the webhook URL in plain text', async () => {
      const store = await h.open();
      const input = workspaceInstall();
      await store.installations.storeInstallation(input);
      const secrets = [
        input.bot?.token,
        input.bot?.refreshToken,
        input.user.token,
        input.user.refreshToken,
        input.incomingWebhook?.url,
      ];
      const rows = [...(await h.raw.rows()).values()];
      expect(rows.length).toBe(2); // the latest installation and user U0USER1's token
      for (const row of rows) {
        expect(row).toContain('enc1.');
        expect(row).toContain('A0APP'); // the rest of the Installation is kept
        for (const secret of secrets) expect(row).not.toContain(String(secret));
      }
    });

    it('re-encrypts installation tokens along with connections', async () => {
      const oldKey = newKey();
      const freshKey = newKey();
      const before = await h.open({ encryptionKeys: [oldKey] });
      await before.installations.storeInstallation(workspaceInstall());
      await before.close();
      const rotating = await h.open({ encryptionKeys: [freshKey, oldKey] });
      expect(await rotating.connections.reencryptAll()).toBe(2); // no connection; the install and its user token
      await rotating.close();
      const after = await h.open({ encryptionKeys: [freshKey] });
      const query = {
        teamId: 'T0TEAM1',
        enterpriseId: 'E0ORG1',
        isEnterpriseInstall: false,
        userId: 'U0USER1',
      } as const;
      const fetched = await after.installations.fetchInstallation(query);
      expect(fetched.user.token).toBe('xoxp-u-T0TEAM1');
      const stale = await h.open({ encryptionKeys: [oldKey] });
      await expect(stale.installations.fetchInstallation(query)).rejects.toBeInstanceOf(SecretDecryptionError);
    });
  });
}

export function cacheContract(h: Harness): void {
  describe('TTL caches', () => {
    it('stores, reads, expires and deletes values', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const store = await h.open();
      const cache = store.cache('documents');
      await cache.set('team:T1:docs', [{ id: 'd1' }], 60_000);
      expect(await cache.get('team:T1:docs')).toEqual([{ id: 'd1' }]);
      expect(await store.cache('documents').get('team:T1:docs')).toEqual([{ id: 'd1' }]);
      expect(await store.cache('users').get('team:T1:docs')).toBeUndefined();
      vi.setSystemTime(Date.now() + 60_001);
      expect(await cache.get('team:T1:docs')).toBeUndefined();
      await cache.set('k', 1, 60_000);
      expect(await cache.delete('k')).toBe(true);
      expect(await cache.get('k')).toBeUndefined();
      await expect(cache.set('k', 1, 0)).rejects.toThrow(/positive/);
      expect(() => store.cache('Bad Name')).toThrow(/Cache namespace/);
    });

    it('loads once for concurrent callers, then serves from the cache; failed loads are not cached', async () => {
      const store = await h.open();
      const cache = store.cache('dashboards');
      let loads = 0;
      const load = async () => {
        loads += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { name: 'Sales', loads };
      };
      const results = await Promise.all([1, 2, 3].map(() => cache.getOrLoad('team:T1:dash', 60_000, load)));
      expect(results).toEqual([1, 2, 3].map(() => ({ name: 'Sales', loads: 1 })));
      expect(await cache.getOrLoad('team:T1:dash', 60_000, load)).toEqual({ name: 'Sales', loads: 1 });
      expect(loads).toBe(1);

      await expect(cache.getOrLoad('fails', 60_000, () => Promise.reject(new Error('Omni said no')))).rejects.toThrow(
        'Omni said no',
      );
      expect(await cache.getOrLoad('fails', 60_000, async () => 'second try')).toBe('second try');
    });

    it('accepts keys longer than the backend allows', async () => {
      const store = await h.open();
      const cache = store.cache('long');
      const key = `team:T1:${'x'.repeat(400)}`;
      await cache.set(key, 'value', 60_000);
      expect(await cache.get(key)).toBe('value');
    });

    if (!h.target.nativeTtl) {
      it('sweeps expired rows now and then, since this backend keeps them until read', async () => {
        vi.useFakeTimers({ toFake: ['Date'] });
        const store = await h.open({ cacheSweepIntervalMs: 1_000 });
        const cache = store.cache('sweep');
        await cache.set('old', 1, 500);
        vi.setSystemTime(Date.now() + 5_000);
        await cache.set('new', 2, 60_000); // triggers the sweep
        await store.close(); // waits for it
        const keys = [...(await h.raw.rows()).keys()];
        expect(keys).toContain(h.raw.fullKey(h.ns('cache-sweep'), 'new'));
        expect(keys).not.toContain(h.raw.fullKey(h.ns('cache-sweep'), 'old'));
      });
    }
  });
}
