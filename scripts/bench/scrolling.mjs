// Long tasks and long animation frames while scrolling through the whole story, charged to
// whoever ran the longest script in each frame.
import { VIEWPORT, waitIdle } from './browser.mjs';
import { log, ms } from './table.mjs';

function observe() {
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
}

const owner = (url) =>
  /\/assets\/maplibre-/.test(url) ? 'maplibre' : /\/assets\//.test(url) ? 'app' : url ? 'other' : 'browser';

export async function scrolling({ openPage, origin, story, row, budget }) {
  log('long tasks while scrolling');
  const { page, context } = await openPage(`${origin}/`, { init: observe });
  await waitIdle(page, story.chapters[0].id);
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
  await context.close();
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
    `${budget}`,
    charged.app.length <= budget,
  );
}
