import type { OmniClient } from '../../src/omni/index.js';
import { createRequestCases } from './create-request-cases.js';
import { page, SCHEDULE_ID, specRecord, USER_ID } from './support.js';

const S = `/api/v1/schedules/${SCHEDULE_ID}`;
const GROUP_ID = 'abcdef12-3456-7890-abcd-ef1234567890';

/** A client call and what Omni must receive from it (method, path, raw query, JSON body). */
export type RequestCase = {
  name: string;
  call: (omni: OmniClient) => Promise<unknown>;
  reply: unknown;
  status?: number;
  method: string;
  path: string;
  rawQuery?: string;
  body?: unknown;
  result?: unknown;
};

export const requestCases: RequestCase[] = [
  {
    name: 'listSchedules with every filter',
    call: (omni) =>
      omni.listSchedules({
        q: 'weekly sales',
        status: 'error',
        destination: 'email',
        scheduleType: 'schedule',
        contentType: 'single tile',
        identifier: '12db1a0a',
        ownerId: USER_ID,
        sortField: 'lastRun',
        sortDirection: 'asc',
        cursor: '2',
        pageSize: 100,
      }),
    reply: page([specRecord()]),
    method: 'GET',
    path: '/api/v1/schedules',
    rawQuery: `q=weekly%20sales&status=error&destination=email&scheduleType=schedule&contentType=single%20tile&identifier=12db1a0a&ownerId=${USER_ID}&sortField=lastRun&sortDirection=asc&cursor=2&pageSize=100`,
  },
  {
    name: 'listSchedules without a query',
    call: (omni) => omni.listSchedules(),
    reply: page([]),
    method: 'GET',
    path: '/api/v1/schedules',
    rawQuery: '',
  },
  {
    name: 'getSchedule',
    call: (omni) => omni.getSchedule(SCHEDULE_ID, { userId: USER_ID }),
    reply: { id: SCHEDULE_ID, name: 'n', schedule: '0 9 ? * * *', timezone: 'UTC', destinations: [] },
    method: 'GET',
    path: S,
    rawQuery: `userId=${USER_ID}`,
  },
  ...createRequestCases,
  {
    name: 'updateSchedule',
    call: (omni) => omni.updateSchedule(SCHEDULE_ID, { name: 'Renamed', schedule: '0 10 ? * * *' }),
    reply: { success: true, scheduledTaskId: SCHEDULE_ID },
    method: 'PUT',
    path: S,
    body: { name: 'Renamed', schedule: '0 10 ? * * *' },
    result: { success: true, scheduledTaskId: SCHEDULE_ID },
  },
  {
    name: 'updateSchedule clearing optional properties with null',
    call: (omni) =>
      omni.updateSchedule(SCHEDULE_ID, {
        format: 'csv',
        paperFormat: null,
        paperOrientation: null,
        conditionType: null,
        conditionQueryMapKey: null,
        queryIdentifierMapKey: null,
        textBody: null,
      }),
    reply: { success: true, scheduledTaskId: SCHEDULE_ID },
    method: 'PUT',
    path: S,
    body: {
      format: 'csv',
      paperFormat: null,
      paperOrientation: null,
      conditionType: null,
      conditionQueryMapKey: null,
      queryIdentifierMapKey: null,
      textBody: null,
    },
  },
  {
    name: 'deleteSchedule',
    call: (omni) => omni.deleteSchedule(SCHEDULE_ID),
    reply: { success: true },
    method: 'DELETE',
    path: S,
    result: { success: true },
  },
  {
    name: 'triggerSchedule',
    call: (omni) => omni.triggerSchedule(SCHEDULE_ID),
    reply: { success: true },
    method: 'POST',
    path: `${S}/trigger`,
  },
  {
    name: 'pauseSchedule',
    call: (o) => o.pauseSchedule(SCHEDULE_ID),
    reply: { success: true },
    method: 'PUT',
    path: `${S}/pause`,
  },
  {
    name: 'resumeSchedule',
    call: (o) => o.resumeSchedule(SCHEDULE_ID),
    reply: { success: true },
    method: 'PUT',
    path: `${S}/resume`,
  },
  {
    name: 'transferOwnership',
    call: (o) => o.transferOwnership(SCHEDULE_ID, USER_ID),
    reply: { success: true },
    method: 'PUT',
    path: `${S}/transfer-ownership`,
    body: { userId: USER_ID },
  },
  {
    name: 'addRecipients',
    call: (o) => o.addRecipients(SCHEDULE_ID, { emails: ['new@blobsrus.com'], userIds: [USER_ID] }),
    reply: { addedRecipientsCount: 2, success: true },
    method: 'PUT',
    path: `${S}/add-recipients`,
    body: { emails: ['new@blobsrus.com'], userIds: [USER_ID] },
    result: { addedRecipientsCount: 2, success: true },
  },
  {
    name: 'removeRecipients',
    call: (o) => o.removeRecipients(SCHEDULE_ID, { userGroupIds: [GROUP_ID] }),
    reply: { removedRecipientsCount: 0, removedGroupRecipientsCount: 1, success: true },
    method: 'PUT',
    path: `${S}/remove-recipients`,
    body: { userGroupIds: [GROUP_ID] },
  },
  {
    name: 'listRecipients',
    call: (o) => o.listRecipients(SCHEDULE_ID),
    reply: { type: 'webhook', url: 'https://api.example.com/webhook' },
    method: 'GET',
    path: `${S}/recipients`,
    result: { type: 'webhook', url: 'https://api.example.com/webhook' },
  },
  {
    name: 'upsertEmailOnlyUser',
    call: (o) =>
      o.upsertEmailOnlyUser({
        email: 'ext@partner.com',
        userAttributes: { region: ['US', 'EU'], is_admin: 0, omni_user_timezone: 'America/Chicago' },
      }),
    reply: { email: 'ext@partner.com', userId: USER_ID },
    method: 'POST',
    path: '/api/v1/users/email-only',
    body: {
      email: 'ext@partner.com',
      userAttributes: { region: ['US', 'EU'], is_admin: 0, omni_user_timezone: 'America/Chicago' },
    },
    result: { email: 'ext@partner.com', userId: USER_ID },
  },
  {
    name: 'upsertEmailOnlyUsers (one batch)',
    call: (o) => o.upsertEmailOnlyUsers([{ email: 'a@partner.com' }, { email: 'b@partner.com', userAttributes: {} }]),
    reply: {
      results: [
        { email: 'a@partner.com', userId: USER_ID },
        { email: 'b@partner.com', userId: GROUP_ID },
      ],
    },
    status: 201,
    method: 'POST',
    path: '/api/v1/users/email-only/bulk',
    body: { users: [{ email: 'a@partner.com' }, { email: 'b@partner.com', userAttributes: {} }] },
    result: {
      succeeded: [
        { email: 'a@partner.com', userId: USER_ID },
        { email: 'b@partner.com', userId: GROUP_ID },
      ],
      failed: [],
    },
  },
  {
    name: 'listEmailOnlyUsers',
    call: (o) => o.listEmailOnlyUsers({ email: 'ext@partner.com', pageSize: 20, sortDirection: 'asc', cursor: '3' }),
    reply: page([{ email: 'ext@partner.com', user_id: USER_ID, user_attributes: { region: ['US'] } }]),
    method: 'GET',
    path: '/api/v1/users/email-only',
    rawQuery: 'cursor=3&email=ext%40partner.com&pageSize=20&sortDirection=asc',
  },
  {
    name: 'listDocuments',
    call: (o) => o.listDocuments({ include: '_count,labels', pageSize: 50, sortField: 'updatedAt', cursor: 'abc' }),
    reply: page([{ identifier: '12db1a0a', name: 'Orders', hasDashboard: true }]),
    method: 'GET',
    path: '/api/v1/documents',
    rawQuery: 'cursor=abc&include=_count%2Clabels&pageSize=50&sortField=updatedAt',
  },
  {
    name: 'getDashboardFilters',
    call: (o) => o.getDashboardFilters('dashboard-abc123'),
    reply: {
      identifier: 'dashboard-abc123',
      filterOrder: ['region', 'order_date'],
      filters: { region: { type: 'string', kind: 'EQUALS', values: ['US'] } },
    },
    method: 'GET',
    path: '/api/v1/dashboards/dashboard-abc123/filters',
    rawQuery: '',
  },
  {
    name: 'listDocumentQueries',
    call: (o) => o.listDocumentQueries('12db1a0a'),
    reply: { queries: [{ id: 'q1', name: 'Orders by day', queryIdentifierMapKey: '1', url: 'https://x/1' }] },
    method: 'GET',
    path: '/api/v1/documents/12db1a0a/queries',
    result: [{ id: 'q1', name: 'Orders by day', queryIdentifierMapKey: '1', url: 'https://x/1' }],
  },
  {
    name: 'listUserAttributes',
    call: (o) => o.listUserAttributes(),
    reply: {
      records: [
        {
          id: 'ua1',
          name: 'region',
          label: 'Region',
          description: null,
          type: 'String',
          multiple_values: true,
          system: false,
          default_value: null,
        },
      ],
    },
    method: 'GET',
    path: '/api/v1/user-attributes',
  },
  {
    name: 'findUserByEmail',
    call: (o) => o.findUserByEmail('blob.ross@blobsrus.com'),
    reply: {
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
      Resources: [
        {
          id: USER_ID,
          userName: 'Blob.Ross@blobsrus.com',
          displayName: 'Blob Ross',
          active: true,
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        },
      ],
    },
    method: 'GET',
    path: '/api/scim/v2/Users',
    rawQuery: 'filter=userName%20eq%20%22blob.ross%40blobsrus.com%22',
  },
];
