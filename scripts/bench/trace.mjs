// Where the first seconds go: a Chrome trace of the page from navigation to the map's first idle,
// for the app and for the bare page with the same style. Reports, up to first idle: the main
// thread's work by Lighthouse's groups (script evaluation, parse/compile, style & layout,
// rendering, GC, other), the frames MapLibre drew (animation frame callbacks) and what they cost,
// the glyphs drawn from the style's font files (sampled CPU profile), and the map workers' work.
import { MainThreadTasks } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import { TraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';
import { bareUrl } from './bare.mjs';
import { VIEWPORT, waitMark } from './browser.mjs';
import { log, median, ms } from './table.mjs';

const CATEGORIES = [
  '-*',
  'disabled-by-default-lighthouse',
  'toplevel',
  'loading',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'disabled-by-default-v8.cpu_profiler',
];

/** MapLibre's own methods that draw glyphs from font files (their names survive minification). */
const GLYPH_FUNCTIONS = new Set([
  '_drawGlyph',
  '_getRasterizedGlyph',
  '_createTinySDF',
  '_drawAlternateGlyph',
]);
/** MapLibre's methods that load and parse glyph ranges (a style `glyphs` URL; scripts/bench/glyphs.mjs). */
const GLYPH_RANGE_FUNCTIONS = new Set(['_loadGlyphRange', '_downloadAndCacheRangePromise']);
/** Every step of getting glyphs to the workers on the main thread, whichever way they come. */
const GLYPH_ANY_FUNCTIONS = new Set([
  ...GLYPH_FUNCTIONS,
  ...GLYPH_RANGE_FUNCTIONS,
  'getGlyphs',
  '_getAndCacheGlyphsPromise',
]);

/** Sampled CPU profiles in the trace, per thread: [{ tid, samples: [{ ts, dt, stack: [fn…] }] }]. */
function cpuProfiles(events) {
  const profiles = new Map();
  for (const e of events) {
    if (e.name === 'Profile')
      profiles.set(`${e.pid}:${e.id}`, {
        tid: e.tid,
        start: e.args.data.startTime,
        nodes: new Map(),
        samples: [],
      });
    if (e.name !== 'ProfileChunk') continue;
    const p = profiles.get(`${e.pid}:${e.id}`);
    const data = e.args.data;
    if (!p || !data?.cpuProfile) continue;
    for (const n of data.cpuProfile.nodes ?? []) p.nodes.set(n.id, n);
    const ids = data.cpuProfile.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    for (let i = 0; i < ids.length; i++) {
      p.start += deltas[i] ?? 0;
      p.samples.push({ ts: p.start, id: ids[i] });
    }
  }
  return [...profiles.values()].map((p) => {
    const stackOf = (id) => {
      const out = [];
      for (let n = p.nodes.get(id); n; n = p.nodes.get(n.parent)) out.push(n.callFrame.functionName);
      return out;
    };
    const samples = p.samples.map((s, i) => ({
      ts: s.ts,
      dt: (p.samples[i + 1]?.ts ?? s.ts) - s.ts,
      leaf: p.nodes.get(s.id)?.callFrame.functionName,
      stack: stackOf(s.id),
    }));
    return { tid: p.tid, samples };
  });
}

export async function traceOnce(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: CATEGORIES });
  await page.goto(url);
  await waitMark(page, 'storymap:first-idle');
  const idleAt = await page.evaluate(() => performance.getEntriesByName('storymap:first-idle')[0].startTime);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await context.close();

  const processed = TraceProcessor.processTrace({ traceEvents });
  const origin = processed.timestamps.timeOrigin;
  const end = origin + idleAt * 1000;
  const tasks = MainThreadTasks.getMainThreadTasks(
    processed.mainThreadEvents,
    processed.frames,
    processed.timestamps.traceEnd,
    origin,
  ).filter((t) => t.startTime >= 0 && t.startTime <= idleAt);
  const groups = {};
  for (const t of tasks) groups[t.group.id] = (groups[t.group.id] ?? 0) + t.selfTime;
  // MapLibre draws each frame in an animation frame callback.
  const rafs = tasks.filter((t) => t.event.name === 'FireAnimationFrame');
  const mainTid = processed.mainThreadEvents[0]?.tid;
  const pid = processed.mainThreadEvents[0]?.pid;
  const threadNames = new Map(
    traceEvents.filter((e) => e.name === 'thread_name' && e.pid === pid).map((e) => [e.tid, e.args.name]),
  );
  // Busy time of the page's workers (MapLibre's: tile parsing and layout), top-level tasks only.
  let workers = 0;
  for (const e of traceEvents)
    if (
      e.pid === pid &&
      e.ph === 'X' &&
      /^(RunTask|ThreadControllerImpl::RunTask)$/.test(e.name) &&
      /Worker/.test(threadNames.get(e.tid) ?? '') &&
      e.ts >= origin &&
      e.ts <= end
    )
      workers += e.dur / 1000;
  // Sampled stacks: glyph drawing on the main thread, and the functions that cost most.
  let glyphs = 0;
  let glyphRanges = 0;
  let glyphsAny = 0;
  const self = new Map();
  for (const prof of cpuProfiles(traceEvents.filter((e) => e.pid === pid))) {
    const where = prof.tid === mainTid ? 'main' : 'worker';
    for (const s of prof.samples) {
      if (s.ts < origin || s.ts > end) continue;
      if (where === 'main' && s.stack.some((f) => GLYPH_FUNCTIONS.has(f))) glyphs += s.dt / 1000;
      if (where === 'main' && s.stack.some((f) => GLYPH_RANGE_FUNCTIONS.has(f))) glyphRanges += s.dt / 1000;
      if (where === 'main' && s.stack.some((f) => GLYPH_ANY_FUNCTIONS.has(f))) glyphsAny += s.dt / 1000;
      const key = `${where} ${s.leaf || '(anonymous)'}`;
      self.set(key, (self.get(key) ?? 0) + s.dt / 1000);
    }
  }
  const top = [...self]
    .filter(([k]) => !/\((idle|program|garbage collector)\)$/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12);
  return {
    idleAt,
    groups,
    rafs: rafs.map((t) => t.duration),
    main: tasks.filter((t) => !t.parent).reduce((n, t) => n + t.duration, 0),
    workers,
    glyphs,
    glyphRanges,
    glyphsAny,
    top,
  };
}

