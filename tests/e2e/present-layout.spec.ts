// Issue 15 item 3: slides on projectors. At 1920×1080, 1024×768 and 4K, in English and Chinese,
// every chapter fits its slide (nothing cut off, nothing scrolled away), its body text is at least
// the floor for that screen and nothing on it smaller than 0.8 of the floor, and the controls and
// key hints never cover it. Layout only: reduced motion, and the map is not waited for.
import type { Page } from '@playwright/test';
import { chapter, expect, field, settled, story, test } from './fixtures';

const ids = story.chapters.map((c) => c.id);

const SCREENS = [
  { width: 1920, height: 1080, floor: 24 },
  { width: 1024, height: 768, floor: 18 },
  { width: 3840, height: 2160, floor: 48 },
] as const;

interface Measure {
  layout: string | null;
  step: number;
  steps: number;
  /** Each line of text of the slide shown whole in this step ("text index:line index"). */
  shown: string[];
  texts: number;
  viewport: { width: number; height: number };
  slide: { left: number; top: number; right: number; bottom: number };
  scroll: { sh: number; ch: number; sw: number; cw: number };
  body: number;
  /** Text outside the slide's box or the window. */
  outside: string[];
  /** The smallest text (not in the chart) and where. */
  smallest: { size: number; text: string };
  /** Controls whose box meets the slide's box. */
  covering: string[];
  /** Painting elements over the map without data-covers-map. */
  unmarked: string[];
}

/** Everything the test asserts about the slide as it stands, measured in the page. */
function measure(page: Page): Promise<Measure> {
  return page.evaluate(() => {
    const slide = document.querySelector<HTMLElement>('.slide')!;
    const r = slide.getBoundingClientRect();
    // What the slide shows: its box, and within it the window its pages move through.
    const w = slide.querySelector('.slide-window')!.getBoundingClientRect();
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const outside: string[] = [];
    const shown: string[] = [];
    let texts = 0;
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(slide.querySelector('.slide-window')!, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent?.trim();
      const el = n.parentElement!;
      // Text the slide does not show: for screen readers only, or in a closed <details>.
      if (!text || el.closest('.map-description, .visually-hidden')) continue;
      if (!el.checkVisibility({ visibilityProperty: true })) continue;
      const index = texts;
      const range = document.createRange();
      range.selectNodeContents(n);
      const boxes = [...range.getClientRects()].filter((b) => b.width > 0 || b.height > 0);
      texts += boxes.length;
      // A glyph's box may stand a little above its line (CJK fonts at a tight line height): 6 % of
      // the size is allowed; the ink is well inside.
      const tol = Math.max(1, 0.06 * parseFloat(getComputedStyle(el).fontSize));
      const inside = (b: DOMRect, c: { left: number; right: number; top: number; bottom: number }) =>
        b.left >= c.left - tol &&
        b.right <= c.right + tol &&
        b.top >= c.top - tol &&
        b.bottom <= c.bottom + tol;
      const apart = (b: DOMRect, c: DOMRect) =>
        b.right <= c.left + tol ||
        b.left >= c.right - tol ||
        b.bottom <= c.top + tol ||
        b.top >= c.bottom - tol;
      const view = { left: 0, top: 0, right: vw, bottom: vh };
      for (const b of boxes) {
        // Whole on this step, or whole on another page of the slide; never cut by an edge.
        const here = inside(b, r) && inside(b, w) && inside(b, view);
        if (!here && !(slide.dataset.fit === 'pages' && apart(b, w)))
          outside.push(`${text.slice(0, 40)} @ ${Math.round(b.left)},${Math.round(b.top)}`);
      }
      boxes.forEach((b, k) => {
        if (inside(b, r) && inside(b, w) && inside(b, view)) shown.push(`${index}:${k}`);
      });
      if (el.closest('svg')) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < smallest.size)
        smallest = { size, text: `${el.className || el.tagName}: ${text.slice(0, 30)}` };
    }
    const covering: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      '.present-bar > *, .present-buttons > *, .keys-hint',
    );
    for (const c of controls) {
      const b = c.getBoundingClientRect();
      if (b.width === 0 || getComputedStyle(c).visibility === 'hidden') continue;
      const apart = b.right <= r.left || b.left >= r.right || b.bottom <= r.top || b.top >= r.bottom;
      if (!apart) covering.push(c.className || c.tagName);
    }
    const unmarked = [...document.querySelectorAll<HTMLElement>('.slide, .present-bar, .keys-hint')]
      .filter((e) => !e.hasAttribute('data-covers-map'))
      .map((e) => e.className);
    const body = slide.querySelector('.chapter-body p') ?? slide.querySelector('.chapter-body')!;
    return {
      layout: slide.dataset.fit ?? null,
      step: Number(slide.dataset.step),
      steps: Number(slide.dataset.steps),
      shown,
      texts,
      viewport: { width: vw, height: vh },
      slide: { left: r.left, top: r.top, right: r.right, bottom: r.bottom },
      scroll: {
        sh: slide.scrollHeight,
        ch: slide.clientHeight,
        sw: slide.scrollWidth,
        cw: slide.clientWidth,
      },
      body: parseFloat(getComputedStyle(body).fontSize),
      outside,
      smallest,
      covering,
      unmarked,
    };
  });
}

