// One ioredis connection per process for commands (claims, rate budgets, heartbeats), and duplicates for
// what must own a connection (BullMQ workers block on theirs). The URL may carry a password: never logged.
import { Redis } from 'ioredis';

export interface RedisConnections {
  /** The shared command connection. */
  readonly main: Redis;
  /** A new connection on the same URL, closed by `close()`; BullMQ needs `maxRetriesPerRequest: null`. */
  duplicate(): Redis;
  close(): Promise<void>;
}

export function connectRedis(url: string): RedisConnections {
  const opened: Redis[] = [];
  const make = () => {
    // null: a command waits for the connection to come back instead of failing after 20 retries, which
    // is what BullMQ requires and what a replica riding out a Redis restart wants.
    const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
    // Without a listener, ioredis prints every reconnect error; the callers see failures on their commands.
    redis.on('error', () => undefined);
    opened.push(redis);
    return redis;
  };
  const main = make();
  return {
    main,
    duplicate: make,
    async close() {
      await Promise.all(opened.map((redis) => redis.quit().catch(() => redis.disconnect())));
    },
  };
}
