// Errors the store throws. Their messages are safe to show to a Slack user: no secrets, no store URLs.

/**
 * The backend (SQLite, Redis, PostgreSQL) did not answer or refused an operation. The message says what could not
 * be done and what to do; the backend's own error is kept in `cause` for logs.
 */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  /** What was being attempted, e.g. "read this workspace's Omni connection". */
  readonly operation: string;

  constructor(operation: string, options?: { cause?: unknown }) {
    super(
      `Could not ${operation}: the app's storage is not answering. Try again in a minute; ` +
        'if it keeps failing, ask whoever runs this app to check its storage.',
      options,
    );
    this.operation = operation;
  }
}

/** `STORE_URL` is not usable (unknown scheme, malformed, or a SQLite file that cannot be opened). */
export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
}

/** A value handed to the store does not have the expected shape. `issues` names each field at fault. */
export class StoreValidationError extends Error {
  override readonly name = 'StoreValidationError';
  readonly issues: { path: string; message: string }[];

  constructor(what: string, issues: { path: string; message: string }[]) {
    super(
      `Invalid ${what}: ${issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ')}`,
    );
    this.issues = issues;
  }
}

/** Bolt's `fetchInstallation` found nothing for the query (Bolt then refuses the request). */
export class InstallationNotFoundError extends Error {
  override readonly name = 'InstallationNotFoundError';
}
