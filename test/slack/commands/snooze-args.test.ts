import { describe, expect, it } from 'vitest';
import { splitSnoozeArgs } from '../../../src/slack/commands/snooze.js';

const ID = '2af41989-1bed-4c65-a602-927f71205a32';

describe('/schedule snooze arguments', () => {
  it('splits a name at the last for/until, so names may contain the words', () => {
    expect(splitSnoozeArgs(['Sales', 'for', 'EMEA', 'for', '3d'])).toEqual({
      ref: 'Sales for EMEA',
      rest: ['for', '3d'],
    });
    expect(splitSnoozeArgs(['Orders', 'until', 'Dec', '24', '9am'])).toEqual({
      ref: 'Orders',
      rest: ['until', 'Dec', '24', '9am'],
    });
  });

  it('an id first takes everything after it as the end', () => {
    expect(splitSnoozeArgs([ID, 'for', '2w'])).toEqual({ ref: ID, rest: ['for', '2w'] });
  });

  it('no end: the whole text is the reference and the end is empty', () => {
    expect(splitSnoozeArgs(['Orders'])).toEqual({ ref: 'Orders', rest: [] });
    expect(splitSnoozeArgs([ID])).toEqual({ ref: ID, rest: [] });
  });
});
