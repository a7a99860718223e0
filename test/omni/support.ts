import { inspect } from 'node:util';
import { afterEach, beforeEach } from 'vitest';
import { OmniClient, type OmniClientInternals, type OmniClientOptions } from '../../src/omni/client.js';
import type { Clock } from '../../src/omni/clock.js';
import type { CreateScheduleBody } from '../../src/omni/index.js';
import { PacerRegistry } from '../../src/omni/pacing.js';
import { type ScriptedServer, startScriptedServer } from './scripted-server.js';

export const API_KEY = 'omni-test-key-3f9a1c7e5b2d';
export const SCHEDULE_ID = '2abba91d-9bec-41a0-8a8d-6f133b4ff0b7';
export const USER_ID = '987fcdeb-51a2-43d7-9b56-254415f67890';

/** Virtual time: `sleep` returns at once and moves `now` forward, recording what was asked. */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = Date.UTC(2026, 0, 5, 9, 0, 0)) {}
  now(): number {
    return this.time;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
  }
}

/** A scripted server per test, and a client on virtual time with its own pacers. */
export function useScriptedOmni() {
  const ctx = {} as {
    server: ScriptedServer;
    clock: VirtualClock;
    client: OmniClient;
    makeClient(options?: Partial<OmniClientOptions>, internals?: OmniClientInternals): OmniClient;
  };
  beforeEach(async () => {
    ctx.server = await startScriptedServer();
    ctx.clock = new VirtualClock();
    const pacers = new PacerRegistry();
    ctx.makeClient = (options = {}, internals = {}) =>
      new OmniClient(
        { baseUrl: ctx.server.url, apiKey: API_KEY, ...options },
        { clock: ctx.clock, random: () => 0.5, pacers, ...internals },
      );
    ctx.client = ctx.makeClient();
  });
  afterEach(async () => {
    await ctx.server.close();
  });
  return ctx;
}

/** A list record as the spec documents it (with `format`, `ownerId`, `alert`). */
export function specRecord(overrides: Record<string, unknown> = {}) {
  return {
    id: SCHEDULE_ID,
    name: 'Weekly Sales Report',
    schedule: '0 9 ? * MON *',
    timezone: 'America/New_York',
    identifier: '12db1a0a',
    dashboardName: 'Orders',
    ownerId: USER_ID,
    ownerName: 'Blob Ross',
    destinationType: 'email',
    format: 'pdf',
    content: 'dashboard',
    recipientCount: 2,
    slackRecipientType: null,
    disabledAt: null,
    systemDisabledAt: null,
    systemDisabledReason: null,
    lastCompletedAt: '2026-01-05T14:00:03.000Z',
    lastStatus: 'COMPLETE',
    alert: { conditionQueryName: 'Orders by day', conditionType: 'RESULTS_PRESENT' },
    ...overrides,
  };
}

/** A list record as Omni's docs example shows it: no `format`, no `ownerId`, no `alert`. */
export function docsRecord(overrides: Record<string, unknown> = {}) {
  const { format: _format, ownerId: _ownerId, alert: _alert, ...rest } = specRecord(overrides);
  return rest;
}

export function page(records: unknown[], nextCursor: string | null = null, totalRecords = records.length) {
  return { pageInfo: { hasNextPage: nextCursor !== null, nextCursor, pageSize: 20, totalRecords }, records };
}

/** Awaits a promise expected to reject and returns the error (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * A fetch whose first `hangs` calls never answer (until aborted), then real fetch. Time-out tests use it
 * instead of a hanging server so that the attempt count does not depend on how fast the machine is.
 */
export function hangingFetch(hangs = Number.POSITIVE_INFINITY) {
  const calls: string[] = [];
  const fetchFn: typeof fetch = (input, init) => {
    calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
    if (calls.length > hangs) return fetch(input, init);
    return new Promise((_, reject) => {
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    });
  };
  return { fetch: fetchFn, calls };
}

/** Every way an error may end up in a log or a Slack message. */
export function everyRendering(error: unknown): string {
  const e = error as Error;
  return [
    String(e),
    e.message,
    String(e.stack),
    JSON.stringify(e),
    JSON.stringify(e, Object.getOwnPropertyNames(e)),
    inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    inspect(e.cause, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
  ].join('\n');
}

/** A valid create body (email, PDF) for the docs' "Orders" dashboard. */
export const EMAIL_SCHEDULE_BODY = {
  identifier: '12db1a0a',
  name: 'Daily',
  schedule: '0 9 ? * * *',
  timezone: 'UTC',
  format: 'pdf',
  destinationType: 'email',
  recipients: ['a@myorg.co'],
} satisfies CreateScheduleBody;
