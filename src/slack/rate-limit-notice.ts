// Omni's clients are shared by every request of a workspace, but a rate-limit wait is felt by the person whose
// request is waiting. The request that wants to tell its person runs its Omni work inside withRateLimitNotice;
// the client's onRateLimitWait finds that request's listener through the async context the call runs in.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PacingWait, RateLimitWait } from '../omni/client.js';

type Listener = (wait: RateLimitWait) => unknown;

const listeners = new AsyncLocalStorage<Listener>();

/** Runs `work`; any Omni rate-limit wait inside it is told to `listener` first (its failures are only logged). */
export function withRateLimitNotice<T>(
  listener: Listener,
  work: () => Promise<T>,
  log: (message: string) => void = () => {},
): Promise<T> {
  const safe: Listener = (wait) => {
    Promise.resolve()
      .then(() => listener(wait))
      .catch((error: unknown) => log(`Could not tell the person about Omni's rate-limit wait: ${String(error)}`));
  };
  return listeners.run(safe, work);
}

/** The OmniClient's onRateLimitWait: tells the waiting request, when it asked to be told. */
export function announceRateLimitWait(wait: RateLimitWait): void {
  void listeners.getStore()?.(wait);
}

const pacingListeners = new AsyncLocalStorage<(wait: PacingWait) => unknown>();

/**
 * Runs `work`; a wait of its Omni calls for their turn under the connection's calls-a-minute (the app's own
 * pacing, no 429) is told to `listener`, e.g. to show "Asking Omni… (about 12 s …)" at once.
 */
export function withPacingNotice<T>(listener: (wait: PacingWait) => unknown, work: () => Promise<T>): Promise<T> {
  return pacingListeners.run(listener, work);
}

/** The OmniClient's onPacingWait: tells the waiting request, when it asked to be told. */
export function announcePacingWait(wait: PacingWait): void {
  try {
    pacingListeners.getStore()?.(wait);
  } catch {
    // Telling is a nicety; the call goes on.
  }
}

/** What the person reads while the app waits for Omni's rate limit. */
export function rateLimitWaitText(wait: Pick<RateLimitWait, 'waitMs'>): string {
  const seconds = Math.max(1, Math.ceil(wait.waitMs / 1000));
  return `:hourglass_flowing_sand: Omni asked us to slow down; retrying in ${seconds} s. Nothing is lost meanwhile.`;
}
