// listDocuments, getDashboardFilters, listDocumentQueries, listUserAttributes, findUserByEmail — and their errors.
import { describe, expect, it } from 'vitest';
import type { ListDocumentsQuery } from '../../src/omni/index.js';
import { BLOB_ROSS_ID, BLOBBY_HILL_ID } from '../../src/omni-sandbox/index.js';
import { expectOmniError, expectRefusedLocally, requestsTo, useContract } from './support.js';

const omni = useContract();
const DOCUMENTS = '/api/v1/documents';
const SALES_FOLDER = 'ce3b1dcd-c768-4f01-a479-353325c4c5b0';

describe('listDocuments', () => {
  it('lists saved documents by name, saying which have a dashboard', async () => {
    const page = await omni.client.listDocuments();
    expect(page.records.map((d) => [d.identifier, d.hasDashboard])).toEqual([
      ['eadde573', true],
      ['nodash01', false],
      ['12db1a0a', true],
      ['dashboard-abc123', true],
      ['0958c2d8', true],
      ['1169b547', true],
    ]);
    expect(page.records[2]).toMatchObject({
      name: 'Orders',
      folder: { id: SALES_FOLDER, name: 'Sales', path: 'sales' },
      url: `${omni.sandbox.url}/dashboards/12db1a0a`,
    });
    expect(page.pageInfo).toMatchObject({ hasNextPage: false, totalRecords: 6 });
  });

  it('filters by labels, folder and creator, sorts, and includes counts and labels', async () => {
    const sales = await omni.client.listDocuments({ labels: 'sales', include: '_count,labels', sortField: 'visits' });
    expect(sales.records.map((d) => [d.identifier, d.labels, d._count])).toEqual([
      ['dashboard-abc123', ['Sales', 'Regional'], { favorites: 2, views: 64 }],
      ['12db1a0a', ['Sales'], { favorites: 4, views: 120 }],
    ]);
    const inFolder = await omni.client.listDocuments({ folderId: SALES_FOLDER, sortDirection: 'desc' });
    expect(inFolder.records.map((d) => d.name)).toEqual(['Regional Sales', 'Orders']);
    const byBlobby = await omni.client.listDocuments({ creatorId: BLOBBY_HILL_ID, sortField: 'updatedAt' });
    expect(byBlobby.records.map((d) => d.identifier)).toEqual(['0958c2d8', 'eadde573', 'dashboard-abc123']);
    expect(requestsTo(omni.sandbox, 'GET', DOCUMENTS)[0]?.query).toEqual({
      labels: 'sales',
      include: '_count,labels',
      sortField: 'visits',
    });
  });

  it("follows Omni's opaque cursors page by page", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await omni.client.listDocuments({ pageSize: 4, cursor });
      seen.push(...page.records.map((d) => d.identifier));
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.nextCursor as string;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
    expect(requestsTo(omni.sandbox, 'GET', DOCUMENTS)).toHaveLength(2);
  });

  it.each([
    [{ cursor: 'not-a-cursor' }, 'cursor: Invalid cursor'],
    [{ include: 'everything' }, 'include: Invalid include value everything'],
  ] as [ListDocumentsQuery, string][])("surfaces the sandbox's 400 for %j", async (query, detail) => {
    await expectOmniError(omni.sandbox, omni.client.listDocuments(query), {
      status: 400,
      detail,
      method: 'GET',
      path: DOCUMENTS,
    });
  });

  it.each([
    ['sortField', { sortField: 'size' }],
    ['sortDirection', { sortDirection: 'sideways' }],
    ['creatorId', { creatorId: 'blob' }],
    ['folderId', { folderId: 'sales' }],
    ['pageSize', { pageSize: 0 }],
  ])('refuses a bad %s locally', async (field, query) => {
    await expectRefusedLocally(omni.sandbox, omni.client.listDocuments(query as ListDocumentsQuery), field);
  });
});

describe('getDashboardFilters', () => {
  it("reads a dashboard's filters in their order", async () => {
    expect(await omni.client.getDashboardFilters('dashboard-abc123')).toEqual({
      identifier: 'dashboard-abc123',
      filterOrder: ['region', 'order_date'],
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
    });
  });

  it('reads a dashboard without filters as none', async () => {
    expect(await omni.client.getDashboardFilters('12db1a0a')).toMatchObject({ filterOrder: [], filters: {} });
  });

  it.each([
    ['nope1234', 404, 'Document with identifier "nope1234" not found'],
    ['unsaved01', 400, 'Analyses do not support dashboards.'],
    ['nodash01', 400, 'Document does not have a dashboard'],
  ])('%s surfaces %i "%s"', async (identifier, status, detail) => {
    await expectOmniError(omni.sandbox, omni.client.getDashboardFilters(identifier), {
      status,
      detail,
      method: 'GET',
      path: `/api/v1/dashboards/${identifier}/filters`,
    });
  });

  it('refuses an empty identifier or a malformed userId locally', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.getDashboardFilters(''), 'identifier');
    await expectRefusedLocally(omni.sandbox, omni.client.getDashboardFilters('12db1a0a', { userId: 'x' }), 'userId');
  });
});

describe('listDocumentQueries', () => {
  it("lists a dashboard's queries with the keys schedules use", async () => {
    const queries = await omni.client.listDocumentQueries('12db1a0a');
    expect(queries.map((q) => [q.queryIdentifierMapKey, q.name])).toEqual([
      ['1', 'Orders by month'],
      ['2', 'Top customers'],
    ]);
    expect(queries[0]?.url).toBe(`${omni.sandbox.url}/w/12db1a0a?tab=1`);
  });

  it('surfaces 404 for an unknown document and refuses an empty identifier locally', async () => {
    await expectOmniError(omni.sandbox, omni.client.listDocumentQueries('nope1234'), {
      status: 404,
      detail: 'Document with identifier "nope1234" not found',
      method: 'GET',
      path: '/api/v1/documents/nope1234/queries',
    });
    await expectRefusedLocally(omni.sandbox, omni.client.listDocumentQueries(''), 'identifier');
  });
});

describe('listUserAttributes', () => {
  it('lists the attributes an email-only user may carry, and the system ones', async () => {
    const attributes = await omni.client.listUserAttributes();
    expect(attributes.map((a) => [a.name, a.type, a.multiple_values, a.system])).toEqual([
      ['region', 'String', true, false],
      ['is_admin', 'Number', false, false],
      ['is_sales_team', 'Number', false, false],
      ['omni_user_timezone', 'String', false, true],
      ['omni_user_email', 'String', false, true],
      ['omni_user_id', 'String', false, true],
    ]);
  });
});

describe('findUserByEmail', () => {
  it('finds a member through SCIM, whatever the case of the email', async () => {
    expect(await omni.client.findUserByEmail('Blob.Ross@BlobsRUs.com')).toMatchObject({
      id: BLOB_ROSS_ID,
      userName: 'blob.ross@blobsrus.com',
      displayName: 'Blob Ross',
      active: true,
    });
    expect(requestsTo(omni.sandbox, 'GET', '/api/scim/v2/Users')[0]?.query).toEqual({
      filter: 'userName eq "Blob.Ross@BlobsRUs.com"',
    });
  });

  it('answers null for someone who is not a member, email-only users included', async () => {
    expect(await omni.client.findUserByEmail('stranger@example.com')).toBeNull();
    expect(await omni.client.findUserByEmail('iamagoodblob@myorg.co')).toBeNull();
  });

  it('refuses a malformed email locally', async () => {
    await expectRefusedLocally(omni.sandbox, omni.client.findUserByEmail('blob ross'), 'email');
  });
});
