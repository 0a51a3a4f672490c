// The author's view (issue 16, item 7), as an author uses it: the dev server on a copy of the test
// story, ?mode=author, a chapter chosen, the map moved with its own keys, the camera copied with C,
// the line pasted into that chapter's file — and the page, reloaded by the save, shows the pasted
// camera, still on that chapter.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadStory } from '../../src/build/story/load';
import { expect, expectCamera, field, settled, status, test } from './fixtures';

const PORT = Number(process.env.E2E_PORT ?? 4173) + 10;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const tmp = mkdtempSync(join(tmpdir(), 'author-view-'));
const storyDir = join(tmp, 'grand-canal');
let server: ChildProcess | undefined;
/** What the dev server printed: shown when the test fails. */
let output = '';

test.use({ baseURL: ORIGIN });
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  cpSync(resolve('tests/fixtures/grand-canal'), storyDir, { recursive: true });
  server = spawn(
    process.execPath,
    [resolve('node_modules/vite/bin/vite.js'), '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'],
    { env: { ...process.env, STORY_DIR: storyDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout?.on('data', (d: Buffer) => (output += d));
  server.stderr?.on('data', (d: Buffer) => (output += d));
  const until = Date.now() + 60_000;
  for (;;) {
    const ok = await fetch(`${ORIGIN}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until || server.exitCode !== null)
      throw new Error(`dev server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
});

test.afterEach(async ({ page: _page }, info) => {
  if (info.status !== info.expectedStatus) console.log(`dev server output:\n${output}`);
});

test.afterAll(() => {
  server?.kill();
  rmSync(tmp, { recursive: true, force: true });
});

test('the copied camera, pasted into the chapter, reproduces the view', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await page.goto('/?mode=author');
  const north = page.locator('.chapter-choice[data-chapter-id="north"]');
  await north.click();
  await expect(north).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-file="chapter"]')).toHaveText(/grand-canal\/chapters\/02-north\.md$/);
  const start = await settled(page, 'north');
  expect(start.mode).toBe('author');

  // The map's own keys: pan right and up, zoom out, rotate, tilt.
  await page.locator('.maplibregl-canvas').focus();
  // Each key eases the map; the next key would cut that short, so each move ends first: the camera
  // has left where it was and stands still between two looks.
  for (const key of ['ArrowRight', 'ArrowUp', 'Minus', 'Shift+ArrowLeft', 'Shift+ArrowUp']) {
    const was = JSON.stringify(await field(page, 'camera'));
    await page.keyboard.press(key);
    await page.waitForFunction(
      (was) => {
        const w = window as unknown as { lastLook?: string };
        const now = JSON.stringify(window.storymap?.camera);
        const still = now !== was && now === w.lastLook;
        w.lastLook = now;
        return still;
      },
      was,
      { polling: 100 },
    );
  }
  await page.waitForFunction(() => window.storymap?.idle === true, null, { polling: 50 });
  const moved = (await status(page)).camera!;
  expect(Math.abs(moved.zoom - start.camera!.zoom)).toBeGreaterThan(0.5);
  expect(Math.abs(moved.center[0] - start.camera!.center[0])).toBeGreaterThan(0.1);
  expect(moved.pitch).toBeGreaterThan(start.camera!.pitch + 5);
  expect(Math.abs(moved.bearing)).toBeGreaterThan(5);

  // C copies the line shown, and says so.
  await page.keyboard.press('c');
  await expect(page.locator('[data-copied="copied"]')).toHaveText(/Copied/);
  const line = await page.locator('[data-snippet="camera"]').innerText();
  expect(line).toMatch(
    /^camera: \{ center: \[-?[\d.]+, -?[\d.]+\], zoom: [\d.]+, pitch: [\d.]+, bearing: -?[\d.]+ \}$/,
  );
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(line);

  // Pasted over the chapter's camera line, the story compiler reads the map's camera back.
  const file = join(storyDir, 'chapters/02-north.md');
  const before = readFileSync(file, 'utf8');
  expect(before).toMatch(/^camera: .*$/m);
  await page.evaluate(() => ((window as unknown as { beforeSave: boolean }).beforeSave = true));
  writeFileSync(file, before.replace(/^camera: .*$/m, line));
  const pasted = loadStory(storyDir).story.chapters.find((c) => c.id === 'north')!.camera;
  expectCamera(pasted, moved, 'compiled from the pasted line');

  // The save reloads the page, on the same chapter, in the author's view, at the pasted camera.
  await page.waitForFunction(
    () =>
      !(window as unknown as { beforeSave?: boolean }).beforeSave && window.storymap?.chapterId === 'north',
    null,
    { polling: 50, timeout: 30_000 },
  );
  const after = await settled(page, 'north');
  expect(after.mode).toBe('author');
  expectCamera(after.camera, pasted, 'after the reload');
  await expect(north).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('[data-snippet="file-camera"]')).toHaveText(line);
  expect(await field(page, 'chapterId')).toBe('north');

  // A click on a place of the map gives its coordinates as a places.geojson entry.
  const beijing = await page.evaluate(() => window.storymap!.places.find((p) => p.id === 'beijing')!);
  await page.mouse.click(beijing.x, beijing.y);
  const entry = JSON.parse(await page.locator('[data-snippet="place"]').innerText()) as {
    geometry: { coordinates: [number, number] };
  };
  const known = loadStory(storyDir).story.places.find((p) => p.id === 'beijing')!.coordinates;
  // Within two pixels (a click lands on a whole pixel), in degrees at this zoom.
  const twoPixels = (2 * 360) / (512 * 2 ** after.camera!.zoom);
  expect(Math.abs(entry.geometry.coordinates[0] - known[0])).toBeLessThan(twoPixels);
  expect(Math.abs(entry.geometry.coordinates[1] - known[1])).toBeLessThan(twoPixels);
  await expect(page.locator('[data-file="places"]')).toHaveText(/grand-canal\/places\.geojson$/);
});
