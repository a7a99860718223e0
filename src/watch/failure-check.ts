// One check of one workspace: ask Omni only for failing schedules (list `status=error`, pages of 100), announce
// each new failed run once, and mark alerts whose schedule no longer fails as recovered, in place.
// Announce-once: a claim on (workspace, schedule, failed run) is taken BEFORE posting and never released, so
// a second replica or a restart skips it; a crash between claim and post loses that one alert, never doubles it.
import type { Claims } from '../coordination/claims.js';
import type { OmniClient } from '../omni/client.js';
import { OmniApiError } from '../omni/errors.js';
import type { ScheduleRecord } from '../omni/schemas/schedules.js';
import type { MessageRef, OpenAlert, WatchRecords } from './records.js';
import { RECORD_TTL_MS } from './records.js';

/** What the check needs from Omni (the client's methods, narrowed so tests can count the calls). */
export interface FailureSource {
  listSchedules(query: {
    status: 'error';
    pageSize: number;
    cursor?: string;
  }): Promise<{ records: ScheduleRecord[]; pageInfo: { hasNextPage: boolean; nextCursor: string | null } }>;
  /** Current state of one schedule that left the failing list; `undefined` when it was deleted. */
  scheduleStatus(scheduleId: string): Promise<{ lastStatus: string | null; name: string } | undefined>;
}

export interface AlertView {
  scheduleId: string;
  scheduleName: string;
  reason: string;
  state: 'failing' | 'recovered' | 'deleted';
}

/** Slack side, wired by the app: post a card, update it, find the owner's Slack person. */
export interface AlertPoster {
  post(channel: string, alert: AlertView): Promise<MessageRef>;
  /** Opens the DM with the person and posts there. */
  dm(userId: string, alert: AlertView): Promise<MessageRef>;
  update(message: MessageRef, alert: AlertView): Promise<void>;
  /** The Slack person whose email is the Omni owner's, if any. */
  ownerSlackUser(ownerId: string): Promise<string | undefined>;
}

const PAGE_SIZE = 100;
const FAILED = new Set(['ERROR', 'ERROR_DELIVERED']);

export function failureReason(record: Pick<ScheduleRecord, 'lastStatus' | 'systemDisabledReason'>): string {
  if (record.systemDisabledReason === 'missingQuery') return 'Omni disabled it: a query it sends no longer exists';
  if (record.systemDisabledReason === 'noAccess') return 'Omni disabled it: its owner lost access to the content';
  if (record.systemDisabledReason === 'orphanedFilterConfigKeys')
    return 'Omni disabled it: it uses filters the dashboard no longer has';
  if (record.lastStatus === 'ERROR_DELIVERED') return 'The last run failed after delivering part of it';
  return 'The last run failed';
}

export interface CheckResult {
  omniCalls: number;
  announced: string[];
  recovered: string[];
}

export async function checkWorkspace(options: {
  team: string;
  channelId: string;
  source: FailureSource;
  poster: AlertPoster;
  records: WatchRecords;
  claims: Claims;
  now: () => number;
}): Promise<CheckResult> {
  const { team, channelId, source, poster, records, claims, now } = options;
  const result: CheckResult = { omniCalls: 0, announced: [], recovered: [] };
  const failing = new Map<string, ScheduleRecord>();
  let cursor: string | undefined;
  for (;;) {
    const page = await source.listSchedules({ status: 'error', pageSize: PAGE_SIZE, ...(cursor ? { cursor } : {}) });
    result.omniCalls += 1;
    for (const record of page.records) if (isFailing(record)) failing.set(record.id, record);
    if (!page.pageInfo.hasNextPage || page.pageInfo.nextCursor === null || page.pageInfo.nextCursor === cursor) break;
    cursor = page.pageInfo.nextCursor;
  }
  const open = await records.openAlerts(team);
  for (const record of failing.values()) {
    const runKey = record.systemDisabledAt ?? record.lastCompletedAt ?? 'unknown-run';
    if (open[record.id]?.runKey === runKey) continue;
    const claim = await claims.claim(`watch-announce:${team}:${record.id}:${runKey}`, { at: now() }, RECORD_TTL_MS);
    if (!claim.ok) continue;
    const view: AlertView = {
      scheduleId: record.id,
      scheduleName: record.name,
      reason: failureReason(record),
      state: 'failing',
    };
    const messages: MessageRef[] = [await poster.post(channelId, view)];
    const ownerId = record.ownerId;
    const owner = ownerId ? await poster.ownerSlackUser(ownerId) : undefined;
    if (owner && ownerId && !(await records.mutedBy(team, record.id)).includes(owner)) {
      messages.push(await poster.dm(owner, view));
    }
    const alert: OpenAlert = {
      scheduleId: record.id,
      scheduleName: record.name,
      runKey,
      reason: view.reason,
      since: now(),
      messages,
    };
    open[record.id] = alert;
    // Saved after each post, so a failure later in this check keeps the refs needed to update this one.
    await records.setOpenAlerts(team, open);
    result.announced.push(record.id);
  }
  for (const [scheduleId, alert] of Object.entries(open)) {
    if (failing.has(scheduleId)) continue;
    const status = await source.scheduleStatus(scheduleId);
    // Left the error list but not yet run successfully again (e.g. canceled): keep waiting.
    if (status && status.lastStatus !== 'COMPLETE') continue;
    const view: AlertView = {
      scheduleId,
      scheduleName: status?.name ?? alert.scheduleName,
      reason: alert.reason,
      state: status ? 'recovered' : 'deleted',
    };
    for (const message of alert.messages) await poster.update(message, view);
    delete open[scheduleId];
    await records.setOpenAlerts(team, open);
    result.recovered.push(scheduleId);
  }
  return result;
}

function isFailing(record: ScheduleRecord): boolean {
  return record.systemDisabledAt !== null || (record.lastStatus !== null && FAILED.has(record.lastStatus));
}

/** The check's view of a workspace's Omni client. */
export function omniFailureSource(client: OmniClient): FailureSource {
  return {
    listSchedules: (query) => client.listSchedules(query),
    async scheduleStatus(scheduleId) {
      try {
        const detail = await client.getSchedule(scheduleId);
        // The detail carries the last status per destination; one failing destination still fails.
        const statuses = (detail.destinations ?? []).map((d) => d.lastStatus);
        const lastStatus =
          statuses.find((s) => s !== null && FAILED.has(s)) ?? statuses.find((s) => s !== null) ?? null;
        return { lastStatus, name: detail.name };
      } catch (error) {
        if (error instanceof OmniApiError && error.status === 404) return undefined;
        throw error;
      }
    },
  };
}
