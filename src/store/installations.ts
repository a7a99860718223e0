// Bolt's InstallationStore on keyv, keyed like the official template: `enterprise:E…` for org-wide installs,
// `team:T…` otherwise, plus `<that>:user:U…` for user tokens. The whole Installation is stored (Bolt's token
// rotation re-stores it), with every token and the incoming-webhook URL encrypted.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import { decryptSecret, encryptSecret, SecretDecryptionError } from './crypto.js';
import { InstallationNotFoundError } from './errors.js';
import type { KvNamespace } from './namespace.js';
import { type ReencryptOutcome, reencryptNamespace } from './reencrypt.js';
import { checkedId, workspaceKey } from './scope.js';

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** Fields of an Installation that grant access to Slack. */
const SECRET_FIELDS = [
  ['bot', 'token'],
  ['bot', 'refreshToken'],
  ['user', 'token'],
  ['user', 'refreshToken'],
  ['incomingWebhook', 'url'],
] as const;

type StoredInstallation = { version: 1; installation: Record<string, unknown> };

export class KeyvInstallationStore implements InstallationStore {
  constructor(
    private readonly kv: KvNamespace,
    private readonly keys: readonly Buffer[],
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const base = workspaceKey({
      isEnterpriseInstall: installation.isEnterpriseInstall,
      enterpriseId: installation.enterprise?.id,
      teamId: installation.team?.id,
    });
    const operation = "save this workspace's Slack installation";
    // The latest installation carries the bot token everyone uses.
    await this.kv.set(base, this.encode(base, installation), operation);
    if (installation.user?.token) {
      const userKey = userRecordKey(base, installation.user.id);
      await this.kv.set(userKey, this.encode(userKey, installation), operation);
    }
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const base = workspaceKey(query);
    const operation = "read this workspace's Slack installation";
    const stored = await this.kv.get<unknown>(base, operation);
    if (stored === undefined) {
      throw new InstallationNotFoundError(
        `No installation data found (enterprise_id: ${query.enterpriseId}, team_id: ${query.teamId}, user_id: ${query.userId})`,
      );
    }
    const installation = this.decode(base, stored);
    if (!query.userId) return installation;
    const userKey = userRecordKey(base, query.userId);
    const storedForUser = await this.kv.get<unknown>(userKey, operation);
    if (storedForUser === undefined) return { ...installation, user: withoutUserToken(installation.user) };
    return { ...installation, user: this.decode(userKey, storedForUser).user };
  }

  /** With `userId`: forgets that user's token. Without: forgets the installation and every user token under it. */
  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const base = workspaceKey(query);
    const operation = "remove this workspace's Slack installation";
    if (query.userId) {
      await this.kv.delete(userRecordKey(base, query.userId), operation);
      await this.forgetUserTokenInLatest(base, query.userId);
      return;
    }
    for (const userKey of await this.kv.keys(`${base}:user:`, operation)) {
      await this.kv.delete(userKey, operation);
    }
    await this.kv.delete(base, operation);
  }

  /** Rewrites every stored installation under the first key. */
  reencryptAll(): Promise<ReencryptOutcome> {
    return reencryptNamespace(this.kv, 're-encrypt the stored Slack installations', (key, stored) =>
      this.encode(key, this.decode(key, stored)),
    );
  }

  /** A revoked user token must not live on in the latest installation either. */
  private async forgetUserTokenInLatest(base: string, userId: string): Promise<void> {
    const operation = "remove a user's Slack token";
    const stored = await this.kv.get<unknown>(base, operation);
    if (stored === undefined) return;
    const latest = this.decode(base, stored);
    if (latest.user?.id !== userId || !latest.user.token) return;
    await this.kv.set(base, this.encode(base, { ...latest, user: withoutUserToken(latest.user) }), operation);
  }

  private encode(key: string, installation: Installation<'v1' | 'v2', boolean>): StoredInstallation {
    const copy = structuredClone(installation) as unknown as Record<string, unknown>;
    for (const [section, field] of SECRET_FIELDS) {
      const holder = copy[section] as Record<string, unknown> | undefined;
      const value = holder?.[field];
      if (holder && typeof value === 'string') {
        holder[field] = encryptSecret(value, this.keys, secretContext(key, section, field));
      }
    }
    return { version: 1, installation: copy };
  }

  private decode(key: string, stored: unknown): AnyInstallation {
    const record = stored as Partial<StoredInstallation> | null;
    if (record?.version !== 1 || typeof record.installation !== 'object' || record.installation === null) {
      throw new SecretDecryptionError(
        `The stored Slack installation (${key}) is unreadable (not in the expected format); reinstall the app`,
      );
    }
    const copy = structuredClone(record.installation);
    for (const [section, field] of SECRET_FIELDS) {
      const holder = copy[section] as Record<string, unknown> | undefined;
      const value = holder?.[field];
      if (!holder || value === undefined || value === null) continue;
      try {
        holder[field] = decryptSecret(String(value), this.keys, secretContext(key, section, field));
      } catch (error) {
        throw new SecretDecryptionError(
          `The stored Slack installation (${key}) cannot be decrypted: ${(error as Error).message}; reinstall the app`,
          { cause: error },
        );
      }
    }
    return copy as unknown as AnyInstallation;
  }
}

function userRecordKey(base: string, userId: string): string {
  return `${base}:user:${checkedId(userId, 'user')}`;
}

function withoutUserToken(user: AnyInstallation['user']): AnyInstallation['user'] {
  return { ...user, token: undefined, refreshToken: undefined, expiresAt: undefined, scopes: undefined };
}

// Bound to the record and the field, so a token cannot be moved to another workspace or field unnoticed.
function secretContext(key: string, section: string, field: string): string {
  return `slack-installation:${key}:${section}.${field}`;
}
