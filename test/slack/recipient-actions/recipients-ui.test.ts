import { describe, expect, it } from 'vitest';
import { expectValidBlocks } from '../../../src/fake-slack/block-kit-limits.js';
import { ActionIds, BlockIds, CallbackIds } from '../../../src/ids.js';
import type { AddOutcome, RemoveOutcome } from '../../../src/recipients/index.js';
import { isMilestone, ProgressMessage } from '../../../src/slack/recipient-actions/progress.js';
import { matchUsergroups, usergroupLabel } from '../../../src/slack/recipient-actions/usergroups.js';
import { settingsMessage, usersHelpMessage } from '../../../src/slack/ui/recipient-settings.js';
import {
  MAX_ROWS,
  recipientsMessageView,
  recipientsMetadata,
  recipientsView,
} from '../../../src/slack/ui/recipients-modal.js';
import {
  addSummary,
  notEmailMessage,
  peopleList,
  removeSummary,
  subscribeSummary,
} from '../../../src/slack/ui/recipients-summary.js';
import { DEFAULT_WORKSPACE_SETTINGS } from '../../../src/store/index.js';
import { actionIds, visibleText } from '../../support/block-text.js';

const ID = '61a8e93b-71f4-4cda-b1f9-a91aa0ad05bc';
const person = (i: number) => ({ email: `p${i}@x.co`, slackUserId: `U${String(i).padStart(6, '0')}` });

function addOutcome(extra: Partial<AddOutcome> = {}): AddOutcome {
  return {
    ok: true,
    scheduleName: 'Orders',
    added: [],
    already: [],
    skipped: [],
    failed: [],
    omniAddedCount: 0,
    ...extra,
  };
}

describe('recipient summaries', () => {
  it('names Slack people as mentions and others by email', () => {
    expect(peopleList([person(1), { email: 'a<b>@x.co' }])).toBe('<@U000001> and a&lt;b&gt;@x.co');
    expect(peopleList([person(1), person(2), person(3)])).toBe('<@U000001>, <@U000002> and <@U000003>');
  });

  it('says who was added, who already was, who was skipped and what Omni refused', () => {
    const message = addSummary(
      addOutcome({
        added: [person(1), { email: 'ext@partner.org' }],
        already: [person(2)],
        skipped: [{ who: { kind: 'user', id: 'U9' }, code: 'bot', reason: 'is a bot or an app, not a person' }],
        failed: [
          {
            email: 'bad@x.co',
            detail: 'User Attribute is_admin is type number, but passed-in value x is not a number.',
          },
        ],
        emailOnly: { created: ['ext@partner.org'], updated: [], createdOrUpdated: [], failed: [] },
      }),
    );
    expectValidBlocks('message', message.blocks);
    const text = visibleText(message.blocks);
    expect(message.text).toBe(':white_check_mark: Added 2 recipients to *Orders*: <@U000001> and ext@partner.org.');
    expect(text).toContain('Already receiving it: <@U000002>.');
    expect(text).toContain('created ext@partner.org');
    expect(text).toContain('*Skipped (1)*\n• <@U9> is a bot or an app, not a person');
    expect(text).toContain('*Not added: Omni refused (1)*\n• bad@x.co: User Attribute is_admin is type number');
  });

  it('stays within Block Kit limits with a thousand people in every list', () => {
    const many = Array.from({ length: 1000 }, (_, i) => person(i));
    const message = addSummary(
      addOutcome({
        added: many,
        already: many,
        skipped: many.map((p) => ({
          who: { kind: 'user' as const, id: p.slackUserId },
          code: 'guest' as const,
          reason: 'is a guest',
        })),
        failed: many.map((p) => ({ ...p, detail: 'x'.repeat(200) })),
      }),
    );
    expectValidBlocks('message', message.blocks);
    expect(visibleText(message.blocks)).toContain('and 960 more');
    expect(visibleText(message.blocks)).toContain('…and 980 more');
  });

  it('removal: removed, not recipients, through an Omni group', () => {
    const outcome: RemoveOutcome = {
      ok: true,
      scheduleName: 'Orders',
      removed: [person(1)],
      notRecipients: [{ email: 'n@x.co' }],
      viaGroup: [{ recipient: person(2), group: 'Sales' }],
      skipped: [],
      failed: [],
      omniRemovedCount: 1,
    };
    const text = visibleText(removeSummary(outcome).blocks);
    expect(text).toContain('Removed 1 recipient from *Orders*: <@U000001>.');
    expect(text).toContain('Not recipients of it: n@x.co.');
    expect(text).toContain('• <@U000002> via Sales');
  });

  it('a non-email destination: a plain explanation and an Edit button', () => {
    const message = notEmailMessage(
      { ok: false, reason: 'not_email', scheduleName: 'Hook', destinationType: 'webhook' },
      ID,
    );
    expectValidBlocks('message', message.blocks);
    expect(message.text).toContain('*Hook* delivers to a webhook, not by email.');
    expect(actionIds(message.blocks)).toEqual([ActionIds.editScheduleButton]);
  });

  it('subscribe answers offer the opposite button', () => {
    const yes = subscribeSummary(addOutcome({ added: [person(1)] }), ID);
    expect(yes.text).toBe(':white_check_mark: You now receive *Orders* at p1@x.co.');
    expect(actionIds(yes.blocks)).toEqual([ActionIds.unsubscribeButton]);
    const skipped = subscribeSummary(
      addOutcome({
        skipped: [
          { who: { kind: 'user', id: 'U1' }, code: 'no_email', reason: 'has no email address the app can see' },
        ],
      }),
      ID,
    );
    expect(skipped.text).toBe(
      ':warning: You could not be added to *Orders*: your Slack account has no email address the app can see.',
    );
    expect(actionIds(skipped.blocks)).toEqual([]);
  });
});

