// npm run bench — measures the built app in headless Chromium and prints a table of figures beside
// the budgets and Lighthouse targets (src/build/perf/budget.ts). Timings are reported, not tested:
// the machine is shared and software WebGL is slow, so map timings are ratios against a bare
// MapLibre page (tests/bench/bare/: same MapLibre build, same style, same camera) measured in the
// same run. Each section is a module of scripts/bench/; the options are in scripts/bench/options.mjs.
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { runnerImport } from 'vite';
import { CHROMIUM_ARGS, chromiumPath, serveDist } from './serve-dist.mjs';
import { buildBarePage } from './bench/bare.mjs';
import { pages, readMark, VIEWPORT, waitMark } from './bench/browser.mjs';
import { firstIdle } from './bench/first-idle.mjs';
import { appFlights, compareFlights } from './bench/flights.mjs';
import { glyphRanges } from './bench/glyphs.mjs';
import { heap } from './bench/heap.mjs';
import { kioskSoak } from './bench/kiosk-soak.mjs';
import { lighthouseScores } from './bench/lighthouse.mjs';
import { parseOptions } from './bench/options.mjs';
import { scrolling } from './bench/scrolling.mjs';
import { reportSizes } from './bench/sizes.mjs';
import { createTable, log } from './bench/table.mjs';
import { traceFirstIdle } from './bench/trace.mjs';

const root = resolve(import.meta.dirname, '..');
const opts = parseOptions(process.argv.slice(2));
// A build of its own (for the address it is served at, below), so that the bench never replaces
// the dist/ that the browser tests and `npm run preview` use; --no-build measures dist/ itself.
const dist = opts.build ? join(root, 'node_modules/.cache/bench/dist') : join(root, 'dist');
const { row, print } = createTable();

const tsModule = async (path) =>
  (await runnerImport(join(root, path), { configFile: false, logLevel: 'error' })).module;
const { BUDGETS } = await tsModule('src/build/perf/budget.ts');
const { loadStory } = await tsModule('src/build/story/load.ts');
const { story } = loadStory(join(root, 'src/stories/liangjiang'), root);

// The site is built for the address the bench serves it at, so that canonical and hreflang links
// are absolute, as on a real host (Lighthouse's SEO audits require that).
const PORT = await new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});
if (opts.build) {
  log(`npm run build -- --out ${dist}`);
  execSync(`npm run build -- --out ${JSON.stringify(dist)}`, {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Vite's module runner (used above to load our TypeScript) sets NODE_ENV=development; the
    // site must be the production build.
    env: { ...process.env, NODE_ENV: 'production', SITE_URL: `http://127.0.0.1:${PORT}` },
  });
}

await reportSizes({ dist, row, tsModule });

log('building the bare MapLibre page');
await buildBarePage({ root, dist, story });

const server = await serveDist(dist, PORT);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const { openPage } = pages(browser);
const common = { openPage, origin: server.origin, story, row };
try {
  const flights = opts.want('flights') ? await appFlights({ ...common, rounds: opts.flightRounds }) : [];
  // The app's map padding (its story column), for the bare page to frame the same view.
  let padding = flights[0]?.padding ?? null;
  if (!padding && (opts.want('first-idle') || opts.want('trace'))) {
    const { page, context } = await openPage(`${server.origin}/`);
    await waitMark(page, 'storymap:first-idle');
    padding = (await readMark(page, 'storymap:first-idle')).detail.padding;
    await context.close();
  }
  if (flights.length)
    await compareFlights({
      ...common,
      rounds: opts.flightRounds,
      flights,
      padding,
      budget: BUDGETS.flightFramesRatio,
    });
  if (opts.want('first-idle'))
    await firstIdle({ ...common, runs: opts.runs, padding, budget: BUDGETS.firstIdleRatio });
  if (opts.want('trace')) await traceFirstIdle({ ...common, browser, padding, runs: opts.runs });
  if (opts.want('scrolling')) await scrolling({ ...common, budget: BUDGETS.appLongTasks });
  if (opts.want('heap')) await heap({ ...common, changes: opts.heapChanges });
  if (opts.want('kiosk-soak')) await kioskSoak({ ...common, browser });
  if (opts.named('glyphs'))
    await glyphRanges({
      ...common,
      browser,
      root,
      dist,
      runs: opts.runs,
      glyphsDir: resolve(opts.glyphsDir ?? join(root, 'node_modules/.cache/glyphs')),
    });
} finally {
  await browser.close();
  server.close();
  // --keep-bare leaves the bare page in the measured build's __bench/ to look at (never deploy it).
  if (!opts.keepBare) rmSync(join(dist, '__bench'), { recursive: true, force: true });
}

if (opts.lighthouse && opts.want('lighthouse')) {
  const lhServer = await serveDist(dist, PORT);
  try {
    await lighthouseScores({ origin: lhServer.origin, row, targets: BUDGETS.lighthouse });
  } finally {
    lhServer.close();
  }
}

print(
  `(Chromium ${chromiumPath() ?? 'from Playwright'}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, software WebGL; timings vary with the machine's load)`,
);
