// The seeded organization: Omni docs' own examples. The six schedules are the docs' list example
// (docs.omni.co/docs/API/schedules, 2025-07 version): ids, names, crons, time zones, dashboards,
// owners, destinations, last runs and paused states are copied; formats, recipients and the
// seventh, system-disabled schedule are the sandbox's own.
import type { DashboardFilter, OmniDocument, OrgSeed, Schedule, ScheduleOptions } from './state.js';

export const BLOB_ROSS_ID = '987fcdeb-51a2-43d7-9b56-254415f67890';
export const BLOBBY_HILL_ID = 'abcdef12-3456-7890-abcd-ef1234567890';
export const ORGANIZATION_ID = '550e8400-e29b-41d4-a716-446655440000';
export const MISSING_QUERY_SCHEDULE_ID = '7c1e4b2a-9d3f-4e8a-b6c5-2f0a1d9e8b74';

/** Ids of the docs' list example, by schedule name. */
export const SEEDED_SCHEDULE_IDS = {
  webTrafficAnalysis: '60d386ca-6f48-4143-9bfc-fd7a6f942c2c',
  query: 'f68aba72-b558-4012-a381-bb74954dd025',
  orders2: '2af41989-1bed-4c65-a602-927f71205a32',
  orders: '61a8e93b-71f4-4cda-b1f9-a91aa0ad05bc',
  externalUsers: '3db84f26-db0f-451d-846e-0f7148ae5a7d',
  dailySlackUpdate: '8cc895ec-a2af-493f-a4e4-08c3017fa42d',
  missingQuery: MISSING_QUERY_SCHEDULE_ID,
} as const;

const IAMAGOODBLOB_ID = '1e23dadc-961b-4a21-b36b-17168130fc3f';
const BLOBMANAGER_ID = 'e9d19f71-0b59-4f8e-8343-a75d30576d28';
const PARTNER_ID = '4b7d2e91-3c6a-4f08-9e15-a8c0d7f3b262';

function baseOptions(patch: Partial<ScheduleOptions> = {}): ScheduleOptions {
  return {
    queryIdentifierMapKey: null,
    hideTitle: null,
    hideHiddenFields: null,
    enableFormatting: null,
    showContentLink: null,
    showFilters: null,
    killJobsOnFailure: false,
    fanOut: false,
    paperFormat: null,
    paperOrientation: null,
    expandTablesToShowAllRows: null,
    singleColumnLayout: null,
    overrideRowLimit: null,
    maxRowLimit: null,
    ...patch,
  };
}

function doc(
  identifier: string,
  id: string,
  name: string,
  queries: string[],
  extra: Partial<OmniDocument> = {},
): OmniDocument {
  return {
    id,
    identifier,
    name,
    saved: true,
    hasDashboard: true,
    ownerId: BLOB_ROSS_ID,
    folder: null,
    labels: [],
    updatedAt: '2025-05-01T12:00:00.000Z',
    favorites: 0,
    views: 0,
    filters: {},
    filterOrder: [],
    queries: queries.map((queryName, i) => ({
      id: `${id.slice(0, 24)}${String(i + 1).padStart(12, '0')}`,
      name: queryName,
      queryIdentifierMapKey: String(i + 1),
    })),
    ...extra,
  };
}

const regionFilter: DashboardFilter = { type: 'string', kind: 'EQUALS', values: ['US'], label: 'Region' };
const orderDateFilter: DashboardFilter = {
  type: 'date',
  kind: 'WITHIN_RANGE',
  left_side: '2024-01-01',
  right_side: '2024-12-31',
  label: 'Order Date',
};

const salesFolder = {
  id: 'ce3b1dcd-c768-4f01-a479-353325c4c5b0',
  name: 'Sales',
  path: 'sales',
  scope: 'organization' as const,
};

