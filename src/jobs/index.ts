// The job runner for this process: BullMQ when replicas share Redis, else the in-process runner on the store.
import type { RedisConnections } from '../coordination/redis.js';
import type { TtlCache } from '../store/index.js';
import { BullmqJobs } from './bullmq-jobs.js';
import { StoreJobs } from './store-jobs.js';
import type { Jobs } from './types.js';

export { BullmqJobs } from './bullmq-jobs.js';
export { StoreJobs } from './store-jobs.js';
export * from './types.js';

export function createJobs(options: {
  /** REDIS_URL's connections; absent, jobs live in `cache` and run in this process. */
  redis?: RedisConnections;
  /** `store.cache('jobs')`. */
  cache: TtlCache;
  onError?: (message: string) => void;
}): Jobs {
  if (options.redis) return new BullmqJobs({ connections: options.redis, onError: options.onError });
  return new StoreJobs({ cache: options.cache, onError: options.onError });
}
