// Per-test setup for the store contract: a fresh namespace prefix (and, for SQLite, a fresh file), raw access to
// what was written, and every opened store closed and every written row removed afterwards.
import { afterEach, beforeEach, vi } from 'vitest';
import type { AppStore, OpenStoreOptions } from '../../src/store/index.js';
import { openStore } from '../../src/store/index.js';
import { type LogLine, newKey, type RawStore, silentLogger, uniquePrefix } from './support.js';

export type StoreTarget = {
  name: 'sqlite' | 'redis' | 'postgres';
  /** Redis expires keys itself; SQLite and PostgreSQL need the cache's sweep. */
  nativeTtl: boolean;
  /** A URL for one test (SQLite: a file in a fresh folder). */
  url(): string;
  raw(url: string, prefix: string): RawStore;
};

export interface Harness {
  readonly target: StoreTarget;
  readonly prefix: string;
  readonly raw: RawStore;
  readonly logs: LogLine[];
  /** Opens a store on this test's URL and prefix (keys default to this test's key). */
  open(options?: Partial<OpenStoreOptions>): Promise<AppStore>;
  /** The namespace name the store uses for `name`. */
  ns(name: string): string;
}

export function useStoreHarness(target: StoreTarget): Harness {
  let state: { prefix: string; url: string; raw: RawStore; key: Buffer; opened: AppStore[]; logs: LogLine[] };
  beforeEach(() => {
    const prefix = uniquePrefix();
    const url = target.url();
    state = { prefix, url, raw: target.raw(url, prefix), key: newKey(), opened: [], logs: [] };
  });
  afterEach(async () => {
    vi.useRealTimers();
    for (const store of state.opened) await store.close();
    await state.raw.cleanup();
  });
  return {
    target,
    get prefix() {
      return state.prefix;
    },
    get raw() {
      return state.raw;
    },
    get logs() {
      return state.logs;
    },
    async open(options = {}) {
      const store = await openStore({
        url: state.url,
        encryptionKeys: [state.key],
        namespacePrefix: state.prefix,
        logger: silentLogger(state.logs),
        ...options,
      });
      state.opened.push(store);
      return store;
    },
    ns: (name) => `${state.prefix}.${name}`,
  };
}

/** The keyv envelope around a stored value, parsed. */
export function envelope(raw: string | undefined): { value: Record<string, unknown>; expires?: number } {
  if (raw === undefined) throw new Error('no such row');
  return JSON.parse(raw);
}
