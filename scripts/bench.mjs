// npm run bench — measures the built app in headless Chromium and prints a table of figures beside
// the budgets of issue 8 and the Lighthouse targets of issue 9. Timings are reported, not tested:
// the machine is shared and software WebGL is slow, so map timings are ratios against a bare
// MapLibre page (same MapLibre build, same style, same camera) measured in the same run.
//
//   npm run bench                 build, then measure everything
//   npm run bench -- --no-build   measure the existing dist/ (relative canonical links: SEO < 100)
//   npm run bench -- --skip-lighthouse --runs 5 --flight-rounds 5 --keep-bare
//   npm run bench -- --only first-idle,flights   (sections: flights, first-idle, scrolling, heap,
//                                                  kiosk-soak, lighthouse; the bundle is always reported)
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { build, runnerImport } from 'vite';
import { CHROMIUM_ARGS, chromiumPath, serveDist } from './serve-dist.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const RUNS = option('--runs', 3);
const FLIGHT_ROUNDS = option('--flight-rounds', 3);
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const want = (section) => !ONLY || ONLY.includes(section);
const HEAP_CHANGES = option('--changes', 45);
const VIEWPORT = { width: 1280, height: 800 };

const tsModule = async (path) =>
  (await runnerImport(join(root, path), { configFile: false, logLevel: 'error' })).module;
const { BUDGETS, bundleReport, checkBundle, formatKB } = await tsModule('src/lib/perf/budget.ts');
const { distAssetSizes } = await tsModule('src/lib/perf/dist-sizes.ts');
const { loadStory } = await tsModule('src/lib/story/load.ts');
const { story } = loadStory(join(root, 'src/stories/liangjiang'), root);

const rows = [];
const row = (section, figure, value, target = '', ok = null) =>
  rows.push({ section, figure, value: String(value), target, ok: ok === null ? '' : ok ? 'ok' : 'MISS' });
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length
    ? s.length % 2
      ? s[(s.length - 1) / 2]
      : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
    : NaN;
};
const ms = (x) => `${Math.round(x)} ms`;
const log = (...a) => console.error('bench:', ...a);

// 1. Build ------------------------------------------------------------------------------------
// The site is built for the address the bench serves it at, so that canonical and hreflang links
// are absolute, as on a real host (Lighthouse's SEO audits require that).
const PORT = await new Promise((ok) => {
  const s = createServer().listen(0, '127.0.0.1', () => {
    const { port } = s.address();
    s.close(() => ok(port));
  });
});
if (!flag('--no-build')) {
  log('npm run build');
  execSync('npm run build', {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Vite's module runner (used above to load our TypeScript) sets NODE_ENV=development; the
    // site must be the production build.
    env: { ...process.env, NODE_ENV: 'production', SITE_URL: `http://127.0.0.1:${PORT}` },
  });
}

// 2. Bundle -----------------------------------------------------------------------------------
const bundle = bundleReport(distAssetSizes(dist));
for (const a of bundle.assets)
  row('bundle', `${a.file} (${a.owner})`, `${formatKB(a.raw)} raw, ${formatKB(a.gzip)} gzip`);
row('bundle', 'app JS', `${formatKB(bundle.appJs.raw)} raw, ${formatKB(bundle.appJs.gzip)} gzip`);
row('bundle', 'app CSS', `${formatKB(bundle.appCss.raw)} raw, ${formatKB(bundle.appCss.gzip)} gzip`);
row(
  'bundle',
  'MapLibre (library, worker, CSS)',
  `${formatKB(bundle.maplibre.raw)} raw, ${formatKB(bundle.maplibre.gzip)} gzip`,
);
row('bundle', 'all JS', `${formatKB(bundle.totalJs.raw)} raw, ${formatKB(bundle.totalJs.gzip)} gzip`);
row('bundle', 'all CSS', `${formatKB(bundle.totalCss.raw)} raw, ${formatKB(bundle.totalCss.gzip)} gzip`);
for (const c of checkBundle(bundle))
  row('budget', c.name, formatKB(c.actual), `≤ ${formatKB(c.limit)}`, c.ok);

