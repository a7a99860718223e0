// A draft saved through the client into the sandbox and read back with draftFromSchedule is the same
// draft: what the edit modal shows is what was created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OmniClient } from '../../src/omni/index.js';
import { type OmniSandbox, startOmniSandbox } from '../../src/omni-sandbox/index.js';
import { DESTINATION_KINDS, type ScheduleDraft } from '../../src/schedules/draft.js';
import { DraftReadError, draftFromSchedule } from '../../src/schedules/draft-from-omni.js';
import { draftToCreateBody, draftToUpdateBody } from '../../src/schedules/draft-to-omni.js';
import { resolvedForOmni, VALID_DESTINATIONS, validDraft } from './draft-fixtures.js';

let sandbox: OmniSandbox;
let omni: OmniClient;

beforeAll(async () => {
  sandbox = await startOmniSandbox({ apiKey: 'round-trip-key', rateLimitPerMinute: 0 });
  omni = new OmniClient({ baseUrl: sandbox.url, apiKey: 'round-trip-key', rateLimitPerMinute: 100_000 });
});
afterAll(async () => {
  await sandbox?.close();
});

/** What the draft looks like once saved: people, channels and groups become addresses, the password is never read back. */
function asSaved(draft: ScheduleDraft): ScheduleDraft {
  const saved = { ...resolvedForOmni(draft), dashboardName: 'Regional Sales', testNow: false };
  if (saved.destination.kind === 'sftp') saved.destination = { ...saved.destination, password: '' };
  return saved;
}

async function saveAndRead(draft: ScheduleDraft, mode: 'edit' | 'duplicate' = 'edit') {
  const created = await omni.createSchedule(draftToCreateBody(resolvedForOmni(draft)));
  expect(created.id).toBeDefined();
  const detail = await omni.getSchedule(created.id as string);
  return { id: created.id as string, read: draftFromSchedule(detail, mode) };
}

const rich = (kind: ScheduleDraft['destination']['kind']): ScheduleDraft =>
  validDraft({
    identifier: 'dashboard-abc123',
    name: `Regional to ${kind}`,
    when: { kind: 'weekly', days: ['MON', 'THU'], hour: 7, minute: 30 },
    timezone: 'Europe/London',
    destination: VALID_DESTINATIONS[kind],
    format: 'csv',
    options: {
      hideTitle: false,
      expandTablesToShowAllRows: false,
      hideHiddenFields: true,
      enableFormatting: true,
      showFilters: false,
      showContentLink: true,
      killJobsOnFailure: true,
    },
    filters: { region: { type: 'string', kind: 'EQUALS', values: ['EU', 'APAC'], label: 'Region' } },
    content: { kind: 'tile', queryKey: '2' },
    rowLimit: 500,
    alert: { kind: 'condition', condition: 'RESULTS_PRESENT', queryKey: '1' },
  });

describe('draftFromSchedule', () => {
  it.each(DESTINATION_KINDS)('reads back what was created for %s', async (kind) => {
    const draft = rich(kind);
    const { read } = await saveAndRead(draft);
    expect(read).toEqual(asSaved(draft));
  });

  it('reads PDF paper settings and a custom cron', async () => {
    const draft = validDraft({
      identifier: 'dashboard-abc123',
      when: { kind: 'custom', cron: '0 8 1-7 * ? *' },
      options: { ...validDraft().options, paperFormat: 'legal', paperOrientation: 'landscape', hideTitle: true },
    });
    const { read } = await saveAndRead(draft);
    expect(read).toEqual(asSaved(draft));
  });

  it('names a duplicate "Copy of …"', async () => {
    const { read } = await saveAndRead(validDraft({ identifier: 'dashboard-abc123', name: 'Weekly' }), 'duplicate');
    expect(read.name).toBe('Copy of Weekly');
  });

  it('an update built from the read-back draft changes only what was changed', async () => {
    const draft = rich('email');
    const { id, read } = await saveAndRead(draft);
    const changed = {
      ...read,
      when: { kind: 'daily' as const, hour: 18, minute: 0 },
      alert: { kind: 'none' as const },
    };
    await omni.updateSchedule(id, draftToUpdateBody(changed, read));
    const after = draftFromSchedule(await omni.getSchedule(id), 'edit');
    expect(after).toEqual({ ...asSaved(draft), when: { kind: 'daily', hour: 18, minute: 0 }, alert: { kind: 'none' } });
  });

  it('says why a schedule without a known destination can’t be edited', () => {
    const detail = {
      id: 'x',
      name: 'Sheets',
      schedule: '0 9 ? * * *',
      timezone: 'UTC',
      destinations: [
        { id: 'd', format: 'csv', metadata: { type: 'google_sheets' }, recipients: [], userGroupRecipients: [] },
      ],
    } as never;
    expect(() => draftFromSchedule(detail, 'edit')).toThrow(DraftReadError);
    expect(() => draftFromSchedule(detail, 'edit')).toThrow(/google_sheets can't be edited from Slack yet/);
  });
});