describe('the Recipients modal', () => {
  it('lists people with Remove buttons (behind a confirm) and keeps the schedule id in metadata', () => {
    const view = recipientsView({
      scheduleId: ID,
      scheduleName: 'Orders',
      rows: [
        { email: 'a@x.co', slackUserId: 'U1' },
        { email: 'b@x.co', name: 'Blobby', emailOnly: true },
      ],
      groups: [{ name: 'Sales', size: 3 }],
      notice: ':white_check_mark: Removed c@x.co.',
    });
    expectValidBlocks('modal', view);
    expect(view.callback_id).toBe(CallbackIds.recipientsView);
    expect(recipientsMetadata(view)).toEqual({ scheduleId: ID });
    const text = visibleText(view.blocks);
    expect(text).toContain('*Orders* is delivered by email to 2 recipients and 1 Omni group.');
    expect(text).toContain('<@U1> · a@x.co');
    expect(text).toContain('*Blobby* · b@x.co · _email-only user_');
    expect(text).toContain('Omni group *Sales* (3 people)');
    const removes = actionIds(view.blocks).filter((id) => id === ActionIds.removeRecipientButton);
    expect(removes).toHaveLength(2);
  });

  it('offers an add section with an Add submit; a message view (not email) has neither', () => {
    const view = recipientsView({ scheduleId: ID, scheduleName: 'Orders', rows: [], groups: [] });
    expect(view.submit?.text).toBe('Add');
    const inputs = view.blocks.flatMap((b) => (b.type === 'input' ? [b.block_id] : []));
    expect(inputs).toEqual([
      BlockIds.recipientsAddPeople,
      BlockIds.recipientsAddChannels,
      BlockIds.recipientsAddGroups,
      BlockIds.recipientsAddAddresses,
    ]);
    const message = recipientsMessageView(ID, 'Delivers to Slack, not by email.');
    expect(message.submit).toBeUndefined();
    expect(message.blocks.some((b) => b.type === 'input')).toBe(false);
  });

  it('shows an Add summary under the headline', () => {
    const view = recipientsView({
      scheduleId: ID,
      scheduleName: 'Orders',
      rows: [{ email: 'a@x.co' }],
      groups: [],
      summary: addSummary(addOutcome({ added: [person(1)] })).blocks as never,
    });
    expectValidBlocks('modal', view);
    expect(visibleText(view.blocks)).toContain(':white_check_mark: Added 1 recipient to *Orders*: <@U000001>.');
  });

  it('matches user groups by handle, then by name', () => {
    const groups = [
      { id: 'S1', handle: 'eng', name: 'Finance engineering' },
      { id: 'S2', handle: 'finance', name: 'Finance team' },
      { id: 'S3', handle: 'ops', name: 'Operations' },
    ];
    expect(matchUsergroups(groups, '@fin').map((g) => g.id)).toEqual(['S2', 'S1']);
    expect(matchUsergroups(groups, '').map((g) => g.id)).toEqual(['S1', 'S2', 'S3']);
    expect(usergroupLabel(groups[1] as (typeof groups)[number])).toBe('@finance (Finance team)');
  });

  it('shows at most MAX_ROWS people and counts the rest', () => {
    const rows = Array.from({ length: 250 }, (_, i) => ({ email: `p${i}@x.co` }));
    // With everything else the modal can show at once, it stays within Slack's 100 blocks.
    const full = addSummary(
      addOutcome({
        added: [person(1)],
        already: [person(2)],
        emailOnly: { created: ['a@x.co'], updated: [], createdOrUpdated: [] } as never,
        skipped: [{ who: { kind: 'user', id: 'U3' }, code: 'no_email', reason: 'has no email' }] as never,
        failed: [{ email: 'b@x.co', detail: 'refused' }] as never,
      }),
    );
    const groups = Array.from({ length: 12 }, (_, i) => ({ name: `G${i}`, size: 2 }));
    const view = recipientsView({
      scheduleId: ID,
      scheduleName: 'Big',
      rows,
      groups,
      notice: 'Removed someone.',
      summary: full.blocks as never,
    });
    expectValidBlocks('modal', view);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(actionIds(view.blocks).filter((id) => id === ActionIds.removeRecipientButton)).toHaveLength(MAX_ROWS);
    expect(visibleText(view.blocks)).toContain(`…and ${250 - MAX_ROWS} more not shown here.`);
  });
});