/** Waits for the chapter's slide, its fonts and the fit driver's layout (two frames). */
async function slideOf(page: Page, id: string, lang: 'en' | 'zh') {
  await expect(page.locator('.slide .chapter-title')).toHaveText(chapter(id).title[lang]!);
  // A font part that the new text needs may start loading only once it is laid out, and the fit
  // driver refits when it arrives: measure once two measurements in a row agree.
  let last = '';
  for (let k = 0; k < 10; k++) {
    await page.evaluate(async () => {
      await document.fonts.ready;
      for (let i = 0; i < 3; i++) await new Promise((ok) => requestAnimationFrame(ok));
      await document.fonts.ready;
    });
    const m = await measure(page);
    const key = JSON.stringify([m.layout, m.steps, m.body, m.slide]);
    if (key === last) return m;
    last = key;
  }
  return measure(page);
}

test.use({ reducedMotion: 'reduce' });

for (const screen of SCREENS) {
  test(`${screen.width}×${screen.height}: every chapter fits its slide in type of at least ${screen.floor} px, in English and Chinese`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: screen.width, height: screen.height });
    // What is measured is the slide, not the map: the map draws on a small canvas in a corner, so
    // that software WebGL keeps up at 4K. (An adopted style sheet: the page's CSP allows no <style>.)
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('.map-slot { inset: auto 0 0 auto !important; width: 48px; height: 48px; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
    });
    for (const lang of ['en', 'zh'] as const) {
      await page.goto(lang === 'en' ? '/?mode=present' : '/?mode=present&lang=zh');
      for (const [i, id] of ids.entries()) {
        if (i > 0) await page.keyboard.press('ArrowRight');
        let m = await slideOf(page, id, lang);
        // A chapter in more than one step: → shows each in turn; every text is shown whole in one.
        const seen = new Set<string>();
        for (let step = 1; ; step++) {
          expect(m.step, `${lang} ${id}: step`).toBe(step);
          m.shown.forEach((k) => seen.add(k));
          const where = `${lang} ${id} at ${screen.width}×${screen.height} (layout ${m.layout}, step ${m.step} of ${m.steps})`;
          console.log(
            `${where}: body ${m.body} px, smallest ${m.smallest.size} px (${m.smallest.text}), slide ${Math.round(m.slide.left)}–${Math.round(m.slide.right)} × ${Math.round(m.slide.top)}–${Math.round(m.slide.bottom)}`,
          );
          expect(m.scroll.sh, `${where}: nothing scrolled away below`).toBeLessThanOrEqual(m.scroll.ch + 1);
          expect(m.scroll.sw, `${where}: nothing scrolled away sideways`).toBeLessThanOrEqual(
            m.scroll.cw + 1,
          );
          expect(m.outside, `${where}: text outside the slide or the window`).toEqual([]);
          expect(m.slide.left, where).toBeGreaterThanOrEqual(0);
          expect(m.slide.top, where).toBeGreaterThanOrEqual(0);
          expect(m.slide.right, where).toBeLessThanOrEqual(m.viewport.width);
          expect(m.slide.bottom, where).toBeLessThanOrEqual(m.viewport.height);
          expect(m.body, `${where}: body text size`).toBeGreaterThanOrEqual(screen.floor);
          expect(m.smallest.size, `${where}: smallest text (${m.smallest.text})`).toBeGreaterThanOrEqual(
            0.8 * screen.floor,
          );
          expect(m.covering, `${where}: controls over the slide`).toEqual([]);
          expect(m.unmarked, `${where}: elements over the map without data-covers-map`).toEqual([]);
          if (step >= m.steps) break;
          await page.keyboard.press('ArrowRight');
          await expect(page.locator('.slide')).toHaveAttribute('data-step', String(step + 1));
          m = await slideOf(page, id, lang);
        }
        expect(seen.size, `${lang} ${id}: every text of the chapter shown in some step`).toBe(m.texts);
      }
    }
  });
}

