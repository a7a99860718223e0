// The non-member policy as one step (applyNonMemberPolicy), shared by `/schedule add` and the schedule form:
// what reaches Omni, and who is ready to be sent afterwards.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { OmniSandbox } from '../../src/omni-sandbox/index.js';
import { applyNonMemberPolicy, type Recipient, RecipientsRefusal } from '../../src/recipients/index.js';
import { flowContext, requests, startFlowSandbox } from './support.js';

let sandbox: OmniSandbox;
beforeAll(async () => {
  sandbox = await startFlowSandbox();
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

const ann: Recipient = { email: 'ann@example.com', slackUserId: 'U1', tz: 'Asia/Tokyo', profile: { title: 'APAC' } };
const typed: Recipient = { email: 'outsider@partner.org' };
const member: Recipient = { email: 'blobby.hill@blobsrus.com', slackUserId: 'U2', tz: 'Europe/Paris' };

describe('applyNonMemberPolicy', () => {
  it('with plain_email, everyone is ready and nothing is asked of Omni', async () => {
    const outcome = await applyNonMemberPolicy(flowContext(sandbox), [ann, typed, member]);
    expect(outcome).toEqual({ ready: [ann, typed, member], failed: [] });
    expect(requests(sandbox)).toEqual([]);
  });

  it('with email_only_user, non-members become email-only users (time zone, mapped attributes); members do not', async () => {
    const ctx = flowContext(sandbox, { nonMemberPolicy: 'email_only_user', attributeMappings: { region: 'title' } });
    const outcome = await applyNonMemberPolicy(ctx, [ann, typed, member]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.ready).toEqual([ann, typed, member]);
    expect(outcome.emailOnly).toEqual({
      created: ['ann@example.com', 'outsider@partner.org'],
      updated: [],
      createdOrUpdated: [],
      failed: [],
    });
    expect(sandbox.state.emailOnlyUsers.get('ann@example.com')?.userAttributes).toEqual({
      omni_user_timezone: 'Asia/Tokyo',
      region: ['APAC'],
    });
    expect(sandbox.state.emailOnlyUsers.has('outsider@partner.org')).toBe(true);
    expect(sandbox.state.emailOnlyUsers.has('blobby.hill@blobsrus.com')).toBe(false);
    expect(requests(sandbox).filter((r) => r.startsWith('POST'))).toEqual(['POST /api/v1/users/email-only/bulk']);
  });

  it('leaves out whoever Omni refuses, with Omni’s detail and their Slack id, and keeps the others ready', async () => {
    const ctx = flowContext(sandbox, { nonMemberPolicy: 'email_only_user' });
    sandbox.state.userAttributes.splice(0, sandbox.state.userAttributes.length); // no time zone attribute any more
    const outcome = await applyNonMemberPolicy(ctx, [ann, typed, member]);
    expect(outcome.ready.map((r) => r.email)).toEqual(['outsider@partner.org', 'blobby.hill@blobsrus.com']);
    expect(outcome.failed).toEqual([
      {
        email: 'ann@example.com',
        slackUserId: 'U1',
        detail:
          'The provided user attributes: "omni_user_timezone" do not match the names of existing user attributes.',
      },
    ]);
    expect(outcome.emailOnly?.failed.map((f) => f.email)).toEqual(['ann@example.com']);
  });

  it('refuses before any email-only call when a mapping names an attribute Omni does not have', async () => {
    const ctx = flowContext(sandbox, { nonMemberPolicy: 'email_only_user', attributeMappings: { nope: 'title' } });
    const error = await applyNonMemberPolicy(ctx, [ann]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RecipientsRefusal);
    expect((error as RecipientsRefusal).problems.at(-1)).toContain('Nobody was sent to Omni');
    expect(requests(sandbox).some((r) => r.includes('email-only/bulk'))).toBe(false);
  });
});
