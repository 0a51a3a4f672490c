// Any story plays with the same app code (issue 16), in the languages it is told in (issue 28): the
// engine's test story (the Grand Canal, in English and French) and a story made by
// `npm run new-story` (English only) are each built into a folder of their own with `npm run build`
// and served on a port of their own; every mode plays every chapter. The Grand Canal is built for a
// folder of its host (`--base /grand-canal/`) and served only there, as a story beside others on one
// host; the other story at the host's root. Its French page is the folder's fr/; a story told in one
// language has one page and no language switch.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { loadStory } from '../../src/build/story/load';
import type { Story } from '../../src/lib/story/types';
import { chapterMapState } from '../../src/lib/story/chapter-state';
import { STRINGS } from '../../src/lib/ui/strings';
import { serveDist } from '../../scripts/serve-dist.mjs';
import { expect, expectCamera, settled, status, test } from './fixtures';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const PORT = Number(process.env.E2E_PORT ?? 4173) + 100;
const tmp = mkdtempSync(join(tmpdir(), 'other-story-'));

function run(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, args, {
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 600_000,
  });
  if (res.status !== 0) throw new Error(`${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
}

for (const kind of ['fixture', 'new-story'] as const) {
  test.describe(
    kind === 'fixture' ? 'the test story (the Grand Canal)' : 'a story made by npm run new-story',
    () => {
      const port = PORT + (kind === 'fixture' ? 0 : 1);
      const storyDir = kind === 'fixture' ? resolve('tests/fixtures/grand-canal') : join(tmp, 'made');
      /** The path the story is built for and served under; the tests' addresses are relative to it. */
      const base = kind === 'fixture' ? '/grand-canal/' : '/';
      let story: Story;
      let server: { close(): void } | undefined;
      test.use({ baseURL: `http://127.0.0.1:${port}${base}` });

      test.beforeAll(async () => {
        test.setTimeout(900_000);
        if (kind === 'new-story') run([resolve('scripts/new-story.mjs'), 'made-story', '--dir', storyDir]);
        const out = join(tmp, `${kind}-dist`);
        run([resolve('scripts/build.mjs'), '--out', out, '--base', base], { STORY_DIR: storyDir });
        story = loadStory(storyDir).story;
        server = await serveDist(out, port, { base });
      });
      test.afterAll(() => {
        server?.close();
        if (kind === 'new-story') rmSync(tmp, { recursive: true, force: true });
      });

      const chapterOf = (id: string) => story.chapters.find((c) => c.id === id)!;

      async function expectChapter(page: Page, id: string) {
        const s = await settled(page, id);
        expectCamera(s.camera, chapterOf(id).camera, id);
        await expect
          .poll(async () => (await status(page)).renderedPlaces, { message: `places of ${id}` })
          .toEqual([...chapterOf(id).places].sort());
      }

      test('scroll: the title, then every chapter in order with its camera and places', async ({ page }) => {
        await page.goto('./');
        await expect(page.locator('h1')).toHaveText(story.title.en!);
        await expect(page).toHaveTitle(new RegExp(story.title.en!));
        // A switch to each other language of the story; none in a story told in one.
        await expect(page.locator('.lang-switch')).toHaveCount(story.languages.length - 1);
        for (const c of story.chapters) {
          await page
            .locator(`[data-chapter-id="${c.id}"]`)
            .evaluate((el) => el.scrollIntoView({ block: 'center' }));
          await expectChapter(page, c.id);
        }
        const credits = story.chapters.find((c) => c.credits)!.id;
        await expect(page.locator(`#${credits} [data-source-id]`)).toHaveCount(story.sources.length);
        if (kind === 'fixture') {
          await expect(page.locator('figure[data-figure-id="canal-length"] figcaption')).toContainText(
            '1,800',
          );
          await expect(page.locator('#south [data-overlay-id="lake-tai-scale"]')).toContainText('2,400 km²');
          for (const id of ['south', 'north', 'whole'])
            await expect(page.locator(`#${id} [data-overlay-id="grand-canal"]`)).toBeVisible();
        }
      });

      // The test story tells its canal over three chapters: drawn to Yangzhou, on to six tenths of
      // its length, then to its end at Beijing (each chapter's `to:` in its front matter).
      const JOURNEY = [
        { id: 'north', to: 0.6 },
        { id: 'south', to: 'yangzhou' },
        { id: 'whole', to: 'beijing' },
      ] as const;
      /** Where the chapter leaves the canal, from the story data (what the map must show at its end). */
      const endOf = (id: string) =>
        chapterMapState(story, story.chapters.indexOf(chapterOf(id)), 1).routes.find(
          (r) => r.id === 'grand-canal',
        )!;
      type Drawn = { id: string; fraction: number; x: number; y: number }[];
      type Placed = { id: string; x: number; y: number }[];

      if (kind === 'fixture')
        test.describe('with reduced motion', () => {
          test.use({ reducedMotion: 'reduce' });

          test('the route so far: each chapter’s drawn route ends where the chapter says, and grows chapter by chapter', async ({
            page,
          }) => {
            const seen: Record<string, number> = {};
            for (const [n, { id, to }] of JOURNEY.entries()) {
              // The first chapter is opened directly by its link, not reached through the ones before it.
              if (n === 0) await page.goto(`./#${id}`);
              else
                await page
                  .locator(`[data-chapter-id="${id}"]`)
                  .evaluate((el) => el.scrollIntoView({ block: 'center' }));
              await settled(page, id);
              const want = endOf(id).to;
              if (typeof to === 'number') expect(want).toBe(to);
              // The map's own paint: the canal's line layer is cut at the chapter's end.
              let drawn: Drawn = [];
              await expect
                .poll(
                  async () => {
                    drawn = await page.evaluate(() => window.storymap!.routes);
                    return drawn.map((r) => [r.id, Math.round(r.fraction * 1e4) / 1e4]);
                  },
                  { message: `the route drawn in ${id}` },
                )
                .toEqual([['grand-canal', Math.round(want * 1e4) / 1e4]]);
              seen[id] = drawn[0]!.fraction;
              const places: Placed = await page.evaluate(() => window.storymap!.places);
              const end = drawn[0]!;
              if (typeof to === 'string') {
                // Drawn up to the place: the line's end and the place's dot are at the same point on the map.
                const place = places.find((p) => p.id === to)!;
                expect(place, `${to} is shown in ${id}`).toBeDefined();
                expect(Math.hypot(end.x - place.x, end.y - place.y), `end of the line vs ${to}`).toBeLessThan(
                  3,
                );
              } else {
                // Six tenths of the canal: past Jining, short of Tianjin (the canal runs north, up the screen).
                const [jining, tianjin] = ['jining', 'tianjin'].map((pid) =>
                  places.find((p) => p.id === pid)!,
                );
                expect(end.y).toBeLessThan(jining!.y - 3);
                expect(end.y).toBeGreaterThan(tianjin!.y + 3);
              }
            }
            // The journey grows: Yangzhou, then six tenths, then the whole canal.
            expect(seen.south!).toBeLessThan(seen.north!);
            expect(seen.north!).toBeLessThan(seen.whole!);
            expect(seen.whole).toBe(1);
          });
        });

      if (kind === 'fixture')
        test('in French: its page, the interface and the numbers in French, and no Chinese font part', async ({
          page,
        }) => {
          const fonts: string[] = [];
          page.on('request', (r) => {
            if (/\.woff2$/.test(r.url())) fonts.push(new URL(r.url()).pathname);
          });
          await page.goto('./fr/');
          await settled(page, story.chapters[0]!.id);
          await expect(page.locator('h1')).toHaveText(story.title.fr!);
          await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
          await expect(page.getByText(STRINGS.fr.skipMap)).toHaveCount(1);
          // The switch offers the story's other language, named in itself.
          await expect(page.locator('.lang-switch')).toHaveText('English');
          // Numbers as French writes them: narrow no-break spaces between the groups, a no-break space before the unit.
          await expect(page.locator('figure[data-figure-id="canal-length"] figcaption')).toContainText(
            '1\u202f800\u00a0km',
          );
          await expect(page.locator('#south [data-overlay-id="lake-tai-scale"]')).toContainText(
            `${STRINGS.fr.areaSize('2\u202f400\u00a0km²')}`,
          );
          await page.evaluate(() => document.fonts.ready);
          expect(fonts.length, 'the page draws with its own fonts').toBeGreaterThan(0);
          expect(fonts.filter((f) => /NotoSansSC|-cjk|-ui\./.test(f))).toEqual([]);
        });

      test('present: → steps through every chapter', async ({ page }) => {
        await page.goto('./?mode=present');
        const ids = story.chapters.map((c) => c.id);
        await expectChapter(page, ids[0]!);
        for (const id of ids.slice(1)) {
          await page.keyboard.press('ArrowRight');
          await expectChapter(page, id);
          await expect(page.locator('.slide h1')).toHaveText(chapterOf(id).title.en!);
        }
      });

      test('kiosk: the loop plays every chapter', async ({ page }) => {
        await page.goto('./?mode=kiosk&speed=20');
        await expect.poll(async () => (await status(page)).mode).toBe('kiosk');
        const seen = new Set<number>();
        await expect
          .poll(
            async () => {
              seen.add((await status(page)).chapterIndex);
              return seen.size;
            },
            { timeout: 120_000, intervals: [50] },
          )
          .toBe(story.chapters.length);
      });

      test('print: the handout has every chapter and a picture of each map', async ({ page }) => {
        test.setTimeout(300_000);
        // What the handout's map draws as it photographs each chapter, read as it goes.
        await page.addInitScript(() => {
          const seen: Record<string, number[]> = {};
          (window as unknown as { drawnWhilePhotographed: typeof seen }).drawnWhilePhotographed = seen;
          setInterval(() => {
            const s = window.storymap;
            if (s?.idle === false && s.routes.length) seen[s.chapterId] = s.routes.map((r) => r.fraction);
          }, 50);
        });
        await page.goto('./?mode=print');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.en!);
        await expect(page.locator('img[data-chapter-image]')).toHaveCount(story.chapters.length, {
          timeout: 240_000,
        });
        if (kind === 'fixture') {
          // Each chapter's picture shows the route as that chapter leaves it (six tenths of it for
          // "north"), not the whole route.
          const seen = await page.evaluate(
            () =>
              (window as unknown as { drawnWhilePhotographed: Record<string, number[]> })
                .drawnWhilePhotographed,
          );
          // The first chapter can be photographed in the frame the map first comes ready, before any
          // reading; the chapters after it are each read while the map moves there.
          for (const { id } of JOURNEY)
            if (id !== story.chapters[0]!.id || seen[id]) expect(seen[id], id).toEqual([endOf(id).to]);
        }
      });

      // The link preview and icons are photographed from the build as it is served: for a story
      // built for a folder, under that folder.
      if (kind === 'fixture')
        test('npm run images makes the preview and icons from the build made for its folder', async () => {
          test.setTimeout(180_000);
          // A copy of the story with its own icon, so that the images are written into the copy.
          const copy = join(tmp, 'images-story');
          cpSync(storyDir, copy, { recursive: true });
          cpSync(resolve('src/build/site/default-icons/favicon.svg'), join(copy, 'favicon.svg'));
          run([resolve('scripts/make-images.mjs'), '--dist', join(tmp, `${kind}-dist`)], { STORY_DIR: copy });
          /** Width and height of a PNG file (its IHDR chunk). */
          const size = (file: string) => {
            const b = readFileSync(file);
            return [b.readUInt32BE(16), b.readUInt32BE(20)];
          };
          expect(size(join(copy, story.preview ?? 'og-image.png'))).toEqual([1200, 630]);
          expect(size(join(copy, 'icon-192.png'))).toEqual([192, 192]);
          expect(size(join(copy, 'icon-512.png'))).toEqual([512, 512]);
        });

      // Two stories on one host never touch each other: this one asks for nothing outside its folder
      // (the server answers nothing there either), its service worker's scope is the folder, and its
      // offline copy is its own.
      if (kind === 'fixture')
        test('under its folder: every request stays in /grand-canal/, the service worker’s scope is the folder, and a reload with the network cut shows the story and the map', async ({
          page,
          context,
        }) => {
          test.setTimeout(300_000);
          const outside: string[] = [];
          // Every request of the context: the pages, their workers and the service worker's own.
          context.on('request', (r) => {
            const url = new URL(r.url());
            if (/^https?:$/.test(url.protocol) && !url.pathname.startsWith(base)) outside.push(r.url());
          });
          const first = story.chapters[0]!;
          await page.goto('./');
          await settled(page, first.id);
          const worker = await page.evaluate(async () => {
            const reg = await navigator.serviceWorker.ready;
            // The worker takes charge of this first page too, so its own reads come from the cache.
            if (!navigator.serviceWorker.controller)
              await new Promise((r) =>
                navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }),
              );
            const names = await caches.keys();
            const cached = (
              await Promise.all(
                names.map(async (n) => (await (await caches.open(n)).keys()).map((q) => q.url)),
              )
            ).flat();
            return { scope: reg.scope, script: reg.active!.scriptURL, names, cached };
          });
          const origin = new URL(page.url()).origin;
          expect(worker.scope).toBe(`${origin}/grand-canal/`);
          expect(worker.script).toBe(`${origin}/grand-canal/sw.js`);
          expect(worker.names.length).toBeGreaterThan(0);
          for (const name of worker.names) expect(name.startsWith(`${story.id}-story-`), name).toBe(true);
          const paths = worker.cached.map((u) => new URL(u).pathname);
          for (const path of ['/grand-canal/', '/grand-canal/fr/', '/grand-canal/basemap.pmtiles'])
            expect(paths).toContain(path);
          expect(paths.filter((p) => !p.startsWith(base))).toEqual([]);
          // A story told in English and French: its offline copy keeps no Chinese font part either.
          expect(paths.filter((p) => /\/fonts\/.*(?:NotoSansSC|-cjk|-ui\.)/.test(p))).toEqual([]);
          expect(paths.some((p) => /\/fonts\/NotoSans-Regular-latin/.test(p))).toBe(true);
          // What the story keeps in the browser is named after it.
          const keys = await page.evaluate(() => [
            ...Object.keys(localStorage),
            ...Object.keys(sessionStorage),
          ]);
          for (const key of keys) expect(key.startsWith(`${story.id}-story:`), key).toBe(true);

          // The French page is the folder's fr/.
          await page.goto('./fr/');
          await settled(page, first.id);
          expect((await status(page)).lang).toBe('fr');
          await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
          await expect(page.locator('h1')).toHaveText(story.title.fr!);
          // What the page names but a browser may not fetch at once (icons, manifest) is in the folder too.
          const named = await page.evaluate(() =>
            [...document.querySelectorAll('link[href], script[src], img[src]')].map(
              (e) => new URL(e.getAttribute('href') ?? e.getAttribute('src')!, location.href).pathname,
            ),
          );
          expect(named).toContain('/grand-canal/fr/manifest.webmanifest');
          expect(named.filter((p) => !p.startsWith(base))).toEqual([]);

          // The network cut: the page and its map come from the story's own cache.
          await context.setOffline(true);
          await page.reload();
          const s = await settled(page, first.id);
          expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
          await expect(page.locator('h1')).toHaveText(story.title.fr!);
          expect(s.renderedPlaces).toEqual([...first.places].sort());
          expect(s.basemap?.features ?? 0, 'the basemap is drawn').toBeGreaterThan(0);
          await page.goto('./');
          const en = await settled(page, first.id);
          await expect(page.locator('h1')).toHaveText(story.title.en!);
          expect(en.renderedPlaces).toEqual([...first.places].sort());
          await context.setOffline(false);

          expect(outside, 'requests outside /grand-canal/').toEqual([]);
        });
    },
  );
}
