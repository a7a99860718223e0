import { describe } from 'vitest';
import { connectionContract } from './contract-connections.js';
import { cacheContract, installationContract } from './contract-installations.js';
import { useStoreHarness } from './harness.js';
import { REDIS_URL, rawRedis, serviceMissing, unreachableReason } from './support.js';

const reason = await unreachableReason(REDIS_URL);

describe('store on Redis', () => {
  if (reason) {
    serviceMissing('store on Redis', reason);
    return;
  }
  const h = useStoreHarness({ name: 'redis', nativeTtl: true, url: () => REDIS_URL, raw: rawRedis });
  connectionContract(h);
  installationContract(h);
  cacheContract(h);
});
