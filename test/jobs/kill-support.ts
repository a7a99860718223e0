// What the Omni sandbox received, for the tests that kill a job's process and count what was sent twice.
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';

/** How many times the sandbox received each email in a bulk email-only upsert it accepted, or in an add. */
export function receivedCounts(sandbox: OmniSandbox, path: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of sandbox.state.requests) {
    if (!path.test(request.path) || request.status >= 300) continue;
    const body = request.body as { users?: Array<{ email: string }>; emails?: string[] } | undefined;
    const emails = [...(body?.users ?? []).map((u) => u.email), ...(body?.emails ?? [])];
    for (const email of emails) counts.set(email, (counts.get(email) ?? 0) + 1);
  }
  return counts;
}

export const EMAIL_ONLY = /\/users\/email-only\/bulk$/;
export const ADD = /\/add-recipients$/;
