// The backend goes away and comes back (a restart, a failover): the store reports it, keeps the process alive,
// and works again without being reopened.
import { describe, expect, it } from 'vitest';
import { openStore, StoreUnavailableError } from '../../src/store/index.js';
import {
  newKey,
  POSTGRES_URL,
  REDIS_URL,
  rawPostgres,
  rawRedis,
  serviceMissing,
  silentLogger,
  startOutageProxy,
  uniquePrefix,
  unreachableReason,
} from './support.js';

const backends = [
  { name: 'Redis', url: REDIS_URL, port: 6379, raw: rawRedis, through: (port: number) => `redis://127.0.0.1:${port}` },
  {
    name: 'PostgreSQL',
    url: POSTGRES_URL,
    port: 5432,
    raw: rawPostgres,
    through: (port: number) => `postgres://postgres@127.0.0.1:${port}/test`,
  },
];

for (const backend of backends) {
  const reason = await unreachableReason(backend.url);
  describe(`a ${backend.name} store through an outage`, () => {
    if (reason) {
      serviceMissing(`${backend.name} outage`, reason);
      return;
    }
    it('fails while the backend is away, then works again when it is back', async () => {
      const proxy = await startOutageProxy(backend.port);
      const crashes: unknown[] = [];
      const record = (error: unknown) => crashes.push(error);
      process.on('unhandledRejection', record);
      process.on('uncaughtException', record);
      const prefix = uniquePrefix();
      const store = await openStore({
        url: backend.through(proxy.port),
        encryptionKeys: [newKey()],
        namespacePrefix: prefix,
        logger: silentLogger(),
      });
      const scope = { teamId: 'T0TEAM1' };
      try {
        await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);

        proxy.setUp(true);
        await store.ping();
        await store.settings.update(scope, { includeGuests: true });

        proxy.setUp(false); // connections in use are cut
        await expect(store.settings.get(scope)).rejects.toBeInstanceOf(StoreUnavailableError);
        await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);

        proxy.setUp(true);
        await store.ping();
        expect((await store.settings.get(scope)).includeGuests).toBe(true);
      } finally {
        await store.close();
        await backend.raw(backend.url, prefix).cleanup();
        await proxy.close();
        await new Promise((resolve) => setTimeout(resolve, 100)); // let late socket errors surface
        process.off('unhandledRejection', record);
        process.off('uncaughtException', record);
      }
      expect(crashes).toEqual([]);
    });
  });
}
