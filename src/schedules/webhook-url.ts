// The rule for a webhook destination's URL: the same as for an Omni URL (src/net/host-policy.ts), since
// a URL typed into the form must not aim deliveries at a machine on a private network. Omni makes the
// POST from its own network, so names are not resolved here (the app's resolver would answer for the
// wrong network); address literals, localhost names and the scheme are judged.
import { checkHostLiteral, DEVELOPMENT_HOST_POLICY, type HostPolicy } from '../net/host-policy.js';

/** The rule in a line, for the form to show under the field. */
export const WEBHOOK_URL_RULE =
  "https:// to a public server; loopback, private and link-local addresses and plain http only for hosts in the server's OMNI_ALLOWED_HOSTS.";

/** What is wrong with a webhook URL, or undefined when Omni may be given it. */
export function webhookUrlProblem(raw: string, hosts: HostPolicy = DEVELOPMENT_HOST_POLICY): string | undefined {
  const text = raw.trim();
  if (text === '') return 'Type the URL Omni should POST to.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not a URL. It must start with https://.`;
  }
  if (url.username || url.password) {
    return 'The webhook URL must not contain a user name or password.';
  }
  const verdict = checkHostLiteral(url, hosts);
  return verdict.ok ? undefined : verdict.reason.replace(/^The URL/, 'The webhook URL');
}
