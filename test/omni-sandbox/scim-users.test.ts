// GET /api/scim/v2/Users: the member list in order of creation, paged with SCIM's startIndex and count.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID, type OmniSandbox } from '../../src/omni-sandbox/index.js';
import { type Api, expectError, type Json, startSandbox } from './helpers.js';

let sandbox: OmniSandbox;
let api: Api;

beforeAll(async () => {
  ({ sandbox, api } = await startSandbox());
});
afterAll(() => sandbox.close());

/** 250 members joined after the two seeded ones; their ids end in their number, their emails sort backwards. */
const joinedId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
beforeEach(() => {
  sandbox.reset();
  for (let n = 1; n <= 250; n++) {
    sandbox.state.members.set(joinedId(n), {
      id: joinedId(n),
      membershipId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      name: `Member ${n}`,
      email: `${String(1000 - n)}.member@blobsrus.com`,
    });
  }
});

const ids = (res: Json): string[] => res.body.Resources.map((u: Json) => u.id);

describe('SCIM member list paging', () => {
  it('answers 100 members from index 1 by default, in order of creation, with the SCIM counts', async () => {
    const res = await api('GET', '/scim/v2/Users');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ totalResults: 252, startIndex: 1, itemsPerPage: 100 });
    expect(ids(res)).toEqual([BLOB_ROSS_ID, BLOBBY_HILL_ID, ...Array.from({ length: 98 }, (_, i) => joinedId(i + 1))]);
    expect(res.body.Resources[2]).toMatchObject({ userName: '999.member@blobsrus.com', displayName: 'Member 1' });
  });

  it('pages with startIndex and count until the last, shorter page, and past the end answers none', async () => {
    const second = await api('GET', '/scim/v2/Users?startIndex=101&count=100');
    expect(second.body).toMatchObject({ totalResults: 252, startIndex: 101, itemsPerPage: 100 });
    expect(ids(second)[0]).toBe(joinedId(99));
    const last = await api('GET', '/scim/v2/Users?startIndex=201&count=100');
    expect(last.body).toMatchObject({ totalResults: 252, startIndex: 201, itemsPerPage: 52 });
    expect(ids(last).at(-1)).toBe(joinedId(250));
    const past = await api('GET', '/scim/v2/Users?startIndex=253&count=100');
    expect(past.body).toMatchObject({ totalResults: 252, itemsPerPage: 0, Resources: [] });
  });

  it('reads a startIndex below 1 as 1 and a negative count as 0, as SCIM says', async () => {
    const fromZero = await api('GET', '/scim/v2/Users?startIndex=0&count=2');
    expect(fromZero.body.startIndex).toBe(1);
    expect(ids(fromZero)).toEqual([BLOB_ROSS_ID, BLOBBY_HILL_ID]);
    const none = await api('GET', '/scim/v2/Users?count=-5');
    expect(none.body).toMatchObject({ totalResults: 252, itemsPerPage: 0, Resources: [] });
  });

  it('refuses a startIndex or count that is not a whole number', async () => {
    expectError(await api('GET', '/scim/v2/Users?count=ten'), 400, 'count: Invalid number');
    expectError(await api('GET', '/scim/v2/Users?startIndex=1.5'), 400, 'startIndex: Invalid number');
  });

  it('pages a filtered list too', async () => {
    const filter = encodeURIComponent('userName eq "999.MEMBER@blobsrus.com"');
    const found = await api('GET', `/scim/v2/Users?filter=${filter}&startIndex=1&count=1`);
    expect(found.body).toMatchObject({ totalResults: 1, itemsPerPage: 1 });
    expect(ids(found)).toEqual([joinedId(1)]);
    const beyond = await api('GET', `/scim/v2/Users?filter=${filter}&startIndex=2`);
    expect(beyond.body).toMatchObject({ totalResults: 1, Resources: [] });
  });
});
