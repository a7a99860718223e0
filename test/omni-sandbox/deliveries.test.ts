import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MISSING_QUERY_SCHEDULE_ID, type OmniSandbox, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import { type Api, expectError, type Json, startSandbox, startWebhookReceiver, validEmailBody } from './helpers.js';

let sandbox: OmniSandbox;
let api: Api;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let answerWith = 200;
let hold: Promise<void> | undefined;

beforeAll(async () => {
  ({ sandbox, api } = await startSandbox());
  receiver = await startWebhookReceiver(async () => {
    await hold;
    return answerWith;
  });
});
beforeEach(() => {
  sandbox.reset();
  receiver.received.length = 0;
  answerWith = 200;
  hold = undefined;
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const webhookSchedule = async (format: string, url = receiver.url) => {
  const res = await api('POST', '/v1/schedules', validEmailBody({ destinationType: 'webhook', format, url }));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as string;
};

describe('trigger', () => {
  it('records an email delivery and marks the last run COMPLETE', async () => {
    const id = SEEDED_SCHEDULE_IDS.orders;
    expect((await api('POST', `/v1/schedules/${id}/trigger`)).body).toEqual({ success: true });
    expect(sandbox.state.deliveries).toEqual([
      expect.objectContaining({
        scheduleId: id,
        kind: 'trigger',
        destinationType: 'email',
        format: 'pdf',
        status: 'COMPLETE',
        recipients: ['blob.ross@blobsrus.com', 'blobby.hill@blobsrus.com', 'blobmanager@myorg.co'],
      }),
    ]);
    const detail = await api('GET', `/v1/schedules/${id}`);
    expect(detail.body.destinations[0].lastStatus).toBe('COMPLETE');
    expect(detail.body.destinations[0].lastCompletedAt > '2025-05-19T13:00:25.376Z').toBe(true);
  });

  it('runs a paused schedule on demand and records Slack recipients', async () => {
    const id = SEEDED_SCHEDULE_IDS.dailySlackUpdate;
    expect((await api('POST', `/v1/schedules/${id}/trigger`)).status).toBe(200);
    expect(sandbox.state.deliveries[0]).toMatchObject({
      destinationType: 'slack',
      recipients: ['U0123ABCD', 'U0456EFGH'],
    });
    const listed = await api('GET', '/v1/schedules?destination=slack');
    expect(listed.body.records[0]).toMatchObject({ lastStatus: 'COMPLETE', disabledAt: '2024-11-21T21:52:16.059Z' });
  });

  it('fails the run of a system-disabled schedule', async () => {
    await api('POST', `/v1/schedules/${MISSING_QUERY_SCHEDULE_ID}/trigger`);
    expect(sandbox.state.deliveries[0]).toMatchObject({
      status: 'ERROR',
      error: 'Schedule is system disabled (missingQuery)',
    });
    expect(sandbox.state.schedules.get(MISSING_QUERY_SCHEDULE_ID)?.lastStatus).toBe('ERROR');
  });

  it("answers Omni's errors for a malformed or unknown id", async () => {
    expectError(await api('POST', '/v1/schedules/abc/trigger'), 400, 'Bad Request: scheduleId: Invalid uuid');
    const unknown = '123e4567-e89b-12d3-a456-426614174000';
    expectError(
      await api('POST', `/v1/schedules/${unknown}/trigger`),
      404,
      `Scheduled task with id ${unknown} does not exist`,
    );
    expect(sandbox.state.deliveries).toHaveLength(0);
  });
});

describe('webhook deliveries', () => {
  it('POSTs {"url": <dashboard url>} for link-only', async () => {
    const id = await webhookSchedule('link_only');
    await api('POST', `/v1/schedules/${id}/trigger`);
    expect(receiver.received).toEqual([
      {
        method: 'POST',
        path: '/hook',
        contentType: 'application/json',
        body: JSON.stringify({ url: `${sandbox.url}/dashboards/12db1a0a` }),
      },
    ]);
    expect(sandbox.state.deliveries[0]).toMatchObject({
      status: 'COMPLETE',
      webhook: { sent: true, responseStatus: 200 },
    });
  });

  it('POSTs a JSON document for json, text/csv for csv, multipart for pdf', async () => {
    await api('POST', `/v1/schedules/${await webhookSchedule('json')}/trigger`);
    await api('POST', `/v1/schedules/${await webhookSchedule('csv')}/trigger`);
    await api('POST', `/v1/schedules/${await webhookSchedule('pdf')}/trigger`);
    const [json, csv, pdf] = receiver.received;
    expect(JSON.parse(json.body)).toMatchObject({
      url: `${sandbox.url}/dashboards/12db1a0a`,
      dashboard: 'Orders',
      schedule: 'Daily orders',
      queries: [
        { queryIdentifierMapKey: '1', name: 'Orders by month' },
        { queryIdentifierMapKey: '2', name: 'Top customers' },
      ],
    });
    expect(csv.contentType).toBe('text/csv');
    expect(csv.body).toContain('"Orders by month"');
    expect(pdf.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(pdf.body).toContain('filename="Orders.pdf"');
    expect(pdf.body).toContain('%PDF-1.4');
  });

  it('marks the run ERROR when the receiver answers an error or cannot be reached', async () => {
    const id = await webhookSchedule('link_only');
    answerWith = 500;
    await api('POST', `/v1/schedules/${id}/trigger`);
    expect(sandbox.state.deliveries[0]).toMatchObject({ status: 'ERROR', error: 'Webhook responded with HTTP 500' });
    expect((await api('GET', '/v1/schedules?status=error&pageSize=100')).body.records.map((r: Json) => r.id)).toContain(
      id,
    );

    const closed = await startWebhookReceiver();
    await closed.close();
    const unreachable = await webhookSchedule('link_only', closed.url);
    await api('POST', `/v1/schedules/${unreachable}/trigger`);
    expect(sandbox.state.deliveries[1]).toMatchObject({
      status: 'ERROR',
      error: expect.stringMatching(/^Webhook request failed/),
    });
    expect(sandbox.state.schedules.get(unreachable)?.lastStatus).toBe('ERROR');
  });

  it('records but does not send to non-loopback hosts unless external webhooks are on', async () => {
    await api('POST', `/v1/schedules/${SEEDED_SCHEDULE_IDS.orders2}/trigger`);
    expect(sandbox.state.deliveries[0]).toMatchObject({
      status: 'COMPLETE',
      webhook: { url: 'https://webhooksrus.com/1234566', sent: false },
      note: expect.stringContaining('webhooksrus.com is not a loopback host'),
    });
  });

  it('answers 409 to a second trigger while the first is still delivering', async () => {
    const id = await webhookSchedule('link_only');
    let release: () => void = () => {};
    hold = new Promise((resolve) => {
      release = resolve;
    });
    const first = api('POST', `/v1/schedules/${id}/trigger`);
    while (receiver.received.length === 0) await new Promise((r) => setImmediate(r));
    expectError(
      await api('POST', `/v1/schedules/${id}/trigger`),
      409,
      'Another execution is in progress for this schedule',
    );
    release();
    expect((await first).body).toEqual({ success: true });
    expect((await api('POST', `/v1/schedules/${id}/trigger`)).status).toBe(200);
    expect(sandbox.state.deliveries).toHaveLength(2);
  });

  it('sends a testNow webhook delivery at create', async () => {
    const res = await api(
      'POST',
      '/v1/schedules',
      validEmailBody({ destinationType: 'webhook', format: 'link_only', url: receiver.url, testNow: true }),
    );
    expect(res.body).toEqual({ id: expect.any(String), message: 'Successfully created schedule' });
    expect(receiver.received).toHaveLength(1);
    expect(JSON.parse(receiver.received[0]?.body ?? '')).toEqual({ url: `${sandbox.url}/dashboards/12db1a0a` });
    expect(sandbox.state.deliveries[0]).toMatchObject({ kind: 'test', scheduleId: res.body.id, status: 'COMPLETE' });
    const saved = sandbox.state.schedules.get(res.body.id);
    expect(saved?.lastStatus).toBe('COMPLETE');
    // Completed once the receiver answered, so not before the delivery started.
    expect((saved?.lastCompletedAt ?? '') >= (sandbox.state.deliveries[0]?.at ?? '~')).toBe(true);
  });

  it('sends a test delivery from an update with testNow, leaving the last run alone', async () => {
    const id = await webhookSchedule('link_only');
    await api('PUT', `/v1/schedules/${id}`, { testNow: true });
    expect(receiver.received).toHaveLength(1);
    expect(sandbox.state.deliveries[0]).toMatchObject({ kind: 'test', scheduleId: id });
    expect(sandbox.state.schedules.get(id)?.lastStatus).toBeNull();
  });
});
