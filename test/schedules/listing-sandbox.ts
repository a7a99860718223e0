// The Omni sandbox behind a `listSchedules` that records what Omni was asked, call by call: what the
// schedule look-up and the list plan are measured by. Starts before the file's tests, stops after.
import { afterAll, beforeAll } from 'vitest';
import { type ListSchedulesQuery, OmniClient } from '../../src/omni/index.js';
import { type OmniSandbox, startOmniSandbox } from '../../src/omni-sandbox/index.js';

export function recordedListing(apiKey: string): {
  omni: Pick<OmniClient, 'listSchedules'>;
  /** Cleared by `forget()`; filled as Omni is asked. */
  asked: ListSchedulesQuery[];
  forget(): void;
} {
  let sandbox: OmniSandbox | undefined;
  let client: OmniClient | undefined;
  const asked: ListSchedulesQuery[] = [];
  beforeAll(async () => {
    sandbox = await startOmniSandbox({ apiKey, rateLimitPerMinute: 0 });
    client = new OmniClient({ baseUrl: sandbox.url, apiKey, rateLimitPerMinute: 100_000 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  return {
    omni: {
      listSchedules: (query = {}) => {
        asked.push(query);
        if (!client) throw new Error('the sandbox has not started');
        return client.listSchedules(query);
      },
    },
    asked,
    forget: () => {
      asked.length = 0;
    },
  };
}
