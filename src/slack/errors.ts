// What a Slack user reads when something fails: one place that turns any error into a message saying
// what failed and what to do. Listeners (commands, actions, views) all answer through userMessageForError.
import {
  OmniApiError,
  OmniError,
  OmniNetworkError,
  OmniRequestValidationError,
  OmniResponseError,
  OmniTimeoutError,
} from '../omni/errors.js';
import { ListQueryError } from '../schedules/list-query.js';
import { StoreUnavailableError } from '../store/index.js';
import { UsageError } from './commands/types.js';
import { isSlackPlatformError } from './slack-errors.js';

/** What a user reads when the app's storage (or the shared Redis) fails mid-request. */
export const STORE_DOWN_TEXT =
  'Storage is not answering; nothing was changed. Try again in a minute; if it persists, tell whoever runs this app.';

/** Where failures are logged; Bolt's Logger fits. */
export interface FailureLogger {
  info(...msg: unknown[]): void;
  warn(...msg: unknown[]): void;
  error(...msg: unknown[]): void;
}

/** The workspace has no Omni connection (neither stored nor, for single-workspace installs, configured). */
export class NotConnectedError extends Error {
  override name = 'NotConnectedError';
  constructor() {
    super(
      'This workspace is not connected to Omni yet. A workspace admin must run `/schedule connect` first (it asks for your Omni URL and an organization API key).',
    );
  }
}

/** The user may not do this (a guest, or a member trying an admin-only thing); the message says why. */
export class AccessDeniedError extends Error {
  override name = 'AccessDeniedError';
}

/** The message of anything thrown (JavaScript may throw non-Errors), for logs and notes. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Errors whose message is already written for the user (no stack trace needed in the log). */
export function isExpectedError(error: unknown): boolean {
  return (
    error instanceof NotConnectedError ||
    error instanceof AccessDeniedError ||
    error instanceof UsageError ||
    error instanceof ListQueryError ||
    error instanceof OmniApiError ||
    error instanceof OmniNetworkError ||
    error instanceof OmniTimeoutError ||
    error instanceof OmniRequestValidationError
  );
}

/**
 * Logs a failure that is about to be shown to the user: expected refusals briefly (info), the store being
 * down as a warning, anything else as an error with its stack. `what` names the operation, e.g. `/schedule run`.
 */
export function logFailure(logger: FailureLogger, what: string, error: unknown): void {
  if (isExpectedError(error)) logger.info(`${what}: ${errorMessage(error)}`);
  else if (error instanceof StoreUnavailableError) logger.warn(`${what}: ${error.message}`, error.cause);
  else logger.error(`${what} failed:`, error);
}

/** One message for the user: what failed, Omni's own words when Omni refused, and what to try. */
export function userMessageForError(error: unknown): string {
  if (
    error instanceof NotConnectedError ||
    error instanceof AccessDeniedError ||
    error instanceof UsageError ||
    error instanceof ListQueryError
  ) {
    return error.message;
  }
  if (error instanceof OmniApiError) return omniRefusal(error);
  if (error instanceof OmniNetworkError) {
    return `Could not reach Omni (${error.code ?? 'network error'}). Check that Omni is up and that the URL shown by \`/schedule status\` is right, then try again.`;
  }
  if (error instanceof OmniTimeoutError) {
    return `Omni did not answer within ${Math.round(error.timeoutMs / 1000)} s. Try again in a moment; if it keeps happening, check Omni's status.`;
  }
  if (error instanceof OmniRequestValidationError) {
    const issues = error.issues
      .slice(0, 3)
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    return `That request is not valid for Omni, so nothing was sent: ${issues}. Fix it and try again.`;
  }
  if (error instanceof OmniResponseError) {
    return `Omni answered, but not in the form this app expects (field \`${error.field}\`), so nothing was shown. Try again; if it persists, tell the app's maintainers.`;
  }
  if (error instanceof OmniError) {
    return 'The request to Omni failed. Try again; if it keeps failing, ask a workspace admin to check `/schedule status`.';
  }
  if (isSecretDecryptionError(error)) {
    return "This workspace's saved Omni key cannot be decrypted with the app's current ENCRYPTION_KEY. Whoever runs the app should put the previous key back (after the current one, see README), or a workspace admin can run `/schedule connect` again.";
  }
  if (error instanceof StoreUnavailableError) return error.message;
  if (isStoreFailure(error)) {
    return STORE_DOWN_TEXT;
  }
  if (isSlackPlatformError(error)) {
    return `Slack refused the app's request (\`${error.data.error}\`). Try again; if it persists, tell whoever runs this app.`;
  }
  return 'Something went wrong on our side and nothing was changed. Try again; if it keeps failing, tell whoever runs this app (the details are in its log).';
}

