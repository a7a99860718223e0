// The schedule form end to end: editing and duplicating.
import { beforeEach, describe, expect, it } from 'vitest';
import { ActionIds } from '../../src/ids.js';
import { omniCallsDuring } from '../support/schedule-e2e.js';
import type { TestApp } from '../support/test-app.js';
import {
  ackBody,
  B,
  change,
  lastUpdate,
  openDuplicate,
  openedView,
  SFTP_PASSWORD as PASSWORD,
  scheduleWrites,
  submit,
  useScheduleFormApp,
} from './schedule-form-helpers.js';

const app = useScheduleFormApp();
const { openWith, onlyWrite, newestSchedule } = app;
let t: TestApp;
beforeEach(() => {
  t = app.t;
});

describe('editing and duplicating', () => {
  async function createRegional(): Promise<string> {
    let view = await openWith('create dashboard-abc123');
    view = await change(t, view, B.formDestination, 'email');
    view = await change(t, view, B.formFormat, 'csv');
    await submit(t, view, {
      [B.formEmailAddresses]: 'cfo@blobsrus.com',
      [B.formEmailSubject]: 'Regional',
      [`${B.formFilterPrefix}region`]: 'EU',
      [B.formContent]: '2',
      [B.formOptions]: ['hideHiddenFields', 'showFilters', 'showContentLink'],
    });
    const created = newestSchedule();
    if (!created) throw new Error('not created');
    return created.id;
  }

  it('an edit costs Omni 6 calls: 2 to open the form, 4 to save (the schedule as saved, the update, the card)', async () => {
    const id = await createRegional();
    const calls = (act: () => Promise<unknown>) => omniCallsDuring(t, act);
    let view: Awaited<ReturnType<typeof openWith>> | undefined;
    expect(
      await calls(async () => {
        view = await openWith(`edit ${id}`);
      }),
    ).toEqual([`GET /api/v1/schedules/${id}`, 'GET /api/v1/schedules']);
    if (!view) throw new Error('the form did not open');
    const opened = view;
    // Saving reads the schedule as saved (for explicit clears) but not its list record: the form knows its dashboard.
    expect(await calls(() => submit(t, opened, { [B.formTime]: '17:30' }))).toEqual([
      `GET /api/v1/schedules/${id}`,
      `PUT /api/v1/schedules/${id}`,
      `GET /api/v1/schedules/${id}`,
      'GET /api/v1/schedules',
    ]);
  });

  it('an edit changes what was changed and nothing else, then shows the updated card', async () => {
    const id = await createRegional();
    const before = structuredClone(t.sandbox.state.schedules.get(id));
    const view = await openWith(`edit ${id}`);
    expect(view.blocks.find((b) => String(b.block_id).startsWith(B.formName))?.element.initial_value).toBe(
      before?.name,
    );
    expect(
      view.blocks.find((b) => String(b.block_id).startsWith(`${B.formFilterPrefix}region`))?.element.initial_value,
    ).toBe('EU');
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formTime]: '17:30' });
    const write = onlyWrite(since);
    expect(write.method).toBe('PUT');
    const after = t.sandbox.state.schedules.get(id);
    expect(after?.schedule).toBe('30 17 ? * MON-FRI *');
    expect({ ...after, schedule: before?.schedule, updatedAt: before?.updatedAt }).toEqual(before);
    expect(JSON.stringify(lastUpdate(t, view.id))).toContain('Saved your changes');
    expect(t.audit.at(-1)).toMatchObject({ action: 'edit', schedule: id, outcome: 'ok' });
  });

  it('Edit on a card opens the same form; an SFTP password left empty is kept by Omni', async () => {
    let view = await openWith('create 12db1a0a');
    view = await change(t, view, B.formDestination, 'sftp');
    view = await change(t, view, B.formFormat, 'csv');
    await submit(t, view, {
      [B.formSftpAddress]: 'sftp.blobsrus.com',
      [B.formSftpUsername]: 'blob',
      [B.formSftpPassword]: PASSWORD,
    });
    const id = newestSchedule()?.id as string;
    const since = t.slack.calls.length;
    await t.action({
      actionId: ActionIds.editScheduleButton,
      value: id,
      message: {
        ts: '1.2',
        blocks: [
          {
            type: 'actions',
            elements: [
              {
                type: 'button',
                action_id: ActionIds.editScheduleButton,
                value: id,
                text: { type: 'plain_text', text: 'Edit' },
              },
            ],
          },
        ],
      },
    });
    const edit = openedView(t, since);
    expect(edit.blocks.find((b) => b.block_id === B.formSftpPassword)?.optional).toBe(true);
    const omniSince = t.sandbox.state.requests.length;
    await submit(t, edit, { [B.formSftpUsername]: 'blob2' });
    const body = onlyWrite(omniSince).body as Record<string, unknown>;
    expect(body).toMatchObject({ username: 'blob2' });
    expect(body).not.toHaveProperty('passwordUnencrypted');
    expect(t.sandbox.state.schedules.get(id)?.destination).toMatchObject({ username: 'blob2', hasPassword: true });
  });

  it('Duplicate creates a new schedule named "Copy of …" and leaves the original alone', async () => {
    const id = await createRegional();
    const original = structuredClone(t.sandbox.state.schedules.get(id));
    const view = await openDuplicate(t, id);
    const omniSince = t.sandbox.state.requests.length;
    await submit(t, view);
    expect(onlyWrite(omniSince).method).toBe('POST');
    const copy = newestSchedule();
    expect(copy?.id).not.toBe(id);
    expect(copy?.name).toBe(`Copy of ${original?.name}`);
    expect(copy?.filterConfig).toEqual(original?.filterConfig);
    expect(copy?.options).toEqual(original?.options);
    expect(t.sandbox.state.schedules.get(id)).toEqual(original);
  });

  it('an edit that removes the alert and the tile clears them in Omni, and keeps everything else', async () => {
    let view = await openWith('create dashboard-abc123');
    view = await change(t, view, B.formAlert, 'RESULTS_PRESENT');
    await submit(t, view, { [B.formAlertTile]: '1', [B.formContent]: '2', [B.formRowLimit]: '100' });
    const id = newestSchedule()?.id as string;
    const before = structuredClone(t.sandbox.state.schedules.get(id));
    expect(before).toMatchObject({ conditionType: 'RESULTS_PRESENT', options: { queryIdentifierMapKey: '2' } });
    let edit = await openWith(`edit ${id}`);
    edit = await change(t, edit, B.formAlert, 'none');
    const since = t.sandbox.state.requests.length;
    await submit(t, edit, { [B.formContent]: 'dashboard', [B.formRowLimit]: null });
    expect(onlyWrite(since).body).toMatchObject({
      conditionType: null,
      conditionQueryMapKey: null,
      queryIdentifierMapKey: null,
      overrideRowLimit: null,
      maxRowLimit: null,
    });
    const after = t.sandbox.state.schedules.get(id);
    expect(after).toEqual({
      ...before,
      conditionType: null,
      conditionQueryMapKey: null,
      options: { ...before?.options, queryIdentifierMapKey: null, overrideRowLimit: null, maxRowLimit: null },
      updatedAt: after?.updatedAt,
    });
  });

  it('a name cleared while editing is refused (a new schedule gets the suggested one back instead)', async () => {
    const id = await createRegional();
    const view = await openWith(`edit ${id}`);
    const since = t.sandbox.state.requests.length;
    const body = ackBody(await submit(t, view, { [B.formName]: '  ' }));
    expect(body.response_action).toBe('errors');
    expect(Object.values(body.errors)).toEqual(['Give the schedule a name.']);
    expect(scheduleWrites(t, since)).toEqual([]);
  });

  it('an unknown schedule says so in the form', async () => {
    const view = await openWith('edit 00000000-0000-4000-8000-000000000000');
    expect(JSON.stringify(view.blocks)).toContain('does not exist');
  });
});
