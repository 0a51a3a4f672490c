// Issue 17: the first chapter's live map arrives by itself, and the page head carries no relative
// address for search engines.
import { expect, settled, story, test } from './fixtures';
import { metaDescription, sitePages } from '../../src/lib/seo/page-head';

const first = story.chapters[0]!;

for (const { lang, path } of sitePages(story.languages)) {
  test(`the ${lang} page's first map appears complete and settles with no input`, async ({ page }) => {
    await page.goto(path);
    // No click, key, scroll or pointer move: only reading the state.
    const s = await settled(page, first.id, 60_000);
    expect(s.renderedPlaces).toEqual([...first.places].sort());
    expect(s.basemap?.features ?? 0).toBeGreaterThan(0);
    const canvas = page.locator('.map-pane canvas.maplibregl-canvas');
    await expect(canvas).toBeVisible();
    // The live map is what shows: no still picture stands in for it, or stays over it.
    await expect(page.locator('.map-pane img')).toHaveCount(0);
    // What arrives after the first picture (the overview inset's outline) does not move the map:
    // the inset's place was kept from the start, so no camera move begins after the picture.
    await expect(page.locator('.overview-inset.filled')).toBeVisible();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const moves = await page.evaluate(() => {
      const shown = performance.getEntriesByName('storymap:first-idle')[0]!.startTime;
      return performance.getEntriesByName('storymap:move-start').filter((m) => m.startTime > shown).length;
    });
    expect(moves, 'camera moves after the first picture').toBe(0);
  });

  test(`the ${lang} page's head has no relative address and a one-sentence-per-part description`, async ({
    request,
  }) => {
    const html = await (await request.get(path)).text();
    const head = html.slice(0, html.indexOf('</head>'));
    const attrs = (re: RegExp) => [...head.matchAll(re)].map((m) => m[1]!);
    const links = [
      ...attrs(/<link rel="(?:canonical|alternate)"[^>]*href="([^"]*)"/g),
      ...attrs(/<meta property="og:(?:url|image)" content="([^"]*)"/g),
      ...attrs(/<meta name="twitter:image" content="([^"]*)"/g),
    ];
    for (const href of links) expect(href, 'canonical, alternates and previews').toMatch(/^https?:\/\//);
    // A canonical link is there exactly when the alternates are (both need the site's address).
    expect(attrs(/<link rel="canonical"[^>]*href="([^"]*)"/g).length).toBe(
      attrs(/<link rel="alternate" hreflang="en"[^>]*href="([^"]*)"/g).length,
    );
    const description = attrs(/<meta name="description" content="([^"]*)"/g)[0];
    expect(description?.replace(/&#39;|&apos;/g, "'")).toBe(
      metaDescription(story, lang).replace(/&/g, '&amp;').replace(/"/g, '&quot;'),
    );
  });
}
