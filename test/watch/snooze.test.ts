import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StoreClaims } from '../../src/coordination/claims.js';
import { SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { openStore } from '../../src/store/index.js';
import { type Snooze, SnoozeService } from '../../src/watch/snooze.js';
import { parseSnoozeEnd } from '../../src/watch/snooze-parse.js';
import { useContract } from '../contract/support.js';

const omni = useContract();
const dir = mkdtempSync(join(tmpdir(), 'snooze-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = randomBytes(32);
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const ID = SEEDED_SCHEDULE_IDS.orders;

async function replica(file: string, refused: string[], id: string) {
  const store = await openStore({ url: `sqlite://${join(dir, file)}`, encryptionKeys: [key], logger: silent });
  const service = new SnoozeService({
    cache: store.cache('snooze'),
    claims: new StoreClaims(store.cache('claims')),
    omniFor: async () => omni.client,
    notifier: {
      resumeRefused: async (s: Snooze, reason: string) => void refused.push(`${s.by} ${s.scheduleName}: ${reason}`),
    },
    replicaId: id,
    now: () => omni.clock.now(),
    sleep: async () => {},
  });
  return { store, service };
}

const paused = () => omni.sandbox.state.schedules.get(ID)?.disabledAt ?? null;

describe('snooze', () => {
  it('pauses in Omni now and resumes at the moment, across a restart, with two replicas ticking', async () => {
    const refused: string[] = [];
    const a = await replica('a.sqlite', refused, 'a');
    const until = parseSnoozeEnd('for 3d', { now: omni.clock.now(), timeZone: 'Europe/Berlin' });
    await a.service.snooze({ team: 'T1', scheduleId: ID, scheduleName: 'Orders', until, by: 'U-ADA' });
    expect(paused()).not.toBeNull();
    expect(await a.service.snoozed('T1', ID)).toMatchObject({ until, by: 'U-ADA' });

    // Restart before the moment: nothing wakes early.
    await a.store.close();
    const a2 = await replica('a.sqlite', refused, 'a2');
    const b = await replica('a.sqlite', refused, 'b');
    expect(await a2.service.tick()).toEqual([]);
    expect(paused()).not.toBeNull();

    await omni.clock.sleep(until - omni.clock.now());
    const woke = [...(await a2.service.tick()), ...(await b.service.tick())];
    expect(woke).toEqual([ID]);
    expect(paused()).toBeNull();
    expect(await b.service.snoozed('T1', ID)).toBeUndefined();
    expect(refused).toEqual([]);
    await Promise.all([a2.store.close(), b.store.close()]);
  });

  it('resume now cancels the wake-up', async () => {
    const a = await replica('b.sqlite', [], 'a');
    const until = omni.clock.now() + 3_600_000;
    await a.service.snooze({ team: 'T1', scheduleId: ID, scheduleName: 'Orders', until, by: 'U-ADA' });
    await a.service.resumeNow('T1', ID);
    expect(paused()).toBeNull();
    // Paused by hand again afterwards: the old wake-up must not resume it.
    await omni.client.pauseSchedule(ID);
    await omni.clock.sleep(3_600_000);
    expect(await a.service.tick()).toEqual([]);
    expect(paused()).not.toBeNull();
    await a.store.close();
  });

  it('tells the person who snoozed when Omni refuses the resume (schedule deleted)', async () => {
    const refused: string[] = [];
    const a = await replica('c.sqlite', refused, 'a');
    const until = omni.clock.now() + 60_000;
    await a.service.snooze({ team: 'T1', scheduleId: ID, scheduleName: 'Orders', until, by: 'U-ADA' });
    await omni.client.deleteSchedule(ID);
    await omni.clock.sleep(60_000);
    expect(await a.service.tick()).toEqual([ID]);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatch(/^U-ADA Orders: /);
    expect(await a.service.snoozed('T1', ID)).toBeUndefined();
    await a.store.close();
  });
});
