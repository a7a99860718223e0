// Running a schedule: trigger, and create with `testNow`. Records a delivery, updates the schedule's
// last run, and for webhooks really POSTs to the URL (Omni's payloads: link-only → {"url": …},
// JSON → JSON, CSV → text/csv, PDF/PNG/XLSX → multipart/form-data).
import { randomUUID } from 'node:crypto';
import type { HandlerContext } from './context.js';
import { notFound, ok, type Reply, SandboxError } from './http.js';
import { perDestination, person } from './schedule-views.js';
import type { Delivery, Destination, Format, Schedule, ScheduleOptions } from './state.js';
import { scheduleIdParam } from './validation.js';

/** What a run needs: a saved schedule, as stored or as just updated. */
export type RunTarget = {
  scheduleId: string;
  name: string;
  identifier: string;
  format: Format;
  destination: Destination;
  options: ScheduleOptions;
  systemDisabledReason: Schedule['systemDisabledReason'];
};

const PLACEHOLDER_FILES: Record<string, { contentType: string; extension: string; bytes: Uint8Array }> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%sandbox\n') },
  png: {
    contentType: 'image/png',
    extension: 'png',
    bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    bytes: new Uint8Array([0x50, 0x4b, 0x03, 0x04]),
  },
};

function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

function dashboardUrl(ctx: HandlerContext, target: RunTarget): string {
  const base = `${ctx.baseUrl}/dashboards/${encodeURIComponent(target.identifier)}`;
  const tile = target.options.queryIdentifierMapKey;
  return tile ? `${base}?tile=${encodeURIComponent(tile)}` : base;
}

/** The webhook request Omni would send for this format. */
function webhookPayload(
  ctx: HandlerContext,
  target: RunTarget,
): { init: RequestInit; contentType: string; body: unknown } {
  const url = dashboardUrl(ctx, target);
  const document = ctx.state.documents.get(target.identifier);
  const tile = target.options.queryIdentifierMapKey;
  const queries = (document?.queries ?? []).filter((q) => !tile || q.queryIdentifierMapKey === tile);
  if (target.format === 'link_only' || target.format === 'json') {
    const body =
      target.format === 'link_only'
        ? { url }
        : {
            url,
            dashboard: document?.name ?? target.identifier,
            schedule: target.name,
            generatedAt: ctx.now().toISOString(),
            queries: queries.map((q) => ({ queryIdentifierMapKey: q.queryIdentifierMapKey, name: q.name, rows: [] })),
          };
    return {
      init: { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } },
      contentType: 'application/json',
      body,
    };
  }
  if (target.format === 'csv') {
    const body = `query,url\n${queries.map((q) => `"${q.name.replaceAll('"', '""')}",${url}`).join('\n')}\n`;
    return { init: { body, headers: { 'content-type': 'text/csv' } }, contentType: 'text/csv', body };
  }
  const file = PLACEHOLDER_FILES[target.format];
  const filename = `${document?.name ?? target.identifier}.${file.extension}`;
  const form = new FormData();
  form.append('file', new Blob([file.bytes], { type: file.contentType }), filename);
  return {
    init: { body: form },
    contentType: 'multipart/form-data',
    body: { filename, contentType: file.contentType, size: file.bytes.length },
  };
}

async function postWebhook(ctx: HandlerContext, target: RunTarget, delivery: Delivery, url: string): Promise<void> {
  const payload = webhookPayload(ctx, target);
  const parsed = new URL(url);
  delivery.webhook = { url, contentType: payload.contentType, body: payload.body, sent: false };
  if (!ctx.externalWebhooks && !isLoopback(parsed)) {
    delivery.note = `Not sent: ${parsed.hostname} is not a loopback host (start the sandbox with external webhooks on).`;
    return;
  }
  try {
    const response = await fetch(url, {
      method: 'POST',
      ...payload.init,
      signal: AbortSignal.timeout(ctx.webhookTimeoutMs),
    });
    await response.arrayBuffer();
    delivery.webhook.sent = true;
    delivery.webhook.responseStatus = response.status;
    if (!response.ok) {
      delivery.status = 'ERROR';
      delivery.error = `Webhook responded with HTTP ${response.status}`;
    }
  } catch (err) {
    delivery.status = 'ERROR';
    delivery.error = `Webhook request failed: ${err instanceof Error ? err.message : String(err)}`;
  }
}

