// `npm run bench`: runs every benchmark module in this folder (each exports `run()`), one after another,
// so they do not compete for the two cores. Never part of `npm test`.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') {
    console.error(`bench: ${file} exports no run()`);
    process.exitCode = 1;
    continue;
  }
  console.log(`\n== ${file}`);
  await mod.run();
  // Peak resident memory of this process so far (the app, fake Slack and sandbox all run in it).
  console.log(`peak RSS so far: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}
