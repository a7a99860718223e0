// The recipient index: for every email schedule of a workspace, the addresses it delivers to, because
// Omni's schedule search cannot look at recipients. Stored as a catalogue (what the last list of Omni's
// schedules showed) plus the recipients in shards by schedule id, so recording one schedule rewrites a
// small part, and answering "what does alice@ receive" reads a fixed number of values.
import { createHash } from 'node:crypto';
import { emailKey } from '../recipients/types.js';
import type { RecipientIndex } from '../schedules/list-plan.js';
import type { TtlCache } from '../store/index.js';
import { KEEP_MS } from './types.js';

export const SHARDS = 32;

/** A schedule as the list showed it. */
export interface CatalogueEntry {
  name: string;
  ownerId: string | null;
  /** Omni's `recipientCount` in the list: a change means the recipients must be read again. */
  recipientCount: number;
}

export interface Catalogue {
  schedules: Record<string, CatalogueEntry>;
  /** When the list was last read (ISO 8601). */
  listedAt: string | null;
  /** When a pass last finished reading every schedule it had to (ISO 8601). */
  asOf: string | null;
  /** When a pass last re-read every schedule whatever the list said (ISO 8601). */
  lastFullPassAt: string | null;
  /** The pass under way: schedule ids to read, in order (the crawl job checkpoints its position in it). */
  pass: { id: string; ids: string[]; full: boolean } | null;
}

/** The recipients of one schedule when it was last read. */
export interface IndexedRecipients {
  /** Lower-cased addresses, including members of Omni user groups on the schedule. */
  emails: string[];
  /** `recipientCount` at the time (what the list is compared with). */
  recipientCount: number;
  readAt: string;
}

type Shard = Record<string, IndexedRecipients>;

export interface Delivering {
  scheduleIds: ReadonlySet<string>;
  /** Each schedule found, with the name and owner the list showed. */
  schedules: { id: string; name: string; ownerId: string | null }[];
  /** When the index was last brought up to date; null before the first pass finished. */
  asOf: string | null;
  /** False while some listed schedule has never been read. */
  complete: boolean;
}

export function emptyCatalogue(): Catalogue {
  return { schedules: {}, listedAt: null, asOf: null, lastFullPassAt: null, pass: null };
}

export function shardOf(scheduleId: string): number {
  return createHash('sha256').update(scheduleId).digest().readUInt32BE(0) % SHARDS;
}

export class RecipientIndexStore {
  /** Serialises read-modify-write of shards and catalogues in this process (one crawl per workspace runs at a time). */
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly cache: TtlCache) {}

  async catalogue(workspace: string): Promise<Catalogue> {
    return (await this.cache.get<Catalogue>(catalogueKey(workspace))) ?? emptyCatalogue();
  }

  saveCatalogue(workspace: string, catalogue: Catalogue): Promise<void> {
    return this.cache.set(catalogueKey(workspace), catalogue, KEEP_MS);
  }

  async recipients(workspace: string, scheduleId: string): Promise<IndexedRecipients | undefined> {
    return (await this.shard(workspace, shardOf(scheduleId)))[scheduleId];
  }

  /** Every schedule's recipients as last read (for the crawl, which compares them with the list). */
  async all(workspace: string): Promise<Map<string, IndexedRecipients>> {
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, n) => this.shard(workspace, n)));
    return new Map(shards.flatMap((shard) => Object.entries(shard)));
  }

  /** Records a schedule's recipients as just read from Omni. */
  record(workspace: string, scheduleId: string, entry: IndexedRecipients): Promise<void> {
    return this.changeShard(workspace, scheduleId, (shard) => {
      shard[scheduleId] = { ...entry, emails: [...new Set(entry.emails.map(emailKey))].sort() };
    });
  }

  /**
   * Applies a change this app just made in Omni (offboarding, a follow), so the index stays right until the
   * next read. A schedule never read stays unread: the crawl will read it whole.
   */
  applyChange(workspace: string, scheduleId: string, change: { added?: string[]; removed?: string[] }): Promise<void> {
    return this.changeShard(workspace, scheduleId, (shard) => {
      const entry = shard[scheduleId];
      if (!entry) return;
      const emails = new Set(entry.emails);
      const before = emails.size;
      for (const email of change.added ?? []) emails.add(emailKey(email));
      for (const email of change.removed ?? []) emails.delete(emailKey(email));
      // Omni's recipientCount moves by the same amount, so the next list does not look like someone else's edit.
      const recipientCount = entry.recipientCount + (emails.size - before);
      shard[scheduleId] = { ...entry, emails: [...emails].sort(), recipientCount };
    });
  }

  forget(workspace: string, scheduleIds: readonly string[]): Promise<void> {
    const byShard = new Map<number, string[]>();
    for (const id of scheduleIds) byShard.set(shardOf(id), [...(byShard.get(shardOf(id)) ?? []), id]);
    return this.serial(async () => {
      for (const [n, ids] of byShard) {
        const shard = await this.shard(workspace, n);
        for (const id of ids) delete shard[id];
        await this.cache.set(shardKey(workspace, n), shard, KEEP_MS);
      }
    });
  }

  /** The schedules that deliver to `email`, as the index last saw them. */
  async deliveringTo(workspace: string, email: string): Promise<Delivering> {
    const key = emailKey(email);
    const catalogue = await this.catalogue(workspace);
    const read = await this.all(workspace);
    const schedules: Delivering['schedules'] = [];
    let unread = 0;
    for (const [id, listed] of Object.entries(catalogue.schedules)) {
      const entry = read.get(id);
      if (!entry) {
        unread += 1;
        continue;
      }
      if (entry.emails.includes(key)) schedules.push({ id, name: listed.name, ownerId: listed.ownerId });
    }
    schedules.sort((a, b) => a.name.localeCompare(b.name));
    return {
      scheduleIds: new Set(schedules.map((s) => s.id)),
      schedules,
      asOf: catalogue.asOf,
      complete: catalogue.asOf !== null && unread === 0,
    };
  }

  /** The schedules the list showed as owned by `ownerId` (an Omni user id). */
  async ownedBy(workspace: string, ownerId: string): Promise<{ id: string; name: string }[]> {
    const catalogue = await this.catalogue(workspace);
    return Object.entries(catalogue.schedules)
      .filter(([, entry]) => entry.ownerId === ownerId)
      .map(([id, entry]) => ({ id, name: entry.name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  private async shard(workspace: string, n: number): Promise<Shard> {
    return (await this.cache.get<Shard>(shardKey(workspace, n))) ?? {};
  }

  private changeShard(workspace: string, scheduleId: string, change: (shard: Shard) => void): Promise<void> {
    const n = shardOf(scheduleId);
    return this.serial(async () => {
      const shard = await this.shard(workspace, n);
      change(shard);
      await this.cache.set(shardKey(workspace, n), shard, KEEP_MS);
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.lock.then(work);
    this.lock = next.catch(() => undefined);
    return next;
  }
}

/** The hook `/schedule list receiving` uses. Before the first pass, `asOf` says "never" in words. */
export function workspaceRecipientIndex(store: RecipientIndexStore, workspace: string): RecipientIndex {
  return {
    async schedulesDeliveringTo(email) {
      const found = await store.deliveringTo(workspace, email);
      return {
        scheduleIds: found.scheduleIds,
        asOf: found.asOf ?? 'never: the first look through every schedule has not finished',
        complete: found.complete,
      };
    },
  };
}

function catalogueKey(workspace: string): string {
  return `index:${workspace}:catalogue`;
}

function shardKey(workspace: string, n: number): string {
  return `index:${workspace}:shard:${n}`;
}
