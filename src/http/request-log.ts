// One log line and one ack metric per Slack request, whatever the receiver (HTTP or Socket Mode): every request
// goes through App.processEvent, which this wraps, and is acknowledged through the event's ack().
import type { App } from '@slack/bolt';
import type { AppLogger } from '../logger.js';
import type { AppMetrics } from '../metrics.js';

/** What a request is, in log and metric terms; ids only (no text, no names). */
export interface RequestSummary {
  /** command, action, view_submission, view_closed, options, shortcut, event, or Slack's own type. */
  kind: string;
  /** The command, action_id, callback_id or event type. */
  id?: string;
  team?: string;
}

type Body = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Body)[key] : undefined;

export function summarizeRequest(body: Body): RequestSummary {
  const team = str(body.team_id) ?? str(field(body.team, 'id')) ?? str(field(body.user, 'team_id'));
  const withTeam = (summary: RequestSummary): RequestSummary => (team ? { ...summary, team } : summary);
  if (typeof body.command === 'string') return withTeam({ kind: 'command', id: body.command });
  switch (body.type) {
    case 'block_actions': {
      const actions = Array.isArray(body.actions) ? body.actions : [];
      return withTeam({ kind: 'action', id: str(field(actions[0], 'action_id')) });
    }
    case 'block_suggestion':
      return withTeam({ kind: 'options', id: str(body.action_id) });
    case 'view_submission':
    case 'view_closed':
      return withTeam({ kind: body.type, id: str(field(body.view, 'callback_id')) });
    case 'shortcut':
    case 'message_action':
      return withTeam({ kind: 'shortcut', id: str(body.callback_id) });
    case 'event_callback':
      return withTeam({ kind: 'event', id: str(field(body.event, 'type')) });
    default:
      return withTeam({ kind: str(body.type) ?? 'unknown' });
  }
}

export interface RequestLogOptions {
  logger: Pick<AppLogger, 'fields'>;
  metrics: Pick<AppMetrics, 'ack'>;
  /** Milliseconds, monotonic; tests may inject their own. */
  now?: () => number;
}

/** Wraps `app.processEvent` so that each request logs `slack request` with kind, id, team, ackMs, ms, outcome. */
export function instrumentRequests(app: App, options: RequestLogOptions): void {
  const now = options.now ?? (() => performance.now());
  const handle = app.processEvent.bind(app);
  app.processEvent = async (event) => {
    const started = now();
    const summary = summarizeRequest(event.body as Body);
    let ackMs: number | undefined;
    const ack = event.ack;
    event.ack = async (response) => {
      if (ackMs === undefined) {
        ackMs = Math.round(now() - started);
        options.metrics.ack(summary.kind, ackMs / 1000);
      }
      return ack(response);
    };
    let outcome = 'ok';
    try {
      await handle(event);
    } catch (error) {
      outcome = 'error';
      throw error;
    } finally {
      const ms = Math.round(now() - started);
      options.logger.fields('info', { ...summary, ackMs: ackMs ?? null, ms, outcome }, 'slack request');
    }
  };
}
