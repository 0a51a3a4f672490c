// The scroll mode on a phone: the chapter in the space for text below the map drives the map, not
// the one passing under the map. (What every chapter at rest must show on phones, tablets and the
// desktop is checked in screens.spec.ts with scroll-checks.ts.)
import { expect, settled, story, test } from './fixtures';
import { headingInView } from './scroll-checks';

test.describe('scroll mode on a phone: which chapter drives the map', () => {
  test.use({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
  test('the chapter in the space for text drives the map, not the one passing under the map', async ({
    page,
  }) => {
    await page.goto('/');
    await settled(page, story.chapters[0]!.id);
    for (const c of story.chapters.slice(1, 4)) {
      // The chapter's start a third of the way down the space below the map, while the end of
      // the chapter before it is still in the window, hidden under the map.
      await page.locator(`#${c.id}`).evaluate((el) => {
        const mapBottom = document.querySelector('.map-slot')!.getBoundingClientRect().bottom;
        const target = mapBottom + (window.innerHeight - mapBottom) / 3;
        window.scrollBy({ top: el.getBoundingClientRect().top - target, behavior: 'instant' });
      });
      const before = await page.locator(`#${c.id}`).evaluate((el) => {
        const prev = el.previousElementSibling!.getBoundingClientRect();
        return prev.bottom > 0;
      });
      expect(before, `the end of the chapter before ${c.id} is still in the window`).toBe(true);
      await settled(page, c.id);
      expect(await headingInView(page, c.id), `${c.id}: the heading`).toBeNull();
    }
  });
});
