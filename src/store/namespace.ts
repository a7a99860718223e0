// One keyv namespace, as the stores use it: every operation is bounded in time, and any backend failure becomes a
// StoreUnavailableError that says what could not be done. Failures are logged here, once, without secrets.
import type { RawNamespace } from './backends.js';
import { StoreUnavailableError } from './errors.js';
import { describeError, type StoreLogger } from './logger.js';

export interface GuardOptions {
  logger: StoreLogger;
  /** Longest a single operation may take before the user is told the store is unavailable. */
  timeoutMs: number;
  isClosed(): boolean;
}

/** Runs `fn` with a time limit; maps every failure to StoreUnavailableError. */
export async function guarded<T>(
  options: GuardOptions,
  namespace: string,
  operation: string,
  fn: () => Promise<T>,
): Promise<T> {
  if (options.isClosed()) throw new StoreUnavailableError(operation, { cause: new Error('the store is closed') });
  let timer: NodeJS.Timeout | undefined;
  const work = fn();
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
  });
  try {
    return await Promise.race([work, timeout]);
  } catch (error) {
    options.logger.error(`store: could not ${operation} (namespace ${namespace}): ${describeError(error)}`);
    throw new StoreUnavailableError(operation, { cause: error });
  } finally {
    clearTimeout(timer);
    // After a timeout the operation may still fail later; that failure has been reported already.
    work.catch(() => {});
  }
}

export class KvNamespace {
  constructor(
    readonly name: string,
    private readonly raw: RawNamespace,
    private readonly guard: GuardOptions,
  ) {}

  get<T>(key: string, operation: string): Promise<T | undefined> {
    return guarded(this.guard, this.name, operation, async () => (await this.raw.keyv.get(key)) as T | undefined);
  }

  async set(key: string, value: unknown, operation: string, ttlMs?: number): Promise<void> {
    await guarded(this.guard, this.name, operation, async () => {
      const stored = await this.raw.keyv.set(key, value, ttlMs);
      if (!stored) throw new Error('the backend did not confirm the write');
    });
  }

  delete(key: string, operation: string): Promise<boolean> {
    return guarded(this.guard, this.name, operation, () => this.raw.keyv.delete(key));
  }

  /** Keys (without the namespace) that start with `prefix`. */
  keys(prefix: string, operation: string): Promise<string[]> {
    return guarded(this.guard, this.name, operation, () => this.raw.listKeys(prefix));
  }

  disconnect(): Promise<void> {
    return this.raw.disconnect();
  }
}
