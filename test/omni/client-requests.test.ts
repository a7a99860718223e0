import { describe, expect, it } from 'vitest';
import { requestCases } from './request-cases.js';
import { API_KEY, page, SCHEDULE_ID, specRecord, useScriptedOmni } from './support.js';

describe('OmniClient requests', () => {
  const omni = useScriptedOmni();

  it.each(requestCases)('$name sends the documented method, path, query and body', async (c) => {
    omni.server.reply({ status: c.status ?? 200, json: c.reply });
    const result = await c.call(omni.client);

    expect(omni.server.requests).toHaveLength(1);
    const [request] = omni.server.requests;
    expect(request?.method).toBe(c.method);
    expect(request?.path).toBe(c.path);
    if (c.rawQuery !== undefined) expect(request?.rawQuery).toBe(c.rawQuery);
    expect(request?.body).toEqual(c.body);
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(request?.headers.accept).toBe('application/json');
    if (c.body !== undefined) expect(request?.headers['content-type']).toBe('application/json');
    if (c.result !== undefined) expect(result).toEqual(c.result);
  });

  it('findUserByEmail returns null when the email is not a member', async () => {
    omni.server.reply({ json: { schemas: [], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] } });
    await expect(omni.client.findUserByEmail('nobody@blobsrus.com')).resolves.toBeNull();
  });

  it('findUserByEmail reads a list without Resources as no match', async () => {
    omni.server.reply({ json: { schemas: [], totalResults: 0 } });
    await expect(omni.client.findUserByEmail('nobody@blobsrus.com')).resolves.toBeNull();
  });

  it.each(['http://HOST/', 'http://HOST/api', 'http://HOST/api/', 'http://HOST'])(
    'baseUrl %s reaches /api/v1 once',
    async (shape) => {
      const client = omni.makeClient({ baseUrl: shape.replace('http://HOST', omni.server.url) });
      omni.server.reply({ json: { success: true } });
      await client.pauseSchedule(SCHEDULE_ID);
      expect(omni.server.requests[0]?.path).toBe(`/api/v1/schedules/${SCHEDULE_ID}/pause`);
    },
  );

  it('iterateSchedules follows nextCursor across pages and yields every record', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
    omni.server.reply(
      { json: page([specRecord({ id: ids[0] }), specRecord({ id: ids[1] })], '2', 5) },
      { json: page([specRecord({ id: ids[2] }), specRecord({ id: ids[3] })], '3', 5) },
      { json: page([specRecord({ id: ids[4] })], null, 5) },
    );
    const seen: string[] = [];
    for await (const record of omni.client.iterateSchedules({ q: 'sales', pageSize: 2 })) seen.push(record.id);

    expect(seen).toEqual(ids);
    expect(omni.server.requests.map((r) => r.rawQuery)).toEqual([
      'q=sales&pageSize=2',
      'q=sales&cursor=2&pageSize=2',
      'q=sales&cursor=3&pageSize=2',
    ]);
  });

  it('iterateSchedules stops with an error instead of looping on a repeated cursor', async () => {
    omni.server.reply({ json: page([specRecord()], '2') }, { json: page([specRecord()], '2') });
    const read = async () => {
      for await (const _ of omni.client.iterateSchedules()) {
        // drain
      }
    };
    await expect(read()).rejects.toThrow(/pageInfo\.nextCursor: repeats cursor "2"/);
    expect(omni.server.requests).toHaveLength(2);
  });
});
