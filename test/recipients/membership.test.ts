// findOmniMembers beyond the happy path: emails Omni would refuse, a failed check, and two checks of the
// same people at once sharing the cache.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FindUsersByEmailsOptions, OmniApiError, type ScimUser } from '../../src/omni/index.js';
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';
import { findOmniMembers } from '../../src/recipients/index.js';
import { MemoryCache } from './memory-cache.js';
import { flowContext, startFlowSandbox } from './support.js';

let sandbox: OmniSandbox;
beforeAll(async () => {
  sandbox = await startFlowSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** Like the store's cache: concurrent getOrLoad calls for one key share one load; `hold()` stalls new ones. */
class SharingCache extends MemoryCache {
  readonly #pending = new Map<string, Promise<unknown>>();
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => undefined;

  hold(): void {
    this.#gate = new Promise((resolve) => {
      this.#open = resolve;
    });
  }

  release(): void {
    this.#open();
  }

  override getOrLoad<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const pending = this.#pending.get(key);
    if (pending) return pending as Promise<T>;
    const gate = this.#gate;
    const promise = gate.then(() => super.getOrLoad(key, ttlMs, load)).finally(() => this.#pending.delete(key));
    this.#pending.set(key, promise);
    return promise;
  }
}

describe('findOmniMembers', () => {
  it('reports an email Omni would refuse as failed, without asking Omni about it', async () => {
    const ctx = flowContext(sandbox);
    const result = await findOmniMembers(ctx.omni, ['not-an-email', 'blob.ross@blobsrus.com']);
    expect(result.failed).toEqual([{ email: 'not-an-email', detail: 'is not an email address Omni accepts' }]);
    expect([...result.members.keys()]).toEqual(['blob.ross@blobsrus.com']);
    expect(sandbox.state.requests.map((r) => r.query.filter)).toEqual(['userName eq "blob.ross@blobsrus.com"']);
  });

  it('marks every email as failed, with Omni’s detail, when the member check fails', async () => {
    const refusal = new OmniApiError({
      status: 500,
      detail: 'Internal server error',
      method: 'GET',
      path: '/x',
      attempts: 4,
    });
    const failing = { baseUrl: sandbox.url, findUsersByEmails: () => Promise.reject(refusal) };
    const result = await findOmniMembers(failing, ['a@x.co', 'b@x.co']);
    expect(result).toEqual({
      members: new Map(),
      nonMembers: [],
      failed: [
        { email: 'a@x.co', detail: 'Internal server error' },
        { email: 'b@x.co', detail: 'Internal server error' },
      ],
    });
  });

  it('still answers when another check is reading the same cached email as it writes its answer', async () => {
    const cache = new SharingCache();
    let answerFirst: (found: Map<string, ScimUser>) => void = () => undefined;
    const slowOmni = {
      baseUrl: sandbox.url,
      findUsersByEmails: (_emails: readonly string[], _options?: FindUsersByEmailsOptions) =>
        new Promise<Map<string, ScimUser>>((resolve) => {
          answerFirst = resolve;
        }),
    };
    const options = { cache, cacheKey: 'team:T1' };
    // The first check misses the cache and waits for Omni.
    const first = findOmniMembers(slowOmni, ['ann@x.co'], options);
    await settle();
    // A second check starts reading the same key, and that read is still pending…
    cache.hold();
    const fastOmni = { baseUrl: sandbox.url, findUsersByEmails: async () => new Map<string, ScimUser>() };
    const second = findOmniMembers(fastOmni, ['ann@x.co'], options);
    await settle();
    // …when Omni answers the first check, which now writes its answer through that same key.
    answerFirst(new Map());
    await settle();
    cache.release();
    expect((await first).nonMembers).toEqual(['ann@x.co']);
    expect((await second).nonMembers).toEqual(['ann@x.co']);
  });
});
