// The in-process runner (no Redis): each job's record, checkpoint and progress live in the store, and a
// list of unfinished jobs lets the next start of the process resume what a crash interrupted. Only one
// process may run this against one store (start-up warns when a second one shows up).
import { randomUUID } from 'node:crypto';
import type { TtlCache } from '../store/index.js';
import { jobFingerprint } from './fingerprint.js';
import {
  type EnqueueOptions,
  type EnqueueOutcome,
  type JobHandler,
  type JobRecord,
  type Jobs,
  type RegisterOptions,
  UnknownJobKindError,
} from './types.js';

const UNFINISHED_TTL_MS = 30 * 24 * 3600_000;
const FINISHED_TTL_MS = 7 * 24 * 3600_000;
const INDEX = 'unfinished';

type IndexEntry = { id: string; key: string; fingerprint: string };
type StoredJob = JobRecord & { fingerprint: string };

export interface StoreJobsOptions {
  /** Where jobs live: `store.cache('jobs')`. */
  cache: TtlCache;
  /** Reports a job that failed or could not be saved; never its data (it may hold emails). */
  onError?: (message: string) => void;
}

export class StoreJobs implements Jobs {
  private readonly handlers = new Map<string, JobHandler<unknown, unknown>>();
  /** Per key, the end of the last job scheduled on it: jobs of one key run one after another. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly waiters = new Map<string, Array<(record: JobRecord) => void>>();
  private readonly running = new Set<Promise<void>>();
  /** Serialises read-modify-write of the index within this process. */
  private indexLock: Promise<unknown> = Promise.resolve();
  private started = false;
  private closed = false;

  constructor(private readonly options: StoreJobsOptions) {}

  /** Lock and concurrency options are BullMQ's: here every job runs in this process, one per key at a time. */
  register<D, S>(kind: string, handler: JobHandler<D, S>, _options?: RegisterOptions): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for jobs of kind "${kind}" is already registered`);
    this.handlers.set(kind, handler as unknown as JobHandler<unknown, unknown>);
  }

  async enqueue(kind: string, data: unknown, { key, identity }: EnqueueOptions): Promise<EnqueueOutcome> {
    if (!this.handlers.has(kind)) throw new UnknownJobKindError(kind);
    if (this.closed) throw new Error('The job runner is closed');
    const fingerprint = jobFingerprint(kind, key, identity ?? data);
    return this.withIndex(async (index) => {
      const sameKey = index.filter((entry) => entry.key === key);
      const twin = sameKey.find((entry) => entry.fingerprint === fingerprint);
      if (twin) return { result: { id: twin.id, outcome: 'joined', ahead: sameKey.indexOf(twin) } as EnqueueOutcome };
      const id = randomUUID();
      const record: StoredJob = { id, kind, key, data, status: 'queued', fingerprint };
      await this.cache.set(`job:${id}`, record, UNFINISHED_TTL_MS);
      const outcome: EnqueueOutcome = { id, outcome: sameKey.length > 0 ? 'queued' : 'started', ahead: sameKey.length };
      if (this.started) this.schedule(id, key);
      return { result: outcome, index: [...index, { id, key, fingerprint }] };
    });
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const stored = await this.cache.get<StoredJob>(`job:${id}`);
    if (!stored) return undefined;
    const { fingerprint: _, ...record } = stored;
    return record;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const entry of await this.readIndex()) this.schedule(entry.id, entry.key);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running]);
  }

  async finished(id: string): Promise<JobRecord> {
    const record = await this.get(id);
    if (!record) throw new Error(`No job ${id}`);
    if (record.status === 'done' || record.status === 'failed') return record;
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
  }

  private get cache(): TtlCache {
    return this.options.cache;
  }

  private schedule(id: string, key: string): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const run = previous.then(() => this.run(id));
    const tail = run.catch((error: unknown) => this.report(`job ${id}: ${(error as Error).message}`));
    this.chains.set(key, tail);
    this.running.add(tail);
    void tail.finally(() => {
      this.running.delete(tail);
      if (this.chains.get(key) === tail) this.chains.delete(key);
    });
  }

  private async run(id: string): Promise<void> {
    if (this.closed) return; // left unfinished in the index: the next start resumes it
    const stored = await this.cache.get<StoredJob>(`job:${id}`);
    if (!stored) {
      await this.removeFromIndex(id);
      return;
    }
    const handler = this.handlers.get(stored.kind);
    let job: StoredJob = { ...stored, status: 'running' };
    const save = async (patch: Partial<StoredJob>) => {
      job = { ...job, ...patch };
      await this.cache.set(`job:${id}`, job, UNFINISHED_TTL_MS);
    };
    if (!handler) {
      await this.finish(job, { status: 'failed', error: new UnknownJobKindError(stored.kind).message });
      return;
    }
    await save({});
    try {
      const result = await handler({
        id,
        data: stored.data,
        state: stored.state,
        checkpoint: (state) => save({ state }),
        progress: (progress) => save({ progress }),
      });
      await this.finish(job, { status: 'done', result: result ?? null });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.report(`job ${id} (${stored.kind}) failed: ${message}`);
      await this.finish(job, { status: 'failed', error: message });
    }
  }

  private async finish(job: StoredJob, patch: Partial<StoredJob>): Promise<void> {
    const final = { ...job, ...patch };
    await this.cache.set(`job:${job.id}`, final, FINISHED_TTL_MS);
    await this.removeFromIndex(job.id);
    const { fingerprint: _, ...record } = final;
    for (const resolve of this.waiters.get(job.id) ?? []) resolve(record);
    this.waiters.delete(job.id);
  }

  private removeFromIndex(id: string): Promise<void> {
    return this.withIndex(async (index) => ({ result: undefined, index: index.filter((entry) => entry.id !== id) }));
  }

  private async readIndex(): Promise<IndexEntry[]> {
    return (await this.cache.get<IndexEntry[]>(INDEX)) ?? [];
  }

  private withIndex<T>(change: (index: IndexEntry[]) => Promise<{ result: T; index?: IndexEntry[] }>): Promise<T> {
    const next = this.indexLock.then(async () => {
      const { result, index } = await change(await this.readIndex());
      if (index) await this.cache.set(INDEX, index, UNFINISHED_TTL_MS);
      return result;
    });
    this.indexLock = next.catch(() => undefined);
    return next;
  }

  private report(message: string): void {
    (this.options.onError ?? ((m: string) => process.stderr.write(`${m}\n`)))(message);
  }
}
