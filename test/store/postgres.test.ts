import { describe } from 'vitest';
import { connectionContract } from './contract-connections.js';
import { cacheContract, installationContract } from './contract-installations.js';
import { useStoreHarness } from './harness.js';
import { POSTGRES_URL, rawPostgres, serviceMissing, unreachableReason } from './support.js';

const reason = await unreachableReason(POSTGRES_URL);

describe('store on PostgreSQL', () => {
  if (reason) {
    serviceMissing('store on PostgreSQL', reason);
    return;
  }
  const h = useStoreHarness({ name: 'postgres', nativeTtl: false, url: () => POSTGRES_URL, raw: rawPostgres });
  connectionContract(h);
  installationContract(h);
  cacheContract(h);
});