// 3. The bare MapLibre page, built now into dist/__bench/ (removed at the end) --------------------
// The same MapLibre build, the same style as the app's map (the basemap and the story's own sources
// and layers, built by the app's `storyStyle` for the chapter shown) and the same camera: what the
// app adds is its text, its framework and its way of loading. With `&basemap-only` the page draws
// the basemap alone, a stricter reference reported beside it.
const bareSrc = join(root, 'node_modules/.cache/bench-bare');
rmSync(bareSrc, { recursive: true, force: true });
mkdirSync(bareSrc, { recursive: true });
writeFileSync(
  join(bareSrc, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare MapLibre</title>
<style>html,body,#map{margin:0;height:100%}</style></head>
<body><div id="map"></div><script type="module" src="./main.ts"></script></body></html>`,
);
// Only what the map needs of the story (the app carries the whole story in its page).
writeFileSync(
  join(bareSrc, 'story.json'),
  JSON.stringify({
    places: story.places,
    overlays: story.overlays,
    chapters: story.chapters.map(({ id, camera, places, highlight, layers }) => ({
      id,
      camera,
      places,
      highlight,
      layers,
    })),
  }),
);
const src = (path) => JSON.stringify(join(root, path));
writeFileSync(
  join(bareSrc, 'main.ts'),
  `import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';
import { basemapStyle, setHiddenBasemapPlaces } from ${src('src/lib/map/style/index.ts')};
import { hiddenPlaceNames, storyStyle } from ${src('src/lib/map/map-style.ts')};
import { chapterMapState } from ${src('src/lib/story/chapter-state.ts')};
import storyData from './story.json';
maplibregl.setWorkerUrl(workerUrl);
maplibregl.addProtocol('pmtiles', new Protocol().tile);
const story = storyData as any;
const q = new URLSearchParams(location.search);
const camera = JSON.parse(q.get('camera')!);
const padding = JSON.parse(q.get('padding') ?? '{"top":0,"right":0,"bottom":0,"left":0}');
const basemapOnly = q.has('basemap-only');
const styleFor = (index: number, progress: number) => {
  const state = chapterMapState(story, index, progress);
  return {
    state,
    style: basemapOnly
      ? basemapStyle({ lang: 'en', theme: 'light' })
      : storyStyle({ story, state, lang: 'en', theme: 'light' }),
  };
};
const allPlaces = hiddenPlaceNames(story, story.places.map((p: { id: string }) => p.id));
const hidePlaces = (state: { places: string[] }) => {
  if (!basemapOnly) setHiddenBasemapPlaces(map, allPlaces, hiddenPlaceNames(story, state.places));
};
const first = styleFor(0, 0);
const map = new maplibregl.Map({
  container: 'map', style: first.style, ...camera, padding,
  maxPitch: 85, fadeDuration: 150, interactive: false,
});
map.once('style.load', () => hidePlaces(first.state));
let frames = 0;
map.on('render', () => frames++);
const mark = (name: string) => {
  performance.clearMarks(name);
  performance.mark(name, { detail: { frames } });
};
map.once('idle', () => mark('storymap:first-idle'));
const idle = () => new Promise<void>((ok) => (map.loaded() && !map.isMoving() ? ok() : map.once('idle', () => ok())));
(window as any).bench = {
  /** Shows chapter number index (its style) at from, then flies to to and counts the frames. */
  async fly(index: number, from: any, to: any, pad: any) {
    const next = styleFor(index, 1);
    map.setStyle(next.style);
    hidePlaces(next.state);
    map.jumpTo({ ...from, padding: pad });
    await idle();
    const start = { t: 0, f: 0 };
    map.once('movestart', () => ((start.t = performance.now()), (start.f = frames)));
    const done = new Promise<{ frames: number; ms: number }>((ok) =>
      map.once('moveend', () => ok({ frames: frames - start.f, ms: performance.now() - start.t })),
    );
    map.flyTo({ ...to, padding: pad, maxDuration: 4000, essential: true });
    const r = await done;
    await idle();
    return r;
  },
};
`,
);
log('building the bare MapLibre page');
await build({
  configFile: false,
  root: bareSrc,
  base: '/__bench/',
  logLevel: 'error',
  build: { outDir: join(dist, '__bench'), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
});

// 4. Browser figures ----------------------------------------------------------------------------
const server = await serveDist(dist, PORT);
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
const first = story.chapters[0];

async function openPage(url, { reducedMotion = 'no-preference', init } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion });
  const page = await context.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  if (init) await page.addInitScript(init);
  await page.goto(url);
  return { page, context };
}
const waitMark = (page, name, timeout = 90_000) =>
  page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout, polling: 50 });
const readMark = (page, name) =>
  page.evaluate((n) => {
    const m = performance.getEntriesByName(n)[0];
    return m ? { t: m.startTime, detail: m.detail } : null;
  }, name);
const waitIdle = (page, id) =>
  page.waitForFunction((cid) => window.storymap?.idle === true && window.storymap.chapterId === cid, id, {
    timeout: 90_000,
    polling: 50,
  });
const bareUrl = (camera, padding) =>
  `${server.origin}/__bench/?camera=${encodeURIComponent(JSON.stringify(camera))}` +
  (padding ? `&padding=${encodeURIComponent(JSON.stringify(padding))}` : '');

try {
  // 4a. Chapter transitions: frames during each flight, app vs bare. A short flight draws only a
  // few frames here (software WebGL), so one frame more or less moves its ratio by 20 %: each
  // flight is flown FLIGHT_ROUNDS times on each page, and the medians are compared.
  const flights = [];
  if (want('flights')) {
    log(`chapter transitions (${FLIGHT_ROUNDS} rounds)`);
    const runs = new Map();
    for (let r = 0; r < FLIGHT_ROUNDS; r++) {
      const { page, context } = await openPage(`${server.origin}/`);
      await waitIdle(page, first.id);
      for (let i = 1; i < story.chapters.length; i++) {
        const id = story.chapters[i].id;
        const before = (await readMark(page, 'storymap:move-end'))?.t ?? -1;
        await page.evaluate((cid) => {
          document
            .querySelector(`[data-chapter-id="${cid}"]`)
            ?.scrollIntoView({ block: 'center', behavior: 'instant' });
        }, id);
        await waitIdle(page, id);
        const start = await readMark(page, 'storymap:move-start');
        const end = await readMark(page, 'storymap:move-end');
        if (!start || !end || end.t <= before) continue;
        if (!runs.has(id)) runs.set(id, []);
        runs.get(id).push({
          startCamera: start.detail.camera,
          to: end.detail.camera,
          padding: start.detail.padding,
          frames: end.detail.frames - start.detail.frames,
          ms: end.t - start.t,
        });
      }
      await context.close();
    }
    for (const [id, list] of runs)
      flights.push({
        id,
        ...list[0],
        frames: median(list.map((f) => f.frames)),
        ms: median(list.map((f) => f.ms)),
      });
  }
  // The app's map padding (its story column), for the bare page to frame the same view.
  let padding = flights[0]?.padding ?? null;
  if (!padding && want('first-idle')) {
    const { page, context } = await openPage(`${server.origin}/`);
    await waitMark(page, 'storymap:first-idle');
    padding = (await readMark(page, 'storymap:first-idle')).detail.padding;
    await context.close();
  }
  if (flights.length) {
    const { page, context } = await openPage(bareUrl(first.camera, padding));
    await waitMark(page, 'storymap:first-idle');
    const bare = new Map(flights.map((f) => [f.id, []]));
    for (let r = 0; r < FLIGHT_ROUNDS; r++)
      for (const f of flights)
        bare
          .get(f.id)
          .push(
            await page.evaluate(
              ([index, from, to, pad]) => window.bench.fly(index, from, to, pad),
              [story.chapters.findIndex((c) => c.id === f.id), f.startCamera, f.to, f.padding],
            ),
          );
    const ratios = [];
    for (const f of flights) {
      const b = {
        frames: median(bare.get(f.id).map((x) => x.frames)),
        ms: median(bare.get(f.id).map((x) => x.ms)),
      };
      // A flight the bare page drew in no frame at all (a cut on a loaded machine) has no ratio.
      const ratio = b.frames > 0 ? f.frames / b.frames : null;
      if (ratio !== null) ratios.push(ratio);
      row(
        'flights',
        `→ ${f.id}`,
        `${f.frames} frames / ${ms(f.ms)} vs bare ${b.frames} / ${ms(b.ms)} = ${ratio === null ? 'n/a' : ratio.toFixed(2) + '×'}`,
        `≥ ${BUDGETS.flightFramesRatio}×`,
        ratio === null ? null : ratio >= BUDGETS.flightFramesRatio,
      );
    }
    if (ratios.length)
      row(
        'flights',
        'median ratio',
        `${median(ratios).toFixed(2)}×`,
        `≥ ${BUDGETS.flightFramesRatio}×`,
        median(ratios) >= BUDGETS.flightFramesRatio,
      );
    await context.close();
  }

  // 4b. Navigation to the first chapter's map idle, app vs the bare page (same style, and basemap
  // only for reference), alternating runs.
  if (want('first-idle')) {
    log(`first idle (${RUNS} runs each)`);
    const pages = [
      { name: 'app: navigation → map idle', url: `${server.origin}/`, times: [] },
      { name: 'bare MapLibre page, same style', url: bareUrl(first.camera, padding), times: [] },
      {
        name: 'bare MapLibre page, basemap only',
        url: `${bareUrl(first.camera, padding)}&basemap-only`,
        times: [],
      },
    ];
    for (let r = 0; r < RUNS; r++) {
      for (const p of pages) {
        const { page, context } = await openPage(p.url);
        await waitMark(page, 'storymap:first-idle');
        p.times.push((await readMark(page, 'storymap:first-idle')).t);
        await context.close();
      }
    }
    for (const p of pages)
      row('first chapter', `${p.name} (median)`, `${ms(median(p.times))}  [${p.times.map(ms).join(', ')}]`);
    const [app, same, basemapOnly] = pages.map((p) => median(p.times));
    row(
      'first chapter',
      'ratio app / bare page (same style)',
      `${(app / same).toFixed(2)}×`,
      `≤ ${BUDGETS.firstIdleRatio}×`,
      app / same <= BUDGETS.firstIdleRatio,
    );
    row(
      'first chapter',
      'ratio app / bare page (basemap only), reference',
      `${(app / basemapOnly).toFixed(2)}×`,
    );
  }

  // 4c. Long tasks while scrolling through the whole story.
  if (want('scrolling')) {
    log('long tasks while scrolling');
    const { page, context } = await openPage(`${server.origin}/`, {
      init: () => {
        const w = window;
        w.__long = { tasks: [], frames: [] };
        new PerformanceObserver((l) => {
          for (const e of l.getEntries()) w.__long.tasks.push({ start: e.startTime, duration: e.duration });
        }).observe({ type: 'longtask', buffered: true });
        try {
          new PerformanceObserver((l) => {
            for (const e of l.getEntries())
              w.__long.frames.push({
                start: e.startTime,
                duration: e.duration,
                blocking: e.blockingDuration,
                scripts: e.scripts.map((s) => ({
                  url: s.sourceURL,
                  fn: s.sourceFunctionName,
                  invoker: s.invoker,
                  duration: s.duration,
                })),
              });
          }).observe({ type: 'long-animation-frame', buffered: true });
        } catch {
          // Long Animation Frames is Chromium 123+.
        }
      },
    });
    await waitIdle(page, first.id);
    const t0 = await page.evaluate(() => performance.now());
    await page.mouse.move(VIEWPORT.width * 0.75, VIEWPORT.height / 2);
    const height = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
    for (let y = 0; y < height; y += 120) {
      await page.mouse.wheel(0, 120);
      await page.waitForTimeout(60);
    }
    await waitIdle(page, story.chapters.at(-1).id);
    const data = await page.evaluate((since) => {
      const w = window;
      return {
        tasks: w.__long.tasks.filter((t) => t.start >= since),
        frames: w.__long.frames.filter((f) => f.start >= since && f.duration > 50),
      };
    }, t0);
    const owner = (url) =>
      /\/assets\/maplibre-/.test(url)
        ? 'maplibre'
        : /\/assets\//.test(url)
          ? 'app'
          : url
            ? 'other'
            : 'browser';
    // A long frame is charged to whoever ran the longest script in it; rendering and style work
    // with no script (layout, paint, GC) is "browser".
    const charged = { app: [], maplibre: [], other: [], browser: [] };
    for (const f of data.frames) {
      const top = [...f.scripts].sort((a, b) => b.duration - a.duration)[0];
      const who = top && top.duration > 0 ? owner(top.url) : 'browser';
      charged[who].push(f);
      if (who === 'app')
        log(
          `app long frame ${Math.round(f.duration)} ms: ${top.invoker} ${top.fn} (${top.url.split('/').pop()})`,
        );
    }
    const total = (xs) => xs.reduce((n, x) => n + x.duration, 0);
    row(
      'scrolling',
      'long tasks (> 50 ms), all causes',
      `${data.tasks.length}, total ${ms(total(data.tasks))}`,
    );
    for (const who of ['maplibre', 'browser', 'other'])
      row(
        'scrolling',
        `long animation frames led by ${who}`,
        `${charged[who].length}, total ${ms(total(charged[who]))}`,
      );
    row(
      'scrolling',
      'long animation frames led by app code',
      `${charged.app.length}, total ${ms(total(charged.app))}`,
      `${BUDGETS.appLongTasks}`,
      charged.app.length <= BUDGETS.appLongTasks,
    );
    await context.close();
  }

  // 4d. JS heap after N chapter changes (reduced motion: cuts, so the run stays short).
  if (want('heap')) {
    log(`heap after ${HEAP_CHANGES} chapter changes`);
    const { page, context } = await openPage(`${server.origin}/`, { reducedMotion: 'reduce' });
    await waitIdle(page, first.id);
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const h0 = await heap();
    for (let n = 1; n <= HEAP_CHANGES; n++) {
      const id = story.chapters[n % story.chapters.length].id;
      await page.evaluate((cid) => (location.hash = cid), id);
      await waitIdle(page, id);
    }
    const h1 = await heap();
    row('heap', 'JS heap after load (after GC)', `${(h0 / 1048576).toFixed(1)} MB`);
    row(
      'heap',
      `JS heap after ${HEAP_CHANGES} chapter changes (after GC)`,
      `${(h1 / 1048576).toFixed(1)} MB (${h1 >= h0 ? '+' : ''}${((h1 - h0) / 1048576).toFixed(1)} MB)`,
    );
    await context.close();
  }

  // 4e. Kiosk soak: the attract loop's JS heap after GC over 200 chapter changes, after a warm-up
  // (tests/bench/kiosk-soak.mjs). A measurement, so it lives here and not in the browser tests.
  if (want('kiosk-soak')) {
    const { formatSoak, kioskSoak, SOAK_DEFAULTS } = await import('../tests/bench/kiosk-soak.mjs');
    log(`kiosk soak (${SOAK_DEFAULTS.warmup} changes warm-up, then ${SOAK_DEFAULTS.changes})`);
    const context = await browser.newContext({ baseURL: server.origin, reducedMotion: 'reduce' });
    const r = await kioskSoak(await context.newPage());
    log(formatSoak(r));
    row(
      'kiosk soak',
      `JS heap growth over ${r.changes} chapter changes of the loop (after GC)`,
      `${r.growth >= 0 ? '+' : ''}${(r.growth * 100).toFixed(1)} %`,
      `≤ ${SOAK_DEFAULTS.limit * 100} %`,
      r.growth <= SOAK_DEFAULTS.limit,
    );
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  // --keep-bare leaves the bare page in dist/__bench/ to look at (never deploy it).
  if (!flag('--keep-bare')) rmSync(join(dist, '__bench'), { recursive: true, force: true });
}

// 5. Lighthouse 12.2.3 with Debian's Chromium, mobile and desktop presets ---------------------------
if (!flag('--skip-lighthouse') && want('lighthouse')) {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const lhServer = await serveDist(dist, PORT);
  try {
    for (const preset of ['mobile', 'desktop']) {
      log(`lighthouse ${preset}`);
      const chrome = await chromeLauncher.launch({
        chromePath: chromiumPath() ?? undefined,
        chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
      });
      try {
        const result = await lighthouse(
          `${lhServer.origin}/`,
          { port: chrome.port, output: 'json', logLevel: 'error' },
          preset === 'desktop' ? desktopConfig : undefined,
        );
        const lhr = result.lhr;
        const targets = BUDGETS.lighthouse[preset];
        for (const [id, target] of Object.entries(targets)) {
          const score = Math.round((lhr.categories[id]?.score ?? 0) * 100);
          row(`lighthouse ${preset}`, id, score, `≥ ${target}`, score >= target);
        }
        for (const id of [
          'largest-contentful-paint',
          'total-blocking-time',
          'cumulative-layout-shift',
          'first-contentful-paint',
        ]) {
          const a = lhr.audits[id];
          row(`lighthouse ${preset}`, a?.title ?? id, a?.displayValue ?? 'n/a');
        }
        for (const a of Object.values(lhr.audits))
          if (
            a.score !== null &&
            a.score < 1 &&
            ['binary', 'numeric'].includes(a.scoreDisplayMode) &&
            !/paint|blocking|layout-shift|speed-index|interactive|max-potential/.test(a.id)
          )
            log(`lighthouse ${preset}: ${a.id} ${a.score} ${a.displayValue ?? ''}`);
      } finally {
        await chrome.kill();
      }
    }
  } finally {
    lhServer.close();
  }
}

// 6. The table ----------------------------------------------------------------------------------
const widths = ['section', 'figure', 'value', 'target', 'ok'].map((k) =>
  Math.max(k.length, ...rows.map((r) => r[k].length)),
);
const line = (r) =>
  ['section', 'figure', 'value', 'target', 'ok']
    .map((k, i) => r[k].padEnd(widths[i]))
    .join('  ')
    .trimEnd();
console.log(line({ section: 'section', figure: 'figure', value: 'value', target: 'target', ok: 'ok' }));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
console.log(
  `\n(Chromium ${chromiumPath() ?? 'from Playwright'}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, software WebGL; timings vary with the machine's load)`,
);