const documents: OmniDocument[] = [
  doc('12db1a0a', '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60001', 'Orders', ['Orders by month', 'Top customers'], {
    favorites: 4,
    views: 120,
    labels: ['Sales'],
    folder: salesFolder,
  }),
  doc(
    'dashboard-abc123',
    '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60002',
    'Regional Sales',
    ['Sales by region', 'Orders over time'],
    {
      filters: { region: regionFilter, order_date: orderDateFilter },
      filterOrder: ['region', 'order_date'],
      ownerId: BLOBBY_HILL_ID,
      folder: salesFolder,
      labels: ['Sales', 'Regional'],
      favorites: 2,
      views: 64,
      updatedAt: '2025-06-10T08:30:00.000Z',
    },
  ),
  doc('0958c2d8', '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60003', 'Sales Data by Quarter', ['Revenue by quarter'], {
    ownerId: BLOBBY_HILL_ID,
    views: 31,
    updatedAt: '2024-12-20T16:00:00.000Z',
  }),
  doc(
    '1169b547',
    '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60004',
    'Web Traffic Analysis',
    ['Sessions by source', 'Bounce rate'],
    { labels: ['Marketing'], views: 88, updatedAt: '2024-02-15T09:00:00.000Z' },
  ),
  doc('eadde573', '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60005', 'Blob R Us Sales', ['⚡️🍣 Query', 'Revenue'], {
    ownerId: BLOBBY_HILL_ID,
    favorites: 7,
    views: 240,
    updatedAt: '2025-05-18T10:00:00.000Z',
  }),
  // An analysis never saved as a document: scheduling it gets "Analyses do not support dashboards."
  doc('unsaved01', '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60006', 'Untitled analysis', ['Untitled'], {
    saved: false,
    hasDashboard: false,
  }),
  // A saved workbook without a dashboard: "Document does not have a dashboard".
  doc('nodash01', '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60007', 'Blob workbook', ['Scratch query'], {
    hasDashboard: false,
  }),
];

type ScheduleSeed = Pick<Schedule, 'id' | 'name' | 'identifier' | 'timezone' | 'ownerId' | 'format' | 'destination'> &
  Partial<Schedule>;

function schedule(seed: ScheduleSeed): Schedule {
  return {
    schedule: '00 09 ? * 2,3,4,5,6 *',
    destinationId: `${seed.id.slice(0, 24)}d0000000000${seed.id.slice(-1)}`,
    options: baseOptions(),
    filterConfig: null,
    conditionType: null,
    conditionQueryMapKey: null,
    disabledAt: null,
    systemDisabledAt: null,
    systemDisabledReason: null,
    lastStatus: null,
    lastCompletedAt: null,
    createdAt: '2024-01-15T12:00:00.000Z',
    updatedAt: '2024-01-15T12:00:00.000Z',
    ...seed,
  };
}

const member = (userId: string) => ({ userId, emailOnly: false });
const emailOnly = (userId: string) => ({ userId, emailOnly: true });

