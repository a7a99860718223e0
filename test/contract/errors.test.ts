// Errors every endpoint shares: 401 for a wrong key (on every client method, the key never shown),
// 404 and a local refusal for schedule ids, and the base URL forms people paste.
import { describe, expect, it } from 'vitest';
import { type OmniClient, OmniConfigError } from '../../src/omni/index.js';
import { BLOB_ROSS_ID, SEEDED_SCHEDULE_IDS } from '../../src/omni-sandbox/index.js';
import {
  API_KEY,
  emailBody,
  everyRendering,
  expectOmniError,
  expectRefusedLocally,
  schedulePath,
  UNKNOWN_ID,
  useContract,
} from './support.js';

const omni = useContract();
const ID = SEEDED_SCHEDULE_IDS.orders;
const WRONG_KEY = 'wrong-key-5be0f3a9d1c2';

const drain = async (records: AsyncIterable<unknown>) => {
  for await (const _ of records) {
    // reading is enough
  }
};

type Call = (client: OmniClient) => Promise<unknown>;

/** Every method that takes a schedule id, with a call that passes local validation for `id`. */
const scheduleCalls: [string, (client: OmniClient, id: string) => Promise<unknown>, string, string][] = [
  ['getSchedule', (c, id) => c.getSchedule(id), 'GET', ''],
  ['updateSchedule', (c, id) => c.updateSchedule(id, { name: 'x' }), 'PUT', ''],
  ['deleteSchedule', (c, id) => c.deleteSchedule(id), 'DELETE', ''],
  ['triggerSchedule', (c, id) => c.triggerSchedule(id), 'POST', 'trigger'],
  ['pauseSchedule', (c, id) => c.pauseSchedule(id), 'PUT', 'pause'],
  ['resumeSchedule', (c, id) => c.resumeSchedule(id), 'PUT', 'resume'],
  ['addRecipients', (c, id) => c.addRecipients(id, { emails: ['a@example.com'] }), 'PUT', 'add-recipients'],
  ['removeRecipients', (c, id) => c.removeRecipients(id, { emails: ['a@example.com'] }), 'PUT', 'remove-recipients'],
  ['listRecipients', (c, id) => c.listRecipients(id), 'GET', 'recipients'],
  ['transferOwnership', (c, id) => c.transferOwnership(id, BLOB_ROSS_ID), 'PUT', 'transfer-ownership'],
];

/** Every client method, with a call that passes local validation, and the request it makes. */
const everyMethod: [string, Call, string, string][] = [
  ['listSchedules', (c) => c.listSchedules({ q: 'orders' }), 'GET', '/api/v1/schedules'],
  ['iterateSchedules', (c) => drain(c.iterateSchedules()), 'GET', '/api/v1/schedules'],
  ['createSchedule', (c) => c.createSchedule(emailBody()), 'POST', '/api/v1/schedules'],
  ...scheduleCalls.map(([name, call, method, action]): [string, Call, string, string] => [
    name,
    (c) => call(c, ID),
    method,
    schedulePath(ID, action),
  ]),
  ['upsertEmailOnlyUser', (c) => c.upsertEmailOnlyUser({ email: 'a@example.com' }), 'POST', '/api/v1/users/email-only'],
  ['listEmailOnlyUsers', (c) => c.listEmailOnlyUsers(), 'GET', '/api/v1/users/email-only'],
  ['listDocuments', (c) => c.listDocuments(), 'GET', '/api/v1/documents'],
  ['getDashboardFilters', (c) => c.getDashboardFilters('12db1a0a'), 'GET', '/api/v1/dashboards/12db1a0a/filters'],
  ['listDocumentQueries', (c) => c.listDocumentQueries('12db1a0a'), 'GET', '/api/v1/documents/12db1a0a/queries'],
  ['listUserAttributes', (c) => c.listUserAttributes(), 'GET', '/api/v1/user-attributes'],
  ['findUserByEmail', (c) => c.findUserByEmail('blob.ross@blobsrus.com'), 'GET', '/api/scim/v2/Users'],
  ['listUsers', (c) => c.listUsers(), 'GET', '/api/scim/v2/Users'],
  ['iterateUsers', (c) => drain(c.iterateUsers()), 'GET', '/api/scim/v2/Users'],
  ['findUsersByEmails', (c) => c.findUsersByEmails(['a@example.com', 'b@example.com']), 'GET', '/api/scim/v2/Users'],
];

describe('a wrong API key', () => {
  it.each(everyMethod)(
    '%s: 401 "Authentication required", not retried, key never shown',
    async (_, call, method, path) => {
      const client = omni.makeClient({ apiKey: WRONG_KEY });
      const error = await expectOmniError(omni.sandbox, call(client), {
        status: 401,
        detail: 'Authentication required',
        method,
        path,
      });
      expect(error.attempts).toBe(1);
      expect(omni.sandbox.state.requests).toHaveLength(1);
      const shown = everyRendering(error);
      expect(shown).not.toContain(WRONG_KEY);
      expect(shown).not.toContain(API_KEY);
      // Nothing changed in the organization.
      expect(omni.sandbox.state.deliveries).toEqual([]);
      expect(omni.sandbox.state.schedules.size).toBe(7);
    },
  );

  it('upsertEmailOnlyUsers reports every user as failed with the 401, the key never shown', async () => {
    const client = omni.makeClient({ apiKey: WRONG_KEY });
    const outcome = await client.upsertEmailOnlyUsers([{ email: 'a@example.com' }, { email: 'b@example.com' }]);
    expect(outcome).toEqual({
      succeeded: [],
      failed: [
        { email: 'a@example.com', status: 401, detail: 'Authentication required' },
        { email: 'b@example.com', status: 401, detail: 'Authentication required' },
      ],
    });
    expect(omni.sandbox.state.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      'POST /api/v1/users/email-only/bulk 401',
    ]);
    expect(JSON.stringify(outcome)).not.toContain(WRONG_KEY);
  });

  it('a missing key is refused before anything is sent', () => {
    expect(() => omni.makeClient({ apiKey: '  ' })).toThrow(OmniConfigError);
    expect(omni.sandbox.state.requests).toEqual([]);
  });
});

describe('schedule ids', () => {
  it.each(scheduleCalls)(
    '%s: 404 "Scheduled task with id … does not exist" for an unknown id',
    async (_, call, method, action) => {
      await expectOmniError(omni.sandbox, call(omni.client, UNKNOWN_ID), {
        status: 404,
        detail: `Scheduled task with id ${UNKNOWN_ID} does not exist`,
        method,
        path: schedulePath(UNKNOWN_ID, action),
      });
    },
  );

  // Omni would answer "scheduleId: Invalid uuid" (with "Bad Request: " for trigger).
  it.each(['61a8e93b', '61a8e93b-71f4-4cda-b1f9-a91aa0ad05bz', `${ID}/pause`, ''])(
    'a malformed id %j is refused locally by every schedule-id method',
    async (bad) => {
      for (const [name, call] of scheduleCalls) {
        const refusal = await expectRefusedLocally(omni.sandbox, call(omni.client, bad), 'scheduleId');
        expect(refusal.operation).toBe(name);
      }
      expect(omni.sandbox.state.requests).toEqual([]);
    },
  );
});

describe('base URL', () => {
  it.each(['', '/', '/api', '/api/'])('the org URL with %j appended reaches the same API', async (suffix) => {
    const client = omni.makeClient({ baseUrl: `${omni.sandbox.url}${suffix}` });
    expect((await client.getSchedule(ID)).name).toBe('Orders');
    expect(omni.sandbox.state.requests[0]?.path).toBe(schedulePath(ID));
  });
});
