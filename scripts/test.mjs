// npm test: every check and test, as CI runs them (.ci/run).
// 1. The type check, the linter and the build, at once: none of them reads what another writes
//    (the linter and Prettier leave the build's folders alone), and on two cores the three take
//    ~35 s together where one after another took ~50 s. Each one's output is printed whole, in
//    that order, once all three have ended; if one failed, nothing more runs.
// 2. The unit tests (some of them read the build). 3. The browser tests (scripts/e2e.mjs).
// Extra arguments are not taken: run a part alone with its own script (README, "Two commands").
import { spawn, spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`, keeping everything it prints; resolves with its exit code and output. */
function quietly(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code, signal) =>
      resolve({ script, code: code ?? 1, signal, output: Buffer.concat(out) }),
    );
  });
}

const first = await Promise.all(['check', 'lint', 'build'].map(quietly));
for (const r of first) process.stdout.write(r.output);
const failed = first.filter((r) => r.code !== 0);
if (failed.length) {
  console.error(
    `\nnpm test: ${failed.map((r) => `npm run ${r.script}`).join(', ')} failed; nothing more was run.`,
  );
  process.exit(1);
}
for (const script of ['test:unit', 'test:e2e']) {
  const r = spawnSync(npm, ['run', script], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