const schedules: Schedule[] = [
  schedule({
    id: SEEDED_SCHEDULE_IDS.webTrafficAnalysis,
    name: 'Web Traffic Analysis',
    identifier: '1169b547',
    timezone: 'America/Los_Angeles',
    ownerId: BLOB_ROSS_ID,
    format: 'pdf',
    destination: {
      type: 'email',
      recipients: [member(BLOB_ROSS_ID), emailOnly(IAMAGOODBLOB_ID)],
      subject: 'Web traffic',
      textBody: null,
    },
    disabledAt: '2024-03-01T15:32:20.996Z',
    lastCompletedAt: '2024-02-29T17:00:56.107Z',
    lastStatus: 'COMPLETE',
  }),
  schedule({
    id: SEEDED_SCHEDULE_IDS.query,
    name: '⚡️🍣 Query',
    identifier: 'eadde573',
    timezone: 'America/New_York',
    ownerId: BLOBBY_HILL_ID,
    format: 'csv',
    options: baseOptions({ queryIdentifierMapKey: '1' }),
    destination: { type: 'email', recipients: [member(BLOBBY_HILL_ID)], subject: '⚡️🍣 Query', textBody: null },
    lastCompletedAt: '2025-05-19T13:00:35.457Z',
    lastStatus: 'ERROR_DELIVERED',
  }),
  schedule({
    id: SEEDED_SCHEDULE_IDS.orders2,
    name: 'Orders (2)',
    identifier: '12db1a0a',
    timezone: 'America/New_York',
    ownerId: BLOBBY_HILL_ID,
    format: 'link_only',
    destination: { type: 'webhook', url: 'https://webhooksrus.com/1234566' },
    lastCompletedAt: '2025-05-19T13:00:27.517Z',
    lastStatus: 'COMPLETE',
  }),
  schedule({
    id: SEEDED_SCHEDULE_IDS.orders,
    name: 'Orders',
    identifier: '12db1a0a',
    timezone: 'America/New_York',
    ownerId: BLOB_ROSS_ID,
    format: 'pdf',
    options: baseOptions({ paperFormat: 'letter', paperOrientation: 'landscape' }),
    destination: {
      type: 'email',
      recipients: [member(BLOB_ROSS_ID), member(BLOBBY_HILL_ID), emailOnly(BLOBMANAGER_ID)],
      subject: 'Daily orders',
      textBody: 'Here are the daily orders!',
    },
    lastCompletedAt: '2025-05-19T13:00:25.376Z',
    lastStatus: 'COMPLETE',
  }),
  schedule({
    id: SEEDED_SCHEDULE_IDS.externalUsers,
    name: 'External users',
    identifier: '0958c2d8',
    timezone: 'America/New_York',
    ownerId: BLOBBY_HILL_ID,
    format: 'xlsx',
    destination: { type: 'email', recipients: [emailOnly(PARTNER_ID)], subject: 'Quarterly sales', textBody: null },
    disabledAt: '2024-12-31T17:23:45.063Z',
    lastCompletedAt: '2024-12-31T14:00:51.558Z',
    lastStatus: 'COMPLETE',
  }),
  schedule({
    id: SEEDED_SCHEDULE_IDS.dailySlackUpdate,
    name: 'Daily Slack update',
    identifier: '0958c2d8',
    timezone: 'America/New_York',
    ownerId: BLOBBY_HILL_ID,
    format: 'png',
    destination: {
      type: 'slack',
      slackRecipientType: 'users',
      recipients: ['U0123ABCD', 'U0456EFGH'],
      textBody: 'Sales by quarter',
    },
    disabledAt: '2024-11-21T21:52:16.059Z',
  }),
  // Omni disabled this alert because the query it watches was deleted from the dashboard.
  schedule({
    id: MISSING_QUERY_SCHEDULE_ID,
    name: 'Regional sales alert',
    identifier: 'dashboard-abc123',
    schedule: '0 */6 * * ? *',
    timezone: 'UTC',
    ownerId: BLOB_ROSS_ID,
    format: 'pdf',
    conditionType: 'RESULTS_PRESENT',
    conditionQueryMapKey: '3',
    destination: { type: 'email', recipients: [member(BLOB_ROSS_ID)], subject: 'Regional sales alert', textBody: null },
    systemDisabledAt: '2025-06-02T06:00:04.211Z',
    systemDisabledReason: 'missingQuery',
    lastCompletedAt: '2025-06-02T06:00:04.211Z',
    lastStatus: 'ERROR',
  }),
];

