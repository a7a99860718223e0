import type { TtlCache } from '../../src/store/index.js';

/** A TtlCache in memory on an injected clock: what two processes sharing one store would see. */
export function memoryCache(now: () => number): TtlCache & { entries: Map<string, { value: unknown; until: number }> } {
  const entries = new Map<string, { value: unknown; until: number }>();
  return {
    entries,
    async get<T>(key: string) {
      const entry = entries.get(key);
      return entry && entry.until > now() ? (entry.value as T) : undefined;
    },
    async set(key, value, ttlMs) {
      entries.set(key, { value, until: now() + ttlMs });
    },
    async delete(key) {
      return entries.delete(key);
    },
    async getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>) {
      const hit = entries.get(key);
      if (hit && hit.until > now()) return hit.value as T;
      const value = await load();
      entries.set(key, { value, until: now() + ttlMs });
      return value;
    },
  };
}
