// The SCIM member list on the client: listUsers, iterateUsers, and findUsersByEmails choosing between
// one look-up per email and one listing of every member, against a scripted server.
import { describe, expect, it } from 'vitest';
import { OmniApiError, OmniRequestValidationError, OmniResponseError } from '../../src/omni/index.js';
import type { RecordedRequest, ScriptedReply } from './scripted-server.js';
import { omniError } from './scripted-server.js';
import { rejectionOf, useScriptedOmni } from './support.js';

type Member = { id: string; userName: string; displayName: string };

/** `n` members; member i has email `m<i>@blobsrus.com` and an id ending in i. */
const members = (n: number): Member[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    userName: `m${i + 1}@blobsrus.com`,
    displayName: `Member ${i + 1}`,
  }));

const resource = (m: Member) => ({ ...m, active: true, schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'] });

/** Answers SCIM list requests like Omni: filter by userName, page by startIndex and count (capped at `cap`). */
function scim(all: Member[], cap = Number.POSITIVE_INFINITY) {
  return (request: RecordedRequest): ScriptedReply => {
    const filter = /^userName eq "(.*)"$/.exec(request.query.filter ?? '');
    const matching = filter ? all.filter((m) => m.userName.toLowerCase() === filter[1]?.toLowerCase()) : all;
    const startIndex = Number(request.query.startIndex ?? 1);
    const count = Math.min(cap, Number(request.query.count ?? 100));
    const page = matching.slice(startIndex - 1, startIndex - 1 + count);
    return {
      json: {
        schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
        totalResults: matching.length,
        startIndex,
        itemsPerPage: page.length,
        Resources: page.map(resource),
      },
    };
  };
}

/** Each request as the calls it stands for: `page <startIndex>` or `lookup <email>`. */
const calls = (requests: RecordedRequest[]) =>
  requests.map((r) =>
    r.query.filter ? `lookup ${/"(.*)"/.exec(r.query.filter)?.[1]}` : `page ${r.query.startIndex}/${r.query.count}`,
  );

describe('listUsers', () => {
  const omni = useScriptedOmni();

  it('asks for one page with startIndex and count and reads the SCIM list', async () => {
    omni.server.otherwise(scim(members(3)));
    const list = await omni.client.listUsers({ startIndex: 2, count: 1 });
    expect(omni.server.requests.map((r) => `${r.method} ${r.path}?${r.rawQuery}`)).toEqual([
      'GET /api/scim/v2/Users?startIndex=2&count=1',
    ]);
    expect(list).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1 });
    expect(list.Resources.map((u) => u.userName)).toEqual(['m2@blobsrus.com']);
  });

  it.each([{ count: 0 }, { count: 101 }, { count: 2.5 }, { startIndex: 0 }])(
    'refuses %j locally, before any call',
    async (query) => {
      const error = await rejectionOf(omni.client.listUsers(query));
      expect(error).toBeInstanceOf(OmniRequestValidationError);
      expect((error as OmniRequestValidationError).issues[0]?.path).toBe(Object.keys(query)[0]);
      expect(omni.server.requests).toEqual([]);
    },
  );
});

describe('iterateUsers', () => {
  const omni = useScriptedOmni();
  const read = async (iterable: AsyncIterable<{ userName: string }>) => {
    const names: string[] = [];
    for await (const user of iterable) names.push(user.userName);
    return names;
  };

  it('walks every page of 100 until totalResults', async () => {
    omni.server.otherwise(scim(members(250)));
    const names = await read(omni.client.iterateUsers());
    expect(names).toEqual(members(250).map((m) => m.userName));
    expect(calls(omni.server.requests)).toEqual(['page 1/100', 'page 101/100', 'page 201/100']);
  });

  it('advances by what each page held when the server answers fewer than asked', async () => {
    omni.server.otherwise(scim(members(5), 2));
    expect(await read(omni.client.iterateUsers())).toHaveLength(5);
    expect(calls(omni.server.requests)).toEqual(['page 1/100', 'page 3/100', 'page 5/100']);
  });

  it('stops with an error instead of looping when the server ignores startIndex', async () => {
    omni.server.otherwise(() => scim(members(150))({ query: {} } as RecordedRequest));
    const error = await rejectionOf(read(omni.client.iterateUsers()));
    expect(error).toBeInstanceOf(OmniResponseError);
    expect(error.message).toMatch(/Resources: repeats members already listed at startIndex 101/);
    expect(omni.server.requests).toHaveLength(2);
  });
});