export async function traceFirstIdle({ browser, origin, story, padding, runs, row }) {
  const pagesToTrace = [
    { name: 'app', url: `${origin}/` },
    { name: 'bare', url: bareUrl(origin, story.chapters[0].camera, padding) },
  ];
  for (const p of pagesToTrace) {
    log(`trace of the first seconds: ${p.name} (${runs} runs)`);
    const results = [];
    for (let r = 0; r < runs; r++) results.push(await traceOnce(browser, p.url));
    const m = (f) => median(results.map(f));
    const section = `first seconds (trace, ${p.name})`;
    row(section, 'first idle', ms(m((x) => x.idleAt)));
    row(section, 'main thread busy before first idle', ms(m((x) => x.main)));
    for (const g of [
      'scriptEvaluation',
      'scriptParseCompile',
      'parseHTML',
      'styleLayout',
      'paintCompositeRender',
      'garbageCollection',
      'other',
    ])
      row(section, `  ${g}`, ms(m((x) => x.groups[g] ?? 0)));
    row(
      section,
      'animation frames before first idle (MapLibre frames)',
      `${m((x) => x.rafs.length)}, total ${ms(m((x) => x.rafs.reduce((a, b) => a + b, 0)))}, longest ${ms(m((x) => Math.max(0, ...x.rafs)))}`,
    );
    row(section, 'glyphs drawn from font files (main thread, sampled)', ms(m((x) => x.glyphs)));
    row(section, 'map workers busy (tile parsing, layout)', ms(m((x) => x.workers)));
    const last = results.at(-1);
    log(`${p.name}: frames ${last.rafs.map((d) => Math.round(d)).join(', ')} ms`);
    log(`${p.name}: most self time: ${last.top.map(([k, v]) => `${k} ${Math.round(v)}`).join('; ')}`);
  }
}
