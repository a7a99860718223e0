// One ioredis connection per process for commands (claims, rate budgets, heartbeats), and duplicates for
// what must own a connection (BullMQ workers block on theirs). The URL may carry a password: never logged.
import { Redis } from 'ioredis';

export interface RedisConnections {
  /** The shared command connection: a command fails within a fraction of a second while Redis is down. */
  readonly main: Redis;
  /** A new connection on the same URL, closed by `close()`; BullMQ needs `maxRetriesPerRequest: null`. */
  duplicate(): Redis;
  close(): Promise<void>;
}

export function connectRedis(url: string): RedisConnections {
  const opened: Redis[] = [];
  const make = (waitForRedis: boolean) => {
    // BullMQ's connections wait for Redis to come back (null: it requires that). Claims and rate budgets
    // must not hang a user's click: their commands fail after two reconnect attempts, and the callers
    // decide (a rate budget falls back to this process's own).
    const redis = new Redis(url, { maxRetriesPerRequest: waitForRedis ? null : 2 });
    // Without a listener, ioredis prints every reconnect error; the callers see failures on their commands.
    redis.on('error', () => undefined);
    opened.push(redis);
    return redis;
  };
  const main = make(false);
  return {
    main,
    duplicate: () => make(true),
    async close() {
      await Promise.all(opened.map((redis) => redis.quit().catch(() => redis.disconnect())));
    },
  };
}
