import { describe, expect, it } from 'vitest';
import type { BatchProgress, EmailOnlyUserInput } from '../../src/omni/index.js';
import { omniError, type RecordedRequest, type ScriptedReply } from './scripted-server.js';
import { useScriptedOmni } from './support.js';

const users = (count: number, from = 0): EmailOnlyUserInput[] =>
  Array.from({ length: count }, (_, i) => ({
    email: `user${from + i}@partner.com`,
    userAttributes: { omni_user_timezone: 'Europe/Paris' },
  }));

const userIdFor = (email: string) => `00000000-0000-4000-8000-${email.replace(/\D/g, '').padStart(12, '0')}`;

/** Answers like Omni: a bulk call returns every user it was sent, a single call returns that user. */
function echoOmni(request: RecordedRequest): ScriptedReply {
  if (request.path === '/api/v1/users/email-only/bulk') {
    const sent = (request.body as { users: EmailOnlyUserInput[] }).users;
    return { status: 201, json: { results: sent.map((u) => ({ email: u.email, userId: userIdFor(u.email) })) } };
  }
  const { email } = request.body as EmailOnlyUserInput;
  return { json: { email, userId: userIdFor(email) } };
}

describe('upsertEmailOnlyUsers', () => {
  const omni = useScriptedOmni();

  it('sends 45 users as batches of 20, 20 and 5, reporting progress after each', async () => {
    omni.server.otherwise(echoOmni);
    const progress: BatchProgress[] = [];
    const outcome = await omni.client.upsertEmailOnlyUsers(users(45), { onBatch: (p) => void progress.push(p) });

    const sizes = omni.server.requests.map((r) => (r.body as { users: unknown[] }).users.length);
    expect(sizes).toEqual([20, 20, 5]);
    expect(omni.server.requests.every((r) => r.method === 'POST' && r.path === '/api/v1/users/email-only/bulk')).toBe(
      true,
    );
    expect((omni.server.requests[0]?.body as { users: unknown[] } | undefined)?.users[0]).toEqual({
      email: 'user0@partner.com',
      userAttributes: { omni_user_timezone: 'Europe/Paris' },
    });
    expect(progress).toEqual([
      { done: 20, total: 45 },
      { done: 40, total: 45 },
      { done: 45, total: 45 },
    ]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.succeeded).toHaveLength(45);
    expect(outcome.succeeded[44]).toEqual({ email: 'user44@partner.com', userId: userIdFor('user44@partner.com') });
  });

  it('reports a failed batch per user and still sends the later batches', async () => {
    omni.server.reply(
      { status: 201, json: { results: users(20).map((u) => ({ email: u.email, userId: userIdFor(u.email) })) } },
      omniError(403, 'Permission denied - admin role required'),
    );
    omni.server.otherwise(echoOmni);
    const outcome = await omni.client.upsertEmailOnlyUsers(users(45));

    expect(omni.server.requests).toHaveLength(3);
    expect(outcome.succeeded.map((s) => s.email)).toEqual([
      ...users(20).map((u) => u.email),
      ...users(5, 40).map((u) => u.email),
    ]);
    expect(outcome.failed).toHaveLength(20);
    expect(outcome.failed[0]).toEqual({
      email: 'user20@partner.com',
      detail: 'Permission denied - admin role required',
      status: 403,
    });
  });

  it('does not resend a batch after a 500 from the bulk call: it is reported, later batches still go', async () => {
    omni.server.reply(omniError(500, 'Internal error'));
    omni.server.otherwise(echoOmni);
    const outcome = await omni.makeClient({ maxRetries: 0 }).upsertEmailOnlyUsers(users(25));

    expect(omni.server.requests.map((r) => (r.body as { users: unknown[] }).users.length)).toEqual([20, 5]);
    expect(outcome.failed).toHaveLength(20);
    expect(outcome.failed.every((f) => f.status === 500 && f.detail === 'Internal error')).toBe(true);
    expect(outcome.succeeded).toHaveLength(5);
  });

  it("isolates the bad user of a batch Omni refused with a 400, with Omni's own detail", async () => {
    const detail = 'User Attribute is_admin is type number, but passed-in value yes is not a number.';
    const batch = [...users(2), { email: 'bad@partner.com', userAttributes: { is_admin: 'yes' } }];
    omni.server.reply(omniError(400, detail));
    omni.server.otherwise((request) =>
      (request.body as EmailOnlyUserInput).email === 'bad@partner.com' ? omniError(400, detail) : echoOmni(request),
    );
    const outcome = await omni.client.upsertEmailOnlyUsers(batch);

    expect(omni.server.requests.map((r) => r.path)).toEqual([
      '/api/v1/users/email-only/bulk',
      '/api/v1/users/email-only',
      '/api/v1/users/email-only',
      '/api/v1/users/email-only',
    ]);
    expect(outcome.succeeded.map((s) => s.email)).toEqual(['user0@partner.com', 'user1@partner.com']);
    expect(outcome.failed).toEqual([{ email: 'bad@partner.com', detail, status: 400 }]);
  });

  it('reports invalid users without sending them, and sends a repeated email once', async () => {
    omni.server.otherwise(echoOmni);
    const outcome = await omni.client.upsertEmailOnlyUsers([
      { email: 'a@partner.com', userAttributes: { region: ['US'] } },
      { email: 'not-an-email' },
      { email: 'A@partner.com', userAttributes: { region: ['EU'] } },
    ]);

    expect(omni.server.requests).toHaveLength(1);
    expect(omni.server.requests[0]?.body).toEqual({
      users: [{ email: 'A@partner.com', userAttributes: { region: ['EU'] } }],
    });
    expect(outcome.failed).toEqual([{ email: 'not-an-email', detail: 'email: must be an email address' }]);
    expect(outcome.succeeded).toEqual([{ email: 'A@partner.com', userId: userIdFor('A@partner.com') }]);
  });

  it('reports a user missing from the answer of its batch', async () => {
    omni.server.reply({ json: { results: [{ email: 'user0@partner.com', userId: userIdFor('0') }] } });
    const outcome = await omni.client.upsertEmailOnlyUsers(users(2));
    expect(outcome.failed).toEqual([
      { email: 'user1@partner.com', detail: "Omni's answer to the batch did not include this user" },
    ]);
  });

  it('makes no call for an empty list', async () => {
    await expect(omni.client.upsertEmailOnlyUsers([])).resolves.toEqual({ succeeded: [], failed: [] });
    expect(omni.server.requests).toHaveLength(0);
  });
});