test('a chapter in two steps: → and the → button show its second step before the next chapter, ← comes back through it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const last = ids[ids.length - 1]!;
  await page.goto(`/?mode=present#${ids[ids.length - 2]}`);
  await expect(page.locator('.slide .chapter-title')).toHaveText(chapter(ids[ids.length - 2]!).title.en!);
  await page.keyboard.press('ArrowRight');
  const slide = page.locator('.slide');
  await expect(page.locator('.slide .chapter-title')).toHaveText(chapter(last).title.en!);
  // The full source list does not fit one slide at 24 px: it has a second step.
  await expect(slide).toHaveAttribute('data-steps', '2');
  await expect(slide).toHaveAttribute('data-step', '1');
  await expect(page.locator('.slide-steps')).toHaveText('1 / 2 →');
  // The → button says what it does: the chapter's next page, then (none left) the next chapter.
  const buttons = page.locator('.present-buttons button');
  const [prev, next] = [buttons.nth(0), buttons.nth(1)];
  await expect(next, 'the last chapter still has a step to show').toBeEnabled();
  await expect(next).toHaveAccessibleName('Next page');
  await expect(prev).toHaveAccessibleName('Previous chapter');
  await next.click();
  await expect(slide).toHaveAttribute('data-step', '2');
  await expect(next).toBeDisabled();
  await expect(next).toHaveAccessibleName('Next chapter');
  await expect(prev).toHaveAccessibleName('Previous page');
  // The last source is in view on the second step.
  const lastSource = page.locator('.slide .source-list li').last();
  const [box, win] = await Promise.all([
    lastSource.boundingBox(),
    page.locator('.slide-window').boundingBox(),
  ]);
  expect(box!.x).toBeGreaterThanOrEqual(win!.x - 1);
  expect(box!.x + box!.width).toBeLessThanOrEqual(win!.x + win!.width + 1);
  await page.keyboard.press('ArrowLeft');
  await expect(slide).toHaveAttribute('data-step', '1');
  await expect(page.locator('.slide .chapter-title')).toHaveText(chapter(last).title.en!);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.slide .chapter-title')).toHaveText(chapter(ids[ids.length - 2]!).title.en!);
  await expect(slide).toHaveAttribute('data-steps', '1');
});

