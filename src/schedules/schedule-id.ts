// A schedule may be named by its UUID or by its Omni URL (README: The `/schedule` command). Omni's UI shows a schedule at
// https://<org>.omniapp.co/dashboards/<dashboard>/schedules/<uuid>; Slack wraps pasted links as `<url>`
// or `<url|label>`. Pure: no Slack or Omni calls.

export type ScheduleRef = { ok: true; id: string } | { ok: false; error: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/** Turns user input into a schedule UUID (lower-cased), or a one-line reason why it is not one. */
export function parseScheduleRef(input: string | undefined): ScheduleRef {
  const text = unwrapSlackLink((input ?? '').trim());
  if (text === '') return { ok: false, error: 'Give a schedule id: its UUID or its Omni URL.' };
  if (isUuid(text)) return { ok: true, id: text.toLowerCase() };
  if (/^https?:\/\//i.test(text)) return fromUrl(text);
  return {
    ok: false,
    error: `\`${shorten(text)}\` is not a schedule id. Use the schedule's UUID or its Omni URL (it ends in /schedules/ followed by the id).`,
  };
}

function fromUrl(text: string): ScheduleRef {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: `\`${shorten(text)}\` is not a valid URL.` };
  }
  const segments = url.pathname.split('/').filter(Boolean);
  const at = segments.lastIndexOf('schedules');
  const candidate = at === -1 ? undefined : segments[at + 1];
  if (candidate && isUuid(decodeURIComponent(candidate)))
    return { ok: true, id: decodeURIComponent(candidate).toLowerCase() };
  const fromQuery = url.searchParams.get('scheduleId');
  if (fromQuery && isUuid(fromQuery)) return { ok: true, id: fromQuery.toLowerCase() };
  return {
    ok: false,
    error:
      'That URL does not point at a schedule. Open the schedule in Omni and copy its URL (it ends in /schedules/ followed by the id).',
  };
}

/** `<https://x|label>` or `<https://x>` → `https://x`; anything else unchanged. */
function unwrapSlackLink(text: string): string {
  const match = /^<([^|>]+)(?:\|[^>]*)?>$/.exec(text);
  return match ? (match[1] as string) : text;
}

/** For echoing input back: short, and without `<`, `>`, `&` or backticks, which Slack would interpret. */
function shorten(text: string): string {
  const plain = text.replace(/[<>&`]/g, '');
  return plain.length > 60 ? `${plain.slice(0, 57)}…` : plain;
}