describe('findUsersByEmails', () => {
  const omni = useScriptedOmni();

  it('makes no call for no emails', async () => {
    expect(await omni.client.findUsersByEmails([])).toEqual(new Map());
    expect(omni.server.requests).toEqual([]);
  });

  it('looks one email up directly', async () => {
    omni.server.otherwise(scim(members(500)));
    const found = await omni.client.findUsersByEmails(['M7@BlobsRUs.com']);
    expect([...found.keys()]).toEqual(['m7@blobsrus.com']);
    expect(found.get('m7@blobsrus.com')?.id).toBe(members(7)[6]?.id);
    expect(calls(omni.server.requests)).toEqual(['lookup M7@BlobsRUs.com']);
  });

  it('answers many emails from one page when the organization fits in it, keyed by lower-cased email', async () => {
    omni.server.otherwise(scim(members(40)));
    const emails = ['M1@blobsrus.com', 'm40@blobsrus.com', 'stranger@example.com', 'm1@BLOBSRUS.com'];
    const found = await omni.client.findUsersByEmails(emails);
    expect([...found.keys()].sort()).toEqual(['m1@blobsrus.com', 'm40@blobsrus.com']);
    expect(found.get('m40@blobsrus.com')).toMatchObject({ displayName: 'Member 40' });
    expect(calls(omni.server.requests)).toEqual(['page 1/100']);
  });

  it('lists every page, not one look-up per email, when there are fewer pages than emails', async () => {
    omni.server.otherwise(scim(members(250)));
    const emails = [...Array.from({ length: 30 }, (_, i) => `m${220 + i}@blobsrus.com`), 'stranger@example.com'];
    const found = await omni.client.findUsersByEmails(emails);
    expect(found.size).toBe(30);
    expect(found.has('stranger@example.com')).toBe(false);
    expect(calls(omni.server.requests)).toEqual(['page 1/100', 'page 101/100', 'page 201/100']);
  });

  it('stops listing once every email is found', async () => {
    omni.server.otherwise(scim(members(1000)));
    const emails = ['m5@blobsrus.com', ...Array.from({ length: 20 }, (_, i) => `m${101 + i}@blobsrus.com`)];
    expect((await omni.client.findUsersByEmails(emails)).size).toBe(21);
    expect(calls(omni.server.requests)).toEqual(['page 1/100', 'page 101/100']);
  });

  it('looks the rest up one by one when that takes fewer calls than the remaining pages', async () => {
    omni.server.otherwise(scim(members(5000)));
    const found = await omni.client.findUsersByEmails(['m3@blobsrus.com', 'M4000@blobsrus.com', 'x@example.com']);
    expect([...found.keys()].sort()).toEqual(['m3@blobsrus.com', 'm4000@blobsrus.com']);
    expect(calls(omni.server.requests).sort()).toEqual([
      'lookup M4000@blobsrus.com',
      'lookup x@example.com',
      'page 1/100',
    ]);
  });

  it('reports each call with the total the look-up takes, known from the first answer', async () => {
    omni.server.otherwise(scim(members(250)));
    const progress: { done: number; total: number }[] = [];
    await omni.client.findUsersByEmails(
      Array.from({ length: 10 }, (_, i) => `m${241 + i}@blobsrus.com`),
      { onProgress: (p) => void progress.push(p) },
    );
    expect(progress).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it('refuses a malformed email locally, naming it, before any call', async () => {
    const error = await rejectionOf(omni.client.findUsersByEmails(['a@example.com', 'not an email']));
    expect(error).toBeInstanceOf(OmniRequestValidationError);
    expect((error as OmniRequestValidationError).issues.map((i) => i.path)).toEqual(['emails.1']);
    expect(omni.server.requests).toEqual([]);
  });

  it("fails as a whole with Omni's refusal, and starts no more look-ups after one fails", async () => {
    const all = members(5000);
    omni.server.otherwise((request) =>
      request.query.filter?.includes('m2@') ? omniError(403, 'Forbidden') : scim(all)(request),
    );
    const emails = Array.from({ length: 12 }, (_, i) => `m${i + 4000}@blobsrus.com`);
    const error = await rejectionOf(
      omni.client.findUsersByEmails([...emails.slice(0, 2), 'm2@example.com', ...emails]),
    );
    expect(error).toBeInstanceOf(OmniApiError);
    expect(error).toMatchObject({ status: 403, detail: 'Forbidden' });
    // The first page, then at most the look-ups already in flight when the refusal came (4 at a time).
    expect(omni.server.requests.length).toBeLessThanOrEqual(1 + 4 + 3);
  });
});
