// Issue 7: routes draw themselves with the reader's progress, figures and the locator inset.
import { drawFraction } from '../../src/lib/map/route-draw';
import { scrollProgress } from '../../src/lib/drivers/scroll';
import { figureText, formatKm } from '../../src/lib/ui/format';
import { chapter, expect, settled, story, test } from './fixtures';
import type { Page } from '@playwright/test';

interface Sample {
  id: string;
  progress: number;
  route: number | null;
  expected: number;
}

/** Scrolls so that the chapter's own progress would be `p`, and reads the state once it has followed. */
async function scrollTo(page: Page, id: string, p: number): Promise<Sample> {
  const expected = await page.evaluate(
    ([cid, target]) => {
      const el = document.querySelector<HTMLElement>(`[data-chapter-id="${cid}"]`)!;
      // The reader's window is what the page does not keep covered at its top (the bar; its
      // `scroll-padding-top`), as the scroll driver measures it.
      const covered = Math.round(
        parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0,
      );
      const vh = window.innerHeight - covered;
      const r = el.getBoundingClientRect();
      const top = covered + vh * 0.75 - target * (r.height + vh * 0.5);
      window.scrollBy(0, r.top - top);
      const after = el.getBoundingClientRect();
      return { top: after.top - covered, height: after.height, vh };
    },
    [id, p] as const,
  );
  const want = scrollProgress(expected.top, expected.height, expected.vh);
  let last: Sample | undefined;
  await expect
    .poll(
      async () => {
        const s = await page.evaluate(() => ({
          id: window.storymap!.chapterId,
          progress: window.storymap!.progress,
          route: window.storymap!.routeProgress,
        }));
        last = { ...s, expected: want };
        // Either the chapter is not the active one here, or its progress and the map have followed.
        return s.id !== id || (Math.abs(s.progress - want) < 2e-3 && s.route !== null);
      },
      { message: `progress ${p} in ${id}` },
    )
    .toBe(true);
  return last!;
}

test('a route draws itself as the reader scrolls through its chapter', async ({ page }) => {
  const id = 'rocket';
  expect(chapter(id).layers).toContain('flight-to-launch');
  await page.goto(`/#${id}`);
  await settled(page, id);
  const samples: Sample[] = [];
  for (const p of [0.02, 0.15, 0.25, 0.35, 0.45, 0.55, 0.65, 0.8, 0.95]) {
    const s = await scrollTo(page, id, p);
    if (s.id === id) samples.push(s);
  }
  // The chapter was active over most of its length, and the map's drawn fraction followed it.
  expect(samples.length, JSON.stringify(samples)).toBeGreaterThanOrEqual(5);
  for (const s of samples) expect(s.route!, JSON.stringify(s)).toBeCloseTo(drawFraction(s.progress), 3);
  for (let i = 1; i < samples.length; i++) {
    expect(samples[i]!.progress).toBeGreaterThan(samples[i - 1]!.progress);
    expect(samples[i]!.route!).toBeGreaterThanOrEqual(samples[i - 1]!.route!);
  }
  expect(
    samples.some((s) => s.route! > 0 && s.route! < 1),
    'a partly drawn route',
  ).toBe(true);
  expect(samples[samples.length - 1]!.route).toBe(1);
  // Scrolling back up undraws it: the picture depends on the position, not on the way there.
  const back = await scrollTo(page, id, samples[1]!.progress);
  expect(back.route!).toBeCloseTo(drawFraction(back.progress), 3);
  expect(back.route!).toBeLessThan(1);
});

test('with reduced motion, routes are drawn complete wherever the reader is', async ({
  browser,
  baseURL,
}) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', baseURL });
  const page = await context.newPage();
  const id = 'gateway';
  await page.goto(`/#${id}`);
  await settled(page, id);
  const s = await scrollTo(page, id, 0.3);
  expect(s.id).toBe(id);
  expect(drawFraction(s.progress)).toBeLessThan(1);
  expect(s.route).toBe(1);
  await context.close();
});

test('route lengths, figures and sources are in the chapters, in both languages', async ({ page }) => {
  for (const lang of ['en', 'zh'] as const) {
    await page.goto(lang === 'en' ? '/?lang=en#gateway' : '/zh/?lang=zh#gateway');
    await settled(page, 'gateway');
    for (const oid of chapter('gateway').layers) {
      const o = story.overlays.find((x) => x.id === oid)!;
      await expect(page.locator(`#gateway [data-overlay-id="${oid}"]`)).toContainText(
        formatKm(o.measure, lang),
      );
    }
    const smart = page.locator('#smart-city');
    for (const fid of chapter('smart-city').figures) {
      const f = story.figures.find((x) => x.id === fid)!;
      const caption = smart.locator(`figure[data-figure-id="${fid}"] figcaption`);
      for (const v of f.values) await expect(caption).toContainText(figureText(f, v.value, lang));
    }
    await expect(page.locator('#credits [data-source-id]')).toHaveCount(story.sources.length);
  }
});

test('the overview inset shows where the view is in China', async ({ page }) => {
  await page.goto('/#the-area');
  await settled(page, 'the-area');
  const inset = page.locator('.overview-inset');
  await expect(inset).toBeVisible();
  await expect(inset).toHaveAttribute('aria-hidden', 'true');
  // A city-scale view is too small for a rectangle: a marker shows it.
  await expect(inset.locator('circle.view-dot')).toHaveCount(1);
  await page.locator('[data-chapter-id="rocket"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await settled(page, 'rocket');
  await expect(inset.locator('rect.view')).toHaveCount(1);
  const b = await page.evaluate(() => window.storymap!.bounds);
  const cam = chapter('rocket').camera.center;
  expect(b![0]).toBeLessThan(cam[0]);
  expect(b![2]).toBeGreaterThan(cam[0]);
});

test("the overview inset takes the map's theme: light beside the reading map, dark on the kiosk's", async ({
  page,
}) => {
  /** Relative luminance (0 black … 1 white) of the inset's card and of China's outline in it. */
  const insetColours = () =>
    page.locator('.overview-inset.filled').evaluate((el) => {
      const lum = (css: string) => {
        const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
      };
      return {
        card: lum(getComputedStyle(el).backgroundColor),
        land: lum(getComputedStyle(el.querySelector('path.land')!).fill),
      };
    });
  await page.goto('/#rocket');
  await settled(page, 'rocket');
  const light = await insetColours();
  expect(light.card, 'a light card on the light map').toBeGreaterThan(0.8);
  await page.goto('/?mode=kiosk');
  await expect(page.locator('.overview-inset.filled')).toBeVisible();
  const dark = await insetColours();
  expect(dark.card, 'a dark card on the dark map, not a light one glaring beside it').toBeLessThan(0.05);
  for (const c of [light, dark])
    // The outline stands out from its card (contrast ratio ≥ 2).
    expect((Math.max(c.card, c.land) + 0.05) / (Math.min(c.card, c.land) + 0.05)).toBeGreaterThanOrEqual(2);
});
