// A workspace's Omni connection. The API key is encrypted (AES-256-GCM) before it reaches the store, bound to the
// workspace's key so a record copied under another workspace does not decrypt.
import { z } from 'zod';
import { decryptSecret, encryptSecret, SecretDecryptionError } from './crypto.js';
import type { KvNamespace } from './namespace.js';
import { type ReencryptOutcome, reencryptNamespace } from './reencrypt.js';
import { type WorkspaceScope, workspaceKey } from './scope.js';
import { parseOrThrow } from './validation.js';

export type OmniConnection = {
  baseUrl: string;
  apiKey: string;
  /** Slack user id of the admin who connected it. */
  connectedBy: string;
  /** ISO 8601 timestamp. */
  connectedAt: string;
  rateLimitPerMinute: number;
  /**
   * Which reading of Omni's schedule bodies this organization accepted (its docs' or its OpenAPI spec's),
   * once the client has learnt it; absent until then.
   */
  dialect?: ConnectionDialect;
};

export type ConnectionDialect = 'docs' | 'spec';

export interface ConnectionStore {
  /** The workspace's connection with its API key decrypted, or undefined when it has none. */
  get(scope: WorkspaceScope): Promise<OmniConnection | undefined>;
  save(scope: WorkspaceScope, connection: OmniConnection): Promise<void>;
  /**
   * Records the reading Omni accepted on the connection made at `connectedAt`; does nothing when that
   * connection has since been replaced or removed (a new key may reach another Omni). No decryption.
   */
  rememberDialect(scope: WorkspaceScope, connectedAt: string, dialect: ConnectionDialect): Promise<void>;
  /** True when there was a connection to delete. */
  delete(scope: WorkspaceScope): Promise<boolean>;
  /** Rewrites every stored secret (connections, and Slack installation tokens) under the first key; returns how many records. */
  reencryptAll(): Promise<number>;
}

export const OmniConnectionSchema = z.strictObject({
  baseUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  apiKey: z.string().trim().min(1, 'must not be empty'),
  connectedBy: z.string().min(1, 'must be a Slack user id'),
  connectedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp' }),
  rateLimitPerMinute: z.number().int().positive().max(10_000),
  dialect: z.enum(['docs', 'spec']).optional(),
});

/** What is written to the store: everything but the key in plain text. */
const StoredConnectionSchema = z.object({
  version: z.literal(1),
  baseUrl: z.string(),
  apiKeyEncrypted: z.string(),
  connectedBy: z.string(),
  connectedAt: z.string(),
  rateLimitPerMinute: z.number(),
  dialect: z.enum(['docs', 'spec']).optional(),
});
type StoredConnection = z.infer<typeof StoredConnectionSchema>;

export class KeyvConnectionStore implements ConnectionStore {
  constructor(
    private readonly kv: KvNamespace,
    private readonly keys: readonly Buffer[],
    /** Re-encrypts the other secrets in the store (installation tokens) as part of `reencryptAll`. */
    private readonly reencryptOthers: () => Promise<ReencryptOutcome> = async () => ({ count: 0, failures: [] }),
  ) {}

  async get(scope: WorkspaceScope): Promise<OmniConnection | undefined> {
    const key = workspaceKey(scope);
    const stored = await this.kv.get<unknown>(key, "read this workspace's Omni connection");
    if (stored === undefined) return undefined;
    return this.decode(key, stored);
  }

  async save(scope: WorkspaceScope, connection: OmniConnection): Promise<void> {
    const key = workspaceKey(scope);
    const valid = parseOrThrow(OmniConnectionSchema, connection, 'Omni connection');
    await this.kv.set(key, this.encode(key, valid), "save this workspace's Omni connection");
  }

  async rememberDialect(scope: WorkspaceScope, connectedAt: string, dialect: ConnectionDialect): Promise<void> {
    const key = workspaceKey(scope);
    const stored = await this.kv.get<unknown>(key, "read this workspace's Omni connection");
    const parsed = StoredConnectionSchema.safeParse(stored);
    if (!parsed.success || parsed.data.connectedAt !== connectedAt || parsed.data.dialect === dialect) return;
    await this.kv.set(key, { ...parsed.data, dialect }, "remember which reading this workspace's Omni accepts");
  }

  delete(scope: WorkspaceScope): Promise<boolean> {
    return this.kv.delete(workspaceKey(scope), "remove this workspace's Omni connection");
  }

  async reencryptAll(): Promise<number> {
    const mine = await this.reencryptOwn();
    const others = await this.reencryptOthers();
    const failures = [...mine.failures, ...others.failures];
    if (failures.length > 0) {
      throw new SecretDecryptionError(
        `Re-encrypted ${mine.count + others.count} record(s), but ${failures.length} could not be decrypted with any ` +
          'ENCRYPTION_KEY (add the old key back after the current one and run this again, or have those workspaces ' +
          `reconnect or reinstall): ${failures.join('; ')}`,
      );
    }
    return mine.count + others.count;
  }

  /** Re-encrypts the connections only. */
  reencryptOwn(): Promise<ReencryptOutcome> {
    return reencryptNamespace(this.kv, 're-encrypt the stored Omni connections', (key, stored) =>
      this.encode(key, this.decode(key, stored)),
    );
  }

  private encode(key: string, connection: OmniConnection): StoredConnection {
    return {
      version: 1,
      baseUrl: connection.baseUrl,
      apiKeyEncrypted: encryptSecret(connection.apiKey, this.keys, secretContext(key)),
      connectedBy: connection.connectedBy,
      connectedAt: connection.connectedAt,
      rateLimitPerMinute: connection.rateLimitPerMinute,
      ...(connection.dialect ? { dialect: connection.dialect } : {}),
    };
  }

  private decode(key: string, stored: unknown): OmniConnection {
    const parsed = StoredConnectionSchema.safeParse(stored);
    if (!parsed.success) {
      throw new SecretDecryptionError(
        "This workspace's stored Omni connection is unreadable (it is not in the expected format). " +
          'An admin can connect again with `/schedule connect`.',
      );
    }
    let apiKey: string;
    try {
      apiKey = decryptSecret(parsed.data.apiKeyEncrypted, this.keys, secretContext(key));
    } catch (error) {
      throw new SecretDecryptionError(
        `This workspace's stored Omni API key cannot be decrypted: ${(error as Error).message}. ` +
          'An admin can connect again with `/schedule connect`.',
        { cause: error },
      );
    }
    const { baseUrl, connectedBy, connectedAt, rateLimitPerMinute, dialect } = parsed.data;
    return { baseUrl, apiKey, connectedBy, connectedAt, rateLimitPerMinute, ...(dialect ? { dialect } : {}) };
  }
}

function secretContext(key: string): string {
  return `omni-connection:${key}`;
}
