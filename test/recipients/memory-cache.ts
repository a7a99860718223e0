// A TtlCache in memory (no expiry needed within a test), counting loads.
import type { TtlCache } from '../../src/store/index.js';

export class MemoryCache implements TtlCache {
  readonly values = new Map<string, unknown>();
  loads = 0;

  async get<T>(key: string): Promise<T | undefined> {
    return this.values.get(key) as T | undefined;
  }

  async set<T>(key: string, value: T): Promise<void> {
    this.values.set(key, structuredClone(value));
  }

  async delete(key: string): Promise<boolean> {
    return this.values.delete(key);
  }

  async getOrLoad<T>(key: string, _ttlMs: number, load: () => Promise<T>): Promise<T> {
    if (this.values.has(key)) return this.values.get(key) as T;
    this.loads += 1;
    const value = await load();
    this.values.set(key, structuredClone(value));
    return value;
  }
}
