// Issue 9: the story reads before the map arrives, and without JavaScript.
import { expect, imageStats, settled, story, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { Lang } from '../../src/lib/story/types';

const PAGES: { lang: Lang; path: string; htmlLang: string }[] = [
  { lang: 'en', path: '/', htmlLang: 'en' },
  { lang: 'zh', path: '/zh/', htmlLang: 'zh-Hans' },
];
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

for (const { lang, path, htmlLang } of PAGES) {
  test(`the built ${lang} page holds the whole story before any script runs`, async ({ request }) => {
    const res = await request.get(path);
    expect(res.status()).toBe(200);
    const html = await res.text();
    expect(html).toContain(`<html lang="${htmlLang}"`);
    const body = text(html);
    expect(body).toContain(text(story.title[lang]!));
    for (const c of story.chapters) {
      expect(body, `title of ${c.id}`).toContain(text(c.title[lang]!));
      // Every paragraph of the chapter, as the reader will see it.
      for (const para of c.html[lang]!.split(/<\/p>/).map(text).filter(Boolean)) {
        expect(body, `text of ${c.id}`).toContain(para);
      }
      expect(body, `map description of ${c.id}`).toContain(text(c.description[lang]!));
      for (const sid of c.sources) {
        const s = story.sources.find((x) => x.id === sid)!;
        expect(body, `source ${sid} of ${c.id}`).toContain(text(s.title[lang]!));
      }
    }
  });

  test(`without JavaScript the ${lang} story is readable, chapters in order`, async ({
    browser,
    baseURL,
  }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
    const page = await context.newPage();
    await page.goto(path);
    await expect(page.locator('h1')).toHaveText(story.title[lang]!);
    const headings = await page.locator('main h2').allTextContents();
    expect(headings.map((h) => h.trim())).toEqual(story.chapters.map((c) => c.title[lang]!));
    await expect(page.locator('[data-chapter-id]')).toHaveCount(story.chapters.length);
    // Playwright turns scripts off without telling the HTML parser, so <noscript> stays raw text
    // here; a browser with JavaScript off renders it. Check that the note is in it.
    expect(await page.locator('main noscript').innerHTML()).toContain(
      lang === 'en' ? 'The interactive map needs JavaScript' : '交互地图需要 JavaScript',
    );
    for (const c of story.chapters) await expect(page.locator(`#${c.id}`)).toBeVisible();
    await context.close();
  });
}

test('the map code is not requested before the text has painted', async ({ page }) => {
  await page.goto('/');
  await settled(page, story.chapters[0]!.id);
  const timing = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    const mapChunk = performance
      .getEntriesByType('resource')
      .find((e) => /\/assets\/map-view-[^/]+\.js$/.test(e.name)) as PerformanceResourceTiming | undefined;
    const entry = performance
      .getEntriesByType('resource')
      .filter((e) => /\/assets\/index-[^/]+\.js$/.test(e.name))
      .map((e) => e.name);
    return { fcp, mapStart: mapChunk?.startTime ?? null, entry };
  });
  expect(timing.fcp, 'first contentful paint').not.toBeNull();
  expect(timing.mapStart, 'the map chunk was loaded').not.toBeNull();
  expect(timing.mapStart!).toBeGreaterThan(timing.fcp!);
  expect(timing.entry.length).toBe(1);
});

test('a first visit installs the offline copy only after the map’s first complete picture', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      (window as unknown as { registeredAt: number }).registeredAt = performance.now();
      return register.apply(this, args);
    };
  });
  await page.goto('/');
  await settled(page, story.chapters[0]!.id);
  const t = await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    return {
      picture: performance.getEntriesByName('storymap:first-idle')[0]?.startTime ?? null,
      registered: (window as unknown as { registeredAt?: number }).registeredAt ?? null,
    };
  });
  expect(t.picture, 'the first picture').not.toBeNull();
  expect(t.registered, 'the service worker was registered').not.toBeNull();
  expect(t.registered!).toBeGreaterThanOrEqual(t.picture!);
});