/** What each client operation is for, in the user's words: "Omni refused to run the schedule". */
const OMNI_ACTIONS: Readonly<Record<string, string>> = {
  triggerSchedule: 'to run the schedule',
  pauseSchedule: 'to pause the schedule',
  resumeSchedule: 'to resume the schedule',
  addRecipients: 'to add the recipients',
  removeRecipients: 'to remove the recipients',
  listRecipients: 'to list the recipients',
  deleteSchedule: 'to delete the schedule',
  updateSchedule: 'to update the schedule',
  getSchedule: 'to show the schedule',
  listSchedules: 'to list schedules',
  createSchedule: 'to create the schedule',
  upsertEmailOnlyUser: 'to add the email-only users',
  upsertEmailOnlyUsers: 'to add the email-only users',
  listEmailOnlyUsers: 'to list the email-only users',
};

function omniAction(error: OmniApiError): string {
  return (error.operation && OMNI_ACTIONS[error.operation]) ?? 'the request';
}

function omniRefusal(error: OmniApiError): string {
  // A gateway or unavailable answer is an outage, not a refusal: Omni did not act on the request.
  if (error.status === 502 || error.status === 503 || error.status === 504) {
    return `Omni is not answering (${error.status}). Nothing was changed; try again in a few minutes.`;
  }
  const said = `Omni refused ${omniAction(error)}: ${error.detail}`;
  const next = (() => {
    switch (true) {
      // Pause and resume refusals that no edit can fix: say what state the schedule is in instead.
      case error.status === 400 && /^Schedule is already (paused|resumed)$/.test(error.detail):
        return 'Nothing needed doing; `/schedule show` gives its current state.';
      case error.status === 400 && error.detail === 'Schedule is system disabled':
        return 'Omni disabled it itself; `/schedule show` gives the reason, and fixing that in Omni (or editing the schedule) brings it back.';
      case error.status === 400:
        return 'Fix what Omni names and try again.';
      case error.status === 401:
        return 'The API key this workspace uses no longer works; a workspace admin can run `/schedule connect` with a new organization API key.';
      case error.status === 403:
        return "The workspace's API key is not allowed to do this; a workspace admin can connect an organization API key with `/schedule connect`.";
      case error.status === 404:
        return 'Check the id (`/schedule list` shows your schedules) and try again.';
      case error.status === 409:
        return error.operation === 'triggerSchedule'
          ? 'A run of this schedule is already going; its outcome shows as the last run when it ends.'
          : 'It is probably running already; try again when it has finished.';
      case error.status === 429:
        return 'Omni is limiting how fast this workspace may call it; try again in a minute.';
      case error.status >= 500:
        return "This is a problem on Omni's side; try again in a few minutes.";
      default:
        return 'Try again; if it keeps failing, ask a workspace admin to check `/schedule status`.';
    }
  })();
  return `${said.replace(/\.?$/, '.')} ${next}`;
}

/** The store's SecretDecryptionError, thrown directly or as the cause of a wrapper. */
export function isSecretDecryptionError(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; current = current.cause, depth += 1) {
    if (current.name === 'SecretDecryptionError') return true;
  }
  return false;
}

// keyv adapters reject with driver errors (sqlite3, ioredis, pg); recognise the common ones by code.
function isStoreFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    /^(SQLITE_|ECONNREFUSED$|ECONNRESET$|ETIMEDOUT$|EPIPE$|ENOTFOUND$|57P|08|53)/.test(code) &&
    !(error instanceof OmniError)
  );
}
