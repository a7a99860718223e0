// Starts a production install (argument: its folder) the way the image does and checks what an orchestrator
// sees: with Slack unreachable the process stays up, /healthz 200, /readyz 503, logs are JSON lines; with a
// Slack stand-in answering (the fake Slack from dist/) it reports ready; SIGTERM stops it with exit code 0.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const work = process.argv[2];
const fail = (why) => {
  console.error(`production-start: ${why}`);
  process.exit(1);
};

// The Dockerfile's CMD, exactly: what the image runs is what is checked here.
const cmdLine = readFileSync('Dockerfile', 'utf8')
  .split('\n')
  .find((line) => line.startsWith('CMD '));
if (!cmdLine) fail('the Dockerfile has no CMD');
const cmd = JSON.parse(cmdLine.slice(4));

const freePort = () =>
  new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// `says`: keep polling until the body also holds these words (readiness first answers 503 "not checked yet").
async function poll(url, want, seconds = 30, says = '') {
  const until = Date.now() + seconds * 1000;
  let last = 'no answer';
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      const body = await res.text();
      last = `${res.status} ${body.slice(0, 200)}`;
      if (res.status === want && body.includes(says)) return body;
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  fail(`${url} did not answer ${want}${says ? ` saying "${says}"` : ''} within ${seconds} s (last: ${last})`);
}

function start(argv, env, detached = false) {
  const child = spawn(argv[0], argv.slice(1), {
    cwd: work,
    detached,
    env: { PATH: process.env.PATH, HOME: work, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = { text: '' };
  child.stdout.on('data', (c) => (out.text += c));
  child.stderr.on('data', (c) => (out.text += c));
  const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  return { child, out, exited };
}

// `group`: npm runs the script through `sh -c`, which does not pass SIGTERM on; signal the whole process group,
// as a terminal's Ctrl-C does, and judge by the app's own words (npm's exit code is then the signal's).
async function stop(app, label, group = false) {
  if (group) process.kill(-app.child.pid, 'SIGTERM');
  else app.child.kill('SIGTERM');
  const timer = setTimeout(() => process.kill(group ? -app.child.pid : app.child.pid, 'SIGKILL'), 15_000);
  const { code, signal } = await app.exited;
  clearTimeout(timer);
  if (group ? !app.out.text.includes('SIGTERM received') : code !== 0) {
    fail(`${label}: SIGTERM gave exit code ${code} (signal ${signal}). Output:\n${app.out.text}`);
  }
  for (const line of app.out.text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('>'))) {
    try {
      JSON.parse(line);
    } catch {
      fail(`${label}: a log line is not JSON: ${line}`);
    }
  }
  if (/\n\s+at /.test(app.out.text)) fail(`${label}: a stack trace was printed:\n${app.out.text}`);
}

const common = () => ({
  SLACK_SIGNING_SECRET: randomBytes(16).toString('hex'),
  SLACK_BOT_TOKEN: 'xoxb-test-token',
  ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  NODE_ENV: 'production',
  STORE_URL: `sqlite://${join(work, 'data', 'store.sqlite')}`,
});

// 1. The image's CMD, Slack unreachable: stays up, healthy, not ready.
{
  const [port, nobody] = [await freePort(), await freePort()];
  const app = start(cmd, { ...common(), PORT: String(port), SLACK_API_URL: `http://127.0.0.1:${nobody}/api/` });
  await poll(`http://127.0.0.1:${port}/healthz`, 200);
  await poll(`http://127.0.0.1:${port}/readyz`, 503, 30, 'Slack does not answer');
  const metrics = await poll(`http://127.0.0.1:${port}/metrics`, 200);
  if (!metrics.includes('# TYPE slack_acks_total counter')) fail('/metrics lacks slack_acks_total');
  await stop(app, cmd.join(' '));
  console.log(`production-start: \`${cmd.join(' ')}\` without dev dependencies stays up while Slack is unreachable (/healthz 200, /readyz 503) and stops on SIGTERM`);
}

// 2. `npm start`, with the fake Slack (from dist/) answering: ready.
{
  const { startFakeSlack } = await import(pathToFileURL(join(work, 'dist/fake-slack/fake-slack.js')).href);
  const slack = await startFakeSlack();
  const port = await freePort();
  const app = start(['npm', 'start', '--silent'], { ...common(), PORT: String(port), SLACK_API_URL: slack.apiUrl }, true);
  await poll(`http://127.0.0.1:${port}/readyz`, 200);
  if (!/is running: HTTP on port/.test(app.out.text)) fail(`npm start did not say it runs:\n${app.out.text}`);
  await stop(app, 'npm start', true);
  await slack.close();
  console.log('production-start: `npm start` without dev dependencies starts, reaches Slack, is ready, and stops on SIGTERM');
}
