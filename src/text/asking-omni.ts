// The interim line shown when Omni's answer is slow, so nobody looks at nothing: after
// `INTERIM_AFTER_MS` without an answer, post it, then replace it with the answer in place.

/** How long an answer may take before the interim line is shown. */
export const INTERIM_AFTER_MS = 1_500;

/**
 * "Asking Omni…", with the wait when it is known: the time the app must hold back to stay within
 * Omni's per-minute limit, or the time Omni said to wait after a 429. Plain text (no markup to escape).
 */
export function askingOmniText(wait?: { ms: number; reason: 'pacing' | 'rate-limited' }): string {
  if (!wait || !Number.isFinite(wait.ms) || wait.ms < 1_000) return 'Asking Omni…';
  const seconds = Math.ceil(wait.ms / 1_000);
  const about = seconds < 90 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
  return wait.reason === 'pacing'
    ? `Asking Omni… (about ${about}: the app keeps within Omni's calls-per-minute limit)`
    : `Asking Omni… (about ${about}: Omni asked the app to wait)`;
}

/** "Saving…" for a modal's submit while Omni answers. */
export const SAVING_TEXT = 'Saving…';
