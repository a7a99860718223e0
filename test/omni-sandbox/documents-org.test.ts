import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_ROSS_ID, type OmniSandbox } from '../../src/omni-sandbox/index.js';
import { type Api, expectError, type Json, startSandbox } from './helpers.js';

let sandbox: OmniSandbox;
let api: Api;

beforeAll(async () => {
  ({ sandbox, api } = await startSandbox());
});
afterAll(() => sandbox.close());

describe('documents', () => {
  it('lists saved documents by name, with dashboard flags and URLs; unsaved analyses are not listed', async () => {
    const res = await api('GET', '/v1/documents');
    expect(res.status).toBe(200);
    expect(res.body.records.map((d: Json) => d.identifier)).toEqual([
      'eadde573',
      'nodash01',
      '12db1a0a',
      'dashboard-abc123',
      '0958c2d8',
      '1169b547',
    ]);
    expect(res.body.pageInfo).toEqual({ hasNextPage: false, nextCursor: null, pageSize: 50, totalRecords: 6 });
    const orders = res.body.records.find((d: Json) => d.identifier === '12db1a0a');
    expect(orders).toMatchObject({
      name: 'Orders',
      hasDashboard: true,
      type: 'document',
      url: `${sandbox.url}/dashboards/12db1a0a`,
      owner: { name: 'Blob Ross' },
    });
    expect(orders).not.toHaveProperty('_count');
    expect(res.body.records.find((d: Json) => d.identifier === 'nodash01').hasDashboard).toBe(false);
  });

  it('pages with opaque cursors and honours sort, include and label filters', async () => {
    const first = await api('GET', '/v1/documents?pageSize=4');
    expect(first.body.pageInfo.hasNextPage).toBe(true);
    const second = await api('GET', `/v1/documents?pageSize=4&cursor=${first.body.pageInfo.nextCursor}`);
    expect(second.body.records).toHaveLength(2);
    expect(second.body.pageInfo).toMatchObject({ hasNextPage: false, nextCursor: null });
    const ids = [...first.body.records, ...second.body.records].map((d: Json) => d.identifier);
    expect(new Set(ids).size).toBe(6);

    const byViews = await api('GET', '/v1/documents?sortField=visits&sortDirection=desc&include=_count,labels');
    expect(byViews.body.records[0]).toMatchObject({ identifier: 'eadde573', _count: { favorites: 7, views: 240 } });
    expect(byViews.body.records[0].labels).toEqual([]);
    const sales = await api('GET', '/v1/documents?labels=sales');
    expect(sales.body.records.map((d: Json) => d.identifier)).toEqual(['12db1a0a', 'dashboard-abc123']);
    const rossOwned = await api('GET', `/v1/documents?creatorId=${BLOB_ROSS_ID}`);
    expect(rossOwned.body.records.every((d: Json) => d.owner.name === 'Blob Ross')).toBe(true);
  });

  it('rejects bad parameters', async () => {
    expectError(await api('GET', '/v1/documents?sortField=size'), 400, 'Invalid enum value');
    expectError(await api('GET', '/v1/documents?cursor=zzz'), 400, 'cursor: Invalid cursor');
    expectError(await api('GET', '/v1/documents?folderId=nope'), 400, 'folderId: Invalid uuid');
    expectError(await api('GET', '/v1/documents?pageSize=0'), 400, 'pageSize: Number must be greater than 0');
  });
});

describe('dashboard filters and document queries', () => {
  it("returns the dashboard's filters in order", async () => {
    const res = await api('GET', '/v1/dashboards/dashboard-abc123/filters');
    expect(res.body).toEqual({
      identifier: 'dashboard-abc123',
      filters: {
        region: { type: 'string', kind: 'EQUALS', values: ['US'], label: 'Region' },
        order_date: {
          type: 'date',
          kind: 'WITHIN_RANGE',
          left_side: '2024-01-01',
          right_side: '2024-12-31',
          label: 'Order Date',
        },
      },
      controls: [],
      filterOrder: ['region', 'order_date'],
    });
    expect((await api('GET', '/v1/dashboards/12db1a0a/filters')).body).toMatchObject({ filters: {}, filterOrder: [] });
  });

  it('answers errors for unknown, unsaved and dashboard-less documents', async () => {
    expectError(await api('GET', '/v1/dashboards/nope/filters'), 404, 'Document with identifier "nope" not found');
    expectError(await api('GET', '/v1/dashboards/unsaved01/filters'), 400, 'Analyses do not support dashboards.');
    expectError(await api('GET', '/v1/dashboards/nodash01/filters'), 400, 'Document does not have a dashboard');
    expectError(await api('GET', '/v1/documents/nope/queries'), 404, 'Document with identifier "nope" not found');
  });

  it("lists a document's queries with their map keys", async () => {
    const res = await api('GET', '/v1/documents/12db1a0a/queries');
    expect(res.body.queries.map((q: Json) => [q.queryIdentifierMapKey, q.name])).toEqual([
      ['1', 'Orders by month'],
      ['2', 'Top customers'],
    ]);
    expect(res.body.queries[0]).toMatchObject({ id: expect.any(String), url: expect.stringContaining('/w/12db1a0a') });
  });
});

describe('user attributes and SCIM users', () => {
  it('lists user attribute definitions', async () => {
    const res = await api('GET', '/v1/user-attributes');
    const byName = new Map(res.body.records.map((a: Json) => [a.name, a]));
    expect(byName.get('region')).toMatchObject({ type: 'String', multiple_values: true, system: false });
    expect(byName.get('is_admin')).toMatchObject({ type: 'Number', multiple_values: false });
    expect(byName.get('is_sales_team')).toMatchObject({ type: 'Number' });
    expect(byName.get('omni_user_timezone')).toMatchObject({ id: '', system: true });
  });

  it('finds a member by email with userName eq, case-insensitively, and nobody for others', async () => {
    const filter = encodeURIComponent('userName eq "Blobby.Hill@blobsrus.com"');
    const found = await api('GET', `/scim/v2/Users?filter=${filter}`);
    expect(found.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [
        {
          id: 'abcdef12-3456-7890-abcd-ef1234567890',
          userName: 'blobby.hill@blobsrus.com',
          displayName: 'Blobby Hill',
          active: true,
        },
      ],
    });
    const none = await api('GET', `/scim/v2/Users?filter=${encodeURIComponent('userName eq "iamagoodblob@myorg.co"')}`);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });
    expect((await api('GET', '/scim/v2/Users')).body.totalResults).toBe(2);
    expectError(
      await api('GET', `/scim/v2/Users?filter=${encodeURIComponent('displayName co "Blob"')}`),
      400,
      'Unsupported filter: displayName co "Blob". Use userName eq "<email>"',
    );
  });
});

describe('pages behind the links the sandbox hands out', () => {
  it('shows a dashboard page without a key; other paths still need the key', async () => {
    const page = await fetch(`${sandbox.url}/dashboards/12db1a0a`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Dashboard &#34;Orders&#34; (12db1a0a)');
    const schedule = await fetch(`${sandbox.url}/dashboards/12db1a0a/schedules/61a8e93b-71f4-4cda-b1f9-a91aa0ad05bc`);
    expect(await schedule.text()).toContain('Schedule &#34;Orders&#34;');
    expect((await fetch(`${sandbox.url}/dashboards/nope`)).status).toBe(401);
  });
});
