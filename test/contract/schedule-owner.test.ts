// Schedules made for a person: their Omni membership is found by email over SCIM (cached) and sent
// as `userId`; someone without an Omni account gets the default owner, and the outcome says so.
import { describe, expect, it } from 'vitest';
import { createOwnedSchedule, MemberLookup } from '../../src/omni/index.js';
import { BLOBBY_HILL_ID } from '../../src/omni-sandbox/index.js';
import { emailBody, requestsTo, useContract } from './support.js';

const omni = useContract({ rateLimitPerMinute: 0 });

describe('createOwnedSchedule', () => {
  it("owns the schedule by the person's Omni member, looked up once per email", async () => {
    const members = new MemberLookup(omni.client, { clock: omni.clock });
    const first = await createOwnedSchedule(omni.client, members, emailBody(), 'Blobby.Hill@blobsrus.com');
    const second = await createOwnedSchedule(
      omni.client,
      members,
      emailBody({ name: 'Again' }),
      'blobby.hill@blobsrus.com',
    );

    expect(first.owner).toEqual({
      kind: 'person',
      member: { userId: BLOBBY_HILL_ID, name: 'Blobby Hill', email: 'blobby.hill@blobsrus.com' },
    });
    expect(second.owner.kind).toBe('person');
    for (const { result } of [first, second]) {
      expect(omni.sandbox.state.schedules.get(result.id as string)?.ownerId).toBe(BLOBBY_HILL_ID);
    }
    expect(requestsTo(omni.sandbox, 'GET', '/api/scim/v2/Users')).toHaveLength(1);
    expect(requestsTo(omni.sandbox, 'POST', '/api/v1/schedules').map((r) => r.query)).toEqual([
      { userId: BLOBBY_HILL_ID },
      { userId: BLOBBY_HILL_ID },
    ]);
  });

  it('gives a person with no Omni account the default owner, and says why', async () => {
    const members = new MemberLookup(omni.client, { clock: omni.clock });
    const made = await createOwnedSchedule(omni.client, members, emailBody(), 'stranger@elsewhere.example');
    expect(made.owner).toEqual({ kind: 'default', reason: 'stranger@elsewhere.example has no Omni account' });
    expect(requestsTo(omni.sandbox, 'POST', '/api/v1/schedules').map((r) => r.query)).toEqual([{}]);
    expect(omni.sandbox.state.schedules.get(made.result.id as string)?.ownerId).toBe(omni.sandbox.state.keyOwnerId);
  });

  it('looks again once the cached answer is older than its time to live', async () => {
    const members = new MemberLookup(omni.client, { clock: omni.clock, ttlMs: 60_000 });
    await members.byEmail('blob.ross@blobsrus.com');
    await members.byEmail('blob.ross@blobsrus.com');
    await omni.clock.sleep(60_001);
    await members.byEmail('blob.ross@blobsrus.com');
    expect(requestsTo(omni.sandbox, 'GET', '/api/scim/v2/Users')).toHaveLength(2);
  });
});
