// Recipients that follow a Slack channel or user group. Slack's events (someone joined, left, a group's
// members changed) and a daily reconcile become one job per schedule, keyed by the schedule, so changes to
// one schedule never run at once, on any replica. The rule for who may be removed: only people the follow
// itself added (kept in the follow record). Someone who was already a recipient when they joined, or was
// added by hand, is never removed by the follow; unfollowing keeps everyone as they are.
import type { JobContext, Jobs } from '../jobs/types.js';
import { OmniApiError, type ScheduleRecipients } from '../omni/index.js';
import type { SlackDirectory } from '../recipients/directory.js';
import { resolveRecipients } from '../recipients/resolve.js';
import { emailKey, type RecipientInput, type Skipped } from '../recipients/types.js';
import type { WorkspaceSettings } from '../store/index.js';
import { type FollowRecord, type FollowSource, FollowStore } from './follow-store.js';
import { recipientEmails } from './index-crawl.js';
import { RecipientIndexStore } from './recipient-index.js';
import type { PeopleDeps } from './types.js';

export const FOLLOW_JOB = 'people-follow';

/** How the workspace's Slack is read, and its rules for adding people (the same as `/schedule add`). */
export interface FollowSlack {
  directory: SlackDirectory;
  settings: Pick<WorkspaceSettings, 'includeGuests' | 'includeExternal'>;
  home?: { teamId?: string; enterpriseId?: string };
}

export interface FollowDeps extends PeopleDeps {
  slackFor(workspace: string): Promise<FollowSlack>;
}

export type FollowChange =
  | { type: 'start'; source: FollowSource; by: string }
  | { type: 'joined'; userIds: string[] }
  | { type: 'left'; userIds: string[] }
  | { type: 'reconcile' };

export interface FollowJobData {
  workspace: string;
  scheduleId: string;
  change: FollowChange;
}

export interface FollowOutcome {
  /** Emails added to and removed from Omni. */
  added: string[];
  removed: string[];
  /** People the workspace's rules left out, with the reason `/schedule add` would give. */
  skipped: Skipped[];
  /** True when there is no follow on the schedule (it was unfollowed before this ran). */
  notFollowing?: boolean;
}

export function followKey(workspace: string, scheduleId: string): string {
  return `people-follow:${workspace}:${scheduleId}`;
}

/** The entry points the Slack listeners and commands call; each queues work per following schedule. */
export class FollowEvents {
  private readonly follows: FollowStore;

  constructor(
    private readonly jobs: Jobs,
    deps: Pick<PeopleDeps, 'cache'>,
  ) {
    this.follows = new FollowStore(deps.cache);
  }

  /** Starts a follow: everyone in the source the rules allow is added (reported like `/schedule add`). */
  follow(workspace: string, scheduleId: string, source: FollowSource, by: string) {
    return this.enqueue(workspace, scheduleId, { type: 'start', source, by });
  }

  /** Ends a follow. Omni's recipients stay as they are. */
  unfollow(workspace: string, scheduleId: string): Promise<boolean> {
    return this.follows.delete(workspace, scheduleId);
  }

  followOf(workspace: string, scheduleId: string): Promise<FollowRecord | undefined> {
    return this.follows.get(workspace, scheduleId);
  }

  /** `member_joined_channel`. */
  joined(workspace: string, userId: string, channelId: string) {
    return this.fanOut(workspace, channelId, { type: 'joined', userIds: [userId] });
  }

  /** `member_left_channel` (and a channel's member removed by someone else). */
  left(workspace: string, userId: string, channelId: string) {
    return this.fanOut(workspace, channelId, { type: 'left', userIds: [userId] });
  }

  /**
   * `subteam_members_changed` (Slack sends the ids added and removed). Both changes go in one job per
   * schedule, so their order cannot be swapped.
   */
  async groupChanged(workspace: string, groupId: string, added: string[], removed: string[]) {
    const queued = [];
    if (removed.length > 0) queued.push(...(await this.fanOut(workspace, groupId, { type: 'left', userIds: removed })));
    if (added.length > 0) queued.push(...(await this.fanOut(workspace, groupId, { type: 'joined', userIds: added })));
    return queued;
  }

  /** The daily reconcile: one job per followed schedule. */
  async reconcileAll(workspace: string) {
    const list = await this.follows.list(workspace);
    return Promise.all(Object.keys(list).map((id) => this.enqueue(workspace, id, { type: 'reconcile' })));
  }

  private async fanOut(workspace: string, sourceId: string, change: FollowChange) {
    const ids = await this.follows.following(workspace, sourceId);
    return Promise.all(ids.map((id) => this.enqueue(workspace, id, change)));
  }

  private enqueue(workspace: string, scheduleId: string, change: FollowChange) {
    const data: FollowJobData = { workspace, scheduleId, change };
    return this.jobs.enqueue(FOLLOW_JOB, data, { key: followKey(workspace, scheduleId) });
  }
}

/**
 * Runs one change. Each step writes what it is about to add into the follow record before asking Omni
 * (so a crash in between cannot turn a follow-added person into a hand-added one), and the steps are
 * idempotent: a job run again after a crash adds and removes nobody twice.
 */
