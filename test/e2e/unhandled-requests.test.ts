// Requests no listener takes (forged action ids, view callback ids, options requests, shortcuts) are acked at
// once through the real receiver, logged, and reach neither Omni nor Slack; known ones still reach their listener.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/ids.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('unknown Slack requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const unknownLines = () => t.logs.filter((l) => l.includes('Unknown Slack request acknowledged and ignored'));

  it('acks a block action with an unknown action id with 200, logs it, sends nothing to Omni', async () => {
    const omniBefore = t.sandbox.state.requests.length;
    const slackBefore = t.slack.calls.length;
    const logsBefore = unknownLines().length;
    const res = await t.action({ actionId: 'forged_action_id', value: 'x', triggerId: '' });
    expect(res.status).toBe(200);
    expect(res.responses).toEqual([]);
    expect(t.sandbox.state.requests.length).toBe(omniBefore);
    expect(t.slack.calls.length).toBe(slackBefore);
    expect(unknownLines().slice(logsBefore).join('\n')).toContain('block_actions id=forged_action_id');
  });

  it('acks a view submission with an unknown callback id with 200 and an empty body, logs it', async () => {
    const omniBefore = t.sandbox.state.requests.length;
    const logsBefore = unknownLines().length;
    const res = await t.submitView({
      view: { id: 'V0FORGED01', callback_id: 'forged_callback', blocks: [], private_metadata: '' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(t.sandbox.state.requests.length).toBe(omniBefore);
    expect(unknownLines().slice(logsBefore).join('\n')).toContain('view_submission id=forged_callback');
  });

  it('answers an options request for an unknown action id with no options', async () => {
    const logsBefore = unknownLines().length;
    const res = await t.options({ actionId: 'forged_select', value: 'a' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ options: [] });
    expect(unknownLines().slice(logsBefore).join('\n')).toContain('block_suggestion id=forged_select');
  });

  it('does not ack a known action twice: its listener still answers (App Home Refresh)', async () => {
    const logsBefore = unknownLines().length;
    const res = await t.action({ actionId: ActionIds.refreshHomeButton, triggerId: '' });
    expect(res.status).toBe(200);
    expect(unknownLines().length).toBe(logsBefore);
    expect(t.logs.join('\n')).not.toContain('ReceiverMultipleAckError');
  });
});
