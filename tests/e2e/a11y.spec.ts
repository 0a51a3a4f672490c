// Issue 6: every reader — screen readers, keyboard, reduced motion, zoom and small screens.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, field, settled, story, test, whenIdle } from './fixtures';

const MODES = ['scroll', 'present', 'kiosk', 'print'] as const;
const ids = story.chapters.map((c) => c.id);

async function axeViolations(page: Page): Promise<string[]> {
  // The map canvas is a picture, described in text; axe cannot judge a WebGL canvas.
  const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

for (const mode of MODES) {
  for (const lang of ['en', 'zh'] as const) {
    const title = `axe finds no violations in ${mode} mode (${lang})`;
    if (mode === 'print' && lang === 'en') {
      // The English handout, ready (every picture taken): loaded once and shared (fixtures.ts).
      test(title, async ({ handout }) => {
        expect(await field(handout.page, 'lang')).toBe('en');
        expect(await axeViolations(handout.page)).toEqual([]);
      });
      continue;
    }
    test(title, async ({ page }) => {
      const q = new URLSearchParams({ lang });
      if (mode !== 'scroll') q.set('mode', mode);
      await page.goto(`/?${q}`);
      // The handout is idle once it has photographed every chapter (as in present.spec.ts).
      await whenIdle(page, mode === 'print' ? 240_000 : 60_000);
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}

test('a keyboard-only reader can go through the whole story', async ({ page }) => {
  await page.goto('/');
  await settled(page, ids[0]!);
  const visited: string[] = [];
  for (let i = 0; i < 250 && visited.length < ids.length; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const css = getComputedStyle(el);
      return {
        inView: r.bottom > 0 && r.top < innerHeight && r.width > 0,
        ring: css.outlineStyle !== 'none' || css.boxShadow !== 'none',
        what: el.outerHTML.slice(0, 80),
      };
    });
    expect(focus, 'focus is on an element').not.toBeNull();
    expect(focus!.inView, `the focused element is on screen: ${focus!.what}`).toBe(true);
    expect(focus!.ring, `focus is visible on ${focus!.what}`).toBe(true);
    const id = (await field(page, 'chapterId'))!;
    if (visited[visited.length - 1] !== id) visited.push(id);
  }
  expect(visited).toEqual(ids);
  await settled(page, ids[ids.length - 1]!);
});

test('each chapter is announced to screen readers when it becomes active', async ({ page }) => {
  // What is announced does not depend on the map: cuts instead of flights keep the renderer free.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/');
  await settled(page, ids[0]!);
  const live = page.getByTestId('announcer');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  for (const c of story.chapters.slice(1)) {
    await page
      .locator(`[data-chapter-id="${c.id}"]`)
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await expect(live).toHaveText(`${c.title.en!}. ${c.description.en!}`);
  }
});

test('the map is labelled and can be skipped', async ({ page }) => {
  await page.goto('/');
  await settled(page, ids[0]!);
  await expect(
    page.getByRole('region', { name: 'Map of the story. Each chapter describes what it shows.' }),
  ).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip the map and go to the story' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const inStory = await page.evaluate(() => !!document.activeElement?.closest('#story'));
  expect(inStory).toBe(true);
});

test('the reduced-motion switch stops flights', async ({ page }) => {
  await page.goto('/');
  await settled(page, ids[0]!);
  const toggle = page.getByRole('button', { name: 'Reduce motion' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const before = await field(page, 'animatedMoves');
  for (const id of ids.slice(1, 4)) {
    await page.locator(`[data-chapter-id="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settled(page, id);
  }
  expect(await field(page, 'animatedMoves')).toBe(before);
});

test('the language switch changes the story, the interface and the map labels', async ({ page }) => {
  await page.goto('/');
  await settled(page, ids[0]!);
  await page.getByRole('button', { name: '切换到中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('h1')).toHaveText(story.title.zh!);
  await expect(page.getByRole('button', { name: 'Switch to English' })).toBeVisible();
  expect(await field(page, 'lang')).toBe('zh');
  // Remembered for the next visit.
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText(story.title.zh!);
});

for (const viewport of [
  { width: 320, height: 640 },
  { width: 640, height: 400 }, // a 1280×800 screen at 200% zoom
]) {
  test(`text reflows without loss at ${viewport.width}px`, async ({ browser, baseURL }) => {
    const context = await browser.newContext({ viewport, baseURL });
    const page = await context.newPage();
    await page.goto('/');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
    for (const c of story.chapters) {
      const box = await page.locator(`#${c.id}`).boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    }
    const meta = await page.locator('meta[name="viewport"]').getAttribute('content');
    expect(meta).not.toMatch(/user-scalable\s*=\s*no|maximum-scale\s*=\s*1(\.0)?\b/);
    await context.close();
  });
}
