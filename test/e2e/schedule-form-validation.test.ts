// The schedule form end to end: our rules and Omni's refusals on their fields, and the SFTP password kept nowhere.

import { readFile } from 'node:fs/promises';
import { beforeEach, describe, expect, it } from 'vitest';
import { CallbackIds } from '../../src/ids.js';
import type { TestApp } from '../support/test-app.js';
import {
  ackBody,
  B,
  change,
  type FieldValue,
  lastUpdate,
  type Obj,
  SFTP_PASSWORD as PASSWORD,
  scheduleWrites,
  submit,
  useScheduleFormApp,
} from './schedule-form-helpers.js';

const app = useScheduleFormApp();
const { openWith } = app;
let t: TestApp;
beforeEach(() => {
  t = app.t;
});

describe('field errors before anything reaches Omni', () => {
  const cases: {
    name: string;
    setup?: [string, FieldValue][];
    values: Record<string, FieldValue>;
    field: string;
    message: RegExp;
  }[] = [
    {
      name: 'bad cron',
      setup: [[B.formRepeat, 'custom']],
      values: { [B.formCron]: '0 9 * * MON' },
      field: B.formCron,
      message: /field/i,
    },
    {
      name: 'more often than hourly',
      setup: [[B.formRepeat, 'custom']],
      values: { [B.formCron]: '*/10 * * * ? *' },
      field: B.formCron,
      message: /hourly/,
    },
    {
      name: 'unknown time zone',
      values: { [B.formTimezone]: 'Mars/Olympus' },
      field: B.formTimezone,
      message: /not an IANA time zone/,
    },
    {
      name: 'webhook URL that is not http(s)',
      setup: [[B.formDestination, 'webhook']],
      values: { [B.formWebhookUrl]: 'ftp://hooks.example.com/x' },
      field: B.formWebhookUrl,
      message: /https/,
    },
    {
      name: 'SFTP without password',
      setup: [[B.formDestination, 'sftp']],
      values: { [B.formSftpAddress]: 'sftp.example.com', [B.formSftpUsername]: 'u' },
      field: B.formSftpPassword,
      message: /password/,
    },
    {
      name: 'S3 bucket in capitals',
      setup: [[B.formDestination, 's3']],
      values: {
        [B.formS3Bucket]: 'My_Bucket',
        [B.formS3Region]: 'us-east-1',
        [B.formS3RoleArn]: 'arn:aws:iam::123456789012:role/R',
      },
      field: B.formS3Bucket,
      message: /lowercase/,
    },
    {
      name: 'email without anyone',
      setup: [[B.formDestination, 'email']],
      values: { [B.formEmailSubject]: 'x' },
      field: B.formEmailPeople,
      message: /at least one person/,
    },
    {
      name: 'bad extra address',
      setup: [[B.formDestination, 'email']],
      values: { [B.formEmailAddresses]: 'cfo@, x@y.com', [B.formEmailSubject]: 'x' },
      field: B.formEmailAddresses,
      message: /Not email addresses or @group handles: cfo@\./,
    },
    {
      name: 'test of a "results changed" alert',
      setup: [[B.formAlert, 'RESULTS_CHANGED']],
      values: { [B.formAlertTile]: '1', [B.formTestNow]: ['test_now'] },
      field: B.formTestNow,
      message: /results changed/,
    },
    {
      name: 'alert without a tile',
      setup: [[B.formAlert, 'RESULTS_MISSING']],
      values: {},
      field: B.formAlertTile,
      message: /Choose the tile/,
    },
    {
      name: 'malformed date range',
      values: { [`${B.formFilterPrefix}order_date`]: 'last year' },
      field: `${B.formFilterPrefix}order_date`,
      message: /separated by "to"/,
    },
    {
      name: 'fit to page with table expansion',
      setup: [[B.formPaperFormat, 'fit_page']],
      values: { [B.formOptions]: ['expandTablesToShowAllRows'] },
      field: B.formOptions,
      message: /Fit to page/,
    },
  ];

  it.each(cases)('$name', async ({ setup = [], values, field, message }) => {
    let view = await openWith('create dashboard-abc123');
    for (const [base, value] of setup) view = await change(t, view, base, value);
    const since = t.sandbox.state.requests.length;
    const res = await submit(t, view, values);
    const body = ackBody(res);
    expect(body.response_action).toBe('errors');
    const key = Object.keys(body.errors).find((k) => k === field || k.startsWith(`${field}~~`));
    expect(key, JSON.stringify(body.errors)).toBeDefined();
    expect(body.errors[key as string]).toMatch(message);
    expect(scheduleWrites(t, since)).toEqual([]);
  });
});

