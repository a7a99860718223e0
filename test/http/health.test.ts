import { describe, expect, it } from 'vitest';
import { READY_TIMEOUT_MS, storeReadiness } from '../../src/http/health.js';

describe('storeReadiness', () => {
  it('is ready when the store answers a ping', async () => {
    expect(await storeReadiness({ ping: async () => {} })).toBeUndefined();
  });

  it('says why not, without credentials from the store URL', async () => {
    const reason = await storeReadiness({
      ping: async () => {
        throw new Error('connect ECONNREFUSED postgres://app:hunter2@db:5432/omni');
      },
    });
    expect(reason).toBe('store does not answer: connect ECONNREFUSED postgres://***@db:5432/omni');
  });

  it('gives up on a ping that never returns', async () => {
    const reason = await storeReadiness({ ping: () => new Promise<void>(() => {}) });
    expect(reason).toBe(`store did not answer within ${READY_TIMEOUT_MS} ms`);
  });
});
