// Shared test setup: every test fails on a console error, a page error, or a request that
// leaves the page's own origin (such requests are also blocked, so nothing leaves the machine).
import { test as base, expect, type Page } from '@playwright/test';
import { loadStory } from '../../src/build/story/load';
import type { Camera } from '../../src/lib/story/types';

export const { story } = loadStory('src/stories/liangjiang');

/** Reports console errors, page errors and requests to other origins (which it blocks) of `page`. */
async function watchProblems(page: Page, origin: string, problems: string[]): Promise<void> {
  await page.context().route(
    (url) => url.origin !== origin && !['data:', 'blob:'].includes(url.protocol),
    (route) => {
      problems.push(`request to another origin: ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  page.on('console', (m) => {
    if (m.type() === 'error')
      problems.push(`console error: ${m.text()}${m.location().url ? ` (${m.location().url})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
}

/** Records Content-Security-Policy violations from the very first byte of the page; returns the reader. */
export async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** The printed handout (`/?mode=print`), loaded once per worker; see `handout`. */
interface SharedHandout {
  page: Page;
  /** CSP violations since the page's first byte. */
  csp: () => Promise<string[]>;
  problems: string[];
  /** How many of `problems` a test has already answered for. */
  reported: number;
}

export const test = base.extend<
  {
    allowedProblems: RegExp[];
    problems: string[];
    handout: { page: Page; csp: () => Promise<string[]> };
  },
  { sharedHandout: SharedHandout }
>({
  allowedProblems: [[], { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument
  problems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, baseURL, allowedProblems, problems }, use) => {
    await watchProblems(page, new URL(baseURL!).origin, problems);
    await use(page);
    const unexpected = problems.filter((p) => !allowedProblems.some((re) => re.test(p)));
    expect(unexpected, 'console errors, page errors and requests to other origins').toEqual([]);
  },
  // The handout photographs the map at every chapter before it is ready (~30 s of software
  // WebGL). The tests that only read the ready handout (its pictures and PDF, axe, CSP) share one
  // such page per worker instead of each waiting for their own. Each test still fails on any
  // console error, page error or request elsewhere since the test before it (the first one also
  // answers for the loading).
  sharedHandout: [
    async ({ browser }, use, workerInfo) => {
      const { baseURL, viewport } = workerInfo.project.use;
      const context = await browser.newContext({ baseURL, viewport });
      const page = await context.newPage();
      const shared: SharedHandout = { page, csp: await watchCsp(page), problems: [], reported: 0 };
      await watchProblems(page, new URL(baseURL!).origin, shared.problems);
      await page.goto('/?mode=print');
      await whenIdle(page, 240_000);
      await use(shared);
      await context.close();
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  handout: async ({ sharedHandout, allowedProblems }, use) => {
    await use({ page: sharedHandout.page, csp: sharedHandout.csp });
    const problems = sharedHandout.problems.slice(sharedHandout.reported);
    sharedHandout.reported = sharedHandout.problems.length;
    const unexpected = problems.filter((p) => !allowedProblems.some((re) => re.test(p)));
    expect(unexpected, 'console errors, page errors and requests to other origins').toEqual([]);
  },
});
export { expect };

export interface Status {
  chapterId: string;
  chapterIndex: number;
  mode: string;
  lang: string;
  idle: boolean;
  camera: Camera | null;
  renderedPlaces: string[];
  basemap: { features: number; labels: string[]; onPlaces: string[] } | null;
  animatedMoves: number;
  progress: number;
  notice: string | null;
}

/**
 * Everything the handle reports. Reading `renderedPlaces` and `basemap` queries the rendered map
 * (tens of milliseconds of the page's main thread): to poll one field, use `field`.
 */
export async function status(page: Page): Promise<Status> {
  return page.evaluate(() => {
    const s = window.storymap;
    if (!s) throw new Error('window.storymap is missing');
    return JSON.parse(JSON.stringify(s));
  });
}

/** One field of the handle, read without computing the others (null before the handle exists). */
export async function field<K extends keyof Status>(page: Page, key: K): Promise<Status[K] | null> {
  return page.evaluate((k) => {
    const s = window.storymap as unknown as Record<string, unknown> | undefined;
    return s ? JSON.parse(JSON.stringify(s[k] ?? null)) : null;
  }, key) as Promise<Status[K] | null>;
}

/**
 * Waits until `chapterId` is active and the map has settled on it. The page checks the state
 * itself every 50 ms (no round trip per check), so the wait ends as soon as the map is idle.
 */
export async function settled(page: Page, chapterId: string, timeout = 45_000): Promise<Status> {
  try {
    await page.waitForFunction(
      (id) => window.storymap?.chapterId === id && window.storymap.idle === true,
      chapterId,
      { timeout, polling: 50 },
    );
  } catch (e) {
    const now = await page
      .evaluate(() => window.storymap && `${window.storymap.chapterId}:${window.storymap.idle}`)
      .catch(() => 'page gone');
    throw new Error(`map not settled on ${chapterId} within ${timeout} ms (now ${now ?? 'no handle'})`, {
      cause: e,
    });
  }
  return status(page);
}

/**
 * Waits until the page reports `idle` (the map has drawn its chapter; in print mode, every
 * picture of the handout is taken), checking in the page every 50 ms.
 */
export async function whenIdle(page: Page, timeout = 60_000): Promise<void> {
  try {
    await page.waitForFunction(() => window.storymap?.idle === true, null, { timeout, polling: 50 });
  } catch (e) {
    throw new Error(`window.storymap.idle not true within ${timeout} ms`, { cause: e });
  }
}

export function expectCamera(actual: Camera | null, expected: Camera, label = ''): void {
  expect(actual, `camera ${label}`).not.toBeNull();
  const a = actual!;
  expect(Math.abs(a.center[0] - expected.center[0]), `longitude ${label}`).toBeLessThan(0.01);
  expect(Math.abs(a.center[1] - expected.center[1]), `latitude ${label}`).toBeLessThan(0.01);
  expect(Math.abs(a.zoom - expected.zoom), `zoom ${label}`).toBeLessThan(0.02);
  expect(Math.abs(a.pitch - expected.pitch), `pitch ${label}`).toBeLessThan(0.5);
  const db = Math.abs(((((a.bearing - expected.bearing) % 360) + 540) % 360) - 180);
  expect(db, `bearing ${label}`).toBeLessThan(0.5);
}

export function chapter(id: string) {
  const c = story.chapters.find((x) => x.id === id);
  if (!c) throw new Error(`no chapter ${id}`);
  return c;
}

export interface ImageStats {
  width: number;
  height: number;
  /** standard deviation of the pixels' brightness: 0 for one flat colour */
  spread: number;
  /** distinct colours (counted up to 5000) */
  colours: number;
  /** FNV-1a hash of the pixels, to tell pictures apart */
  hash: string;
}

/** Decodes each image (any URL the page can load: a file, data: or blob:) to pixels and describes them. */
export async function imageStats(page: Page, srcs: string[]): Promise<ImageStats[]> {
  return page.evaluate(async (list) => {
    const out: ImageStats[] = [];
    for (const src of list) {
      const img = new Image();
      img.src = src;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let sum = 0;
      let sum2 = 0;
      let h = 0x811c9dc5;
      const colours = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        const lum = 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
        sum += lum;
        sum2 += lum * lum;
        if (colours.size < 5000) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
        for (let k = 0; k < 4; k++) h = Math.imul(h ^ data[i + k]!, 0x01000193) >>> 0;
      }
      const px = data.length / 4;
      const mean = sum / px;
      out.push({
        width: c.width,
        height: c.height,
        spread: Math.sqrt(Math.max(0, sum2 / px - mean * mean)),
        colours: colours.size,
        hash: h.toString(16),
      });
    }
    return out;
  }, srcs);
}
