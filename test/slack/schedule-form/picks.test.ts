import { describe, expect, it } from 'vitest';
import type { ScheduleDraft } from '../../../src/schedules/draft.js';
import { PickStore, pickStillHolds, withStoredPick } from '../../../src/slack/schedule-form/picks.js';
import { MemoryCache } from '../../recipients/memory-cache.js';
import { validDraft } from '../../schedules/draft-fixtures.js';

function emailDraft(addresses: string[]): ScheduleDraft {
  return validDraft({
    destination: { kind: 'email', userIds: [], channelIds: [], addresses, subject: 'Orders', body: '', fanOut: false },
  });
}

const pick = {
  userIds: ['U1'],
  channelIds: ['C1'],
  usergroupIds: ['S1'],
  addresses: ['@finance', 'cfo@x.co'],
  emails: ['Bob@x.co', 'cfo@x.co', 'ann@x.co'],
  by: 'U9',
  savedAt: '2026-12-01T00:00:00.000Z',
};

describe('the form’s stored pick', () => {
  it('holds while Omni’s recipients are the addresses it resolved to, in any case or order', () => {
    expect(pickStillHolds(pick, ['ann@x.co', 'bob@x.co', 'CFO@x.co'])).toBe(true);
    expect(pickStillHolds(pick, ['ann@x.co', 'bob@x.co'])).toBe(false);
    expect(pickStillHolds(pick, ['ann@x.co', 'bob@x.co', 'cfo@x.co', 'new@x.co'])).toBe(false);
  });

  it('fills the pickers when it holds, and says it is outdated when it does not', async () => {
    const store = new PickStore(new MemoryCache());
    await store.save('T1', 'sched-1', pick);
    const held = await withStoredPick(store, 'T1', 'sched-1', emailDraft(['ann@x.co', 'bob@x.co', 'cfo@x.co']));
    expect(held.outdated).toBe(false);
    expect(held.draft.destination).toMatchObject({
      userIds: ['U1'],
      channelIds: ['C1'],
      addresses: ['@finance', 'cfo@x.co'],
    });
    const changed = await withStoredPick(store, 'T1', 'sched-1', emailDraft(['ann@x.co']));
    expect(changed).toMatchObject({
      outdated: true,
      draft: { destination: { addresses: ['ann@x.co'], channelIds: [] } },
    });
    const none = await withStoredPick(store, 'T1', 'other', emailDraft(['ann@x.co']));
    expect(none.outdated).toBe(false);
    expect(none.draft.destination).toMatchObject({ addresses: ['ann@x.co'] });
  });
});