export function followHandler(deps: FollowDeps) {
  const follows = new FollowStore(deps.cache);
  const index = new RecipientIndexStore(deps.cache);
  return async (job: JobContext<FollowJobData, never>): Promise<FollowOutcome> => {
    const { workspace, scheduleId, change } = job.data;
    const omni = await deps.omniFor(workspace);
    const slack = await deps.slackFor(workspace);
    const call = async <T>(work: () => Promise<T>): Promise<T> => {
      await deps.pace?.();
      return work();
    };

    let record = await follows.get(workspace, scheduleId);
    if (!record && change.type !== 'start') return { added: [], removed: [], skipped: [], notFollowing: true };
    let recipients: ScheduleRecipients;
    try {
      recipients = await call(() => omni.listRecipients(scheduleId));
    } catch (error) {
      if (!(error instanceof OmniApiError && error.status === 404)) throw error;
      // The schedule was deleted in Omni: nothing left to follow for.
      await follows.delete(workspace, scheduleId);
      return { added: [], removed: [], skipped: [], notFollowing: true };
    }
    if (recipients.type !== 'email') {
      throw new Error(
        `Only email schedules can follow a channel or group: this one delivers by ${recipients.type}, whose recipients Omni does not change`,
      );
    }
    if (change.type === 'start') {
      record = {
        scheduleId,
        source: change.source,
        since: new Date(deps.now()).toISOString(),
        by: change.by,
        added: record?.source.id === change.source.id ? record.added : {},
        reconciledAt: null,
      };
      await follows.save(workspace, record);
    }
    if (!record) return { added: [], removed: [], skipped: [], notFollowing: true };
    const current = new Set(recipientEmails(recipients).map(emailKey));

    // Who should receive: for a join, the people who joined; for a start or reconcile, the whole source.
    let wanted: Map<string, string>;
    let skipped: Skipped[];
    let stillMembers: Set<string> | undefined;
    if (change.type === 'left') {
      wanted = new Map();
      skipped = [];
    } else {
      const inputs: RecipientInput[] =
        change.type === 'joined'
          ? change.userIds.map((id) => ({ kind: 'user', id }))
          : [{ kind: record.source.kind, id: record.source.id }];
      const resolution = await resolveRecipients(inputs, { ...slack, purpose: 'add' });
      wanted = new Map(resolution.recipients.map((r) => [emailKey(r.email), r.slackUserId ?? '']));
      skipped = resolution.skipped;
      if (change.type !== 'joined') {
        const sourceFailed = resolution.skipped.some((s) => s.who.kind !== 'user');
        if (sourceFailed) {
          // The channel or group could not be read: change nobody rather than remove everyone.
          return { added: [], removed: [], skipped };
        }
        // People whose look-up failed may still be members: they are kept, never removed on a guess.
        const unsure = resolution.skipped.filter((s) => s.code === 'lookup_failed' && s.who.kind === 'user');
        stillMembers = new Set([...wanted.values(), ...unsure.map((s) => (s.who.kind === 'user' ? s.who.id : ''))]);
      }
    }

    // Removals: people the follow added who left (or, on a reconcile, who are no longer members).
    const leaving = new Set(change.type === 'left' ? change.userIds : []);
    const toRemove = Object.entries(record.added)
      .filter(([email, userId]) =>
        stillMembers ? !stillMembers.has(userId) && !wanted.has(email) : leaving.has(userId),
      )
      .map(([email]) => email);
    const toAdd = [...wanted.keys()].filter((email) => !current.has(email));

    const added = { ...record.added };
    for (const email of toAdd) added[email] = wanted.get(email) ?? '';
    if (toAdd.length > 0) {
      await follows.save(workspace, { ...record, added });
      await call(() => omni.addRecipients(scheduleId, { emails: toAdd }));
      await index.applyChange(workspace, scheduleId, { added: toAdd });
    }
    const removed = toRemove.filter((email) => current.has(email));
    if (removed.length > 0) {
      await call(() => omni.removeRecipients(scheduleId, { emails: removed }));
      await index.applyChange(workspace, scheduleId, { removed });
    }
    for (const email of toRemove) delete added[email];
    // A follow-added person who is neither wanted nor in Omni any more (removed by hand after leaving) is
    // no longer the follow's to manage. A member removed by hand is added back: the follow mirrors the
    // channel, so keeping someone off means taking them out of the channel, or unfollowing.
    if (stillMembers) {
      for (const email of Object.keys(added)) if (!current.has(email) && !toAdd.includes(email)) delete added[email];
    }
    const latest = await follows.get(workspace, scheduleId);
    if (!latest) return { added: toAdd, removed, skipped }; // unfollowed meanwhile: the record stays gone
    await follows.save(workspace, {
      ...latest,
      added,
      reconciledAt:
        change.type === 'joined' || change.type === 'left' ? latest.reconciledAt : new Date(deps.now()).toISOString(),
    });
    return { added: toAdd, removed, skipped };
  };
}
