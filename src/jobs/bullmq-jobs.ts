// The replicated runner: one BullMQ queue on Redis, a worker in every replica. A replica killed mid-job
// stops renewing its lock; BullMQ's stalled-job check hands the job to another worker (or the same
// replica after a restart), which starts from the job's last checkpoint (stored in the job's data).
//
// One job at a time per key, in the order asked: each key has a queue of its own (a sorted set scored by a
// sequence number taken at enqueue). A job runs only when it is the head of its key's queue and takes the
// key's claim (SET NX PX, renewed while it runs, released only by its holder, all in Lua scripts so that two
// replicas never both hold it); any other job goes back to the delayed set and tries again shortly. BullMQ
// itself cannot order by key (its groups are BullMQ Pro only, https://docs.bullmq.io/bullmq-pro/groups), and
// re-delaying alone is not FIFO: a job asked for just as the key frees would overtake the ones waiting.
//
// A kind registered with its own lock or concurrency (a slash command: short lock, many at once) gets a queue
// and worker of its own, since BullMQ sets both per worker (https://docs.bullmq.io/guide/workers/stalled-jobs).
import { randomUUID } from 'node:crypto';
import { DelayedError, type Job, Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { RedisConnections } from '../coordination/redis.js';
import { jobFingerprint } from './fingerprint.js';
import {
  type EnqueueOptions,
  type EnqueueOutcome,
  type JobHandler,
  type JobProgress,
  type JobRecord,
  type JobStatus,
  type Jobs,
  type RegisterOptions,
  UnknownJobKindError,
} from './types.js';

type Payload = { kind: string; key: string; data: unknown; fingerprint: string; state?: unknown };

export interface BullmqJobsOptions {
  connections: RedisConnections;
  /** Redis key prefix of the queue and its claims. */
  prefix?: string;
  /** Jobs one replica runs at once (of different keys). */
  concurrency?: number;
  /**
   * How long a job's lock (and its key's claim) lasts without renewal: how soon a killed replica's job is
   * picked up again. BullMQ renews at half this.
   */
  lockMs?: number;
  /** How long a job whose key is busy waits before trying again. */
  busyRetryMs?: number;
  onError?: (message: string) => void;
}

const QUEUE = 'jobs';
const KEEP_FINISHED_S = 7 * 24 * 3600;

/** KEYS: the key's queue, the sequence. ARGV: job id. Puts the job at the end of its key's queue (once); its rank. */
const JOIN_KEY_QUEUE = `if not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  redis.call('ZADD', KEYS[1], redis.call('INCR', KEYS[2]), ARGV[1])
end
return redis.call('ZRANK', KEYS[1], ARGV[1])`;

/**
 * KEYS: the key's claim, the key's queue, the sequence. ARGV: job id, ttl ms. The job takes (or keeps) the
 * claim when it is the head of its key's queue and nobody else holds the claim: returns ''. Otherwise returns
 * the head's id (the job has to wait).
 */
const CLAIM_KEY = `if not redis.call('ZSCORE', KEYS[2], ARGV[1]) then
  redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
end
local head = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
local holder = redis.call('GET', KEYS[1])
if head == ARGV[1] and (not holder or holder == ARGV[1]) then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return ''
end
return head`;

/** KEYS: the key's claim. ARGV: job id, ttl ms. Extends the claim only while this job holds it. */
const RENEW_CLAIM = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/** KEYS: the key's claim, the key's queue. ARGV: job id. Leaves the key's queue; gives the claim back if held. */
const RELEASE_KEY = `redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1`;

/** A BullMQ queue, its worker once started, and the lock and concurrency it runs with. */
interface Lane {
  queue: Queue<Payload>;
  lockMs: number;
  concurrency: number;
  worker?: Worker<Payload>;
}

export class BullmqJobs implements Jobs {
  private readonly handlers = new Map<string, JobHandler<unknown, unknown>>();
  /** By queue name: the shared one (`jobs`), then one per kind registered with options of its own. */
  private readonly lanes = new Map<string, Lane>();
  private readonly laneOfKind = new Map<string, Lane>();
  private readonly redis: Redis;
  private readonly prefix: string;
  private readonly lockMs: number;
  private started = false;
  private abandoned = false;

  constructor(private readonly options: BullmqJobsOptions) {
    this.prefix = options.prefix ?? 'omni-slack';
    this.lockMs = options.lockMs ?? 30_000;
    this.redis = options.connections.main;
    this.addLane(QUEUE, this.lockMs, options.concurrency ?? 4);
  }

  register<D, S>(kind: string, handler: JobHandler<D, S>, options?: RegisterOptions): void {
    if (this.handlers.has(kind)) throw new Error(`A handler for jobs of kind "${kind}" is already registered`);
    this.handlers.set(kind, handler as unknown as JobHandler<unknown, unknown>);
    if (options?.lockMs !== undefined || options?.concurrency !== undefined) {
      // Its worker is made by start().
      if (this.started) throw new Error(`Jobs of kind "${kind}" need a queue of their own: register before start()`);
      const lane = this.addLane(
        `${QUEUE}-${kind}`,
        options.lockMs ?? this.lockMs,
        options.concurrency ?? this.options.concurrency ?? 4,
      );
      this.laneOfKind.set(kind, lane);
    }
  }

  private addLane(name: string, lockMs: number, concurrency: number): Lane {
    const queue = new Queue<Payload>(name, { connection: this.options.connections.duplicate(), prefix: this.prefix });
    queue.on('error', (error) => this.report(`job queue ${name}: ${error.message}`));
    const lane: Lane = { queue, lockMs, concurrency };
    this.lanes.set(name, lane);
    return lane;
  }

  private laneOf(kind: string): Lane {
    return this.laneOfKind.get(kind) ?? (this.lanes.get(QUEUE) as Lane);
  }

  /** The job with this id, in whichever queue holds it. */
  private async findJob(id: string): Promise<{ job: Job<Payload>; state: string } | undefined> {
    for (const { queue } of this.lanes.values()) {
      // State first: a job read before it moved to failed would lack its failure reason.
      const state = await queue.getJobState(id);
      if (state === 'unknown') continue;
      const job = await queue.getJob(id);
      if (job) return { job, state };
    }
    return undefined;
  }

  async enqueue(kind: string, data: unknown, { key, identity }: EnqueueOptions): Promise<EnqueueOutcome> {
    if (!this.handlers.has(kind)) throw new UnknownJobKindError(kind);
    const fingerprint = jobFingerprint(kind, key, identity ?? data);
    const keyJobs = this.keyJobsKey(key);
    // The same request (kind, key, data) unfinished: join it. SET NX makes two replicas agree on one job.
    const id = randomUUID();
    const twinKey = `${this.prefix}:job-twin:${fingerprint}`;
    const taken = await this.redis.set(twinKey, id, 'PX', KEEP_FINISHED_S * 1000, 'NX');
    if (taken !== 'OK') {
      const twinId = await this.redis.get(twinKey);
      const twin = twinId ? (await this.findJob(twinId))?.job : undefined;
      if (twinId && twin && !(await twin.isCompleted()) && !(await twin.isFailed())) {
        const ids = await this.redis.zrange(keyJobs, 0, -1);
        return { id: twinId, outcome: 'joined', ahead: Math.max(0, ids.indexOf(twinId)) };
      }
      await this.redis.set(twinKey, id, 'PX', KEEP_FINISHED_S * 1000);
    }
    // Added to BullMQ first, so that every job in a key's queue exists: a head whose job is gone is stale
    // (see process). A worker may take it before it joins its key's queue: then the worker puts it there.
    await this.laneOf(kind).queue.add(
      kind,
      { kind, key, data, fingerprint },
      { jobId: id, removeOnComplete: { age: KEEP_FINISHED_S }, removeOnFail: { age: KEEP_FINISHED_S } },
    );
    const ahead = Number(await this.redis.eval(JOIN_KEY_QUEUE, 2, keyJobs, this.sequenceKey(), id));
    return { id, outcome: ahead > 0 ? 'queued' : 'started', ahead };
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const found = await this.findJob(id);
    return found ? toRecord(found.job, found.state) : undefined;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    for (const [name, lane] of this.lanes) {
      const worker = new Worker<Payload>(name, (job, token) => this.process(job, token, lane.lockMs), {
        connection: this.options.connections.duplicate(),
        prefix: this.prefix,
        concurrency: lane.concurrency,
        lockDuration: lane.lockMs,
        stalledInterval: lane.lockMs,
        // A job is picked up again however many replicas die under it; only its own errors fail it.
        maxStalledCount: 1_000,
      });
      worker.on('error', (error) => this.report(`job worker: ${error.message}`));
      worker.on('failed', (job, error) => {
        if (job && !(error instanceof DelayedError))
          this.report(`job ${job.id} (${job.data.kind}) failed: ${error.message}`);
      });
      lane.worker = worker;
    }
    await Promise.all([...this.lanes.values()].map((lane) => lane.worker?.waitUntilReady()));
  }

  async close(): Promise<void> {
    await Promise.all([...this.lanes.values()].map((lane) => lane.worker?.close()));
    await Promise.all([...this.lanes.values()].map((lane) => lane.queue.close()));
  }

  /**
   * Stops at once, as a killed replica would: running jobs keep their checkpoints and, once their locks
   * expire, another worker (this replica's next start, or another replica) resumes them.
   */
  async abandon(): Promise<void> {
    this.abandoned = true;
    await Promise.all([...this.lanes.values()].map((lane) => lane.worker?.close(true)));
    await Promise.all([...this.lanes.values()].map((lane) => lane.queue.close()));
  }

  async finished(id: string): Promise<JobRecord> {
    for (;;) {
      const record = await this.get(id);
      if (!record) throw new Error(`No job ${id}`);
      if (record.status === 'done' || record.status === 'failed') return record;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private async process(job: Job<Payload>, token: string | undefined, lockMs: number): Promise<unknown> {
    const { kind, key } = job.data;
    const id = job.id as string;
    const claimKey = `${this.prefix}:job-key:${key}`;
    const keyJobs = this.keyJobsKey(key);
    // Held by this very job already: it was running on a replica that died; the claim is still its own.
    const head = String(await this.redis.eval(CLAIM_KEY, 3, claimKey, keyJobs, this.sequenceKey(), id, lockMs));
    if (head !== '') {
      await this.dropStaleHead(keyJobs, head, id);
      await job.moveToDelayed(Date.now() + (this.options.busyRetryMs ?? 1_000), token);
      throw new DelayedError();
    }
    const renew = setInterval(() => {
      if (this.abandoned) return;
      this.redis
        .eval(RENEW_CLAIM, 1, claimKey, id, lockMs)
        .then((held) => {
          if (Number(held) !== 1) this.report(`job ${id}: lost the claim on its key (Redis too slow to renew it)`);
        })
        .catch((error: Error) => this.report(`job ${id}: ${error.message}`));
    }, lockMs / 3);
    try {
      const handler = this.handlers.get(kind);
      if (!handler) throw new UnknownJobKindError(kind);
      const result = await handler({
        id,
        data: job.data.data,
        state: job.data.state,
        checkpoint: async (state) => {
          await job.updateData({ ...job.data, state });
        },
        progress: async (progress) => {
          await job.updateProgress(progress);
        },
      });
      return result ?? null;
    } finally {
      clearInterval(renew);
      await this.redis.eval(RELEASE_KEY, 2, claimKey, keyJobs, id);
    }
  }

  /**
   * A head whose BullMQ job is gone or finished left its key's queue without saying so (Redis failed during
   * its release): without this the key would wait behind it for ever.
   */
  private async dropStaleHead(keyJobs: string, head: string, self: string): Promise<void> {
    if (head === self) return;
    const job = (await this.findJob(head))?.job;
    if (job && !(await job.isCompleted()) && !(await job.isFailed())) return;
    await this.redis.zrem(keyJobs, head);
  }

  private keyJobsKey(key: string): string {
    return `${this.prefix}:job-keys:${key}`;
  }

  private sequenceKey(): string {
    return `${this.prefix}:job-seq`;
  }

  private report(message: string): void {
    (this.options.onError ?? ((m: string) => process.stderr.write(`${m}\n`)))(message);
  }
}

function toRecord(job: Job<Payload>, state: string): JobRecord {
  const status: JobStatus =
    state === 'completed' ? 'done' : state === 'failed' ? 'failed' : state === 'active' ? 'running' : 'queued';
  const progress =
    typeof job.progress === 'object' && job.progress !== null ? (job.progress as JobProgress) : undefined;
  return {
    id: job.id as string,
    kind: job.data.kind,
    key: job.data.key,
    data: job.data.data,
    status,
    ...(job.data.state !== undefined ? { state: job.data.state } : {}),
    ...(progress ? { progress } : {}),
    ...(status === 'done' ? { result: job.returnvalue ?? null } : {}),
    ...(status === 'failed' ? { error: job.failedReason } : {}),
  };
}
