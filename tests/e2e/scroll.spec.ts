// Issue 2: a reader scrolls the story and the map follows.
import { chapter, expect, expectCamera, settled, status, story, test } from './fixtures';

const ids = story.chapters.map((c) => c.id);

test('scrolling through every chapter in order moves the map to each chapter and shows its places', async ({
  page,
}) => {
  await page.goto('/');
  await settled(page, ids[0]!);
  for (const id of ids) {
    await page.locator(`[data-chapter-id="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const s = await settled(page, id);
    expectCamera(s.camera, chapter(id).camera, id);
    const places = chapter(id).places;
    await expect
      .poll(async () => (await status(page)).renderedPlaces, { message: `places of ${id}` })
      .toEqual([...places].sort());
    // The first chapter needs no hash until the reader has been elsewhere.
    await expect(page).toHaveURL(new RegExp(id === ids[0] ? `/(#${id})?$` : `#${id}$`));
  }
});

test('a fast scroll from the first chapter to the last lands on the last chapter', async ({ page }) => {
  await page.goto('/');
  await settled(page, ids[0]!);
  // Scroll in big steps with no pause, faster than any flight can finish.
  for (let y = 0; y <= 1; y += 0.1) {
    await page.evaluate((f) => window.scrollTo(0, f * document.documentElement.scrollHeight), y);
    await page.waitForTimeout(30);
  }
  const last = ids[ids.length - 1]!;
  await page.locator(`[data-chapter-id="${last}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const s = await settled(page, last);
  expectCamera(s.camera, chapter(last).camera, last);
  expect(s.renderedPlaces).toEqual([...chapter(last).places].sort());
});

test('a deep link opens its chapter directly, without a flight', async ({ page }) => {
  const mid = ids[Math.floor(ids.length / 2)]!;
  await page.goto(`/#${mid}`);
  const s = await settled(page, mid);
  expectCamera(s.camera, chapter(mid).camera, mid);
  expect(s.animatedMoves, 'camera animations on a deep link').toBe(0);
  await expect(page.locator(`[data-chapter-id="${mid}"]`)).toBeInViewport({ ratio: 0.3 });
  // The chapter's centre is in the middle of the map beside the story column, not under it.
  const [west, , east] = (await page.evaluate(() => window.storymap!.bounds))!;
  const column = (await page.locator('.story').boundingBox())!;
  const width = page.viewportSize()!.width;
  const x = ((chapter(mid).camera.center[0] - west) / (east - west)) * width;
  expect(x, 'screen x of the chapter centre').toBeCloseTo((column.x + column.width + width) / 2, -1);
});

test('the URL follows the active chapter without adding history entries', async ({ page }) => {
  await page.goto('/');
  await settled(page, ids[0]!);
  const before = await page.evaluate(() => history.length);
  for (const id of ids.slice(1, 4)) {
    await page.locator(`[data-chapter-id="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await settled(page, id);
  }
  await expect(page).toHaveURL(new RegExp(`#${ids[3]}$`));
  expect(await page.evaluate(() => history.length)).toBe(before);
});

test('keyboard focus on a chapter makes it active', async ({ page }) => {
  await page.goto('/');
  await settled(page, ids[0]!);
  const target = ids[2]!;
  await page.locator(`[data-chapter-id="${target}"] h2 a`).focus();
  const s = await settled(page, target);
  expectCamera(s.camera, chapter(target).camera, target);
});

test('with reduced motion, chapter changes do not fly', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ reducedMotion: 'reduce', baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await settled(page, ids[0]!);
  for (const id of ids.slice(1, 4)) {
    await page.locator(`[data-chapter-id="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const s = await settled(page, id);
    expectCamera(s.camera, chapter(id).camera, id);
  }
  expect((await status(page)).animatedMoves).toBe(0);
  await context.close();
});

test('the progress indicator shows the active chapter', async ({ page }) => {
  await page.goto(`/#${ids[3]}`);
  await settled(page, ids[3]!);
  await expect(page.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '4');
  await expect(page.locator('.progress-dots [aria-current="step"]')).toHaveAttribute('href', `#${ids[3]}`);
});
