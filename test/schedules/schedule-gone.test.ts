// What Omni answers (as the sandbox plays it) to acts on a schedule deleted elsewhere, or already in
// the state asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OmniApiError, OmniClient } from '../../src/omni/index.js';
import { type OmniSandbox, SEEDED_SCHEDULE_IDS, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { alreadyInState, isScheduleGone } from '../../src/schedules/schedule-lookup.js';

let sandbox: OmniSandbox;
let omni: OmniClient;

beforeAll(async () => {
  sandbox = await startOmniSandbox({ apiKey: 'gone-key', rateLimitPerMinute: 0 });
  omni = new OmniClient({ baseUrl: sandbox.url, apiKey: 'gone-key', rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await sandbox?.close();
});

const failure = (act: Promise<unknown>) =>
  act.then(
    () => {
      throw new Error('Omni accepted it');
    },
    (error: unknown) => error,
  );

describe('isScheduleGone', () => {
  it('is true for every act on a schedule deleted elsewhere', async () => {
    const id = SEEDED_SCHEDULE_IDS.orders2;
    await omni.deleteSchedule(id);
    for (const act of [
      omni.getSchedule(id),
      omni.triggerSchedule(id),
      omni.pauseSchedule(id),
      omni.deleteSchedule(id),
    ]) {
      expect(isScheduleGone(await failure(act))).toBe(true);
    }
  });

  it('is false for other refusals and other errors', async () => {
    expect(isScheduleGone(await failure(omni.pauseSchedule(SEEDED_SCHEDULE_IDS.webTrafficAnalysis)))).toBe(false);
    expect(isScheduleGone(new Error('Scheduled task with id x does not exist'))).toBe(false);
    const dashboardMissing = new OmniApiError({
      status: 404,
      detail: 'Document with identifier "nope" not found',
      method: 'POST',
      path: '/api/v1/schedules',
      attempts: 1,
    });
    expect(isScheduleGone(dashboardMissing)).toBe(false);
  });
});

describe('alreadyInState', () => {
  it('names the state Omni found the schedule in', async () => {
    expect(alreadyInState(await failure(omni.pauseSchedule(SEEDED_SCHEDULE_IDS.webTrafficAnalysis)))).toBe('paused');
    expect(alreadyInState(await failure(omni.resumeSchedule(SEEDED_SCHEDULE_IDS.orders)))).toBe('resumed');
  });

  it('is undefined for other refusals', async () => {
    const systemDisabled = await failure(omni.pauseSchedule(SEEDED_SCHEDULE_IDS.missingQuery));
    expect(systemDisabled).toBeInstanceOf(OmniApiError);
    expect(alreadyInState(systemDisabled)).toBeUndefined();
    expect(alreadyInState(new Error('Schedule is already paused'))).toBeUndefined();
  });
});
