import { describe, expect, it } from 'vitest';
import { describeChange, jobOutcomeText, queuedProgressText } from '../../../src/slack/ui/recipient-jobs.js';

describe('recipient job texts', () => {
  it('names the change', () => {
    expect(describeChange({ op: 'add', scheduleId: 's1' })).toBe('Adding people to schedule `s1`');
    expect(describeChange({ op: 'remove', scheduleId: 's1' })).toBe('Removing people from schedule `s1`');
    expect(describeChange({ op: 'users', action: 'sync' })).toBe('`/schedule users sync`');
  });

  it('answers by outcome: started, queued behind others on the same key, joined', () => {
    const add = { op: 'add', scheduleId: 's1' } as const;
    expect(jobOutcomeText(add, 'started', 0)).toBe(
      ':hourglass_flowing_sand: Adding people to schedule `s1`: started. Progress and the summary are in your messages with the app.',
    );
    expect(jobOutcomeText(add, 'queued', 2)).toContain('waiting behind 2 other changes to this schedule');
    expect(jobOutcomeText({ op: 'users', action: 'sync' }, 'queued', 1)).toContain(
      'waiting behind 1 other email-only user changes in this workspace',
    );
    expect(jobOutcomeText(add, 'joined', 0)).toContain('the same change is already under way (asked earlier)');
    expect(queuedProgressText(add)).toBe(
      ':hourglass_flowing_sand: Adding people to schedule `s1`: queued… this message shows the progress, then the summary.',
    );
  });
});
