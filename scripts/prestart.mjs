// `npm start`'s first step. A developer's install (with dev dependencies) builds dist/ from src/ with TypeScript,
// so `npm ci && npm start` always runs the current code. A production install (`npm ci --omit=dev`, as in the
// container image) has no TypeScript: it runs the dist/ that was built before, and says so if there is none.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

let tsc;
try {
  tsc = createRequire(`${process.cwd()}/package.json`).resolve('typescript/bin/tsc');
} catch {
  tsc = undefined;
}

if (tsc) {
  const build = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
if (!existsSync('dist/main.js')) {
  console.error(
    'dist/main.js is missing and TypeScript is not installed (a production install): build first with ' +
      '`npm ci && npm run build`, or use the container image (see README.md, "Running in production").',
  );
  process.exit(1);
}
