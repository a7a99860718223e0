// Helpers for end-to-end tests of schedule cards, lists and App Home: find blocks and elements in what
// the app posted, and add schedules to the sandbox.

import type { FakeSlack, StoredView } from '../../src/fake-slack/fake-slack.js';
import type { OmniSandbox, Schedule } from '../../src/omni-sandbox/index.js';
import { RunGuard } from '../../src/schedules/run-guard.js';
import { workspaceKey } from '../../src/store/index.js';
import { visibleText } from './block-text.js';
import type { TestApp } from './test-app.js';

export type Blocks = Record<string, unknown>[];

/** The blocks of a response_url body or a message. */
export function blocksOf(message: Record<string, unknown> | undefined): Blocks {
  const blocks = message?.blocks;
  if (!Array.isArray(blocks)) throw new Error(`no blocks in ${JSON.stringify(message)?.slice(0, 300)}`);
  return blocks as Blocks;
}

/** The list rows (sections with a schedule menu), as the text a user reads, in order. */
export function rowTexts(blocks: Blocks): string[] {
  return blocks.filter((b) => String(b.block_id ?? '').match(/^(list|home)_row\|/)).map((b) => visibleText(b));
}

/** The schedule names of the rows, in order. */
export function rowNames(blocks: Blocks): string[] {
  return rowTexts(blocks).map((text) => /^\*(.+?)\*/.exec(text)?.[1] ?? '?');
}

/** The block holding a row of `scheduleId` (its menu carries `<verb>:<id>`). */
export function rowOf(blocks: Blocks, scheduleId: string): Record<string, unknown> {
  const row = blocks.find((b) => JSON.stringify(b.accessory ?? {}).includes(`:${scheduleId}"`));
  if (!row) throw new Error(`no row for ${scheduleId}`);
  return row;
}

/** Adds `count` copies of a seeded schedule named `<prefix> 01`, `<prefix> 02`, … to the sandbox. */
export function addSchedules(sandbox: OmniSandbox, count: number, prefix: string, from: string): Schedule[] {
  const template = sandbox.state.schedules.get(from);
  if (!template) throw new Error(`no seeded schedule ${from}`);
  const added: Schedule[] = [];
  for (let i = 1; i <= count; i++) {
    const hex = (0x100000 + i).toString(16).padStart(12, '0');
    const schedule: Schedule = {
      ...structuredClone(template),
      id: `aaaaaaaa-bbbb-4ccc-8ddd-${hex}`,
      destinationId: `aaaaaaaa-bbbb-4ccc-8ddd-${(0x200000 + i).toString(16).padStart(12, '0')}`,
      name: `${prefix} ${String(i).padStart(2, '0')}`,
      disabledAt: null,
    };
    sandbox.state.schedules.set(schedule.id, schedule);
    added.push(schedule);
  }
  return added;
}

/** The modal opened by the `index`-th views.open call (count them before acting). */
export function openedView(slack: FakeSlack, index: number): StoredView {
  const response = slack.callsTo('views.open')[index]?.response as { view?: { id?: string } } | undefined;
  const view = response?.view?.id ? slack.views.get(response.view.id) : undefined;
  if (!view) throw new Error(`views.open call ${index} opened no view`);
  return view;
}

/** Deliveries the sandbox recorded for one schedule. */
export const deliveriesOf = (t: TestApp, id: string) => t.sandbox.state.deliveries.filter((d) => d.scheduleId === id);

/** Outcomes of the audit lines for one action on one schedule, oldest first. */
export const auditOf = (t: TestApp, action: string, schedule: string) =>
  t.audit.filter((a) => a.action === action && a.schedule === schedule).map((a) => a.outcome);

/**
 * Forgets every run of the sandbox's schedules in the last minute (the per-schedule run guard), so that
 * each test starts as if nobody had run anything: tests of one file share the app and its store.
 */
export async function forgetRecentRuns(t: TestApp): Promise<void> {
  const guard = new RunGuard(t.deps.store.cache('card-runs'), t.deps.now);
  for (const id of t.sandbox.state.schedules.keys()) await guard.release(RunGuard.key(workspaceKey(t.scope), id));
}

/** The Omni requests made while `act` runs, as `METHOD path` (what Omni received). */
export async function omniCallsDuring(t: TestApp, act: () => Promise<unknown>): Promise<string[]> {
  const before = t.sandbox.state.requests.length;
  await act();
  return t.sandbox.state.requests.slice(before).map((r) => `${r.method} ${r.path}`);
}

/** `/schedule share <id>` in `channel`, and the card it posted there. */
export async function shareCard(t: TestApp, id: string, channel = 'C0000GEN1') {
  await t.command(`share ${id}`);
  const card = t.slack.messagesIn(channel).at(-1);
  if (!card) throw new Error('the card was not posted');
  return card;
}

/** Clicks a button on a posted card; answers the chat.update calls the click made, in order. */
export async function clickOnCard(
  t: TestApp,
  card: { ts: string; text?: string; blocks?: unknown[] },
  actionId: string,
  value: string,
) {
  const before = t.slack.callsTo('chat.update').length;
  await t.action({ actionId, value, message: { ts: card.ts, text: card.text, blocks: card.blocks } });
  return t.slack.callsTo('chat.update').slice(before);
}
