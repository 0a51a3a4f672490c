// Every screen the story meets: at each chapter's settled camera, every highlighted place stands
// inside the part of the map that nothing covers, and nothing painted over the map hides it. On
// the scroll mode's screens the same walk checks what a reader sees at rest (scroll-checks.ts).
import type { Page } from '@playwright/test';
import { expect, settled, story, test } from './fixtures';
import { checkScrollLayout, headingInView } from './scroll-checks';

interface Screen {
  mode: 'scroll' | 'present' | 'kiosk';
  width: number;
  height: number;
  /** Scroll mode: the map has a box of its own (phones, tablets), not under the text's column. */
  mapOwnBox?: boolean;
}
const SCREENS: Screen[] = [
  { mode: 'scroll', width: 390, height: 844, mapOwnBox: true },
  { mode: 'scroll', width: 844, height: 390, mapOwnBox: true },
  { mode: 'scroll', width: 768, height: 1024, mapOwnBox: true },
  { mode: 'scroll', width: 1280, height: 800, mapOwnBox: false },
  { mode: 'present', width: 1920, height: 1080 },
  { mode: 'present', width: 1024, height: 768 },
  { mode: 'kiosk', width: 1080, height: 1920 },
  { mode: 'kiosk', width: 1920, height: 1080 },
];
// Each screen and language is a page of its own: the two browsers of the walks share them out.
test.describe.configure({ mode: 'parallel' });

/** A highlighted place's dot must stand this far inside the free part of the map. */
const MARGIN = 6;

interface Seen {
  chapterId: string;
  places: { id: string; x: number; y: number; highlight: boolean }[];
  free: { left: number; top: number; right: number; bottom: number } | null;
  idle: boolean;
}

/** The active chapter's places once the camera stands still (the same twice in a row). */
async function restingPlaces(page: Page, chapterId: string): Promise<Seen> {
  let last = '';
  let seen: Seen | undefined;
  await expect
    .poll(
      async () => {
        seen = await page.evaluate((id) => {
          const s = window.storymap!;
          // The kiosk's attract loop may have moved on meanwhile: back to the chapter under test.
          if (s.chapterId !== id) location.hash = id;
          return { chapterId: s.chapterId, places: s.places, free: s.visibleRect, idle: s.idle };
        }, chapterId);
        const key = JSON.stringify(seen);
        // At rest and on screen: the places are known from the tiles a little before the first
        // picture is shown.
        const still = key === last && seen.chapterId === chapterId && seen.places.length > 0 && seen.idle;
        last = key;
        return still;
      },
      { timeout: 30_000, intervals: [150, 150, 250] },
    )
    .toBe(true);
  return seen!;
}

/** What paints over the map at (x, y): marked panels, MapLibre's controls, the inset, or any element with a background. */
async function coversAt(page: Page, x: number, y: number): Promise<string[]> {
  return page.evaluate(
    ([x, y]) => {
      const name = (el: Element) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
      const found = new Set<string>();
      // Panels by their boxes (some take no pointer events, so elementsFromPoint would not see them).
      for (const el of document.querySelectorAll('[data-covers-map], .maplibregl-ctrl, .overview-inset')) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        if (style.getPropertyValue('--covers-map').trim() === '0') continue;
        const r = el.getBoundingClientRect();
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) found.add(name(el));
      }
      // Anything else above the map's canvas that paints a background.
      const stack = document.elementsFromPoint(x, y);
      const canvas = stack.findIndex((el) => el.classList.contains('maplibregl-canvas'));
      for (const el of stack.slice(0, Math.max(0, canvas))) {
        const bg = getComputedStyle(el).backgroundColor;
        const transparent = bg === 'transparent' || /rgba\(.*,\s*0\)$/.test(bg);
        if (!transparent) found.add(name(el));
      }
      if (canvas < 0) found.add('(no map canvas here)');
      return [...found];
    },
    [x, y] as const,
  );
}

for (const screen of SCREENS) {
  test.describe(`${screen.mode} at ${screen.width}×${screen.height}`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height }, reducedMotion: 'reduce' });
    for (const lang of ['en', 'zh'] as const) {
      const scroll = screen.mode === 'scroll';
      const title = scroll
        ? `every highlighted place is in view and uncovered; at rest: opaque bar, clear map, credits over no text, 44 px targets (${lang})`
        : `every highlighted place is in view and uncovered (${lang})`;
      test(title, async ({ page }) => {
        if (scroll) {
          // The language's own page, as a reader arrives on it.
          await page.goto(lang === 'zh' ? '/zh/' : '/');
          await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-Hans' : 'en');
        } else {
          const query = new URLSearchParams({ lang, mode: screen.mode });
          // The attract loop at its slowest, so that it rarely moves on while a chapter is checked.
          if (screen.mode === 'kiosk') query.set('speed', '0.25');
          await page.goto(`/?${query}`);
        }
        const failures: string[] = [];
        for (const chapter of story.chapters) {
          await page.evaluate((id) => (location.hash = id), chapter.id);
          if (screen.mode === 'scroll')
            await page.evaluate(
              (id) => document.getElementById(id)?.scrollIntoView({ block: 'start' }),
              chapter.id,
            );
          const seen = await restingPlaces(page, chapter.id);
          expect(seen.free, 'the free part of the map is measured').not.toBeNull();
          const f = seen.free!;
          for (const p of seen.places.filter((p) => p.highlight)) {
            const where = `${chapter.id}: ${p.id} at (${Math.round(p.x)}, ${Math.round(p.y)})`;
            const inside =
              p.x >= f.left + MARGIN &&
              p.x <= f.right - MARGIN &&
              p.y >= f.top + MARGIN &&
              p.y <= f.bottom - MARGIN;
            if (!inside)
              failures.push(
                `${where} is outside the free map [${[f.left, f.top, f.right, f.bottom].map(Math.round).join(', ')}]`,
              );
            const covers = await coversAt(page, p.x, p.y);
            if (covers.length) failures.push(`${where} is covered by ${covers.join(', ')}`);
          }
          if (scroll) {
            // Where a reader who has just reached the chapter has it: its start at the top of the
            // space for text, its heading uncovered, and the page around the map as it should be.
            await settled(page, chapter.id);
            const heading = await headingInView(page, chapter.id);
            if (heading) failures.push(heading);
            const { problems } = await checkScrollLayout(page, screen.mapOwnBox!);
            failures.push(...problems.map((p) => `${chapter.id} at rest: ${p}`));
          }
        }
        expect(failures).toEqual([]);
      });
    }
  });
}
