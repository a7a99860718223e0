// Reading Slack Web API failures: one place that knows the shapes @slack/web-api rejects with. Checked by
// `code`, not instanceof: Bolt may bundle its own copy of @slack/web-api.

/** Slack's error code for a failed Web API call (checked by `code`: Bolt may bundle its own web-api copy). */
export function slackErrorCode(error: unknown): string {
  const e = error as {
    code?: string;
    data?: { error?: string };
    statusCode?: number;
    original?: { message?: string };
  } | null;
  switch (e?.code) {
    case 'slack_webapi_platform_error':
      return e.data?.error ?? 'unknown_error';
    case 'slack_webapi_rate_limited_error':
      return 'ratelimited';
    case 'slack_webapi_http_error':
      return e.statusCode === 429 ? 'ratelimited' : `http_${e.statusCode ?? 'error'}`;
    case 'slack_webapi_request_error':
      // Once the bounded retries of a 429 are used up, the client wraps its own "A rate limit was exceeded".
      return /^A rate limit was exceeded/.test(e.original?.message ?? '') ? 'ratelimited' : 'request_failed';
    default:
      return (error instanceof Error && error.message) || 'unknown_error';
  }
}

/** A Web API call Slack answered with `ok: false`; `data.error` is its code, e.g. `not_in_channel`. */
export function isSlackPlatformError(error: unknown): error is { code: string; data: { error: string } } {
  const candidate = error as { code?: unknown; data?: { error?: unknown } } | null;
  return candidate?.code === 'slack_webapi_platform_error' && typeof candidate.data?.error === 'string';
}
