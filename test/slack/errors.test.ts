import { describe, expect, it, vi } from 'vitest';
import {
  OmniApiError,
  OmniConfigError,
  OmniNetworkError,
  OmniRequestValidationError,
  OmniResponseError,
  OmniTimeoutError,
} from '../../src/omni/index.js';
import { decodeListState, ListQueryError } from '../../src/schedules/list-query.js';
import { UsageError } from '../../src/slack/commands/types.js';
import { AccessDeniedError, logFailure, NotConnectedError, userMessageForError } from '../../src/slack/errors.js';
import { SecretDecryptionError, StoreUnavailableError } from '../../src/store/index.js';

/** `operation` is what the client names on its errors; method and path are for the log. */
const apiError = (status: number, operation: string | undefined, method: string, path: string, detail: string) =>
  new OmniApiError({ ...(operation ? { operation } : {}), status, detail, method, path, attempts: 1 });
const ID = '2abba91d-9bec-41a0-8a8d-6f133b4ff0b7';

describe('userMessageForError', () => {
  it('tells the user an admin must run /schedule connect', () => {
    expect(userMessageForError(new NotConnectedError())).toMatch(
      /not connected to Omni yet\. A workspace admin must run `\/schedule connect`/,
    );
  });

  it('does not ask for a fix when the schedule is already in the state asked for, or disabled by Omni', () => {
    expect(
      userMessageForError(
        apiError(400, 'pauseSchedule', 'PUT', `/api/v1/schedules/${ID}/pause`, 'Schedule is already paused'),
      ),
    ).toBe(
      'Omni refused to pause the schedule: Schedule is already paused. Nothing needed doing; `/schedule show` gives its current state.',
    );
    expect(
      userMessageForError(
        apiError(400, 'resumeSchedule', 'PUT', `/api/v1/schedules/${ID}/resume`, 'Schedule is system disabled'),
      ),
    ).toMatch(
      /^Omni refused to resume the schedule: Schedule is system disabled\. Omni disabled it itself; `\/schedule show` gives the reason/,
    );
  });

  it('calls a gateway or unavailable answer an outage, not a refusal', () => {
    for (const status of [502, 503, 504]) {
      expect(
        userMessageForError(apiError(status, 'pauseSchedule', 'PUT', `/api/v1/schedules/${ID}/pause`, 'Unavailable')),
      ).toBe(`Omni is not answering (${status}). Nothing was changed; try again in a few minutes.`);
    }
  });

  it("quotes Omni's detail, names what was refused and says what to do", () => {
    expect(
      userMessageForError(
        apiError(
          404,
          'triggerSchedule',
          'POST',
          `/api/v1/schedules/${ID}/trigger`,
          `Scheduled task with id ${ID} does not exist`,
        ),
      ),
    ).toBe(
      `Omni refused to run the schedule: Scheduled task with id ${ID} does not exist. Check the id (\`/schedule list\` shows your schedules) and try again.`,
    );
    expect(
      userMessageForError(apiError(401, 'listSchedules', 'GET', '/api/v1/schedules', 'Authentication required')),
    ).toMatch(
      /^Omni refused to list schedules: Authentication required\. The API key this workspace uses no longer works; a workspace admin can run `\/schedule connect`/,
    );
    expect(
      userMessageForError(apiError(409, 'triggerSchedule', 'POST', `/api/v1/schedules/${ID}/trigger`, 'Conflict')),
    ).toMatch(/A run of this schedule is already going/);
    expect(
      userMessageForError(apiError(429, 'pauseSchedule', 'PUT', `/api/v1/schedules/${ID}/pause`, 'Too many requests')),
    ).toMatch(/^Omni refused to pause the schedule: Too many requests\. Omni is limiting/);
    expect(
      userMessageForError(
        apiError(400, 'deleteSchedule', 'DELETE', `/api/v1/schedules/${ID}`, 'scheduleId: Invalid uuid.'),
      ),
    ).toBe('Omni refused to delete the schedule: scheduleId: Invalid uuid. Fix what Omni names and try again.');
    expect(
      userMessageForError(apiError(500, 'resumeSchedule', 'PUT', `/api/v1/schedules/${ID}/resume`, 'Unavailable')),
    ).toMatch(/Omni's side/);
    expect(userMessageForError(apiError(403, undefined, 'GET', '/api/v1/unknown', 'Forbidden'))).toMatch(
      /^Omni refused the request: Forbidden\./,
    );
  });

  it('explains network failures, time-outs, invalid requests and odd answers', () => {
    const network = new OmniNetworkError({
      method: 'GET',
      path: '/api/v1/schedules',
      origin: 'https://x',
      reason: 'refused',
      code: 'ECONNREFUSED',
      attempts: 1,
    });
    expect(userMessageForError(network)).toMatch(/^Could not reach Omni \(ECONNREFUSED\)\. Check that Omni is up/);
    expect(
      userMessageForError(new OmniTimeoutError({ method: 'GET', path: '/x', timeoutMs: 10_000, attempts: 2 })),
    ).toMatch(/^Omni did not answer within 10 s/);
    expect(
      userMessageForError(new OmniRequestValidationError('createSchedule', [{ path: 'name', message: 'Required' }])),
    ).toBe('That request is not valid for Omni, so nothing was sent: name: Required. Fix it and try again.');
    const odd = new OmniResponseError({
      operation: 'listSchedules',
      method: 'GET',
      path: '/x',
      status: 200,
      issues: [{ path: 'records.0.id', message: 'Required' }],
    });
    expect(userMessageForError(odd)).toMatch(/field `records\.0\.id`/);
    expect(userMessageForError(new OmniConfigError('baseUrl', 'bad'))).toMatch(/^The request to Omni failed/);
  });

  it('passes through messages written for the user', () => {
    expect(userMessageForError(new UsageError('Give a schedule id.'))).toBe('Give a schedule id.');
    expect(userMessageForError(new AccessDeniedError('Only admins.'))).toBe('Only admins.');
    // A list page's buttons carry the list's state; a stale or damaged one says how to get a fresh list.
    expect(() => decodeListState('x|weekly')).toThrow(ListQueryError);
    try {
      decodeListState('x|weekly');
    } catch (error) {
      expect(userMessageForError(error)).toBe('This list is out of date; run `/schedule list` again.');
    }
    const storeDown = new StoreUnavailableError("read this workspace's Omni connection");
    expect(userMessageForError(storeDown)).toBe(storeDown.message);
  });

  it('explains a stored key that no longer decrypts, directly or as a cause', () => {
    const direct = new SecretDecryptionError('integrity');
    expect(userMessageForError(direct)).toMatch(/cannot be decrypted with the app's current ENCRYPTION_KEY/);
    expect(userMessageForError(new Error('wrapped', { cause: direct }))).toMatch(/cannot be decrypted/);
  });

  it("quotes Slack's error code for a refused Web API call", () => {
    const slackError = Object.assign(new Error('An API error occurred: expired_trigger_id'), {
      code: 'slack_webapi_platform_error',
      data: { ok: false, error: 'expired_trigger_id' },
    });
    expect(userMessageForError(slackError)).toMatch(/^Slack refused the app's request \(`expired_trigger_id`\)/);
  });

  it('gives anything else a generic message that says what to try, without internals', () => {
    const message = userMessageForError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(message).toMatch(/^Something went wrong on our side and nothing was changed\. Try again/);
    expect(message).not.toContain('undefined');
  });
});

describe('logFailure', () => {
  const logger = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

  it('logs expected refusals as info, the store being down as a warning, bugs as errors', () => {
    const a = logger();
    logFailure(a, '/schedule run', new NotConnectedError());
    expect(a.info).toHaveBeenCalledOnce();
    const b = logger();
    logFailure(b, '/schedule run', new StoreUnavailableError('read'));
    expect(b.warn).toHaveBeenCalledOnce();
    const c = logger();
    const bug = new TypeError('boom');
    logFailure(c, '/schedule run', bug);
    expect(c.error).toHaveBeenCalledWith('/schedule run failed:', bug);
  });
});
