// What can be checked of the container image and compose file without Docker (no engine here): the files'
// structure, that the image's CMD is the start command the production check in .ci/run runs, and `npm start`'s
// first step in a production install (no TypeScript).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO } from '../support/run-script.js';

const read = (file: string) => readFileSync(join(REPO, file), 'utf8');
const dockerfile = read('Dockerfile');
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'));
const stages = dockerfile.split(/^FROM /m).slice(1);
const finalStage = stages.at(-1) as string;

describe('Dockerfile', () => {
  it('runs `node dist/main.js`, the command package.json starts and .ci/production-start checks', () => {
    const cmd = instructions.find((line) => line.startsWith('CMD '));
    expect(JSON.parse((cmd as string).slice(4))).toEqual(['node', 'dist/main.js']);
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node dist/main.js');
    expect(read('.ci/production-start.mjs')).toContain("readFileSync('Dockerfile'");
    expect(read('.ci/run')).toContain('bash .ci/production-start');
  });

  it('is multi-stage: builds with dev dependencies, ships a production install and the build output only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev/m);
    expect(finalStage).toContain('COPY --from=build /app/dist ./dist');
    expect(finalStage).not.toMatch(/COPY (\.|src|test)\b/);
    expect(finalStage).not.toMatch(/npm ci --no-audit|npm install/);
  });

  it('runs as a non-root user, with a HEALTHCHECK on /healthz', () => {
    expect(finalStage).toMatch(/^USER node$/m);
    const check = instructions.find((line) => line.startsWith('HEALTHCHECK '));
    expect(check).toContain('/healthz');
  });
});

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, { environment?: Record<string, string>; ports?: string[]; image?: string }>;
  };
  const apps = Object.entries(compose.services).filter(([name]) => name.startsWith('app-'));

  it('runs Redis and three replicas sharing it as store and for coordination, behind one published port', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['app-1', 'app-2', 'app-3', 'proxy', 'redis']);
    for (const [, service] of apps) {
      expect(service.environment?.REDIS_URL).toBe('redis://redis:6379');
      expect(service.environment?.STORE_URL).toBe('redis://redis:6379');
      expect(service.environment?.NODE_ENV).toBe('production');
      expect(service.ports).toBeUndefined();
    }
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's own variable syntax (PORT, default 3000)
    expect(compose.services.proxy?.ports).toEqual(['${PORT:-3000}:80']);
  });

  it("the proxy's upstream lists exactly those replicas, round-robin", () => {
    const nginx = read('deploy/nginx.conf');
    const servers = [...nginx.matchAll(/^\s*server (app-\d):3000/gm)].map((m) => m[1]);
    expect(servers).toEqual(apps.map(([name]) => name));
    expect(nginx).not.toMatch(/least_conn|ip_hash|hash /);
  });
});

describe("npm start's first step (scripts/prestart.mjs)", () => {
  const dir = mkdtempSync(join(tmpdir(), 'omni-slack-prestart-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const prestart = (cwd: string) =>
    spawnSync(process.execPath, [join(REPO, 'scripts/prestart.mjs')], { cwd, encoding: 'utf8' });

  it('in a production install (no TypeScript) with dist/ built, runs nothing and lets dist/main.js start', () => {
    const built = join(dir, 'built');
    mkdirSync(join(built, 'dist'), { recursive: true });
    writeFileSync(join(built, 'package.json'), '{"type":"module"}');
    writeFileSync(join(built, 'dist/main.js'), '');
    const { status, stdout, stderr } = prestart(built);
    expect({ status, stdout, stderr }).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('without TypeScript and without dist/, says what to do in one line and fails', () => {
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'package.json'), '{"type":"module"}');
    const { status, stderr } = prestart(empty);
    expect(status).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('dist/main.js is missing and TypeScript is not installed');
  });
});
