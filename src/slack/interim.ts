// Never silent: when an answer is not ready after `INTERIM_AFTER_MS` (Omni slow, paced or rate-limited),
// show a short "Asking Omni…" line where the answer will go, and let the answer replace it in place.
// `startInterim` is the timing and the order, for any place; `interimResponder` is the place of a typed
// command (its response_url: `replace_original`, which Slack applies to ephemeral messages posted through the
// same response_url); a button's card or list page is another (src/slack/schedule-actions/act.ts).
import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import { askingOmniText, INTERIM_AFTER_MS } from '../text/asking-omni.js';
import { errorMessage } from './errors.js';

/** Where an interim line goes. */
export interface InterimPlace {
  /** Shows the line (again, with new words, when called twice). */
  show(text: string): Promise<unknown>;
  /** Puts back what was there: the request ended and nothing answered in the line's place. */
  undo(): Promise<unknown>;
}

export interface Interim {
  /** Shows `text` now (e.g. once the wait for Omni is known), unless the answer is already going out. */
  say(text: string): void;
  /**
   * Call before an answer goes out: no line is shown after it, and a line in flight has arrived. True when
   * a line is showing, so that an answer meant for the same place replaces it (then call `replaced`).
   */
  settle(): Promise<boolean>;
  /** The answer took the line's place: nothing to undo. */
  replaced(): void;
  /** Stops the timer; a line still showing (nothing replaced it) is undone. */
  finish(): Promise<void>;
}

export interface InterimOptions {
  afterMs?: number;
  /** The interim line; `askingOmniText()` unless given. */
  text?: () => string;
}

/**
 * After `afterMs` without an answer, `place.show` the interim line. Lines and answers go out in order: an
 * answer settles first, so a line in flight can never overwrite it.
 */
export function startInterim(place: InterimPlace, logger: Logger, options: InterimOptions = {}): Interim {
  let answering = false;
  let showing = false;
  let shown: Promise<void> = Promise.resolve();
  const show = (text: string) => {
    shown = shown.then(async () => {
      if (answering) return;
      try {
        await place.show(text);
        showing = true;
      } catch (error) {
        logger.warn(`Could not post the interim line: ${errorMessage(error)}`);
      }
    });
  };
  const timer = setTimeout(() => show((options.text ?? askingOmniText)()), options.afterMs ?? INTERIM_AFTER_MS);
  timer.unref?.();
  const stop = async () => {
    answering = true;
    clearTimeout(timer);
    await shown;
  };

  return {
    say(text) {
      if (answering) return;
      clearTimeout(timer);
      show(text);
    },
    async settle() {
      await stop();
      return showing;
    },
    replaced() {
      showing = false;
    },
    async finish() {
      await stop();
      if (!showing) return;
      showing = false;
      await place
        .undo()
        .catch((error: unknown) => logger.warn(`Could not remove the interim line: ${errorMessage(error)}`));
    },
  };
}

/** A wait for the app's own pacing, said on the interim line at once when it is worth saying (1 s or more). */
export function sayPacingWait(interim: Pick<Interim, 'say'>, wait: { waitMs: number }): void {
  if (wait.waitMs >= 1_000) interim.say(askingOmniText({ ms: wait.waitMs, reason: 'pacing' }));
}

export interface InterimResponder {
  /** Answers; the first answer after the interim line replaces it. */
  respond: RespondFn;
  /** Shows the interim line now with these words (e.g. the wait, once known). */
  say(text: string): void;
  /** Stops the timer (call when the request is over, whether or not it answered). */
  finish(): Promise<void>;
}

/**
 * Wraps a response_url `respond` so that an answer slower than `afterMs` is preceded by an interim
 * line, which the first answer then replaces. When nothing answers (e.g. a modal opened), the line is
 * taken away.
 */
export function interimResponder(respond: RespondFn, logger: Logger, options: InterimOptions = {}): InterimResponder {
  let posted = false;
  const interim = startInterim(
    {
      // A second line (the wait became known) replaces the first.
      show: async (text) => {
        await respond(posted ? { replace_original: true, text } : { response_type: 'ephemeral', text });
        posted = true;
      },
      undo: () => respond({ delete_original: true }),
    },
    logger,
    options,
  );
  const wrapped = (async (message: string | RespondArguments) => {
    const showing = await interim.settle();
    const body: RespondArguments = typeof message === 'string' ? { text: message } : message;
    if (!showing) return respond(body);
    interim.replaced();
    return respond({ ...body, replace_original: true });
  }) as RespondFn;
  return { respond: wrapped, say: (text) => interim.say(text), finish: () => interim.finish() };
}
