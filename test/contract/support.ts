// Contract tests: the real OmniClient against a real Omni sandbox on 127.0.0.1. The two share no
// code (the sandbox never imports src/omni), and both run on one virtual clock so that pacing,
// rate limits and Retry-After take no real time.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { OmniClient, type OmniClientInternals, type OmniClientOptions } from '../../src/omni/client.js';
import type { Clock } from '../../src/omni/clock.js';
import { type EmailScheduleBody, OmniApiError, OmniRequestValidationError } from '../../src/omni/index.js';
import { PacerRegistry } from '../../src/omni/pacing.js';
import { type OmniSandbox, type OmniSandboxOptions, startOmniSandbox } from '../../src/omni-sandbox/index.js';

export const API_KEY = 'contract-key-7d41c9e2a0b8';
/** A well-formed id that no seeded schedule, member or user has. */
export const UNKNOWN_ID = '0f0e0d0c-0b0a-4909-8807-060504030201';

/**
 * Virtual time for both sides: `sleep` returns at once and moves `now` forward, recording the wait.
 * Time never moves while a client request is on the wire (see `fetch`): network time counts as zero
 * next to a minute, so the sandbox stamps each request at the virtual time the client sent it.
 */
export class VirtualClock implements Clock {
  readonly sleeps: number[] = [];
  #inFlight = 0;
  #idle: (() => void)[] = [];
  constructor(private time = Date.UTC(2026, 0, 5, 9, 0, 0)) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    // Wait until no answer is on the wire and every answer received has been handled (a macrotask).
    do {
      while (this.#inFlight > 0) await new Promise<void>((resolve) => this.#idle.push(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } while (this.#inFlight > 0);
    this.time += Math.max(0, ms);
  }

  /** The client's fetch: counts a request until its whole answer has arrived. */
  readonly fetch: typeof fetch = async (input, init) => {
    this.#inFlight += 1;
    try {
      const response = await globalThis.fetch(input, init);
      const body = await response.arrayBuffer();
      return new Response(body.byteLength > 0 ? body : null, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } finally {
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    }
  };
}

export type Contract = {
  sandbox: OmniSandbox;
  clock: VirtualClock;
  /** A client at Omni's default pace (60/min) against a sandbox at Omni's default limit (60/min). */
  client: OmniClient;
  /** Another client of the same org; clients with the same key share one pacer, as in production. */
  makeClient(options?: Partial<OmniClientOptions>, internals?: OmniClientInternals): OmniClient;
};

/** One sandbox per file, reset to the seeded organization (and an empty request log) before each test. */
export function useContract(sandboxOptions: Partial<OmniSandboxOptions> = {}): Contract {
  const ctx = {} as Contract;
  beforeAll(async () => {
    ctx.clock = new VirtualClock();
    ctx.sandbox = await startOmniSandbox({
      apiKey: API_KEY,
      port: 0,
      now: () => ctx.clock.now(),
      ...sandboxOptions,
    });
  });
  beforeEach(() => {
    ctx.sandbox.reset();
    ctx.clock.sleeps.length = 0;
    const pacers = new PacerRegistry();
    ctx.makeClient = (options = {}, internals = {}) =>
      new OmniClient(
        { baseUrl: ctx.sandbox.url, apiKey: API_KEY, fetch: ctx.clock.fetch, ...options },
        { clock: ctx.clock, random: () => 0.5, pacers, ...internals },
      );
    ctx.client = ctx.makeClient();
  });
  afterAll(async () => {
    await ctx.sandbox?.close();
  });
  return ctx;
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}

/**
 * Expects Omni's refusal as the client surfaces it: an OmniApiError with Omni's `detail` unchanged,
 * and the method and path of the call. Also checks that the sandbox really answered that.
 */
export async function expectOmniError(
  sandbox: OmniSandbox,
  promise: Promise<unknown>,
  expected: { status: number; detail: string; method: string; path: string },
): Promise<OmniApiError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(OmniApiError);
  const apiError = error as OmniApiError;
  expect({
    status: apiError.status,
    detail: apiError.detail,
    method: apiError.method,
    path: apiError.path,
  }).toEqual(expected);
  expect(apiError.message).toContain(expected.detail);
  const last = sandbox.state.requests.at(-1);
  expect(last).toMatchObject({ method: expected.method, path: expected.path, status: expected.status });
  return apiError;
}

/** Expects a local refusal naming `field`, and that nothing at all reached the sandbox. */
export async function expectRefusedLocally(
  sandbox: OmniSandbox,
  promise: Promise<unknown>,
  field: string,
): Promise<OmniRequestValidationError> {
  const before = sandbox.state.requests.length;
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(OmniRequestValidationError);
  const refusal = error as OmniRequestValidationError;
  expect(refusal.issues.map((issue) => issue.path)).toContain(field);
  expect(refusal.message).toMatch(/not sent to Omni/);
  expect(sandbox.state.requests.length).toBe(before);
  return refusal;
}

export { everyRendering } from '../omni/support.js';

/** Requests the sandbox logged for one method and path. */
export const requestsTo = (sandbox: OmniSandbox, method: string, path: string) =>
  sandbox.state.requests.filter((r) => r.method === method && r.path === path);

export const schedulePath = (id: string, action = '') => `/api/v1/schedules/${id}${action ? `/${action}` : ''}`;

// The webhook receiver has nothing to do with the client, so contract tests use the sandbox tests' own.
export { type ReceivedRequest, startWebhookReceiver } from '../omni-sandbox/helpers.js';

/** A valid email schedule body for the seeded "Orders" dashboard. */
export const emailBody = (patch: Partial<EmailScheduleBody> = {}): EmailScheduleBody => ({
  identifier: '12db1a0a',
  name: 'Daily orders',
  schedule: '0 9 ? * * *',
  timezone: 'UTC',
  format: 'pdf',
  destinationType: 'email',
  recipients: ['iamagoodblob@myorg.co'],
  subject: 'Daily orders',
  ...patch,
});
