// The recipient index's cost: Omni calls for the first crawl, a refresh where nothing changed, one where
// 5% of schedules changed, and the daily full pass, for 100 and 2,000 email schedules, at Omni's default
// 60 calls a minute. Time is the client's own pacing on a virtual clock (calls ÷ limit), never waited for.
import { OmniClient } from '../../src/omni/client.js';
import type { Clock } from '../../src/omni/clock.js';
import { PacerRegistry } from '../../src/omni/pacing.js';
import { startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { enqueueIndexCrawl, type IndexCrawlResult } from '../../src/people/index.js';
import { memoryCache } from '../coordination/memory-cache.js';
import { peopleDeps, seedEmailSchedules, startRunner, WORKSPACE } from '../people/support.js';
import { FakeDirectory } from '../recipients/fake-directory.js';

const API_KEY = 'bench-key-people-index';

class VirtualClock implements Clock {
  constructor(public time = Date.UTC(2026, 0, 5, 9)) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.time += Math.max(0, ms);
  }
}

async function measure(count: number): Promise<void> {
  const clock = new VirtualClock();
  const sandbox = await startOmniSandbox({ apiKey: API_KEY, port: 0, now: () => clock.now(), rateLimitPerMinute: 60 });
  try {
    const client = new OmniClient(
      { baseUrl: sandbox.url, apiKey: API_KEY },
      { clock, random: () => 0.5, pacers: new PacerRegistry() },
    );
    const seeded = [...sandbox.state.schedules.values()].filter((s) => s.destination.type === 'email').length;
    const ids = seedEmailSchedules(sandbox, count - seeded, (i) => [`person${i % 50}@example.com`, 'all@example.com']);
    const cache = memoryCache(() => clock.now());
    const slack = { directory: new FakeDirectory(), settings: { includeGuests: false, includeExternal: false } };
    const jobs = await startRunner(
      cache,
      peopleDeps(cache, client, () => clock.now(), slack),
    );
    const pass = async (label: string) => {
      const started = clock.now();
      const { id } = await enqueueIndexCrawl(jobs, WORKSPACE);
      const record = await jobs.finished(id);
      if (record.status !== 'done') throw new Error(`crawl failed: ${record.error}`);
      const result = record.result as IndexCrawlResult;
      const minutes = (clock.now() - started) / 60_000;
      console.log(
        `${count} email schedules, ${label}: ${result.omniCalls} Omni calls (${result.read} recipient reads), ${minutes.toFixed(1)} min paced by the client (its burst allowance included), ${(result.omniCalls / 60).toFixed(1)} min as calls ÷ 60/min`,
      );
    };
    await pass('first crawl');
    await pass('refresh, nothing changed');
    const changed = ids.slice(0, Math.ceil(count / 20));
    for (const id of changed) await client.addRecipients(id, { emails: ['new@example.com'] });
    await pass(`refresh, ${changed.length} changed`);
    clock.time += 24 * 3600_000;
    await pass('daily full pass');
    await jobs.close();
  } finally {
    await sandbox.close();
  }
}

export async function run(): Promise<void> {
  await measure(100);
  await measure(2000);
}
