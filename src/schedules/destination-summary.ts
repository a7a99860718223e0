// Exactly where a schedule delivers, as data a card can render: the channel or people, the webhook's
// host, the SFTP server and folder, the S3 bucket. Never a secret: a webhook URL's path and query often
// carry its token, and an SFTP address may embed a user and password, so only host names leave here;
// SFTP passwords and S3 role ARNs are never read. Pure: reads Omni's GET-one answer (and, when the caller
// has it, GET …/recipients).
import type { ScheduleDetail, ScheduleRecipients } from '../omni/index.js';

export interface EmailPerson {
  email: string;
  /** Null for an email-only user or when Omni does not say. */
  name: string | null;
}

export type DestinationSummary =
  | { kind: 'email'; people: EmailPerson[]; groupCount: number }
  | { kind: 'slack-channel'; channelId: string | null }
  | { kind: 'slack-dm'; userIds: string[] }
  /** `host` is `hooks.example.com` or `hooks.example.com:8443`; null when Omni's URL does not parse. */
  | { kind: 'webhook'; host: string | null }
  | { kind: 'sftp'; host: string | null; port: number | null; path: string | null }
  | { kind: 's3'; bucket: string | null; region: string | null; keyPrefix: string | null }
  /** A destination this app does not describe (e.g. `google_sheets`), or none: `type` is Omni's word or ''. */
  | { kind: 'other'; type: string };

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

export function summarizeDestination(detail: ScheduleDetail, recipients?: ScheduleRecipients): DestinationSummary {
  const destination = detail.destinations[0];
  const meta: Loose = isObject(destination?.metadata) ? destination.metadata : {};
  const type = text(meta.type) ?? recipients?.type ?? '';
  switch (type) {
    case 'email':
      return emailSummary(detail, recipients);
    case 'slack': {
      const listed = recipients?.type === 'slack' ? recipients.recipients : [];
      const recipientType = text(meta.slackRecipientType) ?? text(meta.recipientType) ?? listed[0]?.recipientType;
      const ids = slackIds(meta.recipients) ?? listed.map((r) => r.slackId);
      if (recipientType === 'channel') return { kind: 'slack-channel', channelId: ids[0] ?? null };
      if (recipientType === 'users') return { kind: 'slack-dm', userIds: ids };
      // Omni did not say which; ids still tell: channels start with C or G, people with U or W.
      if (ids.length > 0 && ids.every((id) => /^[UW]/.test(id))) return { kind: 'slack-dm', userIds: ids };
      return { kind: 'slack-channel', channelId: ids[0] ?? null };
    }
    case 'webhook': {
      const url = text(meta.url) ?? text(meta.webhookUrl) ?? (recipients?.type === 'webhook' ? recipients.url : null);
      return { kind: 'webhook', host: url === null ? null : hostOf(url) };
    }
    case 'sftp': {
      const listed = recipients?.type === 'sftp' ? recipients : undefined;
      const address = text(meta.address) ?? text(listed?.address);
      const port = portOf(meta.port ?? listed?.port);
      return { kind: 'sftp', host: address === null ? null : sftpHost(address), port, path: text(meta.path) };
    }
    case 's3':
      return {
        kind: 's3',
        bucket: text(meta.bucketName),
        region: text(meta.region),
        keyPrefix: text(meta.keyPrefix),
      };
    default:
      return { kind: 'other', type };
  }
}

function emailSummary(detail: ScheduleDetail, recipients?: ScheduleRecipients): DestinationSummary {
  const byEmail = new Map<string, EmailPerson>();
  const add = (email: string | null | undefined, name: string | null | undefined) => {
    const address = text(email);
    if (address === null) return;
    const key = address.toLowerCase();
    const known = byEmail.get(key);
    byEmail.set(key, { email: known?.email ?? address, name: known?.name ?? text(name) });
  };
  for (const r of detail.destinations[0]?.recipients ?? []) add(r.membership?.user.email, r.membership?.user.name);
  if (recipients?.type === 'email') {
    // GET …/recipients names an email-only user by their address; that is no name.
    for (const r of recipients.recipients) add(r.email, r.emailOnly || r.name === r.email ? null : r.name);
  }
  const groupCount = Math.max(
    detail.destinations[0]?.userGroupRecipients.length ?? 0,
    recipients?.type === 'email' ? recipients.userGroupRecipients.length : 0,
  );
  return { kind: 'email', people: [...byEmail.values()], groupCount };
}

/** Slack channel or user ids as Omni holds them: a comma-separated string or a list. */
export function slackIds(value: unknown): string[] | undefined {
  if (typeof value === 'string' && value.trim() !== '')
    return value
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
  if (Array.isArray(value)) return value.filter((id): id is string => typeof id === 'string' && id !== '');
  return undefined;
}

/** The host (and a port that is not the scheme's default) of a URL; never its user, path or query. */
function hostOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host === '' ? null : parsed.host;
  } catch {
    return null;
  }
}

/** `sftp.example.com`, `sftp://user:pw@sftp.example.com:2222/x` or `user@host` → the host name alone. */
function sftpHost(address: string): string | null {
  if (address.includes('://')) {
    try {
      return new URL(address).hostname || null;
    } catch {
      return null;
    }
  }
  const afterUser = address.slice(address.lastIndexOf('@') + 1);
  const host = afterUser.split('/')[0]?.replace(/:\d+$/, '') ?? '';
  return host === '' ? null : host;
}

function portOf(value: unknown): number | null {
  const port = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : null;
}

/** One of a schedule's destinations: its format and exactly where it goes. */
export interface DestinationPlace {
  format: string | null;
  summary: DestinationSummary;
}

/**
 * Every destination of a GET-one answer, in Omni's order (a schedule may have several). `recipients`
 * (GET …/recipients) only ever describes the first, so it is used for that one alone.
 */
export function summarizeDestinations(detail: ScheduleDetail, recipients?: ScheduleRecipients): DestinationPlace[] {
  return detail.destinations.map((destination, index) => ({
    format: destination.format,
    summary: summarizeDestination({ ...detail, destinations: [destination] }, index === 0 ? recipients : undefined),
  }));
}