describe('rules between fields, shown before Create', () => {
  /** The context line right under a field's block in the form as the fake Slack shows it. */
  const noteUnder = (view: { blocks: Obj[] }, base: string) => {
    const at = view.blocks.findIndex((b) => b.block_id === base || String(b.block_id).startsWith(`${base}~~`));
    const next = view.blocks[at + 1];
    return next?.type === 'context' ? String(next.elements[0].text) : undefined;
  };

  it('a destination that refuses the format on screen: the form changes it and says so under Format', async () => {
    let view = await openWith('create dashboard-abc123');
    view = await change(t, view, B.formDestination, 'webhook');
    view = await change(t, view, B.formFormat, 'json');
    expect(noteUnder(view, B.formFormat)).toBeUndefined();
    const since = t.sandbox.state.requests.length;
    view = await change(t, view, B.formDestination, 'email');
    const format = view.blocks.find((b) => String(b.block_id).startsWith(B.formFormat)) as Obj;
    expect(format.element.initial_option.value).toBe('pdf');
    expect(noteUnder(view, B.formFormat)).toBe(
      ":information_source: JSON can't be delivered by email, so the format is now PDF. Email takes PDF, PNG image, CSV, Excel (XLSX) or Link only.",
    );
    // Before any submit: nothing reached Omni.
    expect(scheduleWrites(t, since)).toEqual([]);
  });

  it('a format without a checked option: the option is dropped and named under Options', async () => {
    let view = await openWith('create dashboard-abc123');
    view = await change(t, view, B.formFormat, 'csv', { [B.formOptions]: ['hideTitle', 'showFilters'] });
    expect(noteUnder(view, B.formOptions)).toBe(
      ':information_source: “Hide the dashboard title” works only for PDF or PNG image, so it is off for CSV.',
    );
  });
});

describe("Omni's own refusals", () => {
  it('land on the field they concern, and the form keeps what was typed', async () => {
    const view = await openWith('create unsaved01');
    const since = t.sandbox.state.requests.length;
    await submit(t, view, { [B.formName]: 'Draft analysis' });
    const writes = scheduleWrites(t, since);
    expect(writes.map((w) => w.status)).toEqual([400]);
    const form = lastUpdate(t, view.id);
    expect(form.callback_id).toBe(CallbackIds.scheduleFormView);
    const at = form.blocks.findIndex((b: Obj) => b.block_id === B.formDashboard);
    expect(JSON.stringify(form.blocks[at + 1])).toContain('Omni: Analyses do not support dashboards.');
    const name = form.blocks.find((b: Obj) => String(b.block_id).startsWith(B.formName));
    expect(name.element.initial_value).toBe('Draft analysis');
  });
});

describe('secrets', () => {
  it('the SFTP password is in no Slack call, response, log line or the store', async () => {
    let view = await openWith('create 12db1a0a');
    view = await change(t, view, B.formDestination, 'sftp');
    view = await change(t, view, B.formFormat, 'csv');
    // A refused save (bad dashboard) redraws the form: the password must not come back in it.
    await submit(t, view, {
      [B.formDashboard]: 'nodash01',
      [B.formSftpAddress]: 'sftp.blobsrus.com',
      [B.formSftpUsername]: 'blob',
      [B.formSftpPassword]: PASSWORD,
    });
    // The form shown again says, on the field and above it, that the password must be typed again.
    const form = lastUpdate(t, view.id);
    const password = form.blocks.findIndex((b: Obj) => b.block_id === B.formSftpPassword);
    expect(form.blocks[password]?.element.initial_value).toBeUndefined();
    expect(JSON.stringify(form.blocks[password + 1])).toContain('Type the password again before saving');
    expect(JSON.stringify(form.blocks[0])).toContain('The SFTP password is not kept between tries');
    const everything = JSON.stringify({ calls: t.slack.calls, logs: t.logs, audit: t.audit });
    expect(everything).toContain('Document does not have a dashboard');
    expect(everything).not.toContain(PASSWORD);
    // SQLite commits into the file itself (or its write-ahead log, if any).
    for (const path of [t.storePath, `${t.storePath}-wal`, `${t.storePath}-journal`]) {
      const file = await readFile(path).catch(() => Buffer.from(''));
      expect(file.includes(PASSWORD), path).toBe(false);
    }
    expect(await readFile(t.storePath)).not.toHaveLength(0);
  });
});
