import { Redis } from 'ioredis';
import { afterAll, describe } from 'vitest';
import { connectRedis, type RedisConnections } from '../../src/coordination/redis.js';
import { BullmqJobs, type Jobs } from '../../src/jobs/index.js';
import { REDIS_URL, redisUnreachable, serviceMissing, uniquePrefix } from '../coordination/support.js';
import { runnerContract } from './runner-contract.js';

const reason = await redisUnreachable();

describe('BullmqJobs: a worker in every replica, on Redis', () => {
  if (reason) {
    serviceMissing('BullmqJobs', reason);
    return;
  }
  const prefix = uniquePrefix();
  const opened = new Map<Jobs, RedisConnections>();
  afterAll(async () => {
    for (const connections of opened.values()) await connections.close();
    const redis = new Redis(REDIS_URL);
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  });
  runnerContract({
    async open() {
      const connections = connectRedis(REDIS_URL);
      // A short lock: a killed replica's job is taken over within about a second.
      const jobs = new BullmqJobs({ connections, prefix, lockMs: 1_000, busyRetryMs: 100, onError: () => undefined });
      opened.set(jobs, connections);
      return jobs;
    },
    async kill(jobs) {
      // Stops at once, as a SIGKILLed replica: no lock renewal, no clean-up; its handler never returns.
      await (jobs as BullmqJobs).abandon();
    },
  });
});
