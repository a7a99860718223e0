// The SCIM member list, client against sandbox: listUsers, iterateUsers and findUsersByEmails over an
// organization larger than one page, at Omni's default pace (60 calls a minute, on virtual time).
import { beforeEach, describe, expect, it } from 'vitest';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID } from '../../src/omni-sandbox/index.js';
import { expectOmniError, expectRefusedLocally, requestsTo, useContract } from './support.js';

const omni = useContract();
const SCIM = '/api/scim/v2/Users';

/** Members who joined after the two seeded ones: 248 more, 250 in all, so three pages of 100. */
const joinedId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const joinedEmail = (n: number) => `joined${n}@blobsrus.com`;
beforeEach(() => {
  for (let n = 1; n <= 248; n++) {
    omni.sandbox.state.members.set(joinedId(n), {
      id: joinedId(n),
      membershipId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      name: `Joined ${n}`,
      email: joinedEmail(n),
    });
  }
});

/** The SCIM calls the sandbox received, as their query strings. */
const scimQueries = () =>
  requestsTo(omni.sandbox, 'GET', SCIM).map((r) =>
    Object.entries(r.query)
      .map(([key, value]) => `${key}=${value}`)
      .join('&'),
  );

describe('listUsers', () => {
  it('reads one page of members, in order of creation, with the SCIM counts', async () => {
    const list = await omni.client.listUsers({ startIndex: 1, count: 3 });
    expect(list).toMatchObject({ totalResults: 250, startIndex: 1, itemsPerPage: 3 });
    expect(list.Resources.map((u) => [u.id, u.userName, u.displayName, u.active])).toEqual([
      [BLOB_ROSS_ID, 'blob.ross@blobsrus.com', 'Blob Ross', true],
      [BLOBBY_HILL_ID, 'blobby.hill@blobsrus.com', 'Blobby Hill', true],
      [joinedId(1), joinedEmail(1), 'Joined 1', true],
    ]);
    expect(scimQueries()).toEqual(['startIndex=1&count=3']);
  });

  it('refuses a page larger than 100 locally', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.listUsers({ count: 500 }), 'count');
  });
});

describe('iterateUsers', () => {
  it('yields every member across three pages of 100', async () => {
    const ids: string[] = [];
    for await (const user of omni.client.iterateUsers()) ids.push(user.id);
    expect(ids).toEqual([BLOB_ROSS_ID, BLOBBY_HILL_ID, ...Array.from({ length: 248 }, (_, i) => joinedId(i + 1))]);
    expect(scimQueries()).toEqual(['startIndex=1&count=100', 'startIndex=101&count=100', 'startIndex=201&count=100']);
  });
});

describe('findUsersByEmails', () => {
  it('checks 1,000 people in 3 calls, the pages of members, instead of 1,000 look-ups', async () => {
    const people = [
      ...Array.from({ length: 998 }, (_, i) => `person${i}@example.com`),
      'Blob.Ross@BlobsRUs.com',
      joinedEmail(248).toUpperCase(),
    ];
    const found = await omni.client.findUsersByEmails(people);
    expect([...found.keys()].sort()).toEqual(['blob.ross@blobsrus.com', joinedEmail(248)]);
    expect(found.get('blob.ross@blobsrus.com')).toMatchObject({ id: BLOB_ROSS_ID, displayName: 'Blob Ross' });
    expect(found.get(joinedEmail(248))?.id).toBe(joinedId(248));
    expect(scimQueries()).toEqual(['startIndex=1&count=100', 'startIndex=101&count=100', 'startIndex=201&count=100']);
    // Three calls fit in Omni's minute: the client never had to wait.
    expect(omni.clock.sleeps).toEqual([]);
  });

  it('answers from the first page alone when it holds every email', async () => {
    const found = await omni.client.findUsersByEmails(['blobby.hill@blobsrus.com', joinedEmail(3)]);
    expect([...found.keys()]).toEqual(['blobby.hill@blobsrus.com', joinedEmail(3)]);
    expect(scimQueries()).toEqual(['startIndex=1&count=100']);
  });

  it('looks the rest up by email when they are fewer than the pages left', async () => {
    for (let n = 249; n <= 598; n++) {
      omni.sandbox.state.members.set(joinedId(n), {
        id: joinedId(n),
        membershipId: joinedId(n),
        name: '',
        email: joinedEmail(n),
      });
    }
    // 600 members: after the first page, 5 pages are left, and 2 emails.
    const found = await omni.client.findUsersByEmails([joinedEmail(240), 'iamagoodblob@myorg.co']);
    // An email-only user is not a member.
    expect([...found.keys()]).toEqual([joinedEmail(240)]);
    expect(scimQueries().sort()).toEqual([
      'filter=userName eq "iamagoodblob@myorg.co"',
      `filter=userName eq "${joinedEmail(240)}"`,
      'startIndex=1&count=100',
    ]);
  });

  it('fails with Omni’s 401 for a wrong key, once', async () => {
    const client = omni.makeClient({ apiKey: 'wrong-key-0a9b8c7d' });
    await expectOmniError(omni.sandbox, client.findUsersByEmails([joinedEmail(1), joinedEmail(2)]), {
      status: 401,
      detail: 'Authentication required',
      method: 'GET',
      path: SCIM,
    });
    expect(omni.sandbox.state.requests).toHaveLength(1);
  });
});
