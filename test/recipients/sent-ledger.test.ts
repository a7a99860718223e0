// The ledger a job keeps of the email-only users it sent: a resumed job sends only who is not in it, saves it
// after each batch, and reports everyone, earlier runs included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OmniClient } from '../../src/omni/index.js';
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';
import { type EmailOnlySent, upsertRecorded } from '../../src/recipients/index.js';
import { startFlowSandbox } from './support.js';

let sandbox: OmniSandbox;
beforeAll(async () => {
  sandbox = await startFlowSandbox();
});
afterAll(() => sandbox.close());

describe('upsertRecorded', () => {
  it('skips who an earlier run sent or had refused, saves after each batch, and reports everyone', async () => {
    const omni = new OmniClient({
      baseUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      rateLimitPerMinute: Number.POSITIVE_INFINITY,
    });
    const users = Array.from({ length: 45 }, (_, i) => ({ email: `ledger${i}@partner.example` }));
    const earlier: EmailOnlySent = {
      sent: users.slice(0, 20).map((u) => u.email.toUpperCase()), // matched whatever the case
      failed: [{ email: 'ledger20@partner.example', detail: 'refused earlier' }],
    };
    const saves: EmailOnlySent[] = [];
    const progress: Array<[number, number]> = [];
    sandbox.state.requests.length = 0;

    const result = await upsertRecorded(
      omni,
      users,
      { earlier, save: async (sent) => void saves.push(sent) },
      (done, total) => void progress.push([done, total]),
    );

    const posted = sandbox.state.requests
      .filter((r) => r.method === 'POST')
      .flatMap((r) => (r.body as { users: Array<{ email: string }> }).users.map((u) => u.email));
    expect(posted).toEqual(users.slice(21).map((u) => u.email));
    expect(saves.map((s) => [s.sent.length, s.failed.length])).toEqual([
      [40, 1],
      [44, 1],
    ]);
    expect(progress).toEqual([
      [41, 45],
      [45, 45],
    ]);
    expect(result.sent).toHaveLength(44);
    expect(result.failed).toEqual([{ email: 'ledger20@partner.example', detail: 'refused earlier' }]);
  });

  it('sends everyone without a ledger', async () => {
    const omni = new OmniClient({
      baseUrl: sandbox.url,
      apiKey: sandbox.apiKey,
      rateLimitPerMinute: Number.POSITIVE_INFINITY,
    });
    const result = await upsertRecorded(omni, [{ email: 'solo@partner.example' }], undefined);
    expect(result).toEqual({ sent: ['solo@partner.example'], failed: [] });
  });
});
