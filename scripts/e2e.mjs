// The browser tests as CI runs them: the files that walk the story in two browsers at once, then
// the kiosk captions' tests two at once, then the other files that measure real time one at a
// time (playwright.config.ts, `projects`). Every part always runs; the exit code fails if any did.
// Extra arguments go to every run.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
let failed = false;
for (const project of ['walks', 'captions', 'timed']) {
  const run = spawnSync(
    'npx',
    ['playwright', 'test', `--project=${project}`, '--pass-with-no-tests', ...args],
    { stdio: 'inherit' },
  );
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
