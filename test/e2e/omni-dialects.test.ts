// One schedule per destination made from the modal against an Omni that reads bodies strictly as its docs
// print them, and one that reads them as its OpenAPI spec defines them: the app learns the reading once,
// keeps it with the connection, and `/schedule status` says which.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import {
  B,
  change,
  type FieldValue,
  type FormView,
  lastUpdate,
  openFormWith,
  SFTP_PASSWORD,
  scheduleWrites,
  submit,
} from './schedule-form-helpers.js';

type Case = { destination: string; format: string; fields: Record<string, FieldValue> };

const CASES: Record<string, Case> = {
  email: {
    destination: 'email',
    format: 'pdf',
    fields: { [B.formEmailAddresses]: 'cfo@blobsrus.com', [B.formEmailSubject]: 'Sales' },
  },
  webhook: { destination: 'webhook', format: 'csv', fields: { [B.formWebhookUrl]: 'https://hooks.example.com/omni' } },
  sftp: {
    destination: 'sftp',
    format: 'csv',
    fields: {
      [B.formSftpAddress]: 'sftp.blobsrus.com',
      [B.formSftpPort]: '22',
      [B.formSftpUsername]: 'blob',
      [B.formSftpPassword]: SFTP_PASSWORD,
    },
  },
  slack: { destination: 'slack-channel', format: 'pdf', fields: {} },
  s3: {
    destination: 's3',
    format: 'csv',
    fields: {
      [B.formS3Bucket]: 'blob-reports',
      [B.formS3Region]: 'eu-west-2',
      [B.formS3RoleArn]: 'arn:aws:iam::123456789012:role/OmniS3DeliveryRole',
    },
  },
};

async function createFromModal(t: TestApp, c: Case): Promise<{ view: FormView; writes: string[] }> {
  let view = await openFormWith(t, 'create 12db1a0a');
  if (c.destination !== 'slack-channel') view = await change(t, view, B.formDestination, c.destination);
  view = await change(t, view, B.formFormat, c.format);
  const since = t.sandbox.state.requests.length;
  await submit(t, view, c.fields);
  return { view, writes: scheduleWrites(t, since).map((w) => `${w.method} ${w.status}`) };
}

function useDialectApp(dialect: 'docs' | 'spec') {
  const ctx = {} as { t: TestApp };
  beforeAll(async () => {
    ctx.t = await startTestApp({ sandbox: { dialect } });
    ctx.t.slack.addChannel('C0000GEN1', [ctx.t.users.member.id, ctx.t.users.admin.id]);
  });
  afterAll(async () => {
    await ctx.t?.close();
  });
  beforeEach(() => {
    ctx.t.sandbox.reset();
  });
  return () => ctx.t;
}

describe('against an Omni that reads bodies as its docs print them', () => {
  const app = useDialectApp('docs');

  it.each(['email', 'webhook', 'sftp'])('a %s schedule is created from the modal in one call', async (name) => {
    const t = app();
    const { view, writes } = await createFromModal(t, CASES[name] as Case);
    expect(writes).toEqual(['POST 200']);
    expect(JSON.stringify(lastUpdate(t, view.id))).toContain('Created *');
  });

  it.each(['slack', 's3'])(
    'a %s schedule is refused with Omni’s reason, and the form keeps what was typed',
    async (name) => {
      const t = app();
      const { writes } = await createFromModal(t, CASES[name] as Case);
      expect(writes).toEqual(['POST 400']);
      expect(JSON.stringify(t.slack.calls.slice(-3))).toContain('destinationType');
    },
  );

  it('`/schedule status` says Omni takes the docs’ reading once a disputed body settled it', async () => {
    const t = app();
    await createFromModal(t, CASES.webhook as Case);
    expect((await t.store.connections.get(t.scope))?.dialect).toBe('docs');
    const { texts } = await t.command('status');
    expect(texts.join('\n')).toContain('as its API docs write them');
  });
});

describe('against an Omni that reads bodies as its OpenAPI spec defines them', () => {
  const app = useDialectApp('spec');

  it('the first webhook costs one refused call, is resent in the spec’s reading, and the reading is kept', async () => {
    const t = app();
    const before = await t.command('status');
    expect(before.texts.join('\n')).toContain('is learnt on the first one saved');
    const { view, writes } = await createFromModal(t, CASES.webhook as Case);
    expect(writes).toEqual(['POST 400', 'POST 200']);
    expect(JSON.stringify(lastUpdate(t, view.id))).toContain('Created *');
    expect((await t.store.connections.get(t.scope))?.dialect).toBe('spec');
    const { texts } = await t.command('status');
    expect(texts.join('\n')).toContain('as its OpenAPI spec writes them');
  });

  it.each(['email', 'webhook', 'sftp', 'slack', 's3'])(
    'a %s schedule is created from the modal in one call',
    async (name) => {
      const t = app();
      const { view, writes } = await createFromModal(t, CASES[name] as Case);
      expect(writes).toEqual(['POST 200']);
      expect(JSON.stringify(lastUpdate(t, view.id))).toContain('Created *');
    },
  );
});
