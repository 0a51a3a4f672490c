// Issue 5: the kiosk — attract loop, touch to explore, reset after idle, offline start from the
// service worker's cache, and recovery from a lost WebGL context.
import type { Page } from '@playwright/test';
import { chapter, expect, expectCamera, field, settled, status, story, test } from './fixtures';

const ids = story.chapters.map((c) => c.id);
const maxDwell = Math.max(...story.chapters.map((c) => c.dwell));
// The loop's order is behaviour, not timing: the attract-loop test runs it fast (`&speed=`). The
// tests of a visitor keep a slower loop (every chapter change is main-thread work for the map, and
// a page busy with them answers a touch late). The touch test records the visit in the page, so
// its idle time can be short; the reset test steps through a visit from the test, so its idle
// time must outlast the longest step between two inputs on a busy machine (a chapter's map
// settling, a drag: only the press counts as input), or the kiosk resets in the middle of the
// visit (10 s did, on a loaded machine).
const FAST = 60;

/** Records every chapter the page shows, in order, until `count` changes were seen. */
async function recordChanges(page: Page, count: number, timeout: number): Promise<number[]> {
  return page.evaluate(
    ({ count, timeout }) =>
      new Promise<number[]>((resolve, reject) => {
        const seen: number[] = [];
        let last = window.storymap!.chapterIndex;
        const started = performance.now();
        const timer = setInterval(() => {
          const now = window.storymap!.chapterIndex;
          if (now !== last) seen.push((last = now));
          if (seen.length >= count) {
            clearInterval(timer);
            resolve(seen);
          } else if (performance.now() - started > timeout) {
            clearInterval(timer);
            reject(new Error(`only saw ${JSON.stringify(seen)}`));
          }
        }, 15);
      }),
    { count, timeout },
  );
}

const kioskState = (page: Page) => page.locator('.kiosk-root').getAttribute('data-kiosk-state');

test('the attract loop plays every chapter in order and comes back to the first', async ({ page }) => {
  await page.goto(`/?mode=kiosk&speed=${FAST}`);
  await expect.poll(() => field(page, 'mode')).toBe('kiosk');
  // A whole round and one more: each chapter follows the one before, the first follows the last.
  const first = (await field(page, 'chapterIndex'))!;
  const seen = [first, ...(await recordChanges(page, ids.length + 1, 60_000))];
  for (let i = 1; i < seen.length; i++)
    expect(seen[i], `chapter after ${seen[i - 1]}`).toBe((seen[i - 1]! + 1) % ids.length);
  expect(seen.slice(1)).toContain(0);
  await expect(page.locator('.kiosk-caption h1')).toHaveText(/\S/);
});

