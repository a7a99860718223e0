// Prometheus metrics (prom-client), served as text at GET /metrics. One registry per process: `metrics` is the
// one the app uses, and the functions on it are how other parts report (e.g. the job runner calls
// `metrics.jobs.set('waiting', 3)` and `metrics.queueWait.observe(1.2)`). Labels never carry a secret, an
// email or an organization's URL: an organization is a short hash of its base URL.
import { createHash } from 'node:crypto';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export type JobState = 'waiting' | 'active' | 'delayed' | 'completed' | 'failed';

export interface AppMetrics {
  readonly registry: Registry;
  /** One Slack request acknowledged (kind: command, action, view_submission, options, event, shortcut…). */
  ack(kind: string, seconds: number): void;
  /** One HTTP attempt against Omni finished; `status` undefined for a time-out or network failure. */
  omniCall(baseUrl: string, status: number | undefined): void;
  /** One Slack Web API answer 429; `method` when known (e.g. `users.info`). */
  slackRateLimited(method?: string): void;
  /** Jobs in each state, as the job runner last counted them. */
  readonly jobs: { set(state: JobState, count: number): void };
  /** Seconds a job waited in its queue before a worker started it. */
  readonly queueWait: { observe(seconds: number): void };
  /** The exposition text and its content type. */
  render(): Promise<{ contentType: string; body: string }>;
}

/** A stable, short, non-reversible label for an Omni organization (its normalised base URL). */
export function orgLabel(baseUrl: string): string {
  return createHash('sha256').update(baseUrl.replace(/\/+$/, '').toLowerCase()).digest('hex').slice(0, 12);
}

/** `processMetrics`: also Node's own (memory, CPU, event-loop lag, handles), for sizing replicas. */
export function createMetrics(options: { processMetrics?: boolean } = {}): AppMetrics {
  const registry = new Registry();
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const acks = new Counter({
    name: 'slack_acks_total',
    help: 'Slack requests acknowledged, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const ackSeconds = new Histogram({
    name: 'slack_ack_seconds',
    help: 'Time from receiving a Slack request to acknowledging it',
    labelNames: ['kind'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [registry],
  });
  const omniCalls = new Counter({
    name: 'omni_calls_total',
    help: 'HTTP attempts against Omni, by organization (hashed) and status class',
    labelNames: ['org', 'status'] as const,
    registers: [registry],
  });
  const omni429 = new Counter({
    name: 'omni_rate_limited_total',
    help: 'Omni answers 429, by organization (hashed)',
    labelNames: ['org'] as const,
    registers: [registry],
  });
  const slack429 = new Counter({
    name: 'slack_rate_limited_total',
    help: 'Slack Web API answers 429, by method (unknown when only the client library saw it)',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const jobs = new Gauge({
    name: 'jobs',
    help: 'Background jobs by state',
    labelNames: ['state'] as const,
    registers: [registry],
  });
  const queueWait = new Histogram({
    name: 'job_queue_wait_seconds',
    help: 'Seconds a background job waited before a worker started it',
    buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900],
    registers: [registry],
  });

  return {
    registry,
    ack(kind, seconds) {
      acks.inc({ kind });
      ackSeconds.observe({ kind }, seconds);
    },
    omniCall(baseUrl, status) {
      const org = orgLabel(baseUrl);
      omniCalls.inc({ org, status: status === undefined ? 'error' : `${Math.floor(status / 100)}xx` });
      if (status === 429) omni429.inc({ org });
    },
    slackRateLimited(method = 'unknown') {
      slack429.inc({ method });
    },
    jobs: { set: (state, count) => jobs.set({ state }, count) },
    queueWait: { observe: (seconds) => queueWait.observe(seconds) },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}

/** The process's metrics, served at /metrics. */
export const metrics: AppMetrics = createMetrics({ processMetrics: true });