test('the English page loads no Chinese font part; the Chinese page does', async ({ page }) => {
  const fonts = () =>
    page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname)
        .filter((p) => p.startsWith('/fonts/')),
    );
  await page.goto('/');
  await settled(page, story.chapters[0]!.id);
  const en = await fonts();
  expect(en.some((p) => /-latin\.subset\.woff2$/.test(p))).toBe(true);
  expect(en.filter((p) => /-cjk\./.test(p))).toEqual([]);
  await page.goto('/zh/');
  await settled(page, story.chapters[0]!.id);
  expect((await fonts()).some((p) => /-cjk\.subset\.woff2$/.test(p))).toBe(true);
});

/** Width, in ems of its own font size, of the first `ch` in the story's text on the page. */
async function glyphWidth(page: Page, ch: string): Promise<number | null> {
  return page.evaluate(async (ch) => {
    await document.fonts.ready;
    const walker = document.createTreeWalker(
      document.querySelector('main') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf(ch);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + 1);
      const px = parseFloat(getComputedStyle(n.parentElement!).fontSize);
      return range.getBoundingClientRect().width / px;
    }
    return null;
  }, ch);
}

test('English text sets quotes and apostrophes narrow; Chinese text full-width', async ({ page }) => {
  await page.goto('/');
  await settled(page, story.chapters[0]!.id);
  // Noto Sans CJK SC's own ’ is a full em wide: "China’ s" with a gap.
  for (const ch of ['’', '“']) {
    const w = await glyphWidth(page, ch);
    expect(w, `${ch} in the English story`).not.toBeNull();
    expect(w!, `width of ${ch} in ems`).toBeLessThan(0.5);
  }
  await page.goto('/zh/');
  await settled(page, story.chapters[0]!.id);
  const w = await glyphWidth(page, '“');
  expect(w, '“ in the Chinese story').not.toBeNull();
  expect(w!, 'width of “ in ems').toBeGreaterThan(0.9);
});

test('the map arrives without shifting the layout', async ({ page }) => {
  await page.goto('/');
  await settled(page, story.chapters[0]!.id);
  const shift = await page.evaluate(
    () =>
      new Promise<number>((done) => {
        let sum = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as (PerformanceEntry & {
            value: number;
            hadRecentInput: boolean;
          })[]) {
            if (!e.hadRecentInput) sum += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => done(sum), 500);
      }),
  );
  expect(shift).toBeLessThan(0.05);
});

test('a shared link has title, description, language alternates and a real map preview', async ({
  page,
  request,
}) => {
  for (const { lang, path } of PAGES) {
    await page.goto(path);
    await expect(page).toHaveTitle(new RegExp(story.title[lang]!));
    const head = page.locator('head');
    await expect(head.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
    // Canonical and language alternates are absolute (SITE_URL at build) or absent, never relative
    // (tests/e2e/first-view.spec.ts, tests/unit/page-head.test.ts).
    for (const link of await head.locator('link[rel="canonical"], link[rel="alternate"]').all())
      expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', story.title[lang]!);
    await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute(
      'content',
      /^summary(_large_image)?$/,
    );
    await expect(head.locator('link[rel="icon"]')).toHaveAttribute('href', /favicon/);
    // Each language's page names its own manifest: installed from it, the app has that page's
    // name and starts in that language.
    const href = await head.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await request.get(href!)).json();
    expect(manifest.name).toBe(story.title[lang]!);
    expect(manifest.start_url).toMatch(new RegExp(`^${path}\\?`));
    expect(manifest.icons.length).toBeGreaterThan(0);
    for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  }

  // Without SITE_URL the page names no preview image (it could not be absolute); the file is there.
  const image =
    (await page.evaluate(() =>
      document.querySelector('meta[property="og:image"]')?.getAttribute('content'),
    )) ?? '/og-image.png';
  expect((await request.get(image!)).headers()['content-type']).toContain('image/png');
  // A real rendering of a map: the right size, many colours, and not one flat field.
  const [stats] = await imageStats(page, [image!]);
  expect(stats).toMatchObject({ width: 1200, height: 630 });
  expect(stats!.colours).toBeGreaterThan(200);
  expect(stats!.spread).toBeGreaterThan(5);
});
