import { describe, expect, it } from 'vitest';
import type { ScheduleDetail, SchedulePage } from '../../src/omni/index.js';
import { completeView, lastValidPage } from '../../src/schedules/schedule-lookup.js';
import { viewFromDetail } from '../../src/schedules/schedule-view.js';
import { scheduleView } from '../support/schedule-fixtures.js';

const ID = '61a8e93b-71f4-4cda-b1f9-a91aa0ad05bc';

function detail(overrides: Partial<ScheduleDetail> = {}): ScheduleDetail {
  return {
    id: ID,
    name: 'Orders',
    schedule: '0 9 ? * MON *',
    timezone: 'America/New_York',
    organizationId: null,
    entityId: '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60001',
    ownerId: null,
    owner: { name: 'Blob Ross' },
    conditionType: null,
    conditionQueryMapKey: null,
    disabledAt: null,
    systemDisabledAt: null,
    systemDisabledReason: null,
    createdAt: null,
    updatedAt: null,
    destinations: [
      {
        id: 'd1',
        format: 'pdf',
        lastStatus: 'ERROR',
        lastCompletedAt: '2025-05-19T13:00:25.376Z',
        metadata: { type: 'email' },
        recipients: [
          { id: 'r1', membershipId: null },
          { id: 'r2', membershipId: null },
        ],
        userGroupRecipients: [{}],
      },
    ],
    ...overrides,
  } as ScheduleDetail;
}

const page = (records: unknown[], hasNextPage = false): SchedulePage =>
  ({
    pageInfo: { hasNextPage, nextCursor: hasNextPage ? '2' : null, pageSize: 100, totalRecords: records.length },
    records,
  }) as SchedulePage;

describe('completeView', () => {
  it('uses the list record found by searching the name', async () => {
    const record = scheduleView({ id: ID, name: 'Orders', dashboardName: 'Orders dashboard' });
    const queries: unknown[] = [];
    const view = await completeView(
      {
        listSchedules: async (q = {}) => {
          queries.push(q);
          return page(q.cursor === '1' ? [scheduleView({ name: 'Orders (2)' })] : [record], q.cursor === '1');
        },
      },
      detail(),
    );
    // With where it goes, which only the GET-one answer says.
    expect(view).toEqual({
      ...record,
      places: [{ format: 'pdf', summary: expect.objectContaining({ kind: 'email' }) }],
    });
    expect(queries).toEqual([
      { q: 'Orders', pageSize: 100, cursor: '1' },
      { q: 'Orders', pageSize: 100, cursor: '2' },
    ]);
  });

  it('falls back to the GET-one answer when the list cannot help', async () => {
    const failing = { listSchedules: async () => Promise.reject(new Error('429')) };
    const view = await completeView(failing, detail());
    expect(view).toMatchObject({
      id: ID,
      dashboardName: '0b1c2d3e-4f50-4a61-8b72-c3d4e5f60001',
      ownerName: 'Blob Ross',
      destinationType: 'email',
      recipientCount: 3,
      lastStatus: 'ERROR',
      format: 'pdf',
    });
  });
});

describe('viewFromDetail', () => {
  it('reads a Slack destination, an alert and a missing owner', () => {
    const view = viewFromDetail(
      detail({
        owner: null,
        conditionType: 'RESULTS_PRESENT',
        conditionQueryMapKey: '3',
        destinations: [
          {
            id: 'd',
            format: 'png',
            lastStatus: null,
            lastCompletedAt: null,
            metadata: { type: 'slack', slackRecipientType: 'channel' },
            recipients: [],
            userGroupRecipients: [],
          },
        ],
      } as Partial<ScheduleDetail>),
      'Regional Sales',
    );
    expect(view).toMatchObject({
      dashboardName: 'Regional Sales',
      ownerName: null,
      destinationType: 'slack',
      slackRecipientType: 'channel',
      recipientCount: -1,
      alert: { conditionType: 'RESULTS_PRESENT', conditionQueryName: '3' },
    });
  });
});

describe('lastValidPage', () => {
  it("reads Omni's page-past-the-end detail", () => {
    expect(lastValidPage('Invalid page number. The last valid page is 3.')).toBe(3);
    expect(lastValidPage('Invalid enum value')).toBeUndefined();
  });
});