test.describe('a visitor', () => {
  test.use({ hasTouch: true });

  test('a touch pauses the loop; after the idle time the loop goes on by itself', async ({ page }) => {
    await page.goto('/?mode=kiosk&speed=20&idle=4');
    await expect.poll(() => field(page, 'mode')).toBe('kiosk');
    await recordChanges(page, 1, 30_000);
    // The visit is recorded in the page every 20 ms from before the touch: a busy page answers the
    // test late, and the visit lasts only the idle time.
    await page.evaluate(() => {
      const root = document.querySelector('.kiosk-root')!;
      window.visit = [];
      setInterval(() => {
        const next = [...document.querySelectorAll('button')].some(
          (b) =>
            b.getAttribute('aria-label') === 'Next chapter' &&
            b.checkVisibility({ visibilityProperty: true }) &&
            b.getBoundingClientRect().width > 0,
        );
        const state = root.getAttribute('data-kiosk-state');
        window.visit.push({ t: performance.now(), state, chapter: window.storymap!.chapterIndex, next });
      }, 20);
    });
    await page.touchscreen.tap(900, 400);
    // Nobody touches anything for the idle time: the loop resumes and advances again.
    const visit = async () => {
      const v = await page.evaluate(() => window.visit);
      const from = v.findIndex((x) => x.state === 'explore');
      const end = v.findIndex((x, i) => i > from && x.state !== 'explore');
      const explore = from < 0 ? [] : v.slice(from, end < 0 ? v.length : end);
      const after = from < 0 ? [] : v.slice(from + explore.length);
      return { explore, after };
    };
    await expect
      .poll(
        async () => {
          const { explore, after } = await visit();
          return explore.length > 0 && after.some((x) => x.chapter !== explore[0]!.chapter);
        },
        { timeout: 45_000 },
      )
      .toBe(true);
    const { explore, after } = await visit();
    // While the visitor is there: the controls, and the same chapter for at least twice the
    // longest dwell at this speed (the loop would have moved on at least once).
    expect(
      explore.every((x) => x.next),
      'the Next chapter button while exploring',
    ).toBe(true);
    const held = explore[0]!.chapter;
    expect(
      explore.map((x) => x.chapter),
      'chapter while a visitor is there',
    ).toEqual(explore.map(() => held));
    expect(explore[explore.length - 1]!.t - explore[0]!.t).toBeGreaterThan(((maxDwell * 1000) / 20) * 2);
    // Then the loop, on by itself.
    expect(after[0]!.state).toBe('loop');
  });

  test('the controls are large touch targets in both languages', async ({ page }) => {
    await page.goto('/?mode=kiosk&idle=60');
    await settled(page, ids[0]!);
    await page.touchscreen.tap(900, 400);
    for (const lang of ['en', 'zh']) {
      const buttons = page.locator('.kiosk-controls button');
      expect(await buttons.count()).toBeGreaterThanOrEqual(5);
      for (const b of await buttons.all()) {
        const box = (await b.boundingBox())!;
        expect(box.width, `width of ${await b.textContent()}`).toBeGreaterThanOrEqual(64);
        expect(box.height, `height of ${await b.textContent()}`).toBeGreaterThanOrEqual(64);
      }
      if (lang === 'en') await page.locator('.lang-switch').tap();
    }
    await expect.poll(() => field(page, 'lang')).toBe('zh');
    await expect(page.getByRole('button', { name: '下一章', exact: true })).toBeVisible();
  });

  test('idle time resets language, panels, chapter view and explored camera', async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ baseURL, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    test.setTimeout(150_000);
    // Slowed down, so that the loop is still on the visitor's chapter when the map is checked.
    await page.goto('/?mode=kiosk&idle=20&speed=0.25');
    await settled(page, ids[0]!);
    await page.touchscreen.tap(900, 400);
    await expect.poll(() => kioskState(page)).toBe('explore');
    // The visitor goes to a chapter, switches the language, opens the chapter list and pans the map.
    await page.getByRole('button', { name: 'Next chapter', exact: true }).tap();
    const visited = await settled(page, ids[1]!);
    expectCamera(visited.camera, chapter(ids[1]!).camera, 'chosen chapter');
    await page.locator('.lang-switch').tap();
    await expect.poll(() => field(page, 'lang')).toBe('zh');
    await page.getByRole('button', { name: '章节', exact: true }).tap();
    await expect(page.locator('#kiosk-chapter-list')).toBeVisible();
    await page.getByRole('button', { name: '关闭', exact: true }).tap();
    await page.mouse.move(900, 450);
    await page.mouse.down();
    await page.mouse.move(750, 350, { steps: 2 });
    await page.mouse.up();
    await expect
      .poll(async () =>
        Math.abs((await field(page, 'camera'))!.center[0] - chapter(ids[1]!).camera.center[0]),
      )
      .toBeGreaterThan(0.01);
    await page.getByRole('button', { name: '章节', exact: true }).tap();
    await expect(page.locator('#kiosk-chapter-list')).toBeVisible();
    // Then leaves. After the idle time the kiosk is as a new visitor should find it.
    await expect.poll(() => kioskState(page), { timeout: 45_000 }).toBe('loop');
    const s = await settled(page, ids[1]!);
    expect(s.lang).toBe('en');
    expectCamera(s.camera, chapter(ids[1]!).camera, 'after the reset');
    await expect(page.locator('#kiosk-chapter-list')).toBeHidden();
    await expect(page.locator('.kiosk-caption h1')).toHaveText(chapter(ids[1]!).title.en!);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(errors).toEqual([]);
    await context.close();
  });
});

test('no browser chrome: no context menu, no selection, page zoom keys blocked', async ({ page }) => {
  await page.goto('/?mode=kiosk');
  await settled(page, ids[0]!);
  const prevented = await page.evaluate(() => {
    const fire = (e: Event) => (
      document.querySelector('.kiosk-caption')!.dispatchEvent(e),
      e.defaultPrevented
    );
    return {
      contextmenu: fire(new MouseEvent('contextmenu', { bubbles: true, cancelable: true })),
      ctrlWheel: fire(
        new WheelEvent('wheel', { bubbles: true, cancelable: true, ctrlKey: true, deltaY: -100 }),
      ),
      ctrlPlus: fire(
        new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ctrlKey: true, key: '+' }),
      ),
      userSelect: getComputedStyle(document.querySelector('.kiosk-caption')!).userSelect,
      touchAction: getComputedStyle(document.querySelector('.kiosk-root')!).touchAction,
      viewport: document.querySelector('meta[name="viewport"]')!.getAttribute('content'),
    };
  });
  expect(prevented).toEqual({
    contextmenu: true,
    ctrlWheel: true,
    ctrlPlus: true,
    userSelect: 'none',
    touchAction: 'none',
    viewport: expect.not.stringContaining('user-scalable') as unknown as string,
  });
});

