import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { StoreClaims } from '../../src/coordination/claims.js';
import { DEFAULT_REPLAY_TTL_MS, ReplayGuard } from '../../src/replay/replay-guard.js';
import { identityOfPayload, requestIdentity, type SlackHttpRequest } from '../../src/replay/request-identity.js';
import { memoryCache } from '../coordination/memory-cache.js';

const SIGNING_SECRET = 'test-signing-secret';

/** A request as Slack signs it (v0 HMAC over `v0:timestamp:body`). */
function signed(rawBody: string, contentType: string, timestamp = 1_764_800_000, extra: Record<string, string> = {}) {
  const signature = `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
  return {
    rawBody,
    headers: {
      'Content-Type': contentType,
      'X-Slack-Request-Timestamp': String(timestamp),
      'X-Slack-Signature': signature,
      ...extra,
    },
  } satisfies SlackHttpRequest;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

const event = (eventId: string) =>
  JSON.stringify({ type: 'event_callback', team_id: 'T1', event_id: eventId, event: { type: 'app_home_opened' } });
const command = (triggerId: string) =>
  form({ command: '/schedule', text: 'run 12db1a0a', team_id: 'T1', user_id: 'U1', trigger_id: triggerId });
const action = (triggerId: string) =>
  form({ payload: JSON.stringify({ type: 'block_actions', trigger_id: triggerId, actions: [{ action_id: 'run' }] }) });

describe('requestIdentity', () => {
  it("uses an event's event_id, and a Slack retry of it is the same request", () => {
    const first = requestIdentity(signed(event('Ev01'), JSON_TYPE));
    const retried = requestIdentity(
      signed(event('Ev01'), JSON_TYPE, 1_764_800_060, {
        'X-Slack-Retry-Num': '1',
        'X-Slack-Retry-Reason': 'http_timeout',
      }),
    );
    expect(first).toEqual({ source: 'event_id', key: 'event:Ev01', retry: 0 });
    expect(retried).toEqual({ source: 'event_id', key: 'event:Ev01', retry: 1 });
  });

  it("uses a command's and an interaction's trigger_id", () => {
    expect(requestIdentity(signed(command('13345224609.738474920.8088930838d88f008e0'), FORM_TYPE))).toEqual({
      source: 'trigger_id',
      key: 'trigger:13345224609.738474920.8088930838d88f008e0',
      retry: 0,
    });
    expect(requestIdentity(signed(action('111.222.abc'), `${FORM_TYPE}; charset=utf-8`))).toMatchObject({
      source: 'trigger_id',
      key: 'trigger:111.222.abc',
    });
  });

  it('falls back to a hash of timestamp and signature, the same for a byte-for-byte replay only', () => {
    const options = form({ payload: JSON.stringify({ type: 'block_suggestion', action_id: 'pick', value: 'sal' }) });
    const original = requestIdentity(signed(options, FORM_TYPE));
    expect(original).toMatchObject({ source: 'signature', key: expect.stringMatching(/^signature:[0-9a-f]{64}$/) });
    expect(requestIdentity(signed(options, FORM_TYPE))).toEqual(original);
    // Another moment, or another body, is another request.
    expect(requestIdentity(signed(options, FORM_TYPE, 1_764_800_001))?.key).not.toBe(original?.key);
    const other = form({ payload: JSON.stringify({ type: 'block_suggestion', action_id: 'pick', value: 'sale' }) });
    expect(requestIdentity(signed(other, FORM_TYPE))?.key).not.toBe(original?.key);
    // The key holds neither the body nor the signature itself.
    expect(original?.key).not.toContain(signed(options, FORM_TYPE).headers['X-Slack-Signature'].slice(3));
  });

  it('identifies a body that does not parse by its signature, and nothing without one', () => {
    expect(requestIdentity(signed('{not json', JSON_TYPE))?.source).toBe('signature');
    expect(requestIdentity({ rawBody: event('Ev02'), headers: { 'content-type': JSON_TYPE } })).toEqual({
      source: 'event_id',
      key: 'event:Ev02',
      retry: 0,
    });
    expect(requestIdentity({ rawBody: '{}', headers: { 'content-type': JSON_TYPE } })).toBeUndefined();
  });

  it('reads a Socket Mode payload the same way', () => {
    expect(identityOfPayload({ event_id: 'Ev03', event: {} })).toEqual({ source: 'event_id', key: 'event:Ev03' });
    expect(identityOfPayload({ type: 'view_submission', trigger_id: 't.1' })).toEqual({
      source: 'trigger_id',
      key: 'trigger:t.1',
    });
    expect(identityOfPayload({ type: 'view_closed' })).toBeUndefined();
  });
});

describe('ReplayGuard over the store-backed claims', () => {
  function guardWithClock() {
    let now = 1_000_000;
    const claims = new StoreClaims(
      memoryCache(() => now),
      () => now,
    );
    return { guard: new ReplayGuard(claims), advance: (ms: number) => (now += ms) };
  }

  it('acts on a request once: a replay and a Slack retry are recognised as such', async () => {
    const { guard } = guardWithClock();
    const request = signed(command('t.run.1'), FORM_TYPE);
    const identity = requestIdentity(request);
    if (!identity) throw new Error('no identity');
    expect(await guard.sight(identity)).toBe('first');
    expect(await guard.sight(identity)).toBe('replay');
    expect(await guard.sight(identity)).toBe('replay');
    expect(await guard.sight({ ...identity, retry: 2 })).toBe('retry');
    const another = requestIdentity(signed(command('t.run.2'), FORM_TYPE));
    if (!another) throw new Error('no identity');
    expect(await guard.sight(another)).toBe('first');
  });

  it('remembers a request for the whole signature window, and forgets it after', async () => {
    const { guard, advance } = guardWithClock();
    const identity = { source: 'event_id', key: 'event:Ev9', retry: 0 } as const;
    expect(await guard.sight(identity)).toBe('first');
    advance(5 * 60_000); // Slack still accepts the signature at +5 min
    expect(await guard.sight(identity)).toBe('replay');
    advance(DEFAULT_REPLAY_TTL_MS - 5 * 60_000); // past 10 min, Bolt refuses the timestamp anyway
    expect(await guard.sight(identity)).toBe('first');
  });

  it('lets exactly one of many simultaneous arrivals through', async () => {
    const { guard } = guardWithClock();
    const identity = { source: 'trigger_id', key: 'trigger:t.same', retry: 0 } as const;
    const sightings = await Promise.all(Array.from({ length: 20 }, () => guard.sight(identity)));
    expect(sightings.filter((s) => s === 'first')).toHaveLength(1);
  });

  it('refuses a memory shorter than the 5-minute window', () => {
    const claims = new StoreClaims(memoryCache(() => 0));
    expect(() => new ReplayGuard(claims, { ttlMs: 60_000 })).toThrow(/at least 5 minutes/);
  });

  it('keeps two apps sharing one store apart by key prefix', async () => {
    const claims = new StoreClaims(
      memoryCache(() => 0),
      () => 0,
    );
    const a = new ReplayGuard(claims, { keyPrefix: 'app-a:' });
    const b = new ReplayGuard(claims, { keyPrefix: 'app-b:' });
    const identity = { source: 'event_id', key: 'event:Ev1', retry: 0 } as const;
    expect([await a.sight(identity), await b.sight(identity), await a.sight(identity)]).toEqual([
      'first',
      'first',
      'replay',
    ]);
  });
});
