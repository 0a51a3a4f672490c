// Pages in the bench's browser, and the User Timing marks the app and the bare page set.
import { log } from './table.mjs';

export const VIEWPORT = { width: 1280, height: 800 };

export function pages(browser) {
  async function openPage(url, { reducedMotion = 'no-preference', init } = {}) {
    const context = await browser.newContext({ viewport: VIEWPORT, reducedMotion });
    const page = await context.newPage();
    page.on('pageerror', (e) => log('page error:', e.message));
    if (init) await page.addInitScript(init);
    await page.goto(url);
    return { page, context };
  }
  return { openPage };
}

export const waitMark = (page, name, timeout = 90_000) =>
  page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout, polling: 50 });

export const readMark = (page, name) =>
  page.evaluate((n) => {
    const m = performance.getEntriesByName(n)[0];
    return m ? { t: m.startTime, detail: m.detail } : null;
  }, name);

/** Waits until the app's map shows chapter `id` completely and stands still. */
export const waitIdle = (page, id) =>
  page.waitForFunction((cid) => window.storymap?.idle === true && window.storymap.chapterId === cid, id, {
    timeout: 90_000,
    polling: 50,
  });

/**
 * The bare page's first idle, refusing a page that drew no basemap (its archive did not load): its
 * timings would be those of an empty map, and every ratio against it wrong.
 */
export async function bareFirstIdle(page) {
  await waitMark(page, 'storymap:first-idle');
  const m = await readMark(page, 'storymap:first-idle');
  if (!(m?.detail?.basemapFeatures > 0))
    throw new Error(`the bare page drew no basemap at ${page.url()}: its archive did not load`);
  return m;
}
