import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { B, openedView, submit, scheduleWrites, lastUpdate } from './authoring-helpers.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

it('smoke', async () => {
  const since = t.slack.calls.length;
  const r = await t.command('create 12db1a0a');
  console.log(r.status, r.texts, t.logs.slice(-5));
  const view = openedView(t, since);
  console.log(JSON.stringify(view.blocks.map((b) => b.block_id)));
  const res = await submit(t, view, {});
  console.log(res.status, JSON.stringify(res.body).slice(0, 500));
  console.log(JSON.stringify(scheduleWrites(t)));
  console.log(JSON.stringify(lastUpdate(t, view.id)).slice(0, 1500));
  console.log(t.logs.slice(-5));
  expect(B).toBeDefined();
});
