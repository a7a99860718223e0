// A dashboard named by its identifier (`12db1a0a`) or by an Omni URL
// (https://<org>.omniapp.co/dashboards/12db1a0a, also …/dashboards/12db1a0a/schedules/<uuid>).
// Slack wraps pasted links as `<url>` or `<url|label>`. Pure: no Slack or Omni calls.

export type DashboardRef = { ok: true; identifier: string } | { ok: false; error: string };

// Omni identifiers seen: `12db1a0a`, `dashboard-abc123`; letters, digits, `-` and `_`.
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const URL_IN_TEXT = /<(https?:\/\/[^>|]+)(?:\|[^>]*)?>|(https?:\/\/\S+)/gi;

/** Turns what someone typed or pasted into a dashboard identifier, or says why it is not one. */
export function parseDashboardRef(input: string | undefined): DashboardRef {
  const text = (input ?? '').trim().replace(/^<(.+?)(?:\|[^>]*)?>$/, '$1');
  if (text === '') return { ok: false, error: 'Give a dashboard: its id (e.g. 12db1a0a) or its Omni URL.' };
  if (/^https?:\/\//i.test(text)) {
    const identifier = identifierFromUrl(text);
    return identifier
      ? { ok: true, identifier }
      : {
          ok: false,
          error: 'That URL does not point at an Omni dashboard (it should contain /dashboards/ and the id).',
        };
  }
  if (IDENTIFIER.test(text)) return { ok: true, identifier: text };
  return { ok: false, error: `"${text.slice(0, 60)}" is not a dashboard id or URL.` };
}

/** The identifier in an Omni dashboard URL, or undefined. */
export function identifierFromUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const at = segments.indexOf('dashboards');
  const candidate = at === -1 ? undefined : decodeURIComponent(segments[at + 1] ?? '');
  return candidate && IDENTIFIER.test(candidate) ? candidate : undefined;
}

/** The first Omni dashboard linked in a message's text (for the message shortcut), or undefined. */
export function findDashboardLink(messageText: string): string | undefined {
  for (const match of messageText.matchAll(URL_IN_TEXT)) {
    const identifier = identifierFromUrl(match[1] ?? match[2] ?? '');
    if (identifier) return identifier;
  }
  return undefined;
}
