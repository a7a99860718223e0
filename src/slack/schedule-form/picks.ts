// What was picked for an email schedule in the form (people, channels, user groups, typed entries), kept per
// workspace and schedule so that Edit and Duplicate show the pick again instead of a frozen list of
// addresses. Omni keeps only the addresses; the resolved addresses are kept too, so that a pick is only
// shown while Omni's recipients are still what it resolved to (anyone added or removed since, in Omni or
// with `/schedule add`/`remove`, and the addresses are shown instead, with why).
import type { ScheduleDraft } from '../../schedules/draft.js';
import type { TtlCache } from '../../store/index.js';
import type { AppDeps } from '../deps.js';

/** The store cache namespace of the picks. */
export const FORM_PICKS_CACHE = 'form-picks';
/** A cache entry's life: rewritten at every save, and a schedule not edited in over a year shows its addresses. */
export const PICK_TTL_MS = 400 * 24 * 60 * 60_000;

export interface FormPick {
  /** The People picker's Slack user ids. */
  userIds: string[];
  /** The Channels picker's conversation ids. */
  channelIds: string[];
  /** User groups named under "Other addresses or @groups", resolved to ids (the handles stay in `addresses`). */
  usergroupIds: string[];
  /** "Other addresses or @groups", entry by entry as typed. */
  addresses: string[];
  /** The addresses Omni was sent for this pick, lower-cased and sorted. */
  emails: string[];
  /** Who saved it (a Slack user id) and when (ISO 8601). */
  by: string;
  savedAt: string;
}

export class PickStore {
  constructor(private readonly cache: TtlCache) {}

  get(workspace: string, scheduleId: string): Promise<FormPick | undefined> {
    return this.cache.get<FormPick>(pickKey(workspace, scheduleId));
  }

  async save(workspace: string, scheduleId: string, pick: FormPick): Promise<void> {
    await this.cache.set(pickKey(workspace, scheduleId), { ...pick, emails: normalized(pick.emails) }, PICK_TTL_MS);
  }

  async delete(workspace: string, scheduleId: string): Promise<void> {
    await this.cache.delete(pickKey(workspace, scheduleId));
  }
}

function pickKey(workspace: string, scheduleId: string): string {
  return `pick:${workspace}:${scheduleId}`;
}

function normalized(emails: readonly string[]): string[] {
  return [...new Set(emails.map((e) => e.trim().toLowerCase()))].sort();
}

/** Whether Omni's recipients now are exactly the addresses the pick resolved to (any case, any order). */
export function pickStillHolds(pick: Pick<FormPick, 'emails'>, omniEmails: readonly string[]): boolean {
  const now = normalized(omniEmails);
  const then = normalized(pick.emails);
  return now.length === then.length && now.every((email, i) => email === then[i]);
}

/**
 * Edit and Duplicate of an email schedule: the stored pick in place of Omni's addresses when it still
 * holds; `outdated` when a pick is stored but Omni's recipients changed since (the addresses are shown).
 */
export async function withStoredPick(
  picks: Pick<PickStore, 'get'>,
  workspace: string,
  scheduleId: string,
  draft: ScheduleDraft,
): Promise<{ draft: ScheduleDraft; outdated: boolean }> {
  const { destination } = draft;
  if (destination.kind !== 'email') return { draft, outdated: false };
  const pick = await picks.get(workspace, scheduleId);
  if (!pick) return { draft, outdated: false };
  if (!pickStillHolds(pick, destination.addresses)) return { draft, outdated: true };
  return {
    draft: {
      ...draft,
      destination: { ...destination, userIds: pick.userIds, channelIds: pick.channelIds, addresses: pick.addresses },
    },
    outdated: false,
  };
}

export function pickStore(deps: Pick<AppDeps, 'store'>): PickStore {
  return new PickStore(deps.store.cache(FORM_PICKS_CACHE));
}
