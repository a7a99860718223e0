// The paced crawl that keeps the recipient index: one list of Omni's email schedules (100 a call), then
// the recipients of each schedule that needs it (one call each), checkpointed after every schedule so a
// crash resumes where it stopped. A schedule is read again only when the list shows a different
// `recipientCount` than when it was last read, or on the full pass (at most once a day), which also
// catches a swap (one person out, another in) that leaves the count unchanged.
import { randomUUID } from 'node:crypto';
import type { JobContext, Jobs } from '../jobs/types.js';
import { OmniApiError, type ScheduleRecipients } from '../omni/index.js';
import { type Catalogue, type CatalogueEntry, RecipientIndexStore } from './recipient-index.js';
import type { PeopleDeps, PeopleOmni } from './types.js';

export const INDEX_CRAWL_JOB = 'people-index-crawl';
/** A full pass re-reads every schedule; at most this often. */
export const FULL_PASS_EVERY_MS = 24 * 3600_000;
/** How often the cheap pass (list, then read what changed) is worth running. */
export const REFRESH_EVERY_MS = 60 * 60_000;
const PAGE_SIZE = 100;

export type IndexCrawlData = { workspace: string };
export type IndexCrawlState = { passId: string; next: number };
export interface IndexCrawlResult {
  listed: number;
  read: number;
  full: boolean;
  /** Schedules that disappeared between the list and their read. */
  gone: number;
  omniCalls: number;
}

export function indexCrawlKey(workspace: string): string {
  return `people-index:${workspace}`;
}

/** Queues a pass for a workspace (one at a time per workspace; a second request joins the queued one). */
export function enqueueIndexCrawl(jobs: Jobs, workspace: string) {
  return jobs.enqueue(INDEX_CRAWL_JOB, { workspace } satisfies IndexCrawlData, { key: indexCrawlKey(workspace) });
}

/** True when the index is older than `REFRESH_EVERY_MS` (or was never built): time for a pass. */
export function crawlDue(catalogue: Catalogue, now: number): boolean {
  return catalogue.asOf === null || now - Date.parse(catalogue.asOf) >= REFRESH_EVERY_MS;
}

/** Every address a schedule delivers to: its recipients and the members of its Omni user groups. */
export function recipientEmails(recipients: ScheduleRecipients): string[] {
  if (recipients.type !== 'email') return [];
  const direct = recipients.recipients.map((r) => r.email);
  const grouped = recipients.userGroupRecipients.flatMap((group) => group.recipients.map((r) => r.email));
  return [...direct, ...grouped];
}

export function indexCrawlHandler(deps: PeopleDeps) {
  const store = new RecipientIndexStore(deps.cache);
  return async (job: JobContext<IndexCrawlData, IndexCrawlState>): Promise<IndexCrawlResult> => {
    const { workspace } = job.data;
    const omni = await deps.omniFor(workspace);
    let calls = 0;
    const call = async <T>(work: () => Promise<T>): Promise<T> => {
      await deps.pace?.();
      calls += 1;
      return work();
    };

    let catalogue = await store.catalogue(workspace);
    let next = 0;
    if (job.state && catalogue.pass?.id === job.state.passId) {
      next = job.state.next;
    } else {
      catalogue = await startPass(store, omni, workspace, catalogue, deps.now(), call);
      await job.checkpoint({ passId: catalogue.pass?.id ?? '', next: 0 });
    }
    const pass = catalogue.pass;
    if (!pass) throw new Error('The recipient index has no pass under way');

    const gone: string[] = [];
    for (let i = next; i < pass.ids.length; i++) {
      const id = pass.ids[i] as string;
      const listed = catalogue.schedules[id] as CatalogueEntry;
      try {
        const recipients = await call(() => omni.listRecipients(id));
        await store.record(workspace, id, {
          emails: recipientEmails(recipients),
          recipientCount: listed.recipientCount,
          readAt: new Date(deps.now()).toISOString(),
        });
      } catch (error) {
        if (!(error instanceof OmniApiError && error.status === 404)) throw error;
        gone.push(id);
      }
      await job.checkpoint({ passId: pass.id, next: i + 1 });
      await job.progress({ done: i + 1, total: pass.ids.length, phase: 'reading recipients' });
    }

    const finished = await store.catalogue(workspace);
    for (const id of gone) delete finished.schedules[id];
    if (gone.length > 0) await store.forget(workspace, gone);
    const at = new Date(deps.now()).toISOString();
    await store.saveCatalogue(workspace, {
      ...finished,
      asOf: at,
      lastFullPassAt: pass.full ? at : finished.lastFullPassAt,
      pass: null,
    });
    return {
      listed: Object.keys(finished.schedules).length,
      read: pass.ids.length,
      full: pass.full,
      gone: gone.length,
      omniCalls: calls,
    };
  };
}

/** Lists every email schedule and decides which to read; saves the pass in the catalogue. */
async function startPass(
  store: RecipientIndexStore,
  omni: PeopleOmni,
  workspace: string,
  previous: Catalogue,
  now: number,
  call: <T>(work: () => Promise<T>) => Promise<T>,
): Promise<Catalogue> {
  const schedules: Record<string, CatalogueEntry> = {};
  let cursor: string | null = '1';
  while (cursor !== null) {
    const page = await call(() =>
      omni.listSchedules({ destination: 'email', pageSize: PAGE_SIZE, cursor: cursor ?? '1' }),
    );
    for (const record of page.records) {
      schedules[record.id] = { name: record.name, ownerId: record.ownerId, recipientCount: record.recipientCount };
    }
    const nextCursor: string | null = page.pageInfo.hasNextPage ? page.pageInfo.nextCursor : null;
    cursor = nextCursor === cursor ? null : nextCursor;
  }
  const read = await store.all(workspace);
  const dropped = [...read.keys()].filter((id) => !(id in schedules));
  if (dropped.length > 0) await store.forget(workspace, dropped);
  const full = previous.lastFullPassAt === null || now - Date.parse(previous.lastFullPassAt) >= FULL_PASS_EVERY_MS;
  const ids = Object.entries(schedules)
    .filter(([id, entry]) => full || read.get(id)?.recipientCount !== entry.recipientCount)
    .map(([id]) => id);
  const catalogue: Catalogue = {
    ...previous,
    schedules,
    listedAt: new Date(now).toISOString(),
    pass: { id: randomUUID(), ids, full },
  };
  await store.saveCatalogue(workspace, catalogue);
  return catalogue;
}
