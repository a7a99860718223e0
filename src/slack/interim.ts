// Never silent: when an answer is not ready after `INTERIM_AFTER_MS` (Omni slow, paced or rate-limited),
// post a short "Asking Omni…" line through the response_url, and let the answer replace it in place
// (`replace_original`, which Slack applies to ephemeral messages posted through the same response_url).
import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import { askingOmniText, INTERIM_AFTER_MS } from '../text/asking-omni.js';
import { errorMessage } from './errors.js';

export interface InterimResponder {
  /** Answers; the first answer after the interim line replaces it. */
  respond: RespondFn;
  /** Stops the timer (call when the request is over, whether or not it answered). */
  finish(): Promise<void>;
}

export interface InterimOptions {
  afterMs?: number;
  /** The interim line; `askingOmniText()` unless given. */
  text?: () => string;
}

/**
 * Wraps a response_url `respond` so that an answer slower than `afterMs` is preceded by an interim
 * line, which the first answer then replaces. Answers are sent in order: an answer waits for the
 * interim post in flight, so it can never be overwritten by it.
 */
export function interimResponder(respond: RespondFn, logger: Logger, options: InterimOptions = {}): InterimResponder {
  let answered = false;
  let interim: Promise<boolean> | undefined;
  let replaceNext = false;
  const timer = setTimeout(() => {
    if (answered) return;
    interim = respond({ response_type: 'ephemeral', text: (options.text ?? askingOmniText)() }).then(
      () => true,
      (error: unknown) => {
        logger.warn(`Could not post the interim line: ${errorMessage(error)}`);
        return false;
      },
    );
  }, options.afterMs ?? INTERIM_AFTER_MS);
  timer.unref?.();

  const wrapped = (async (message: string | RespondArguments) => {
    answered = true;
    clearTimeout(timer);
    if (interim) {
      replaceNext = await interim;
      interim = undefined;
    }
    const body: RespondArguments = typeof message === 'string' ? { text: message } : message;
    if (!replaceNext) return respond(body);
    replaceNext = false;
    return respond({ ...body, replace_original: true });
  }) as RespondFn;

  return {
    respond: wrapped,
    async finish() {
      answered = true;
      clearTimeout(timer);
      // Nothing answered after the interim line went out (e.g. a modal opened): take the line away.
      if (interim && (await interim)) {
        interim = undefined;
        await respond({ delete_original: true }).catch((error: unknown) =>
          logger.warn(`Could not remove the interim line: ${errorMessage(error)}`),
        );
      }
    },
  };
}
