// What the people features need from Omni and the store, kept small so tests and the Slack layer can
// hand in a per-workspace client.
import type { OmniClient } from '../omni/index.js';
import type { TtlCache } from '../store/index.js';
import type { OffboardData, OffboardEvent } from './offboarding.js';

export type PeopleOmni = Pick<
  OmniClient,
  'listSchedules' | 'listRecipients' | 'addRecipients' | 'removeRecipients' | 'transferOwnership' | 'findUserByEmail'
>;

export interface PeopleDeps {
  /** `store.cache('people')`: the recipient index, follow records and reconcile marks (all keyed by workspace). */
  cache: TtlCache;
  /** The Omni client of a workspace's connection. */
  omniFor(workspace: string): Promise<PeopleOmni>;
  now(): number;
  /**
   * Awaited before each Omni call of background work, so a shared rate budget can hold it back behind
   * people waiting on an answer. The Omni client paces every call to the key's limit on its own.
   */
  pace?: () => Promise<void>;
  /** Shows an offboarding job's progress and outcome in its message (`OffboardData.message`), when it has one. */
  offboardingUpdate?: (data: OffboardData, event: OffboardEvent) => Promise<void>;
}

/**
 * Values here are the app's own records, not data Omni can give back: kept for a long time and renewed on
 * every write (a follow untouched for a year is still a follow). The store's TTL caches are the one
 * key-value API every backend (memory, SQLite, PostgreSQL, Redis) offers.
 */
export const KEEP_MS = 10 * 365 * 24 * 3600_000;
