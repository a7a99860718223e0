// What every job runner must do, run against the in-process runner and against BullMQ.
import { expect, it } from 'vitest';
import type { JobContext, Jobs } from '../../src/jobs/index.js';

export interface RunnerHarness {
  /** A runner on the shared backing (store or Redis): two of them are two processes or replicas. */
  open(): Promise<Jobs>;
  /** Stops a runner as a SIGKILL would: no clean-up, its jobs left as they are. */
  kill(jobs: Jobs): Promise<void>;
}

type Batches = { people: string[]; batchSize: number };
type Cursor = { next: number };

export function runnerContract(h: RunnerHarness): void {
  it('runs a job, storing its checkpoints, progress and result', async () => {
    const jobs = await h.open();
    const sent: string[] = [];
    jobs.register<Batches, Cursor>('send', async (job) => {
      for (let i = job.state?.next ?? 0; i < job.data.people.length; i += job.data.batchSize) {
        sent.push(...job.data.people.slice(i, i + job.data.batchSize));
        await job.checkpoint({ next: i + job.data.batchSize });
        await job.progress({
          done: Math.min(job.data.people.length, i + job.data.batchSize),
          total: job.data.people.length,
        });
      }
      return { sent: job.data.people.length };
    });
    await jobs.start();
    const people = ['a', 'b', 'c', 'd', 'e'];
    const { id, outcome } = await jobs.enqueue('send', { people, batchSize: 2 }, { key: 'schedule-1' });
    expect(outcome).toBe('started');
    const record = await jobs.finished(id);
    expect(record).toMatchObject({
      id,
      kind: 'send',
      key: 'schedule-1',
      status: 'done',
      result: { sent: 5 },
      state: { next: 6 },
      progress: { done: 5, total: 5 },
    });
    expect(sent).toEqual(people);
    await jobs.close();
  });

  it('runs one job at a time per key, queues a different request and joins an identical one, saying so', async () => {
    const jobs = await h.open();
    const events: string[] = [];
    let releaseFirst: () => void = () => undefined;
    const firstMayEnd = new Promise<void>((resolve) => {
      releaseFirst = resolve;
    });
    let firstStarted: () => void = () => undefined;
    const firstRunning = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    jobs.register<{ name: string }, unknown>('step', async (job: JobContext<{ name: string }, unknown>) => {
      events.push(`start ${job.data.name}`);
      if (job.data.name === 'first') {
        firstStarted();
        await firstMayEnd;
      }
      events.push(`end ${job.data.name}`);
      return null;
    });
    await jobs.start();
    const first = await jobs.enqueue('step', { name: 'first' }, { key: 'k1' });
    await firstRunning;
    const again = await jobs.enqueue('step', { name: 'first' }, { key: 'k1' });
    const second = await jobs.enqueue('step', { name: 'second' }, { key: 'k1' });
    const elsewhere = await jobs.enqueue('step', { name: 'other' }, { key: 'k2' });
    expect(first).toMatchObject({ outcome: 'started', ahead: 0 });
    expect(again).toEqual({ id: first.id, outcome: 'joined', ahead: 0 });
    expect(second).toMatchObject({ outcome: 'queued', ahead: 1 });
    expect(elsewhere).toMatchObject({ outcome: 'started', ahead: 0 });
    await jobs.finished(elsewhere.id);
    expect(events).not.toContain('start second');
    releaseFirst();
    await jobs.finished(second.id);
    expect(events.filter((e) => !e.includes('other'))).toEqual([
      'start first',
      'end first',
      'start second',
      'end second',
    ]);
    await jobs.close();
  });

  it('runs jobs queued on one key one at a time, in queue order, with two workers on one backing, a late one included', async () => {
    // Two runners are two replicas (BullMQ: two workers on one Redis; in-process: a second one started on the
    // same store, which must not take jobs another process queued and runs). A job asked for while the key is
    // busy, or just as it frees, must not overtake those already waiting.
    const runners = [await h.open(), await h.open()];
    const events: string[] = [];
    let running = 0;
    let mostAtOnce = 0;
    const gates = new Map<string, { open(): void; opened: Promise<void> }>();
    const gate = (name: string) => {
      let open: () => void = () => undefined;
      const opened = new Promise<void>((resolve) => {
        open = resolve;
      });
      gates.set(name, { open, opened });
    };
    const started = new Map<string, () => void>();
    const startedOf = (name: string) => new Promise<void>((resolve) => started.set(name, resolve));
    for (const jobs of runners) {
      jobs.register<{ name: string }, unknown>('ordered', async (job) => {
        running += 1;
        mostAtOnce = Math.max(mostAtOnce, running);
        events.push(`start ${job.data.name}`);
        started.get(job.data.name)?.();
        await gates.get(job.data.name)?.opened;
        events.push(`end ${job.data.name}`);
        running -= 1;
        return null;
      });
      await jobs.start();
    }
    const [one] = runners as [Jobs, Jobs];
    for (const name of ['a', 'b', 'c']) gate(name);
    const aStarted = startedOf('a');
    const bStarted = startedOf('b');
    const a = await one.enqueue('ordered', { name: 'a' }, { key: 'fifo' });
    await aStarted;
    const b = await one.enqueue('ordered', { name: 'b' }, { key: 'fifo' });
    const c = await one.enqueue('ordered', { name: 'c' }, { key: 'fifo' });
    expect([a.outcome, b.outcome, c.outcome]).toEqual(['started', 'queued', 'queued']);
    expect(c.ahead).toBe(2);
    gates.get('a')?.open();
    await bStarted;
    gates.get('b')?.open();
    while (!events.includes('end b')) await new Promise((resolve) => setTimeout(resolve, 1));
    // Asked for just as the key frees, while c waits for its turn: it goes behind c, not before it.
    const d = await one.enqueue('ordered', { name: 'd' }, { key: 'fifo' });
    expect(d.outcome).toBe('queued');
    expect(d.ahead).toBeGreaterThanOrEqual(1);
    gates.get('c')?.open();
    for (const job of [a, b, c, d]) expect(await one.finished(job.id)).toMatchObject({ status: 'done' });
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c', 'start d', 'end d']);
    expect(mostAtOnce).toBe(1);
    for (const jobs of runners) await jobs.close();
  });

  it('reports a failing job as failed with its message, and runs the next one on its key', async () => {
    const jobs = await h.open();
    jobs.register<{ fail: boolean }, unknown>('maybe', async (job) => {
      if (job.data.fail) throw new Error('Omni refused the batch');
      return 'ok';
    });
    await jobs.start();
    const bad = await jobs.enqueue('maybe', { fail: true }, { key: 'k3' });
    const good = await jobs.enqueue('maybe', { fail: false }, { key: 'k3' });
    expect(await jobs.finished(bad.id)).toMatchObject({ status: 'failed', error: 'Omni refused the batch' });
    expect(await jobs.finished(good.id)).toMatchObject({ status: 'done', result: 'ok' });
    await jobs.close();
  });

  it('refuses a kind nobody registered', async () => {
    const jobs = await h.open();
    await expect(jobs.enqueue('nope', {}, { key: 'k' })).rejects.toThrow(
      'No handler is registered for jobs of kind "nope"',
    );
    await jobs.close();
  });

  it('resumes a job whose process died from its last checkpoint: nobody missed, only the batch in flight again', async () => {
    const people = Array.from({ length: 10 }, (_, i) => `p${i}`);
    const sent: string[] = [];
    let killPoint: () => void = () => undefined;
    const reachedKill = new Promise<void>((resolve) => {
      killPoint = resolve;
    });
    const handler =
      (dieAfterBatches: number) =>
      async (job: JobContext<Batches, Cursor>): Promise<unknown> => {
        let batches = 0;
        for (let i = job.state?.next ?? 0; i < job.data.people.length; i += job.data.batchSize) {
          sent.push(...job.data.people.slice(i, i + job.data.batchSize));
          if (++batches === dieAfterBatches) {
            killPoint(); // the process dies with this batch sent but not checkpointed
            await new Promise(() => undefined);
          }
          await job.checkpoint({ next: i + job.data.batchSize });
        }
        return { sent: job.data.people.length };
      };
    const first = await h.open();
    first.register('send', handler(3));
    await first.start();
    const { id } = await first.enqueue('send', { people, batchSize: 2 }, { key: 'sync' });
    await reachedKill;
    await h.kill(first);

    const second = await h.open();
    second.register('send', handler(0));
    await second.start();
    expect(await second.finished(id)).toMatchObject({ status: 'done', result: { sent: 10 } });
    expect(new Set(sent)).toEqual(new Set(people));
    // p4 and p5 were in flight at the kill: sent twice. Nobody else was.
    expect(sent).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9']);
    await second.close();
  });

  it('a kind registered with its own lock and concurrency (a typed command) runs, and is taken over after a kill', async () => {
    const runs: string[] = [];
    let started: () => void = () => undefined;
    const reachedKill = new Promise<void>((resolve) => {
      started = resolve;
    });
    const options = { lockMs: 1_000, concurrency: 10 };
    const first = await h.open();
    first.register<{ text: string }, undefined>(
      'command',
      async (job) => {
        runs.push(`first:${job.data.text}`);
        started();
        await new Promise(() => undefined); // killed before it answers
      },
      options,
    );
    await first.start();
    const { id } = await first.enqueue('command', { text: 'list' }, { key: 'commands:T1:U1' });
    await reachedKill;
    await h.kill(first);

    const second = await h.open();
    second.register<{ text: string }, undefined>(
      'command',
      async (job) => {
        runs.push(`second:${job.data.text}`);
        return { answered: job.data.text };
      },
      options,
    );
    await second.start();
    expect(await second.finished(id)).toMatchObject({ kind: 'command', status: 'done', result: { answered: 'list' } });
    expect(runs).toEqual(['first:list', 'second:list']);
    await second.close();
  });
}
