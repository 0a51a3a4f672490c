// Kiosk soak benchmark: runs the attract loop fast (reduced motion, so chapters cut instead of
// flying) for at least 200 chapter changes and measures the JS heap after garbage collection at
// the start (after a warm-up) and at the end, each time with the map settled.
//
// Why the warm-up is 100 changes and not one round: measured every 50 changes over 640 changes,
// the heap after GC climbs for the first ~130 changes (V8's optimised code, which is counted in
// the JS heap, and the browser's fixed-size timing buffers filling) and then holds level within
// ±0.4 MB; a leak would keep climbing. Starting after one round counted that warm-up as growth.
//
// A measurement, not a check of what a visitor sees (the loop's order and pauses are tested in
// tests/e2e/kiosk.spec.ts): `npm run bench` reports it (section kiosk-soak) against the 20 % limit,
// and it runs alone against a build: `node tests/bench/kiosk-soak.mjs [--changes 200] [--warmup 100]
// [--speed 60]` (prints the growth; exits 1 above the limit).

export const SOAK_DEFAULTS = { changes: 200, warmup: 100, speed: 60, limit: 0.2 };

/** JS heap in use after a full garbage collection (Chrome DevTools Protocol), map settled. */
async function heapAfterGc(page, cdp) {
  // Tiles being parsed or drawn mid-change are work in flight, not memory kept.
  await page.waitForFunction(() => window.storymap.idle, null, { timeout: 30_000 });
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/**
 * Waits until the loop has made `n` more chapter changes, counting from the chapter index. It fails
 * when the loop stalls (no change for `stallMs`), not after a fixed total: how long a round takes
 * follows the story (a chapter whose caption scrolls dwells longer), and the soak is about memory.
 */
async function waitForChanges(page, n, stallMs = 60_000) {
  return page.evaluate(
    ({ n, stallMs }) =>
      new Promise((resolve, reject) => {
        const count = window.storymap.chapterCount;
        let last = window.storymap.chapterIndex;
        let seen = 0;
        let lastChange = performance.now();
        const timer = setInterval(() => {
          const now = window.storymap.chapterIndex;
          if (now !== last) lastChange = performance.now();
          seen += (now - last + count) % count;
          last = now;
          if (seen >= n) {
            clearInterval(timer);
            resolve(seen);
          } else if (performance.now() - lastChange > stallMs) {
            clearInterval(timer);
            reject(new Error(`the loop stalled: no chapter change for ${stallMs} ms (${seen} of ${n} made)`));
          }
        }, 20);
      }),
    { n, stallMs },
  );
}

/**
 * Runs the soak in `page` (a Chromium page of a context with reducedMotion 'reduce').
 * @param {import('@playwright/test').Page} page
 * @param {{ changes?: number, warmup?: number, speed?: number }} [opts]
 * @returns {{ changes: number, seconds: number, startBytes: number, endBytes: number, growth: number }}
 */
export async function kioskSoak(page, opts = {}) {
  const { changes, speed, warmup } = { ...SOAK_DEFAULTS, ...opts };
  const cdp = await page.context().newCDPSession(page);
  // A small map: software WebGL spends its time on pixels, and the soak is about memory.
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(`/?mode=kiosk&speed=${speed}`);
  await page.waitForFunction(() => window.storymap?.mode === 'kiosk' && window.storymap.idle, null, {
    timeout: 60_000,
  });
  // Warm-up first: code, tiles in view, fonts and caches are loaded once and then reused.
  await waitForChanges(page, warmup);
  const startBytes = await heapAfterGc(page, cdp);
  const t0 = Date.now();
  const seen = await waitForChanges(page, changes);
  const seconds = (Date.now() - t0) / 1000;
  const endBytes = await heapAfterGc(page, cdp);
  await cdp.detach();
  return { changes: seen, seconds, startBytes, endBytes, growth: (endBytes - startBytes) / startBytes };
}

/** @param {{ changes: number, seconds: number, startBytes: number, endBytes: number, growth: number }} r */
export function formatSoak(r) {
  const mb = (b) => (b / 1048576).toFixed(2);
  return `kiosk soak: ${r.changes} chapter changes in ${r.seconds.toFixed(1)} s; JS heap ${mb(r.startBytes)} MB → ${mb(r.endBytes)} MB (${r.growth >= 0 ? '+' : ''}${(r.growth * 100).toFixed(1)}%)`;
}

// Alone: serve dist/, launch Chromium, run, print, and fail above the limit.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('@playwright/test');
  const { serveDist, CHROMIUM_ARGS, chromiumPath } = await import('../../scripts/serve-dist.mjs');
  const arg = (k, d) => {
    const i = process.argv.indexOf(`--${k}`);
    return i < 0 ? d : Number(process.argv[i + 1]);
  };
  const server = await serveDist('dist');
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({
      baseURL: server.origin,
      reducedMotion: 'reduce',
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    const r = await kioskSoak(page, {
      changes: arg('changes', SOAK_DEFAULTS.changes),
      speed: arg('speed', SOAK_DEFAULTS.speed),
      warmup: arg('warmup', SOAK_DEFAULTS.warmup),
    });
    console.log(formatSoak(r));
    process.exitCode = r.growth > SOAK_DEFAULTS.limit ? 1 : 0;
  } finally {
    await browser.close();
    server.close();
  }
}
