import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instrumentRequests, summarizeRequest } from '../../src/http/request-log.js';
import { createLogger } from '../../src/logger.js';
import { createMetrics } from '../../src/metrics.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('summarizeRequest', () => {
  it('names each kind of Slack request by its id and team, never by its text', () => {
    expect(summarizeRequest({ command: '/schedule', text: 'add x maria@example.com', team_id: 'T1' })).toEqual({
      kind: 'command',
      id: '/schedule',
      team: 'T1',
    });
    expect(summarizeRequest({ type: 'block_actions', team: { id: 'T2' }, actions: [{ action_id: 'run' }] })).toEqual({
      kind: 'action',
      id: 'run',
      team: 'T2',
    });
    expect(summarizeRequest({ type: 'view_submission', team: { id: 'T3' }, view: { callback_id: 'connect' } })).toEqual(
      { kind: 'view_submission', id: 'connect', team: 'T3' },
    );
    expect(summarizeRequest({ type: 'block_suggestion', action_id: 'dashboard', team: { id: 'T4' } })).toEqual({
      kind: 'options',
      id: 'dashboard',
      team: 'T4',
    });
    expect(summarizeRequest({ type: 'message_action', callback_id: 'create', team: { id: 'T5' } })).toEqual({
      kind: 'shortcut',
      id: 'create',
      team: 'T5',
    });
    expect(summarizeRequest({ type: 'event_callback', team_id: 'T6', event: { type: 'app_home_opened' } })).toEqual({
      kind: 'event',
      id: 'app_home_opened',
      team: 'T6',
    });
    expect(summarizeRequest({ type: 'url_verification' })).toEqual({ kind: 'url_verification' });
  });
});

describe('one log line and one ack per Slack request, through the real receiver', () => {
  let t: TestApp;
  const lines: string[] = [];
  const metrics = createMetrics();
  beforeAll(async () => {
    t = await startTestApp();
    const logger = createLogger('info', { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    instrumentRequests(t.app, { logger, metrics });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('logs kind, id, team, ack time, total time and outcome, and counts the ack by kind', async () => {
    const result = await t.command('help');
    expect(result.status).toBe(200);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged).toMatchObject([
      { level: 'info', msg: 'slack request', kind: 'command', id: '/schedule', team: 'T00000001', outcome: 'ok' },
    ]);
    expect(typeof logged[0]?.ackMs).toBe('number');
    expect(typeof logged[0]?.ms).toBe('number');
    expect((await metrics.render()).body).toContain('slack_acks_total{kind="command"} 1');
  });
});
