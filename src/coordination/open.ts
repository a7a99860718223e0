// Start-up: what replicas share when REDIS_URL is set (claims, rate budgets, BullMQ jobs), or the same in
// one process without it (and a warning when a second process shows up on the same store).
import { randomUUID } from 'node:crypto';
import { BullmqJobs } from '../jobs/bullmq-jobs.js';
import { StoreJobs } from '../jobs/store-jobs.js';
import type { Jobs } from '../jobs/types.js';
import type { AppStore } from '../store/index.js';
import { type Claims, RedisClaims } from './claims.js';
import { MemoryRateBudget, type RateBudget, RedisRateBudget } from './rate-budget.js';
import { connectRedis, type RedisConnections } from './redis.js';
import { secondReplicaWarning, startHeartbeat } from './replicas.js';
import { installShared } from './shared.js';

export interface Coordination {
  /** Present with REDIS_URL. */
  readonly redis?: RedisConnections;
  /** Present with REDIS_URL; without it, each RunGuard uses the store-backed claims. */
  readonly claims?: Claims;
  readonly rateBudget: RateBudget;
  readonly jobs: Jobs;
  close(): Promise<void>;
}

export interface CoordinationLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export async function openCoordination(options: {
  redisUrl?: string;
  store: AppStore;
  logger: CoordinationLogger;
  /** Redis key prefix (tests use a unique one). */
  prefix?: string;
}): Promise<Coordination> {
  const { store, logger } = options;
  const onError = (message: string) => logger.error(message);
  if (options.redisUrl) {
    const redis = connectRedis(options.redisUrl);
    const prefix = options.prefix ?? 'omni-slack';
    const claims = new RedisClaims(redis.main, `${prefix}:claim:`);
    const rateBudget = new RedisRateBudget(redis.main, `${prefix}:rate`);
    installShared({ claims, rateBudget });
    const jobs = new BullmqJobs({ connections: redis, prefix, onError });
    logger.info('replicas: REDIS_URL set: rate budgets, run claims and jobs are shared through Redis');
    return {
      redis,
      claims,
      rateBudget,
      jobs,
      async close() {
        await jobs.close();
        installShared({});
        await redis.close();
      },
    };
  }
  const heartbeat = await startHeartbeat(store.cache('replicas'), randomUUID());
  if (heartbeat.other) logger.warn(secondReplicaWarning(heartbeat.other));
  installShared({});
  const jobs = new StoreJobs({ cache: store.cache('jobs'), onError });
  return {
    rateBudget: new MemoryRateBudget(),
    jobs,
    async close() {
      heartbeat.stop();
      await jobs.close();
    },
  };
}
