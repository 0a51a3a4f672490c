// Any story plays with the same app code (issue 16): the engine's test story (the Grand Canal)
// and a story made by `npm run new-story` are each built into a folder of their own with
// `npm run build` and served on a port of their own; every mode plays every chapter.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { loadStory } from '../../src/build/story/load';
import type { Story } from '../../src/lib/story/types';
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
      let story: Story;
      let server: { close(): void } | undefined;
      test.use({ baseURL: `http://127.0.0.1:${port}` });

      test.beforeAll(async () => {
        test.setTimeout(900_000);
        if (kind === 'new-story') run([resolve('scripts/new-story.mjs'), 'made-story', '--dir', storyDir]);
        const out = join(tmp, `${kind}-dist`);
        run([resolve('scripts/build.mjs'), '--out', out], { STORY_DIR: storyDir });
        story = loadStory(storyDir).story;
        server = await serveDist(out, port);
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
        await page.goto('/');
        await expect(page.locator('h1')).toHaveText(story.title.en);
        await expect(page).toHaveTitle(new RegExp(story.title.en));
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

      test('present: → steps through every chapter', async ({ page }) => {
        await page.goto('/?mode=present');
        const ids = story.chapters.map((c) => c.id);
        await expectChapter(page, ids[0]!);
        for (const id of ids.slice(1)) {
          await page.keyboard.press('ArrowRight');
          await expectChapter(page, id);
          await expect(page.locator('.slide h1')).toHaveText(chapterOf(id).title.en);
        }
      });

      test('kiosk: the loop plays every chapter', async ({ page }) => {
        await page.goto('/?mode=kiosk&speed=20');
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
        await page.goto('/?mode=print');
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.en);
        await expect(page.locator('img[data-chapter-image]')).toHaveCount(story.chapters.length, {
          timeout: 240_000,
        });
      });
    },
  );
}
