// Follow records: an email schedule that follows a Slack channel or user group, and which recipients the
// follow itself added (only those are ever removed by it, so people added by hand always stay).
import { emailKey } from '../recipients/types.js';
import type { TtlCache } from '../store/index.js';
import { KEEP_MS } from './types.js';

export type FollowSource = { kind: 'channel' | 'usergroup'; id: string };

export interface FollowRecord {
  scheduleId: string;
  source: FollowSource;
  /** When the follow started (ISO 8601) and the Slack user who started it. */
  since: string;
  by: string;
  /** Lower-cased email → the Slack user it came from: recipients this follow added to Omni. */
  added: Record<string, string>;
  /** When the last reconcile finished (ISO 8601). */
  reconciledAt: string | null;
}

export class FollowStore {
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly cache: TtlCache) {}

  get(workspace: string, scheduleId: string): Promise<FollowRecord | undefined> {
    return this.cache.get<FollowRecord>(recordKey(workspace, scheduleId));
  }

  async save(workspace: string, record: FollowRecord): Promise<void> {
    const normalized = {
      ...record,
      added: Object.fromEntries(Object.entries(record.added).map(([email, user]) => [emailKey(email), user])),
    };
    await this.cache.set(recordKey(workspace, record.scheduleId), normalized, KEEP_MS);
    await this.changeList(workspace, (list) => {
      list[record.scheduleId] = record.source;
    });
  }

  /** Ends a follow; Omni's recipients stay as they are. */
  async delete(workspace: string, scheduleId: string): Promise<boolean> {
    const existed = await this.cache.delete(recordKey(workspace, scheduleId));
    await this.changeList(workspace, (list) => {
      delete list[scheduleId];
    });
    return existed;
  }

  /** Every follow of the workspace: schedule id → what it follows. */
  async list(workspace: string): Promise<Record<string, FollowSource>> {
    return (await this.cache.get<Record<string, FollowSource>>(listKey(workspace))) ?? {};
  }

  /** The schedules following a channel or group. */
  async following(workspace: string, sourceId: string): Promise<string[]> {
    return Object.entries(await this.list(workspace))
      .filter(([, source]) => source.id === sourceId)
      .map(([id]) => id);
  }

  private changeList(workspace: string, change: (list: Record<string, FollowSource>) => void): Promise<void> {
    const next = this.lock.then(async () => {
      const list = await this.list(workspace);
      change(list);
      await this.cache.set(listKey(workspace), list, KEEP_MS);
    });
    this.lock = next.catch(() => undefined);
    return next;
  }
}

function recordKey(workspace: string, scheduleId: string): string {
  return `follow:${workspace}:${scheduleId}`;
}

function listKey(workspace: string): string {
  return `follows:${workspace}`;
}