function recipientsOf(ctx: HandlerContext, destination: Destination): string[] {
  switch (destination.type) {
    case 'email':
      return destination.recipients.map((r) => person(ctx.state, r).email);
    case 'slack':
      return destination.recipients;
    case 'webhook':
      return [destination.url];
    case 'sftp':
      return [`sftp://${destination.username}@${destination.address}:${destination.port}${destination.path ?? ''}`];
    case 's3':
      return [`s3://${destination.bucketName}/${destination.keyPrefix ?? ''}`];
  }
}

/** Runs one delivery and records it. Never throws: a failed run is a delivery with status ERROR. */
export async function runDelivery(ctx: HandlerContext, target: RunTarget, kind: Delivery['kind']): Promise<Delivery> {
  const delivery: Delivery = {
    id: randomUUID(),
    scheduleId: target.scheduleId,
    scheduleName: target.name,
    identifier: target.identifier,
    at: ctx.now().toISOString(),
    kind,
    destinationType: target.destination.type,
    format: target.format,
    status: 'COMPLETE',
    recipients: recipientsOf(ctx, target.destination),
  };
  if (target.systemDisabledReason) {
    delivery.status = 'ERROR';
    delivery.error = `Schedule is system disabled (${target.systemDisabledReason})`;
  } else if (target.destination.type === 'webhook') {
    await postWebhook(ctx, target, delivery, target.destination.url);
  }
  ctx.state.deliveries.push(delivery);
  return delivery;
}

/**
 * Runs a saved schedule now (a trigger, or a create with `testNow`) and records the outcome as the
 * schedule's last run. While it runs, another trigger of the same schedule gets 409 (Omni's spec:
 * "Another execution is in progress for this schedule"). With `ctx.runMs` > 0 the run finishes
 * that long after the request was answered, as Omni's do: only then do `lastStatus` and
 * `lastCompletedAt` change. `onFinished` lets the server wait for runs in flight when it closes.
 */
export async function runSavedSchedule(ctx: HandlerContext, schedule: Schedule, kind: Delivery['kind']): Promise<void> {
  const id = schedule.id;
  if (ctx.state.running.has(id)) throw new SandboxError(409, 'Another execution is in progress for this schedule');
  ctx.state.running.add(id);
  const run = async () => {
    try {
      // The saved schedule as it is when the run starts (it may have been edited meanwhile).
      const current = ctx.state.schedules.get(id) ?? schedule;
      // Every destination gets its own delivery and its own last status.
      const outcomes = new Map<string, Delivery['status']>();
      for (const one of perDestination(current)) {
        outcomes.set(one.destinationId, (await runDelivery(ctx, { ...one, scheduleId: id }, kind)).status);
      }
      // The schedule may have been deleted while the run was in flight.
      const saved = ctx.state.schedules.get(id);
      const at = ctx.now().toISOString();
      const targets = saved
        ? [
            { key: saved.destinationId, target: saved as { lastStatus: unknown; lastCompletedAt: string | null } },
            ...(saved.moreDestinations ?? []).map((extra) => ({ key: extra.id, target: extra })),
          ]
        : [];
      for (const { key, target } of targets) {
        const status = outcomes.get(key);
        if (status === undefined) continue;
        target.lastStatus = status;
        target.lastCompletedAt = at;
      }
    } finally {
      ctx.state.running.delete(id);
    }
  };
  if (ctx.runMs <= 0) return run();
  ctx.startRun(ctx.runMs, run);
}

/** POST /api/v1/schedules/{scheduleId}/trigger */
export async function triggerSchedule(ctx: HandlerContext): Promise<Reply> {
  const id = scheduleIdParam(ctx.params.scheduleId, 'Bad Request: ');
  const schedule = ctx.state.schedules.get(id);
  if (!schedule) throw notFound(`Scheduled task with id ${ctx.params.scheduleId} does not exist`);
  await runSavedSchedule(ctx, schedule, 'trigger');
  return ok({ success: true });
}
