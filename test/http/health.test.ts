import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { healthRoutes, READY_TIMEOUT_MS, serveHealth, storeReadiness } from '../../src/http/health.js';
import { createMetrics } from '../../src/metrics.js';

describe('storeReadiness', () => {
  it('is ready when the store answers a ping', async () => {
    expect(await storeReadiness({ ping: async () => {} })).toBeUndefined();
  });

  it('says why not, without credentials from the store URL', async () => {
    const reason = await storeReadiness({
      ping: async () => {
        throw new Error('connect ECONNREFUSED postgres://app:hunter2@db:5432/omni');
      },
    });
    expect(reason).toBe('store does not answer: connect ECONNREFUSED postgres://***@db:5432/omni');
  });

  it('gives up on a ping that never returns', async () => {
    const reason = await storeReadiness({ ping: () => new Promise<void>(() => {}) });
    expect(reason).toBe(`store did not answer within ${READY_TIMEOUT_MS} ms`);
  });
});

describe('the health routes served before Bolt listens (serveHealth)', () => {
  it('answers /healthz 200, /readyz 503 with the start-up problem, /metrics in Prometheus text, else 404', async () => {
    const metrics = createMetrics();
    metrics.ack('command', 0.1);
    let waitingFor: string | undefined = 'Slack does not answer (SLACK_API_URL): connect ECONNREFUSED';
    const server = await serveHealth(
      0,
      healthRoutes({ ping: async () => {} }, { metrics, notReady: () => waitingFor }),
    );
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const waiting = await fetch(`${base}/readyz`);
      expect(waiting.status).toBe(503);
      expect(await waiting.json()).toEqual({ status: 'unavailable', reason: waitingFor });
      waitingFor = undefined;
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(200);
      const scraped = await fetch(`${base}/metrics`);
      expect(scraped.headers.get('content-type')).toContain('text/plain');
      expect(await scraped.text()).toContain('slack_acks_total{kind="command"} 1');
      expect((await fetch(`${base}/slack/events`, { method: 'POST' })).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
