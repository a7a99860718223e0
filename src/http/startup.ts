// Start-up waits until Slack and the store answer, instead of crashing: each new problem is one log line, the
// checks are retried with a growing pause, and /readyz reports the problem meanwhile. A bot token Slack refuses
// is not waited out: it will not fix itself.
import { type Logger, WebClient } from '@slack/web-api';

/** What one look at Slack found. */
export type SlackCheck = { ok: true } | { ok: false; refused: string } | { ok: false; unreachable: string };

export interface StartupChecks {
  /** undefined when the store answered, else why not (no credentials). */
  store(): Promise<string | undefined>;
  slack(): Promise<SlackCheck>;
}

export interface WaitOptions {
  checks: StartupChecks;
  logger: { warn(message: string): void; info(message: string): void };
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Pauses between rounds; the last repeats. */
  delaysMs?: readonly number[];
  /** Called with the current problem (undefined once everything answers), for /readyz. */
  onProblem?(problem: string | undefined): void;
  /** Aborting stops the wait (e.g. SIGTERM while Slack is down). */
  signal?: AbortSignal;
}

export type WaitResult = { ready: true } | { ready: false; refused: string } | { ready: false; stopped: true };

export const DEFAULT_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000] as const;

export async function waitUntilReachable(options: WaitOptions): Promise<WaitResult> {
  const delays = options.delaysMs ?? DEFAULT_DELAYS_MS;
  let logged: string | undefined;
  for (let round = 0; ; round++) {
    if (options.signal?.aborted) return { ready: false, stopped: true };
    const [store, slack] = await Promise.all([options.checks.store(), options.checks.slack()]);
    if (!slack.ok && 'refused' in slack) return { ready: false, refused: slack.refused };
    const problems: string[] = [];
    if (!slack.ok) problems.push(`Slack does not answer (SLACK_API_URL): ${slack.unreachable}`);
    if (store !== undefined) problems.push(`the store does not answer (STORE_URL): ${store}`);
    if (problems.length === 0) {
      options.onProblem?.(undefined);
      if (logged !== undefined) options.logger.info('Slack and the store answer now; starting.');
      return { ready: true };
    }
    const problem = problems.join('; ');
    options.onProblem?.(problem);
    const delay = delays[Math.min(round, delays.length - 1)] ?? 1_000;
    // One line per kind of problem, not per round: the reason text may vary from one attempt to the next.
    const kind = `${slack.ok}|${store === undefined}`;
    if (logged !== kind) {
      options.logger.warn(
        `Waiting before start-up: ${problem}. Retrying until both answer; /readyz says 503 meanwhile.`,
      );
      logged = kind;
    }
    await options.sleep(delay, options.signal);
  }
}

/**
 * One look at Slack: `auth.test` with the bot token (single-workspace install), else `api.test`. An answer from
 * Slack that refuses the token is `refused`; no answer at all (network, time-out, 5xx) is `unreachable`.
 */
export async function checkSlack(apiUrl: string, botToken: string | undefined, logger?: Logger): Promise<SlackCheck> {
  // No retries here: the start-up loop retries, and logs once instead of once per attempt.
  const client = new WebClient(undefined, {
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    timeout: 10_000,
    ...(logger && { logger }),
  });
  try {
    if (botToken !== undefined) await client.auth.test({ token: botToken });
    else await client.api.test();
    return { ok: true };
  } catch (error) {
    const code = (error as { code?: string; data?: { error?: string } }).data?.error;
    if (code !== undefined) {
      return botToken !== undefined ? { ok: false, refused: code } : { ok: true };
    }
    return { ok: false, unreachable: error instanceof Error ? error.message : String(error) };
  }
}

/** setTimeout as a promise that resolves early when `signal` aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
