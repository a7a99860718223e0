// The interim line: posted only when the answer is late, replaced by the first answer, removed when
// nothing answers. Fake timers stand in for the wait (no timing assertions).
import type { Logger, RespondArguments, RespondFn } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type InterimPlace, interimResponder, startInterim } from '../../src/slack/interim.js';

function recorder() {
  const sent: RespondArguments[] = [];
  const respond = (async (message: string | RespondArguments) => {
    sent.push(typeof message === 'string' ? { text: message } : message);
  }) as unknown as RespondFn;
  const logger = { warn: vi.fn() } as unknown as Logger;
  return { sent, respond, logger };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('interimResponder', () => {
  it('sends nothing extra when the answer comes before the delay', async () => {
    const { sent, respond, logger } = recorder();
    const interim = interimResponder(respond, logger, { afterMs: 1_500 });
    await interim.respond({ response_type: 'ephemeral', text: 'the card' });
    await vi.advanceTimersByTimeAsync(5_000);
    await interim.finish();
    expect(sent).toEqual([{ response_type: 'ephemeral', text: 'the card' }]);
  });

  it('posts "Asking Omni…" after the delay and the answer replaces it; later answers are new messages', async () => {
    const { sent, respond, logger } = recorder();
    const interim = interimResponder(respond, logger, { afterMs: 1_500 });
    await vi.advanceTimersByTimeAsync(1_500);
    await interim.respond({ response_type: 'ephemeral', text: 'the card' });
    await interim.respond({ response_type: 'ephemeral', text: 'and a note' });
    await interim.finish();
    expect(sent).toEqual([
      { response_type: 'ephemeral', text: 'Asking Omni…' },
      { response_type: 'ephemeral', text: 'the card', replace_original: true },
      { response_type: 'ephemeral', text: 'and a note' },
    ]);
  });

  it('says a wait at once, a second line replacing the first, and the answer replacing both', async () => {
    const { sent, respond, logger } = recorder();
    const interim = interimResponder(respond, logger, { afterMs: 1_500 });
    interim.say('Asking Omni… (about 12 s)');
    interim.say('Asking Omni… (about 3 s)');
    await vi.advanceTimersByTimeAsync(5_000);
    await interim.respond({ response_type: 'ephemeral', text: 'the card' });
    await interim.finish();
    expect(sent).toEqual([
      { response_type: 'ephemeral', text: 'Asking Omni… (about 12 s)' },
      { replace_original: true, text: 'Asking Omni… (about 3 s)' },
      { response_type: 'ephemeral', text: 'the card', replace_original: true },
    ]);
  });

  it('takes the interim line away when the request ends without answering (e.g. a modal opened)', async () => {
    const { sent, respond, logger } = recorder();
    const interim = interimResponder(respond, logger, { afterMs: 1_500, text: () => 'Opening…' });
    await vi.advanceTimersByTimeAsync(2_000);
    await interim.finish();
    expect(sent).toEqual([{ response_type: 'ephemeral', text: 'Opening…' }, { delete_original: true }]);
  });
});

describe('startInterim, for any place (a card, a list page, a modal)', () => {
  function place() {
    const seen: string[] = [];
    const at: InterimPlace = {
      show: async (text) => seen.push(`show ${text}`),
      undo: async () => seen.push('undo'),
    };
    return { seen, at, logger: { warn: vi.fn() } as unknown as Logger };
  }

  it('an answer that replaces the line leaves nothing to undo', async () => {
    const { seen, at, logger } = place();
    const interim = startInterim(at, logger, { afterMs: 1_500 });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(await interim.settle()).toBe(true);
    interim.replaced();
    await interim.finish();
    expect(seen).toEqual(['show Asking Omni…']);
  });

  it('puts the place back when only a note answered (the line was not replaced)', async () => {
    const { seen, at, logger } = place();
    const interim = startInterim(at, logger, { afterMs: 1_500 });
    await vi.advanceTimersByTimeAsync(1_500);
    expect(await interim.settle()).toBe(true);
    await interim.finish();
    expect(seen).toEqual(['show Asking Omni…', 'undo']);
  });

  it('says the wait at once when it becomes known, and nothing after the answer started', async () => {
    const { seen, at, logger } = place();
    const interim = startInterim(at, logger, { afterMs: 1_500 });
    interim.say('Asking Omni… (about 60 s: Omni asked the app to wait)');
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await interim.settle()).toBe(true);
    interim.say('too late');
    interim.replaced();
    await interim.finish();
    expect(seen).toEqual(['show Asking Omni… (about 60 s: Omni asked the app to wait)']);
  });

  it('shows nothing when the answer comes first', async () => {
    const { seen, at, logger } = place();
    const interim = startInterim(at, logger, { afterMs: 1_500 });
    expect(await interim.settle()).toBe(false);
    await vi.advanceTimersByTimeAsync(5_000);
    await interim.finish();
    expect(seen).toEqual([]);
  });
});
