// A schedule with two destinations (email and Slack) owned by the organization, as Omni's API has
// them: the client lists it once with both destinations, and an edit keeps the one it did not touch.
import { describe, expect, it } from 'vitest';
import { listedDestinations } from '../../src/omni/index.js';
import { extendedSeed, ORDERS_EVERYWHERE_ID } from '../../src/omni-sandbox/index.js';
import { draftFromSchedule } from '../../src/schedules/draft-from-omni.js';
import { draftToUpdateBody } from '../../src/schedules/draft-to-omni.js';
import { requestsTo, useContract } from './support.js';

const omni = useContract({ seed: extendedSeed(), runMs: 3_600_000 });

describe('a schedule with several destinations', () => {
  it('is listed once, with every destination, although Omni sends a row per destination', async () => {
    const page = await omni.client.listSchedules({ pageSize: 100 });
    expect(page.pageInfo.totalRecords).toBe(9);
    const ids = page.records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const record = page.records.find((r) => r.id === ORDERS_EVERYWHERE_ID);
    expect(record).toMatchObject({ ownerId: null, ownerName: null });
    expect(listedDestinations(record as NonNullable<typeof record>)).toEqual([
      expect.objectContaining({ destinationType: 'email', recipientCount: 2, lastStatus: 'COMPLETE' }),
      expect.objectContaining({ destinationType: 'slack', slackRecipientType: 'channel', lastStatus: 'ERROR' }),
    ]);
  });

  it('is yielded once by iterateSchedules even when its rows fall on two pages', async () => {
    const seen: string[] = [];
    let everywhere: Parameters<typeof listedDestinations>[0] | undefined;
    for await (const record of omni.client.iterateSchedules({ pageSize: 1, sortField: 'scheduleName' })) {
      seen.push(record.id);
      if (record.id === ORDERS_EVERYWHERE_ID) everywhere = record;
    }
    const merged = everywhere ? listedDestinations(everywhere).map((d) => d.destinationType) : [];
    expect(seen).toHaveLength(8);
    expect(new Set(seen).size).toBe(8);
    // The Slack row came on the next page and was added to the record already yielded.
    expect(merged).toEqual(['email', 'slack']);
    expect(requestsTo(omni.sandbox, 'GET', '/api/v1/schedules')).toHaveLength(9);
  });

  it('keeps the Slack destination when an edit changes the email one', async () => {
    await omni.client.updateSchedule(ORDERS_EVERYWHERE_ID, {
      destinationType: 'email',
      recipients: ['cfo@blobsrus.com'],
      subject: 'Orders, daily',
    });
    const detail = await omni.client.getSchedule(ORDERS_EVERYWHERE_ID);
    expect(detail.owner ?? null).toBeNull();
    expect(detail.destinations.map((d) => (d.metadata as { type: string }).type)).toEqual(['email', 'slack']);
    expect(detail.destinations[0]?.recipients.map((r) => r.membership?.user.email)).toEqual(['cfo@blobsrus.com']);
    expect(detail.destinations[1]?.metadata).toMatchObject({ recipients: ['C0ORDERS1'] });
  });

  it('reads into a draft that edits the first destination, shows the other, and an edit keeps it', async () => {
    const detail = await omni.client.getSchedule(ORDERS_EVERYWHERE_ID);
    const draft = draftFromSchedule(detail, 'edit');
    expect(draft.destination.kind).toBe('email');
    expect(draft.otherDestinations).toEqual([{ type: 'slack', format: 'pdf', lastStatus: 'ERROR' }]);

    await omni.client.updateSchedule(
      ORDERS_EVERYWHERE_ID,
      draftToUpdateBody({ ...draft, name: 'Orders everywhere, renamed' }, draft),
    );
    const after = await omni.client.getSchedule(ORDERS_EVERYWHERE_ID);
    expect(after.name).toBe('Orders everywhere, renamed');
    expect(draftFromSchedule(after, 'edit').otherDestinations).toEqual(draft.otherDestinations);
    expect(after.destinations[1]?.metadata).toMatchObject({ type: 'slack', recipients: ['C0ORDERS1'] });
  });

  it('delivers a run to every destination and records each one’s outcome when it finishes', async () => {
    await omni.client.triggerSchedule(ORDERS_EVERYWHERE_ID);
    await omni.sandbox.finishRunsNow();
    const detail = await omni.client.getSchedule(ORDERS_EVERYWHERE_ID);
    expect(detail.destinations.map((d) => d.lastStatus)).toEqual(['COMPLETE', 'COMPLETE']);
    const deliveries = omni.sandbox.state.deliveries.filter((d) => d.scheduleId === ORDERS_EVERYWHERE_ID);
    expect(deliveries.map((d) => d.destinationType)).toEqual(['email', 'slack']);
  });
});
