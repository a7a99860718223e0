/**
 * Every failure of an Omni call is an `OmniError`. None of them ever carries the API key: messages are
 * built from the method, the path and Omni's own answer, and causes are rebuilt from plain text (see
 * `http.ts`), never attached as the original fetch error (which may hold request headers).
 */

export type OmniIssue = { path: string; message: string };

export class OmniError extends Error {
  override name = 'OmniError';
}

/** The client was configured with a value it cannot use (e.g. a base URL that is not http(s)). */
export class OmniConfigError extends OmniError {
  override name = 'OmniConfigError';
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(message);
  }
}

/** Omni answered with a non-2xx status. `detail` is Omni's own `detail`, quoted unchanged. */
export class OmniApiError extends OmniError {
  override name = 'OmniApiError';
  /** The client method that failed, e.g. `triggerSchedule`; unset when the error was built outside the client. */
  readonly operation: string | undefined;
  readonly status: number;
  readonly detail: string;
  readonly method: string;
  readonly path: string;
  /** How many attempts were made, retries included. */
  readonly attempts: number;
  /** For 429: how long Omni asked us to wait (from `Retry-After`), when it said so. */
  readonly retryAfterMs: number | undefined;

  constructor(init: {
    operation?: string;
    status: number;
    detail: string;
    method: string;
    path: string;
    attempts: number;
    retryAfterMs?: number;
  }) {
    super(`Omni refused ${init.method} ${init.path} (${init.status}): ${init.detail}`);
    this.operation = init.operation;
    this.status = init.status;
    this.detail = init.detail;
    this.method = init.method;
    this.path = init.path;
    this.attempts = init.attempts;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** Omni could not be reached (DNS, refused connection, reset, TLS…). */
export class OmniNetworkError extends OmniError {
  override name = 'OmniNetworkError';
  readonly operation: string | undefined;
  readonly method: string;
  readonly path: string;
  /** The system error code when there is one, e.g. `ECONNREFUSED`. */
  readonly code: string | undefined;
  readonly attempts: number;

  constructor(init: {
    operation?: string;
    method: string;
    path: string;
    origin: string;
    reason: string;
    code?: string;
    attempts: number;
  }) {
    super(`Could not reach Omni at ${init.origin} for ${init.method} ${init.path}: ${init.reason}`, {
      cause: new Error(init.reason),
    });
    this.operation = init.operation;
    this.method = init.method;
    this.path = init.path;
    this.code = init.code;
    this.attempts = init.attempts;
  }
}

/** Omni did not answer one attempt within `timeoutMs`. */
export class OmniTimeoutError extends OmniError {
  override name = 'OmniTimeoutError';
  readonly operation: string | undefined;
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;
  readonly attempts: number;

  constructor(init: { operation?: string; method: string; path: string; timeoutMs: number; attempts: number }) {
    super(`Omni did not answer ${init.method} ${init.path} within ${init.timeoutMs} ms`);
    this.operation = init.operation;
    this.method = init.method;
    this.path = init.path;
    this.timeoutMs = init.timeoutMs;
    this.attempts = init.attempts;
  }
}

/** A request was refused locally, before any call to Omni, because it does not match Omni's schema. */
export class OmniRequestValidationError extends OmniError {
  override name = 'OmniRequestValidationError';
  readonly operation: string;
  readonly issues: OmniIssue[];

  constructor(operation: string, issues: OmniIssue[]) {
    super(`Invalid ${operation} request, not sent to Omni: ${formatIssues(issues)}`);
    this.operation = operation;
    this.issues = issues;
  }
}

/** Omni answered 2xx, but the body is not what the operation documents (e.g. a required field is missing). */
export class OmniResponseError extends OmniError {
  override name = 'OmniResponseError';
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly issues: OmniIssue[];
  /** The first offending field, e.g. `records.0.id` (`(body)` when the whole body is wrong). */
  readonly field: string;

  constructor(init: { operation: string; method: string; path: string; status: number; issues: OmniIssue[] }) {
    super(
      `Omni's answer to ${init.operation} (${init.method} ${init.path}) is not what the client expects: ${formatIssues(init.issues)}`,
    );
    this.operation = init.operation;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.issues = init.issues;
    this.field = init.issues[0]?.path ?? '(body)';
  }
}

function formatIssues(issues: OmniIssue[]): string {
  const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
  if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more`);
  return shown.join('; ');
}
