// npm run build [-- --out DIR] [-- --base /PATH/] — validate the story, then build the site into
// DIR (default dist/), to be served under PATH on its host (default /, the host's root; BASE_PATH
// says the same). The story folder is STORY_DIR (default: config.storyDir in package.json).
//
// 1. The story is checked in Node, before anything is built: a broken story stops here with every
//    problem listed (file, line, field), and nothing is written.
// 2. The client build, the server build and the prerender run into a temporary folder, which
//    replaces DIR only when all three succeed: a failed build leaves no half-built DIR.
// 3. Every text file gets its gzip copy (NAME.gz, scripts/precompress.mjs) for hosts that serve
//    such files as they are.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildAtomically, checkBasePath, defaultStoryDir, validateStory } from './build-steps.mjs';
import { precompress } from './precompress.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1] : 'dist';
// The base path reaches Vite (vite.config.ts, the one place that reads it) as BASE_PATH.
const baseIndex = args.indexOf('--base');
if (baseIndex >= 0 && !args[baseIndex + 1]) {
  console.error('--base needs a path, for example --base /grand-canal/');
  process.exit(1);
}
let basePath;
try {
  basePath = await checkBasePath(baseIndex >= 0 ? args[baseIndex + 1] : process.env.BASE_PATH);
} catch (e) {
  console.error(`${e.message}\nNothing was built.`);
  process.exit(1);
}
const storyDir = process.env.STORY_DIR ?? defaultStoryDir();

const problems = await validateStory(storyDir);
if (problems) {
  console.error(problems);
  console.error(`\nThe story in ${storyDir} was not built: fix the problems above and build again.`);
  process.exit(1);
}
console.log(`story ${storyDir} is valid`);

const run = (command, commandArgs, env = {}) => {
  const res = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    // NODE_ENV is set for the build: the validation above ran Vite's module runner, which sets it
    // to "development" in this process, and a client build under it would keep the dev-only code.
    env: {
      ...process.env,
      STORY_DIR: storyDir,
      NODE_ENV: 'production',
      BASE_PATH: basePath,
      ...env,
    },
  });
  if (res.status !== 0)
    throw new Error(`${[command, ...commandArgs].join(' ')} failed (${res.status ?? res.signal})`);
};
const vite = join(root, 'node_modules/vite/bin/vite.js');

try {
  const target = await buildAtomically(out, async (tmp) => {
    // The server build stays in the project: it imports packages from node_modules.
    const ssr = join(root, '.ssr', `build-${process.pid}`);
    try {
      run(process.execPath, [vite, 'build', '--outDir', tmp, '--emptyOutDir']);
      run(process.execPath, [
        vite,
        'build',
        '--ssr',
        'src/entry-server.ts',
        '--outDir',
        ssr,
        '--emptyOutDir',
      ]);
      run(process.execPath, ['scripts/prerender.mjs'], { BUILD_OUT_DIR: tmp, BUILD_SSR_DIR: ssr });
    } finally {
      rmSync(ssr, { recursive: true, force: true });
    }
    const gz = await precompress(tmp);
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    const sum = (k) => gz.reduce((n, f) => n + f[k], 0);
    console.log(`wrote ${gz.length} gzip copies (Zopfli): ${kb(sum('raw'))} of text in ${kb(sum('gzip'))}`);
  });
  console.log(`built ${storyDir} into ${target}, to be served at ${basePath} on its host`);
} catch (e) {
  console.error(`\nbuild failed: ${e.message}\n${out} was left as it was.`);
  process.exit(1);
}