test('the speaker view steps the audience through a two-step chapter before the next chapter, and back', async ({
  page,
  problems,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const last = ids[ids.length - 1]!;
  const before = ids[ids.length - 2]!;
  await page.goto(`/?mode=present#${last}`);
  const slide = page.locator('.slide');
  await expect(slide).toHaveAttribute('data-steps', '2');
  const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  speaker.on('console', (m) => m.type() === 'error' && problems.push(`speaker console error: ${m.text()}`));
  speaker.on('pageerror', (e) => problems.push(`speaker page error: ${e.message}`));
  const page2 = speaker.locator('.speaker-step');
  // The speaker hears how many steps the audience's slide has.
  await expect(page2).toHaveText('page 1 of 2 of this slide');
  const next = speaker.getByRole('button', { name: /next/i });
  await expect(next, 'the last chapter still has a step to show').toBeEnabled();
  await expect(next).toHaveText('Next page →');
  await speaker.keyboard.press('ArrowRight');
  await expect(slide).toHaveAttribute('data-step', '2');
  await expect(page.locator('.slide .chapter-title')).toHaveText(chapter(last).title.en!);
  await expect(page2).toHaveText('page 2 of 2 of this slide');
  await expect(next).toBeDisabled();
  await expect(next).toHaveText('Next →');
  await expect(speaker.getByRole('button', { name: /previous/i })).toHaveText('← Previous page');
  await speaker.keyboard.press('ArrowLeft');
  await expect(slide).toHaveAttribute('data-step', '1');
  await speaker.keyboard.press('ArrowLeft');
  await expect(page.locator('.slide .chapter-title')).toHaveText(chapter(before).title.en!);
  await expect(speaker.locator('.speaker-now h2')).toHaveText(chapter(before).title.en!);
  await expect(page2).toHaveCount(0);
  await speaker.close();
});

test('on a 4K screen at 100 % the slides’ map shows the 1080p picture, twice as large, as sharp, its credits clear; a drag moves it with the pointer', async ({
  page,
}) => {
  const id = ids[2]!;
  const look = async (width: number, height: number) => {
    await page.setViewportSize({ width, height });
    await page.goto(`/?mode=present#${id}`);
    await settled(page, id);
    return page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
      const credits = document.querySelector('.maplibregl-ctrl-attrib')!.getBoundingClientRect();
      const controls = [...document.querySelectorAll('.present-bar, .keys-hint, .slide')].map((e) =>
        e.getBoundingClientRect(),
      );
      return {
        bounds: window.storymap!.bounds!,
        screenWidth: canvas.getBoundingClientRect().width,
        devicePixels: canvas.width,
        creditsHeight: credits.height,
        creditsCovered: controls.some(
          (c) =>
            c.left < credits.right &&
            c.right > credits.left &&
            c.top < credits.bottom &&
            c.bottom > credits.top,
        ),
      };
    });
  };
  const hd = await look(1920, 1080);
  const uhd = await look(3840, 2160);
  // The same part of the world (within 3 % of its width and height), not four times as much.
  const [w, h] = [hd.bounds[2] - hd.bounds[0], hd.bounds[3] - hd.bounds[1]];
  for (const k of [0, 2])
    expect(Math.abs(uhd.bounds[k]! - hd.bounds[k]!), `bounds[${k}]`).toBeLessThan(0.03 * w);
  for (const k of [1, 3])
    expect(Math.abs(uhd.bounds[k]! - hd.bounds[k]!), `bounds[${k}]`).toBeLessThan(0.03 * h);
  // Drawn with a device pixel for each pixel of the screen.
  expect(uhd.screenWidth).toBe(3840);
  expect(uhd.devicePixels).toBe(3840);
  // The credits grow with the map, and no control or slide covers them.
  expect(uhd.creditsHeight).toBeGreaterThan(1.8 * hd.creditsHeight);
  expect(hd.creditsCovered, 'credits covered at 1920×1080').toBe(false);
  expect(uhd.creditsCovered, 'credits covered at 3840×2160').toBe(false);
  // Exploring the scaled map, the map follows the pointer: a 400 px drag moves it by 400 screen px,
  // 200 of its own.
  await page.keyboard.press('e');
  const before = (await field(page, 'camera'))!;
  await page.mouse.move(2600, 1000);
  await page.mouse.down();
  await page.mouse.move(3000, 1000, { steps: 5 });
  // Held still before letting go, so that no fling carries the map on.
  await page.waitForTimeout(300);
  await page.mouse.up();
  await expect.poll(async () => (await field(page, 'camera'))!.center[0]).toBeLessThan(before.center[0]);
  await page.waitForFunction(() => window.storymap?.idle === true, null, { polling: 50 });
  const after = (await field(page, 'camera'))!;
  const degreesPerMapPx = 360 / (512 * 2 ** before.zoom);
  expect((before.center[0] - after.center[0]) / degreesPerMapPx).toBeCloseTo(200, -1);
});