test('after a first visit, a reload with the network cut shows the story and the map from the cache', async ({
  page,
  context,
}) => {
  await page.goto('/?mode=kiosk');
  await settled(page, ids[0]!);
  const cached = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    // The worker takes charge of this first page too, so its own reads are served from the cache.
    if (!navigator.serviceWorker.controller)
      await new Promise((r) =>
        navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
      );
    const name = (await caches.keys()).find((k) => k.startsWith('liangjiang-story-'))!;
    const cache = await caches.open(name);
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  for (const path of ['/', '/zh/', '/basemap.pmtiles', '/fonts/NotoSansSC-Regular-cjk.subset.woff2'])
    expect(cached).toContain(path);
  expect(cached.filter((p) => p.startsWith('/assets/') && p.endsWith('.js')).length).toBeGreaterThan(1);
  expect(cached.some((p) => p.endsWith('.css'))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  const s = await settled(page, ids[0]!);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await expect(page.locator('.kiosk-caption h1')).toHaveText(chapter(ids[0]!).title.en!);
  expect(s.renderedPlaces).toEqual([...chapter(ids[0]!).places].sort());

  // The scrolling story in Chinese too, never visited before in this session.
  await page.goto(`/zh/#${ids[2]}`);
  const z = await settled(page, ids[2]!);
  await expect(page.locator(`[data-chapter-id="${ids[2]}"] h2`)).toHaveText(chapter(ids[2]!).title.zh!);
  expect(z.renderedPlaces).toEqual([...chapter(ids[2]!).places].sort());
  await context.setOffline(false);
});

declare global {
  interface Window {
    /** The kiosk every 20 ms while a visitor comes and goes. */
    visit: { t: number; state: string | null; chapter: number; next: boolean }[];
    /** `storymap.idle` every 10 ms from the moment the context was lost. */
    idleAfterLoss: boolean[];
    idleWatch: ReturnType<typeof setInterval>;
  }
}

/** Loses the map's WebGL context; restores it after `restoreAfterMs` unless that is null. */
async function loseContext(page: Page, restoreAfterMs: number | null) {
  return page.evaluate(async (restoreAfterMs) => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    const ext = gl!.getExtension('WEBGL_lose_context')!;
    ext.loseContext();
    // Whether the map stops being idle is watched in the page: a busy page answers the test late,
    // by when the map may have recovered.
    window.idleAfterLoss = [];
    window.idleWatch = setInterval(() => window.idleAfterLoss.push(window.storymap!.idle), 10);
    await new Promise((r) => setTimeout(r, 50));
    const lost = gl!.isContextLost();
    if (restoreAfterMs !== null) {
      await new Promise((r) => setTimeout(r, restoreAfterMs));
      ext.restoreContext();
    }
    (window as unknown as { lostCanvas: HTMLCanvasElement }).lostCanvas = canvas;
    return lost;
  }, restoreAfterMs);
}

async function mapPicture(page: Page): Promise<number> {
  return (await page.locator('canvas.maplibregl-canvas').screenshot()).length;
}

for (const restored of [true, false]) {
  // Slowed down so that the first chapter (no route) stays for the whole test: its map must come to
  // rest again, which also guards against re-setting the route paint on every progress step.
  test(`a lost WebGL context ${restored ? 'that comes back' : 'that never comes back'}: the map renders again`, async ({
    page,
  }) => {
    // Slowed down, so that the loop stays on the first chapter for the whole test.
    await page.goto('/?mode=kiosk&speed=0.25');
    const before = await settled(page, ids[0]!);
    const picture = await mapPicture(page);
    expect(await loseContext(page, restored ? 500 : null)).toBe(true);
    await expect
      .poll(() => page.evaluate(() => window.idleAfterLoss.includes(false)), { timeout: 2_000 })
      .toBe(true);
    await page.evaluate(() => clearInterval(window.idleWatch));
    const after = await settled(page, ids[0]!, 30_000);
    expectCamera(after.camera, before.camera!, 'after recovery');
    await expect
      .poll(async () => (await status(page)).renderedPlaces)
      .toEqual([...chapter(ids[0]!).places].sort());
    const canvas = await page.evaluate(() => {
      const now = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
      const gl = now.getContext('webgl2') ?? now.getContext('webgl');
      return {
        count: document.querySelectorAll('canvas.maplibregl-canvas').length,
        same: now === (window as unknown as { lostCanvas: HTMLCanvasElement }).lostCanvas,
        lost: gl!.isContextLost(),
      };
    });
    expect(canvas).toEqual({ count: 1, same: restored, lost: false });
    // The picture is a map again, not an empty canvas: about as much detail as before.
    await expect.poll(() => mapPicture(page)).toBeGreaterThan(picture * 0.6);
  });
}