export function defaultSeed(): OrgSeed {
  return {
    organizationId: ORGANIZATION_ID,
    keyOwnerId: BLOB_ROSS_ID,
    members: [
      {
        id: BLOB_ROSS_ID,
        membershipId: 'c3f1a7e2-5b8d-4e19-9a60-7d2b4c8e1f01',
        name: 'Blob Ross',
        email: 'blob.ross@blobsrus.com',
      },
      {
        id: BLOBBY_HILL_ID,
        membershipId: 'd4e2b8f3-6c9e-4f2a-8b71-8e3c5d9f2a02',
        name: 'Blobby Hill',
        email: 'blobby.hill@blobsrus.com',
      },
    ],
    userAttributes: [
      attr(
        'a1b2c3d4-e5f6-4890-abcd-ef1234567801',
        'region',
        'Region',
        'String',
        true,
        'User region for row-level security',
      ),
      attr('a1b2c3d4-e5f6-4890-abcd-ef1234567802', 'is_admin', 'Is admin', 'Number', false, null),
      attr('a1b2c3d4-e5f6-4890-abcd-ef1234567803', 'is_sales_team', 'Is sales team', 'Number', false, null),
      { ...attr('', 'omni_user_timezone', 'Timezone', 'String', false, 'Time zone of the user'), system: true },
      { ...attr('', 'omni_user_email', 'Email', 'String', false, 'Email of the user'), system: true },
      { ...attr('', 'omni_user_id', 'User ID', 'String', false, 'ID of the user'), system: true },
    ],
    documents,
    emailOnlyUsers: [
      {
        userId: IAMAGOODBLOB_ID,
        email: 'iamagoodblob@myorg.co',
        userAttributes: {},
        createdAt: '2025-01-10T10:00:00.000Z',
      },
      {
        userId: BLOBMANAGER_ID,
        email: 'blobmanager@myorg.co',
        userAttributes: {},
        createdAt: '2025-01-11T10:00:00.000Z',
      },
      {
        userId: PARTNER_ID,
        email: 'partner@blobsrus-partners.com',
        userAttributes: { region: ['EU'], omni_user_timezone: 'Europe/Paris' },
        createdAt: '2025-01-12T10:00:00.000Z',
      },
    ],
    schedules,
  };
}

function attr(
  id: string,
  name: string,
  label: string,
  type: 'String' | 'Number',
  multipleValues: boolean,
  description: string | null,
) {
  return { id, name, label, type, multipleValues, system: false, defaultValue: null, description };
}

/** The same members, user attributes and documents, but no schedules and no email-only users. */
export function emptySeed(): OrgSeed {
  return { ...defaultSeed(), emailOnlyUsers: [], schedules: [] };
}

/** Omni's own list example has one destination per schedule and a member owning each. */
export const ORDERS_EVERYWHERE_ID = '5e0c7a3d-2b19-4f6e-8d41-9a7b3c2e1f05';

/**
 * The default seed plus what Omni's current API has that its docs' examples do not show: a
 * schedule with two destinations (email and Slack; the spec's `destinations: [...]`), owned by
 * the organization (no owner). The CLI serves this one.
 */
export function extendedSeed(): OrgSeed {
  const seed = defaultSeed();
  seed.schedules.push(
    schedule({
      id: ORDERS_EVERYWHERE_ID,
      name: 'Orders everywhere',
      identifier: '12db1a0a',
      schedule: '0 8 ? * MON-FRI *',
      timezone: 'Europe/Kyiv',
      ownerId: null,
      format: 'pdf',
      destination: {
        type: 'email',
        recipients: [member(BLOB_ROSS_ID), emailOnly(BLOBMANAGER_ID)],
        subject: 'Orders',
        textBody: null,
      },
      moreDestinations: [
        {
          id: '5e0c7a3d-2b19-4f6e-8d41-9a7b3c2e1f06',
          destination: { type: 'slack', slackRecipientType: 'channel', recipients: ['C0ORDERS1'], textBody: 'Orders' },
          lastStatus: 'ERROR',
          lastCompletedAt: '2025-05-19T06:00:12.000Z',
        },
      ],
      lastCompletedAt: '2025-05-19T06:00:10.000Z',
      lastStatus: 'COMPLETE',
    }),
  );
  return seed;
}
