import { afterEach, describe, expect, it } from 'vitest';
import { maskPath, observeOmniCalls } from '../../src/http/omni-calls.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics, orgLabel } from '../../src/metrics.js';
import { setOmniCallObserver } from '../../src/omni/observe.js';
import { omniError } from '../omni/scripted-server.js';
import { API_KEY, page, SCHEDULE_ID, useScriptedOmni } from '../omni/support.js';

describe('one log line and the counters per Omni call', () => {
  const omni = useScriptedOmni();
  afterEach(() => {
    setOmniCallObserver(undefined);
  });

  function observe() {
    const lines: string[] = [];
    const logger = createLogger('info', { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    const metrics = createMetrics();
    observeOmniCalls(logger, metrics);
    return {
      metrics,
      json: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
      text: () => lines.join('\n'),
    };
  }

  it('logs method, path, status, time and the hashed org for each attempt, a 429 included, and counts them', async () => {
    const seen = observe();
    omni.server.reply(omniError(429, 'Too Many Requests', { 'retry-after': '1' }), { json: page([]) });
    await omni.client.listSchedules({ q: 'maria@example.com' });
    const org = orgLabel(omni.server.url);
    expect(
      seen.json().map(({ level, kind, org, method, path, status, attempt, msg }) => ({
        level,
        kind,
        org,
        method,
        path,
        status,
        attempt,
        msg,
      })),
    ).toEqual([
      {
        level: 'warn',
        kind: 'omni',
        org,
        method: 'GET',
        path: '/api/v1/schedules',
        status: 429,
        attempt: 1,
        msg: 'omni call',
      },
      {
        level: 'info',
        kind: 'omni',
        org,
        method: 'GET',
        path: '/api/v1/schedules',
        status: 200,
        attempt: 2,
        msg: 'omni call',
      },
    ]);
    expect(seen.json().every((line) => typeof line.ms === 'number')).toBe(true);
    // Neither the key, nor the query (an email here), nor the organization's URL.
    expect(seen.text()).not.toContain(API_KEY);
    expect(seen.text()).not.toContain('maria');
    expect(seen.text()).not.toContain(omni.server.url);
    const { body } = await seen.metrics.render();
    expect(body).toContain(`omni_calls_total{org="${org}",status="4xx"} 1`);
    expect(body).toContain(`omni_calls_total{org="${org}",status="2xx"} 1`);
    expect(body).toContain(`omni_rate_limited_total{org="${org}"} 1`);
  });

  it('counts a call that got no answer as an error, with status null', async () => {
    const seen = observe();
    const client = omni.makeClient({ baseUrl: 'http://127.0.0.1:9', maxRetries: 0 });
    await expect(client.pauseSchedule(SCHEDULE_ID)).rejects.toThrow();
    expect(seen.json()).toMatchObject([{ kind: 'omni', method: 'PUT', status: null, attempt: 1 }]);
    expect((await seen.metrics.render()).body).toContain(
      `omni_calls_total{org="${orgLabel('http://127.0.0.1:9')}",status="error"} 1`,
    );
  });
});

describe('maskPath', () => {
  it('drops the query and masks a segment holding an email', () => {
    expect(maskPath('/api/scim/v2/users/maria%40example.com?x=1')).toBe('/api/scim/v2/users/:email');
    expect(maskPath(`/api/v1/schedules/${SCHEDULE_ID}/pause`)).toBe(`/api/v1/schedules/${SCHEDULE_ID}/pause`);
  });
});

describe('metrics registration for other parts of the app', () => {
  it('exposes jobs by state, queue wait, acks by kind and Slack 429s in Prometheus text', async () => {
    const metrics = createMetrics();
    metrics.jobs.set('waiting', 3);
    metrics.jobs.set('active', 1);
    metrics.queueWait.observe(2.5);
    metrics.ack('command', 0.12);
    metrics.slackRateLimited('users.info');
    metrics.slackRateLimited();
    const { contentType, body } = await metrics.render();
    expect(contentType).toContain('text/plain');
    expect(body).toContain('jobs{state="waiting"} 3');
    expect(body).toContain('jobs{state="active"} 1');
    expect(body).toContain('job_queue_wait_seconds_count 1');
    expect(body).toContain('job_queue_wait_seconds_sum 2.5');
    expect(body).toContain('slack_acks_total{kind="command"} 1');
    expect(body).toContain('slack_rate_limited_total{method="users.info"} 1');
    expect(body).toContain('slack_rate_limited_total{method="unknown"} 1');
  });
});
