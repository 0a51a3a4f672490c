// Issue 8, hardening: a strict CSP, a missing or broken basemap, font or image, and hostile
// addresses. Each check runs in every mode (tests/e2e/modes.ts).
import type { Page, Route } from '@playwright/test';
import { expect, story, test, watchCsp, whenIdle } from './fixtures';
import { CHECKED_MODES, modeUrl } from './modes';
import { CSP } from '../../src/lib/security/csp';
import { STRINGS } from '../../src/lib/ui/strings';

const first = story.chapters[0]!;

const mapIdle = (page: Page) => whenIdle(page);

/** The story's text is on screen: the first chapter's heading (every mode shows it first). */
async function storyVisible(page: Page) {
  await expect(page.getByRole('heading', { name: first.title.en! }).first()).toBeVisible();
}

test.describe('Content-Security-Policy', () => {
  test('the built pages carry the policy, with no eval and no inline script', async ({ request }) => {
    for (const path of ['/', '/zh/']) {
      const html = await (await request.get(path)).text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
      expect(meta, `${path} has a CSP meta tag`).not.toBeNull();
      const policy = meta![1]!.replace(/&#39;|&apos;/g, "'");
      expect(policy).toBe(CSP);
      expect(policy).toContain("default-src 'self'");
      expect(policy).not.toContain('unsafe-eval');
      expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
      // The policy comes before anything it governs.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<link'));
      // The story's data block (type application/json) is data the browser never runs.
      expect(html, 'no inline script').not.toMatch(
        /<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>/,
      );
      expect(html).toMatch(/<script type="application\/json" id="story-data">/);
    }
  });

  for (const mode of CHECKED_MODES) {
    const title = `no CSP violation while the story and its map load and move (${mode})`;
    if (mode === 'print') {
      // The handout moves the map through every chapter before it is ready: the shared one
      // (fixtures.ts) has been watched from its first byte.
      test(title, async ({ handout }) => {
        expect(await handout.csp()).toEqual([]);
      });
      continue;
    }
    test(title, async ({ page }) => {
      const violations = await watchCsp(page);
      // A chapter other than the first, so that the camera moves, and tiles and labels load.
      await page.goto(`${modeUrl(mode)}#${story.chapters[2]!.id}`);
      await mapIdle(page);
      expect(await violations()).toEqual([]);
    });
  }
});

test.describe('a missing or broken basemap, font or image', () => {
  const notFound = (route: Route) =>
    route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
  // A server that answers range requests with bytes that are no PMTiles archive.
  const garbage = (route: Route) => {
    const m = /bytes=(\d+)-(\d+)/.exec(route.request().headers().range ?? '');
    const start = m ? Number(m[1]) : 0;
    const end = m ? Number(m[2]) : 16383;
    return route.fulfill({
      status: 206,
      headers: {
        'Content-Type': 'application/octet-stream',
        'Content-Range': `bytes ${start}-${end}/1048576`,
      },
      body: Buffer.alloc(end - start + 1, 0x5a),
    });
  };
  const CASES = [
    {
      name: 'archive missing (404)',
      pattern: '**/basemap.pmtiles',
      handler: notFound,
      notice: 'basemapFailed',
    },
    { name: 'archive corrupt', pattern: '**/basemap.pmtiles', handler: garbage, notice: 'basemapFailed' },
    { name: 'fonts missing (404)', pattern: '**/fonts/**', handler: notFound, notice: 'fontFailed' },
  ] as const;

  test.describe(() => {
    // Only the 404 answers we make ourselves may show up as console errors.
    test.use({
      allowedProblems: [/^console error: Failed to load resource: the server responded with a status of 404/],
    });

    for (const c of CASES) {
      for (const mode of CHECKED_MODES) {
        test(`${c.name}: the story shows with a clear notice (${mode})`, async ({ page }) => {
          await page.route(c.pattern, c.handler);
          await page.goto(modeUrl(mode));
          await storyVisible(page);
          const expected = STRINGS.en[c.notice];
          await expect.poll(() => page.evaluate(() => window.storymap?.notice ?? null)).toBe(expected);
          await expect(page.getByRole('status').filter({ hasText: expected })).toBeVisible();
          // The modes that lay out the whole story (scroll, print) still hold every chapter.
          if (mode === 'scroll' || mode === 'print')
            for (const ch of story.chapters)
              await expect(page.locator(`[data-chapter-id="${ch.id}"]`).first()).toContainText(ch.title.en!);
        });
      }
    }

    test('images missing (404): the story shows, nothing breaks', async ({ page }) => {
      await page.route(/\.(?:png|svg|jpe?g|webp|avif)(?:\?.*)?$/, notFound);
      await page.goto('/');
      await storyVisible(page);
      await mapIdle(page);
      expect(await page.evaluate(() => window.storymap?.notice ?? null)).toBeNull();
    });
  });
});

test.describe('hostile addresses are ignored', () => {
  const HOSTILE = [
    '/?mode=<script>alert(1)</script>',
    '/?mode=__proto__&lang=constructor',
    '/?lang=../../x',
    '/?lang=en%00zh&mode=scroll%0a',
    '/#<img src=x onerror=alert(1)>',
    `/#${'a'.repeat(20_000)}`,
    '/#%E0%A4%A',
    '/?%E0%A4%A=%E0%A4%A#%',
    '/?mode=present&mode=<svg/onload=alert(1)>',
    '/?lang=javascript:alert(1)#javascript:alert(1)',
  ];
  for (const url of HOSTILE) {
    test(`${url.slice(0, 60)}${url.length > 60 ? '…' : ''}`, async ({ page }) => {
      await page.addInitScript(() => {
        (window as unknown as { __alerts: number }).__alerts = 0;
        window.alert = () => void (window as unknown as { __alerts: number }).__alerts++;
      });
      await page.goto(url);
      await storyVisible(page);
      const s = await page.evaluate(() => ({
        mode: window.storymap?.mode,
        lang: window.storymap?.lang,
        chapterId: window.storymap?.chapterId,
        alerts: (window as unknown as { __alerts: number }).__alerts,
      }));
      expect(s.mode === 'scroll' || s.mode === 'present').toBe(true);
      if (!url.includes('mode=present')) expect(s.mode).toBe('scroll');
      expect(['en', 'zh']).toContain(s.lang);
      expect(s.chapterId).toBe(first.id);
      expect(s.alerts).toBe(0);
      // Nothing from the address is written into the page.
      const html = await page.content();
      for (const bad of ['<script>alert', 'onerror=alert', 'onload=alert', '../../x', 'javascript:alert'])
        expect(html).not.toContain(bad);
      expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    });
  }
});
