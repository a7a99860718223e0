import { describe, expect, it } from 'vitest';
import { BlockIds, CallbackIds } from '../../../src/ids.js';
import { shareRefusal } from '../../../src/slack/commands/show.js';
import { decodeConfirmMetadata, encodeConfirmMetadata } from '../../../src/slack/schedule-actions/confirm-origin.js';
import { containerKey, originOfAction } from '../../../src/slack/schedule-actions/origin.js';

const user = { id: 'U1' };

describe('originOfAction', () => {
  it('tells a card in a channel from an ephemeral list row', () => {
    const container = { type: 'message', channel_id: 'C1', message_ts: '1.1', is_ephemeral: false };
    const card = originOfAction({ user, container }, BlockIds.scheduleCardActions);
    expect(card).toEqual({ kind: 'message', shows: 'card', channel: 'C1', ts: '1.1', ephemeral: false });
    expect(containerKey(card as NonNullable<typeof card>)).toBe('C1:1.1');
    const row = originOfAction({ user, container: { ...container, is_ephemeral: true } }, 'list_row|3|2|sales asc');
    expect(row).toEqual({
      kind: 'message',
      shows: 'list',
      channel: 'C1',
      ts: '1.1',
      ephemeral: true,
      listState: '2|sales asc',
    });
  });

  it('knows App Home and the card modal, and nothing else in a view', () => {
    const home = originOfAction(
      { user, container: { type: 'view', view_id: 'V1' }, view: { type: 'home' } },
      'home_row|0',
    );
    expect(home).toEqual({ kind: 'home', userId: 'U1' });
    expect(containerKey(home as NonNullable<typeof home>)).toBe('home:U1');
    const modal = originOfAction(
      {
        user,
        container: { type: 'view', view_id: 'V2' },
        view: {
          type: 'modal',
          id: 'V2',
          callback_id: CallbackIds.scheduleCardView,
          blocks: [],
          private_metadata: 'home',
        },
      },
      BlockIds.scheduleCardActions,
    );
    expect(modal).toEqual({ kind: 'modal', viewId: 'V2', blocks: [], metadata: 'home' });
    const other = originOfAction(
      { user, container: { type: 'view' }, view: { type: 'modal', callback_id: 'x' } },
      undefined,
    );
    expect(other).toBeUndefined();
  });

  it('has no origin without a channel and a message', () => {
    expect(originOfAction({ user, container: { type: 'message' } }, BlockIds.scheduleCardActions)).toBeUndefined();
  });
});

describe('confirm modal metadata', () => {
  it('round-trips and refuses what is not ours', () => {
    const meta = { scheduleId: 's1', origin: { kind: 'home' as const, userId: 'U1' }, replyKey: 'team:T1:abc' };
    expect(decodeConfirmMetadata(encodeConfirmMetadata(meta))).toEqual(meta);
    expect(decodeConfirmMetadata('home')).toBeUndefined();
    expect(decodeConfirmMetadata('{"scheduleId":""}')).toBeUndefined();
  });
});

describe('shareRefusal', () => {
  it('explains how to let the app post, for each of Slack’s refusals', () => {
    expect(shareRefusal('not_in_channel')).toContain('/invite @Omni Schedules');
    expect(shareRefusal('channel_not_found')).toContain('use `/schedule show` instead');
    expect(shareRefusal('is_archived')).toContain('archived');
    expect(shareRefusal('restricted_action')).toContain("settings don't let me post");
    expect(shareRefusal('ratelimited')).toBeUndefined();
  });
});
