import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { connectionContract } from './contract-connections.js';
import { cacheContract, installationContract } from './contract-installations.js';
import { useStoreHarness } from './harness.js';
import { rawSqlite } from './support.js';

const root = mkdtempSync(join(tmpdir(), 'omni-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('store on SQLite', () => {
  const h = useStoreHarness({
    name: 'sqlite',
    nativeTtl: false,
    url: () => `sqlite://${mkdtempSync(join(root, 'run-'))}/nested/store.sqlite`,
    raw: (url, prefix) => rawSqlite(url.slice('sqlite://'.length), prefix),
  });
  connectionContract(h);
  installationContract(h);
  cacheContract(h);
});