describe('settings and help', () => {
  it('describe the policy, guests, external people and mappings', () => {
    const settings = {
      ...DEFAULT_WORKSPACE_SETTINGS,
      nonMemberPolicy: 'email_only_user' as const,
      includeGuests: true,
      attributeMappings: { region: 'Xf01', department: 'title' },
    };
    const message = settingsMessage('Saved.', settings, new Map([['Xf01', 'Region']]));
    expectValidBlocks('message', message.blocks);
    const text = visibleText(message.blocks);
    expect(text).toContain('(`email_only_user`)');
    expect(text).toContain('*Guests:* included (`guests:on`)');
    expect(text).toContain('*People from other organizations (Slack Connect):* left out (`external:off`)');
    expect(text).toContain('• `region` ← Slack “Region” (`Xf01`)');
    expect(text).toContain('• `department` ← Slack `title`');
    expectValidBlocks('message', usersHelpMessage(settings).blocks);
  });
});

describe('progress messages', () => {
  it('posts at a few milestones only, never after the last batch', () => {
    const batches = (total: number) =>
      Array.from({ length: Math.ceil(total / 20) }, (_, i) => Math.min((i + 1) * 20, total)).filter((done) =>
        isMilestone({ stage: 'email_only', done, total }, Math.max(0, done - 20)),
      );
    expect(batches(45)).toEqual([20, 40]);
    expect(batches(1000)).toEqual([340, 680]);
    expect(batches(20)).toEqual([]);
    expect(isMilestone({ stage: 'checking_members', done: 23, total: 45 }, 22)).toBe(true);
    expect(isMilestone({ stage: 'checking_members', done: 24, total: 45 }, 23)).toBe(false);
    expect(isMilestone({ stage: 'checking_members', done: 5, total: 10 }, 4)).toBe(false);
    // A page of members answers many people at once: the half-way mark is crossed, not landed on.
    expect(isMilestone({ stage: 'checking_members', done: 666, total: 1000 }, 333)).toBe(true);
  });

  it('uses at most 4 of the response_url’s 5 posts, the summary replacing the progress', async () => {
    const posts: Record<string, unknown>[] = [];
    const progress = new ProgressMessage(
      async (m) => posts.push(m as Record<string, unknown>),
      () => undefined,
    );
    await progress.start('working');
    for (let done = 1; done <= 1000; done++) await progress.progress({ stage: 'checking_members', done, total: 1000 });
    for (let done = 20; done <= 1000; done += 20) await progress.progress({ stage: 'email_only', done, total: 1000 });
    await progress.finish({ text: 'done' });
    expect(posts).toHaveLength(4);
    expect(posts.slice(1).map((p) => p.replace_original)).toEqual([true, true, true]);
    expect(posts.at(-1)?.text).toBe('done');
  });
});
