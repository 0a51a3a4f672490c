// A view the basemap has no data for is told, not left as an empty map that looks loaded.
import { expect, settled, status, test } from './fixtures';

test.use({ reducedMotion: 'reduce' });

test('exploring past the basemap’s data shows a notice, and returning to the chapter clears it', async ({
  page,
}) => {
  // "A gateway between continents" looks at Central Asia from far out (zoom 2); the embedded
  // basemap has close zooms only over China.
  await page.goto('/?mode=present#gateway');
  await settled(page, 'gateway');
  expect((await status(page)).notice).toBeNull();
  await page.keyboard.press('e');
  await page.locator('.maplibregl-canvas').focus();
  for (let i = 0; i < 6; i++) await page.keyboard.press('Equal'); // MapLibre's "+": one zoom level closer
  await expect
    .poll(async () => (await status(page)).camera?.zoom ?? 0, { timeout: 20_000 })
    .toBeGreaterThan(7.9);
  await expect
    .poll(async () => (await status(page)).notice, { timeout: 30_000 })
    .toBe('The basemap has no data for this view; only the story’s own places are drawn here.');
  await expect(page.getByRole('status').filter({ hasText: 'no data for this view' })).toBeVisible();
  await page.keyboard.press('r');
  await settled(page, 'gateway');
  await expect.poll(async () => (await status(page)).notice, { timeout: 30_000 }).toBeNull();
});
