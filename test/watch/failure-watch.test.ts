import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { RedisClaims, StoreClaims } from '../../src/coordination/claims.js';
import type { ScheduleRecord } from '../../src/omni/schemas/schedules.js';
import { openStore } from '../../src/store/index.js';
import type { AlertPoster, AlertView, FailureSource } from '../../src/watch/failure-check.js';
import { type MessageRef, WatchRecords } from '../../src/watch/records.js';
import { FailureWatcher, setWatch, watchStatus } from '../../src/watch/watcher.js';
import { REDIS_URL, redisUnreachable, serviceMissing, uniquePrefix } from '../coordination/support.js';

const dir = mkdtempSync(join(tmpdir(), 'watch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const key = randomBytes(32);
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const TEAM = 'T1';

function record(id: string, patch: Partial<ScheduleRecord> = {}): ScheduleRecord {
  return {
    id,
    name: `Report ${id}`,
    schedule: '0 9 * * *',
    timezone: 'UTC',
    identifier: 'dash',
    dashboardName: 'Dash',
    ownerId: 'owner-1',
    ownerName: 'Ada',
    destinationType: 'webhook',
    format: 'csv',
    content: 'dashboard',
    recipientCount: -1,
    slackRecipientType: null,
    disabledAt: null,
    systemDisabledAt: null,
    systemDisabledReason: null,
    lastCompletedAt: '2026-12-01T09:00:00Z',
    lastStatus: 'COMPLETE',
    alert: null,
    ...patch,
  };
}

/** An Omni whose list honours `status=error` with 100-record pages, counting calls. */
class FakeOmni implements FailureSource {
  readonly schedules = new Map<string, ScheduleRecord>();
  listCalls = 0;
  async listSchedules(query: { status: 'error'; pageSize: number; cursor?: string }) {
    this.listCalls += 1;
    const matching = [...this.schedules.values()].filter(
      (s) => s.lastStatus === 'ERROR' || s.lastStatus === 'ERROR_DELIVERED',
    );
    const page = Number(query.cursor ?? 1);
    const records = matching.slice((page - 1) * query.pageSize, page * query.pageSize);
    const hasNextPage = page * query.pageSize < matching.length;
    return { records, pageInfo: { hasNextPage, nextCursor: hasNextPage ? String(page + 1) : null } };
  }
  async scheduleStatus(id: string) {
    const s = this.schedules.get(id);
    return s ? { lastStatus: s.lastStatus, name: s.name } : undefined;
  }
}

class RecordingSlack implements AlertPoster {
  readonly messages = new Map<string, { channel: string; alert: AlertView; updates: number }>();
  private next = 1;
  async post(channel: string, alert: AlertView): Promise<MessageRef> {
    const ts = `${this.next++}.000`;
    this.messages.set(ts, { channel, alert, updates: 0 });
    return { channel, ts };
  }
  dm(userId: string, alert: AlertView) {
    return this.post(`D-${userId}`, alert);
  }
  async update(message: MessageRef, alert: AlertView) {
    const m = this.messages.get(message.ts);
    if (!m || m.channel !== message.channel) throw new Error('no such message');
    m.alert = alert;
    m.updates += 1;
  }
  async ownerSlackUser(ownerId: string) {
    return ownerId === 'owner-1' ? 'U-ADA' : undefined;
  }
  sent() {
    return [...this.messages.values()].map((m) => `${m.channel} ${m.alert.scheduleId} ${m.alert.state}`);
  }
}

async function replica(path: string, omni: FakeOmni, slack: RecordingSlack, id: string) {
  const store = await openStore({ url: `sqlite://${path}`, encryptionKeys: [key], logger: silent });
  const records = new WatchRecords(store.cache('watch'));
  const claims = new StoreClaims(store.cache('claims'));
  const watcher = new FailureWatcher({
    records,
    claims,
    poster: slack,
    sourceFor: async () => omni,
    intervalMs: 300_000,
    replicaId: id,
  });
  // A new interval: the previous check's claim has expired (its TTL is the interval).
  const nextInterval = () => claims.release(`watch-check:${TEAM}`);
  return { store, records, claims, watcher, nextInterval };
}

describe('failure watch', () => {
  it('announces a failed run once to the channel and the owner, across two replicas and a restart, then marks it recovered in place', async () => {
    const path = join(dir, 'a.sqlite');
    const omni = new FakeOmni();
    const slack = new RecordingSlack();
    for (let i = 0; i < 10; i++) omni.schedules.set(`s${i}`, record(`s${i}`));
    const a = await replica(path, omni, slack, 'a');
    const b = await replica(path, omni, slack, 'b');
    await setWatch(a.records, TEAM, { enabled: true, channelId: 'C-ALERTS', by: 'U-ADMIN' }, 1);

    // Nothing fails: one list call, nothing posted.
    expect([...(await a.watcher.tick()), ...(await b.watcher.tick())]).toEqual([TEAM]);
    expect(slack.sent()).toEqual([]);

    omni.schedules.set('s3', record('s3', { lastStatus: 'ERROR', lastCompletedAt: '2026-12-02T09:00:00Z' }));
    await a.nextInterval();
    // Both replicas tick; one wins the workspace.
    const checked = [...(await a.watcher.tick()), ...(await b.watcher.tick())];
    expect(checked).toEqual([TEAM]);
    expect(slack.sent()).toEqual(['C-ALERTS s3 failing', 'D-U-ADA s3 failing']);

    // Restart replica A (new store handle, new claims) and check again: nothing new.
    await a.store.close();
    const a2 = await replica(path, omni, slack, 'a2');
    await b.nextInterval();
    await a2.watcher.tick();
    await b.watcher.tick();
    expect(slack.messages.size).toBe(2);
    const status = await watchStatus(a2.records, TEAM);
    expect(status).toMatchObject({
      enabled: true,
      channelId: 'C-ALERTS',
      setBy: 'U-ADMIN',
      lastCheck: { omniCalls: 1 },
    });
    expect(status.failing.map((f) => `${f.scheduleName}: ${f.reason}`)).toEqual(['Report s3: The last run failed']);

    // Next run succeeds: both messages updated in place, nothing new posted.
    omni.schedules.set('s3', record('s3', { lastStatus: 'COMPLETE', lastCompletedAt: '2026-12-03T09:00:00Z' }));
    await a2.nextInterval();
    await a2.watcher.tick();
    expect(slack.sent()).toEqual(['C-ALERTS s3 recovered', 'D-U-ADA s3 recovered']);
    expect([...slack.messages.values()].map((m) => m.updates)).toEqual([1, 1]);
    expect((await watchStatus(a2.records, TEAM)).failing).toEqual([]);

    // A later failed run is a new failure: announced again.
    omni.schedules.set('s3', record('s3', { lastStatus: 'ERROR_DELIVERED', lastCompletedAt: '2026-12-04T09:00:00Z' }));
    await a2.nextInterval();
    await a2.watcher.tick();
    expect(slack.sent().slice(2)).toEqual(['C-ALERTS s3 failing', 'D-U-ADA s3 failing']);
    await Promise.all([a2.store.close(), b.store.close()]);
  });

  it('skips the owner DM when the owner muted the schedule, and stops when turned off', async () => {
    const omni = new FakeOmni();
    const slack = new RecordingSlack();
    omni.schedules.set('s1', record('s1', { lastStatus: 'ERROR' }));
    const a = await replica(join(dir, 'b.sqlite'), omni, slack, 'a');
    await setWatch(a.records, TEAM, { enabled: true, channelId: 'C1', by: 'U-ADMIN' }, 1);
    await a.records.setMuted(TEAM, 's1', 'U-ADA', true);
    await a.watcher.tick();
    expect(slack.sent()).toEqual(['C1 s1 failing']);
    await setWatch(a.records, TEAM, { enabled: false, by: 'U-ADMIN' }, 2);
    await a.nextInterval();
    expect(await a.watcher.tick()).toEqual([]);
    expect((await watchStatus(a.records, TEAM)).enabled).toBe(false);
    await a.store.close();
  });

  it.each([
    [10, 1],
    [10_000, 1],
  ])('costs one list call per check for %i healthy schedules', async (count, calls) => {
    const omni = new FakeOmni();
    for (let i = 0; i < count; i++) omni.schedules.set(`s${i}`, record(`s${i}`));
    omni.schedules.set('s7', record('s7', { lastStatus: 'ERROR' }));
    const a = await replica(join(dir, `cost-${count}.sqlite`), omni, new RecordingSlack(), 'a');
    await setWatch(a.records, TEAM, { enabled: true, channelId: 'C1', by: 'U' }, 1);
    await a.watcher.tick();
    expect(omni.listCalls).toBe(calls);
    expect((await a.records.lastCheck(TEAM))?.omniCalls).toBe(calls);
    await a.store.close();
  });
});

const redisReason = await redisUnreachable();

describe('failure watch with two replicas on one Redis', () => {
  if (redisReason) {
    serviceMissing('failure watch on Redis', redisReason);
    return;
  }
  it('announces a failed run once although both replicas check', async () => {
    const omni = new FakeOmni();
    const slack = new RecordingSlack();
    omni.schedules.set('s1', record('s1', { lastStatus: 'ERROR' }));
    const store = await openStore({
      url: `sqlite://${join(dir, 'redis.sqlite')}`,
      encryptionKeys: [key],
      logger: silent,
    });
    const records = new WatchRecords(store.cache('watch'));
    const prefix = `${uniquePrefix()}:claim:`;
    const [ra, rb] = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
    const watcher = (redis: Redis, id: string) =>
      new FailureWatcher({
        records,
        claims: new RedisClaims(redis, prefix),
        poster: slack,
        sourceFor: async () => omni,
        intervalMs: 300_000,
        replicaId: id,
      });
    await setWatch(records, TEAM, { enabled: true, channelId: 'C1', by: 'U' }, 1);
    const [a, b] = [watcher(ra, 'a'), watcher(rb, 'b')];
    expect((await Promise.all([a.tick(), b.tick()])).flat()).toEqual([TEAM]);
    // Next interval (the check claim lapsed): the other replica checks and posts nothing new.
    await ra.del(`${prefix}watch-check:${TEAM}`);
    expect((await Promise.all([b.tick(), a.tick()])).flat()).toEqual([TEAM]);
    expect(slack.sent()).toEqual(['C1 s1 failing', 'D-U-ADA s1 failing']);
    const keys = await ra.keys(`${prefix}*`);
    if (keys.length > 0) await ra.del(...keys);
    await Promise.all([ra.quit(), rb.quit(), store.close()]);
  });
});
