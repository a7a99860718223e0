// Long work (adding a channel's people, syncing users, later alerts) runs as a job: durable, resumable
// after a crash from its last checkpoint, one at a time per key. Two runners share this interface:
// BullMQ on Redis (every replica works the queue) and one in-process runner that keeps jobs in the store.

/** Job data, checkpoints and results are stored as JSON: give them plain JSON values. */
export interface JobProgress {
  /** Items finished so far (people looked up, people sent). */
  done: number;
  total?: number;
  /** A short phase name, e.g. `looking up` or `sending`. */
  phase?: string;
}

export interface JobContext<D, S> {
  readonly id: string;
  readonly data: D;
  /** The last checkpoint when this run resumes a job that was interrupted (a crash, a killed replica). */
  readonly state: S | undefined;
  /**
   * Saves how far the job got, after each batch. A run after a crash starts from here: work done
   * after the last checkpoint is done again, so checkpoint right after each batch's side effects.
   */
  checkpoint(state: S): Promise<void>;
  /** Reports progress (stored with the job; what a progress message shows). */
  progress(progress: JobProgress): Promise<void>;
}

export type JobHandler<D, S> = (job: JobContext<D, S>) => Promise<unknown>;

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRecord {
  id: string;
  kind: string;
  key: string;
  data: unknown;
  status: JobStatus;
  state?: unknown;
  progress?: JobProgress;
  result?: unknown;
  /** Why it failed: the handler's error message. */
  error?: string;
}

/**
 * What became of a request: `started` (nothing else on its key), `queued` behind `ahead` other jobs on the
 * same key, or `joined` an identical job (same kind, key and data) that is not finished: `id` is that job.
 */
export type EnqueueOutcome = { id: string; outcome: 'started' | 'queued' | 'joined'; ahead: number };

export interface EnqueueOptions {
  /** Jobs with one key run one at a time, in order (a schedule id, say). */
  key: string;
  /**
   * What makes two requests "the same" for joining; default the whole data. Leave out what differs between
   * two askings of one change (where each asker's progress message is), or they would never join.
   */
  identity?: unknown;
}

/** How a kind's jobs are run, where the runner distinguishes (BullMQ); the in-process runner ignores them. */
export interface RegisterOptions {
  /**
   * How long a job's lock lasts without renewal: how soon a killed replica's job is taken over. Short for
   * work a person waits for (a command); the default suits long jobs.
   */
  lockMs?: number;
  /** Jobs of this kind one replica runs at once. */
  concurrency?: number;
}

export interface Jobs {
  /** Before `start()`: the handler for `kind` (one per kind). */
  register<D, S>(kind: string, handler: JobHandler<D, S>, options?: RegisterOptions): void;
  enqueue(kind: string, data: unknown, options: EnqueueOptions): Promise<EnqueueOutcome>;
  get(id: string): Promise<JobRecord | undefined>;
  /** Starts working, first on jobs an earlier process left unfinished. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for running ones to reach their end (or the process to be killed). */
  close(): Promise<void>;
  /** Resolves when job `id` is finished (done or failed), with its record. */
  finished(id: string): Promise<JobRecord>;
}

export class UnknownJobKindError extends Error {
  constructor(kind: string) {
    super(`No handler is registered for jobs of kind "${kind}"`);
    this.name = 'UnknownJobKindError';
  }
}
