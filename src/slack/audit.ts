// The audit trail (README, "The `/schedule` command"): one structured JSON line per change, so that "who ran/paused/deleted this,
// and did it work" can be answered from the logs. Never a secret: only ids, an action and an outcome.
import type { Logger } from '@slack/bolt';

export type AuditAction =
  | 'connect'
  | 'disconnect'
  | 'run'
  | 'pause'
  | 'resume'
  | 'delete'
  | 'create'
  | 'edit'
  | 'transfer_ownership'
  | 'add_recipients'
  | 'remove_recipients'
  | 'email_only_users' // recipients: /schedule users add|set|sync
  | 'recipient_settings' // recipients: /schedule users map|policy
  | 'uninstall'
  | 'rotate_keys'
  | 'alerts' // failure alerts: /schedule alerts on|off
  | 'snooze';

export interface AuditEntry {
  /** `team:T…` or `enterprise:E…` (workspaceKey). */
  workspace: string;
  /** Slack user id, or a system actor such as `slack:app_uninstalled`. */
  user: string;
  action: AuditAction;
  /** Omni schedule id, when the change concerns one schedule. */
  schedule?: string;
  outcome: 'ok' | 'refused' | 'failed';
  /** A short reason (e.g. Omni's detail); never a key or token. */
  detail?: string;
}

export type AuditLine = AuditEntry & { audit: true; at: string };

/** Where audit lines go: a logger's info channel by default; tests may collect them. */
export type AuditSink = (line: string) => void;

export class AuditLog {
  private readonly sink: AuditSink;

  constructor(
    target: Pick<Logger, 'info'> | AuditSink,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sink = typeof target === 'function' ? target : (line) => target.info(line);
  }

  record(entry: AuditEntry): AuditLine {
    const line: AuditLine = {
      audit: true,
      at: this.now().toISOString(),
      workspace: entry.workspace,
      user: entry.user,
      action: entry.action,
      ...(entry.schedule !== undefined && { schedule: entry.schedule }),
      outcome: entry.outcome,
      ...(entry.detail !== undefined && { detail: redact(entry.detail) }),
    };
    this.sink(JSON.stringify(line));
    return line;
  }
}

// Belt and braces: details usually quote Omni or Slack; make sure nothing token-shaped slips through.
function redact(detail: string): string {
  return detail
    .replace(/xox[abposr]-[A-Za-z0-9-]+/g, 'xox?-[redacted]')
    .replace(/xapp-[A-Za-z0-9-]+/g, 'xapp-[redacted]')
    .replace(/Bearer\s+\S+/gi, 'Bearer [redacted]')
    .slice(0, 500);
}
