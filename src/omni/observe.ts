// A hook for what each HTTP attempt against Omni did (method, path, status, time), so that the process can log
// one line per call and count calls and 429s without the client knowing about logs or metrics. One observer
// per process, set at start-up; none by default (tests and the sandbox tools observe nothing).

export interface OmniCallObservation {
  /** The organization's base URL (no key). */
  baseUrl: string;
  method: string;
  /** From the org root, without the query string (which can hold an email), e.g. `/api/v1/schedules/<id>`. */
  path: string;
  /** undefined when no answer came (time-out or network failure). */
  status: number | undefined;
  /** Wall time of this attempt. */
  ms: number;
  /** 1 for the first attempt, 2 for the first retry… */
  attempt: number;
}

export type OmniCallObserver = (call: OmniCallObservation) => void;

let observer: OmniCallObserver | undefined;

/** Installs (or, with undefined, removes) the process's observer; returns the previous one. */
export function setOmniCallObserver(next: OmniCallObserver | undefined): OmniCallObserver | undefined {
  const previous = observer;
  observer = next;
  return previous;
}

/** Reports one attempt. An observer that throws must not fail the call it watches. */
export function reportOmniCall(call: OmniCallObservation): void {
  if (!observer) return;
  try {
    observer(call);
  } catch (error) {
    // Logging or counting failed; the Omni call itself did not, so it goes on. Say so where someone looks.
    process.stderr.write(`Omni call observer failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
}
