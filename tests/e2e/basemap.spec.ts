// Issue 3 in the browser: the embedded basemap draws at every chapter, from the archive on this
// origin, with its labels in the reader's language.
import { expect, settled, status, story, test } from './fixtures';

const HAN = /[\u4e00-\u9fff]/;

for (const lang of ['en', 'zh'] as const) {
  test(`the basemap renders at every chapter with ${lang} labels`, async ({ page }) => {
    const archiveReads: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/basemap.pmtiles') archiveReads.push(r.status());
    });
    for (const c of story.chapters) {
      await page.goto(`/?lang=${lang}#${c.id}`);
      await settled(page, c.id);
      await expect
        .poll(async () => (await status(page)).basemap?.features ?? 0, {
          message: `basemap features at ${c.id}`,
        })
        .toBeGreaterThan(5);
      // Labels are placed a frame or two after the tiles are drawn: wait for them, not for a frame.
      await expect
        .poll(async () => (await status(page)).basemap?.labels.length ?? 0, {
          message: `basemap labels at ${c.id}`,
        })
        .toBeGreaterThan(0);
      const { labels, onPlaces } = (await status(page)).basemap!;
      // No city name of the basemap is printed over a place the story marks.
      expect(onPlaces, `basemap labels over story places at ${c.id}`).toEqual([]);
      const han = labels.filter((l) => HAN.test(l)).length;
      if (lang === 'zh')
        expect(han, `Chinese labels at ${c.id}: ${labels.slice(0, 5)}`).toBeGreaterThan(labels.length / 2);
      else expect(han, `English labels at ${c.id}: ${labels.slice(0, 5)}`).toBe(0);
    }
    // Tiles came from the archive on this origin, read in ranges (the fixture fails any other origin).
    expect(archiveReads.length).toBeGreaterThan(0);
    expect(archiveReads.every((s) => s === 206 || s === 200)).toBe(true);
    expect(archiveReads).toContain(206);
  });
}

test('no chapter covers the basemap credits on a desktop screen', async ({ page }) => {
  await page.goto('/');
  await settled(page, story.chapters[0]!.id);
  const attribution = page.locator('.maplibregl-ctrl-attrib');
  await expect(attribution).toContainText('Natural Earth');
  const credits = (await attribution.boundingBox())!;
  const column = (await page.locator('.chapter').first().boundingBox())!;
  // Every chapter passes over the same column while the reader scrolls.
  expect(credits.x, 'left edge of the credits vs right edge of the story column').toBeGreaterThanOrEqual(
    column.x + column.width,
  );
  expect(credits.x + credits.width).toBeLessThanOrEqual(1280);
});

test('a city the story labels is not labelled twice, and comes back where the story leaves it', async ({
  page,
}) => {
  // Opened at the first chapter, then scrolled from chapter to chapter.
  await page.goto('/#interior');
  const basemapLabels = async (id: string) => {
    await page.locator(`[data-chapter-id="${id}"]`).evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await settled(page, id);
    await expect.poll(async () => (await status(page)).basemap?.labels.length ?? 0).toBeGreaterThan(0);
    return (await status(page)).basemap!.labels;
  };
  // The first chapter labels Chongqing, Shanghai and Beijing itself.
  const first = await basemapLabels('interior');
  for (const city of ['Chongqing', 'Shanghai', 'Beijing']) expect(first).not.toContain(city);
  // The next labels Pudong and Binhai, not their cities: the basemap names those again where it
  // can do so without covering a story dot.
  const next = await basemapLabels('new-area');
  expect(next).not.toContain('Chongqing');
  // Beijing comes back; Shanghai's own label would lie on the Pudong dot, so it gives way to it.
  for (const city of ['Beijing', 'Tianjin']) expect(next).toContain(city);
  expect(next).not.toContain('Shanghai');
  // Zoomed in on the new area, the story does not label Chongqing: the basemap does.
  expect(await basemapLabels('the-area')).toContain('Chongqing');
});

test('the map credits its data in the reader’s language, and follow a change of language', async ({
  page,
}) => {
  await page.goto('/zh/');
  await settled(page, story.chapters[0]!.id);
  const credits = page.locator('.maplibregl-ctrl-attrib-inner');
  await expect(credits).toHaveCount(1);
  await expect(credits).toContainText('海岸线与河流');
  await expect(credits).toContainText('Natural Earth');
  // The story's own notes on its map (story.yaml basemap.notes), in the same language.
  const notes = story.basemapNotes!;
  await expect(credits).toContainText(notes.zh!);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(credits).toHaveCount(1);
  await expect(credits).toContainText('shorelines & rivers');
  await expect(credits).not.toContainText('海岸线');
  await expect(credits).toContainText(notes.en!);
  await expect(credits).not.toContainText(notes.zh!);
});
