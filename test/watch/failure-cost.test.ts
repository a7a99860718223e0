import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreClaims } from '../../src/coordination/claims.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { openStore } from '../../src/store/index.js';
import { type AlertView, checkWorkspace, omniFailureSource } from '../../src/watch/failure-check.js';
import { WatchRecords } from '../../src/watch/records.js';
import { requestsTo, useContract } from '../contract/support.js';

// Omni calls per check do not grow with the schedules that are fine: measured on the sandbox.
const omni = useContract({ rateLimitPerMinute: 0 });
const dir = mkdtempSync(join(tmpdir(), 'watch-cost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('failure check cost against the sandbox', () => {
  it.each([10, 10_000])('lists only failing schedules: one call per check with %i healthy schedules', async (count) => {
    const healthy = omni.sandbox.state.schedules.get(SEEDED_SCHEDULE_IDS.orders);
    if (!healthy) throw new Error('seeded schedule missing');
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      omni.sandbox.state.schedules.set(id, {
        ...structuredClone(healthy),
        id,
        disabledAt: null,
        lastStatus: 'COMPLETE',
      });
    }
    const store = await openStore({
      url: `sqlite://${join(dir, `${count}.sqlite`)}`,
      encryptionKeys: [randomBytes(32)],
      logger: silent,
    });
    const posted: AlertView[] = [];
    const result = await checkWorkspace({
      team: 'T1',
      channelId: 'C1',
      source: omniFailureSource(omni.client),
      poster: {
        post: async (channel, alert) => ({ channel, ts: String(posted.push(alert)) }),
        dm: async (user, alert) => ({ channel: user, ts: String(posted.push(alert)) }),
        update: async () => {},
        ownerSlackUser: async () => undefined,
      },
      records: new WatchRecords(store.cache('watch')),
      claims: new StoreClaims(store.cache('claims')),
      now: () => omni.clock.now(),
    });
    const lists = requestsTo(omni.sandbox, 'GET', '/api/v1/schedules');
    expect(lists).toHaveLength(1);
    expect(result.omniCalls).toBe(1);
    // The seeded organization's failing schedules: one ERROR_DELIVERED, one that Omni disabled (missing query).
    expect(posted.map((a) => `${a.scheduleId}: ${a.reason}`).sort()).toEqual([
      `${SEEDED_SCHEDULE_IDS.missingQuery}: Omni disabled it: a query it sends no longer exists`,
      `${SEEDED_SCHEDULE_IDS.query}: The last run failed after delivering part of it`,
    ]);
    await store.close();
  });
});
