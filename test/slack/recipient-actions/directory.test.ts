// The Web API SlackDirectory against the fake Slack: every page of a channel, Slack's errors mapped,
// Retry-After honoured by the client, custom profile fields with labels.
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLACK_RETRY_CONFIG } from '../../../src/app.js';
import { FAKE_DEFAULTS, type FakeSlack, startFakeSlack } from '../../../src/fake-slack/fake-slack.js';
import { DirectoryError } from '../../../src/recipients/index.js';
import { LOOKUP_RETRIES, lookupClient, webClientDirectory } from '../../../src/slack/recipient-actions/directory.js';

let slack: FakeSlack;
let client: WebClient;
beforeAll(async () => {
  slack = await startFakeSlack();
  client = new WebClient(FAKE_DEFAULTS.token, { slackApiUrl: slack.apiUrl, retryConfig: { ...SLACK_RETRY_CONFIG } });
});
afterAll(() => slack.close());

describe('the Web API directory', () => {
  it('reads every page of a channel’s members', async () => {
    const ids = Array.from({ length: 450 }, (_, i) => slack.addUser({ name: `member${i}` }).id);
    slack.addChannel('C0BIG0001', ids);
    const before = slack.callsTo('conversations.members').length;
    expect(await webClientDirectory(client).channelMembers('C0BIG0001')).toEqual(ids);
    expect(slack.callsTo('conversations.members').length - before).toBe(3);
  });

  it('keeps only what it needs of a user, and maps Slack’s not-found errors', async () => {
    const user = slack.addUser({ name: 'ann', tz: 'Asia/Tokyo', is_restricted: true, profile: { title: 'Lead' } });
    const directory = webClientDirectory(client);
    expect(await directory.userInfo(user.id)).toEqual({
      id: user.id,
      team_id: FAKE_DEFAULTS.teamId,
      name: 'ann',
      real_name: 'Ann',
      tz: 'Asia/Tokyo',
      is_restricted: true,
      profile: { email: 'ann@example.com', title: 'Lead', display_name: 'ann', real_name: 'Ann', first_name: 'Ann' },
    });
    await expect(directory.userInfo('U0NOBODY1')).rejects.toMatchObject({
      code: 'not_found',
      slackError: 'user_not_found',
    });
    await expect(directory.channelMembers('C0NOWHERE')).rejects.toBeInstanceOf(DirectoryError);
    await expect(directory.usergroupUsers('S0NOWHERE')).rejects.toMatchObject({ code: 'not_found' });
    expect(await directory.lookupByEmail('nobody@example.com')).toBeNull();
    expect((await directory.lookupByEmail('ANN@example.com'))?.id).toBe(user.id);
  });

  it('waits out Slack’s Retry-After and then answers', async () => {
    const user = slack.addUser({ name: 'patient' });
    slack.failNext('users.info', { status: 429, retryAfter: 1 });
    const before = slack.callsTo('users.info').length;
    expect((await webClientDirectory(client).userInfo(user.id)).id).toBe(user.id);
    expect(slack.callsTo('users.info').length - before).toBe(2);
  });

  it('waits out a 429 on a client of its own, so the workspace’s other calls are not held up', async () => {
    const user = slack.addUser({ name: 'busy' });
    slack.failNext('users.info', { status: 429, retryAfter: 1 });
    const lookups = lookupClient(client);
    const answer = webClientDirectory(lookups).userInfo(user.id);
    await slack.waitFor(() => isPaused(lookups));
    // The request's own client (modals, answers) keeps going while the look-ups wait.
    expect(isPaused(client)).toBe(false);
    expect((await client.auth.test()).ok).toBe(true);
    expect((await answer).id).toBe(user.id);
  });

  it('reports Slack still limiting the app once the bounded retries are used up', async () => {
    slack.failNext('users.info', { status: 429, retryAfter: 0, times: LOOKUP_RETRIES.retries + 1 });
    await expect(webClientDirectory(lookupClient(client)).userInfo('U0LIMITED')).rejects.toMatchObject({
      code: 'failed',
      slackError: 'ratelimited',
    });
  });

  it('reports a failure other than not-found with Slack’s code', async () => {
    slack.failNext('users.info', { error: 'missing_scope' });
    await expect(webClientDirectory(client).userInfo('U0ANYONE1')).rejects.toMatchObject({
      code: 'failed',
      slackError: 'missing_scope',
    });
  });

  it('reads custom profile fields with their labels, and the workspace’s field list', async () => {
    slack.addProfileField({ id: 'Xf01', label: 'Department' });
    const user = slack.addUser({ name: 'dee', profile: { fields: { Xf01: { value: 'Sales', alt: '' } } } });
    const directory = webClientDirectory(client);
    expect(await directory.profileFields()).toEqual([{ id: 'Xf01', label: 'Department' }]);
    expect((await directory.profile(user.id)).fields).toEqual({ Xf01: { value: 'Sales', alt: '' } });
    // The fake sends no X-OAuth-Scopes header: the app cannot tell, and says so in its reasons.
    expect(await directory.emailScope()).toBe('unknown');
  });
});

/** Whether a WebClient has paused its request queue (it does for Retry-After after a 429). */
function isPaused(c: WebClient): boolean {
  return (c as unknown as { requestQueue: { isPaused: boolean } }).requestQueue.isPaused;
}
