// What the schedule form keeps in the view's private_metadata between renders. Only non-secret state:
// never the SFTP password (it lives in the view's own input state until submitted) nor any API key.
import { DESTINATION_KINDS, DRAFT_FORMATS } from '../../schedules/draft.js';
import type { KeptFormat } from '../../schedules/draft-formats.js';

export type FormMode = 'create' | 'edit' | 'duplicate';

export interface FormMetadata {
  mode: FormMode;
  /** Edit: the schedule being changed. Duplicate: the one copied. */
  scheduleId?: string;
  /** The channel the form was opened from: the default Slack destination and where the result is posted. */
  channelId?: string;
  /** The name the form filled in itself; it follows the dashboard and timing until the person types their own. */
  autoName?: string;
  /** Bumped whenever the suggested name changes, so Slack shows it instead of what the input held. */
  nameRev?: number;
  /** The dashboard the form last showed (its filters, tiles and name); a different one in the state means it changed. */
  identifier?: string;
  /** The chosen dashboard's name (its id is in the form's state). */
  dashboardName?: string;
  /** Edit: the schedule's own format where the app would not offer it for its destination (kept available). */
  keptFormat?: KeptFormat;
  /** Edit of an SFTP schedule: Omni holds a password, so an empty one keeps it. */
  passwordOnFile?: boolean;
  /** Edit or duplicate: a pick was stored for the schedule, but its recipients changed since (addresses shown). */
  pickOutdated?: boolean;
}

const MAX = 3000;
const MODES: readonly FormMode[] = ['create', 'edit', 'duplicate'];

/** JSON under Slack's 3,000-character limit (names are shortened first if ever needed). */
export function encodeFormMetadata(meta: FormMetadata): string {
  const json = JSON.stringify(meta);
  if (json.length <= MAX) return json;
  return JSON.stringify({
    ...meta,
    autoName: meta.autoName?.slice(0, 200),
    dashboardName: meta.dashboardName?.slice(0, 200),
  });
}

/** Reads what encodeFormMetadata wrote; anything else (a forged or stale view) reads as a plain create. */
export function decodeFormMetadata(raw: string | undefined): FormMetadata {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw ?? '');
  } catch {
    return { mode: 'create' };
  }
  if (typeof parsed !== 'object' || parsed === null) return { mode: 'create' };
  const value = parsed as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' ? (value[key] as string) : undefined);
  const mode = MODES.find((m) => m === value.mode) ?? 'create';
  const meta: FormMetadata = { mode };
  for (const key of ['scheduleId', 'channelId', 'autoName', 'identifier', 'dashboardName'] as const) {
    const v = text(key);
    if (v !== undefined) meta[key] = v;
  }
  if (value.passwordOnFile === true) meta.passwordOnFile = true;
  if (value.pickOutdated === true) meta.pickOutdated = true;
  const kept = value.keptFormat as { kind?: unknown; format?: unknown } | undefined;
  const kind = DESTINATION_KINDS.find((k) => k === kept?.kind);
  const format = DRAFT_FORMATS.find((f) => f === kept?.format);
  if (kind && format) meta.keptFormat = { kind, format };
  if (typeof value.nameRev === 'number' && Number.isInteger(value.nameRev)) meta.nameRev = value.nameRev;
  return meta;
}
