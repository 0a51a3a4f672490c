// Issue 4: classroom mode — slides driven by keys and clickers, a speaker view in a second
// window kept in sync, exploring the map and coming back, and the printed handout.
import type { Page } from '@playwright/test';
import { chapter, expect, expectCamera, field, imageStats, settled, story, test, whenIdle } from './fixtures';

// Software WebGL on a shared machine: a flight and its tiles can take several seconds per chapter.
test.describe.configure({ timeout: 240_000 });

const ids = story.chapters.map((c) => c.id);
const n = ids.length;
const last = ids[n - 1]!;

async function present(page: Page, id = ids[0]!) {
  await page.goto(id === ids[0] ? '/?mode=present' : `/?mode=present#${id}`);
  return settled(page, id);
}

/** The slide shows the chapter's title, and the map stands at the chapter's camera. */
async function expectChapter(page: Page, id: string) {
  const s = await settled(page, id);
  expectCamera(s.camera, chapter(id).camera, id);
  await expect(page.locator('.slide h1')).toHaveText(chapter(id).title.en!);
  return s;
}

/** The slide's step and its number of steps (a chapter too long for one slide has more than one). */
async function steps(page: Page) {
  const slide = page.locator('.slide');
  return {
    step: Number(await slide.getAttribute('data-step')),
    of: Number(await slide.getAttribute('data-steps')),
  };
}

/** Presses `key` through the slide's remaining steps (forward or back), then once more. */
async function pressPastSteps(page: Page, key: string, forward: boolean) {
  const { step, of } = await steps(page);
  for (let k = forward ? of - step : step - 1; k > 0; k--) {
    await page.keyboard.press(key);
    const now = (await steps(page)).step;
    expect(now, `${key} shows the slide's ${forward ? 'next' : 'previous'} step`).toBe(
      forward ? of - k + 1 : k,
    );
  }
  await page.keyboard.press(key);
}

// The two key tests below go through many chapters: with reduced motion the map cuts to each one
// instead of flying there, so each step waits for tiles, not for a flight of up to 4 s. Flights in
// present mode are still flown by the speaker-view and explore tests.
test('→, PageDown and Space step through every chapter, and ←, PageUp and Shift+Space step back', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await present(page);
  await expectChapter(page, ids[0]!);
  await expect(page.locator('.slide-count')).toHaveText(`1 / ${n}`);
  const forward = ['ArrowRight', 'PageDown', 'Space'];
  for (let i = 1; i < n; i++) {
    await pressPastSteps(page, forward[i % forward.length]!, true);
    await expectChapter(page, ids[i]!);
    await expect(page.locator('.slide-count')).toHaveText(`${i + 1} / ${n}`);
    await expect(page).toHaveURL(new RegExp(`\\?mode=present#${ids[i]}$`));
  }
  // Past the end (and past the last chapter's steps) nothing moves.
  await pressPastSteps(page, 'ArrowRight', true);
  expect(await field(page, 'chapterId')).toBe(last);
  const back = ['ArrowLeft', 'PageUp', 'Shift+Space'];
  for (let i = n - 2; i >= n - 4; i--) {
    await pressPastSteps(page, back[i % back.length]!, false);
    await expectChapter(page, ids[i]!);
  }
});

test('Home and End go to the first and last chapter; a number and Enter jump to that chapter', async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await present(page, ids[2]);
  await page.keyboard.press('End');
  await expectChapter(page, last);
  await page.keyboard.press('Home');
  await expectChapter(page, ids[0]!);

  await page.keyboard.press('5');
  await expect(page.locator('.jump-prompt')).toContainText('5');
  expect(await field(page, 'chapterId'), 'a digit alone does not move').toBe(ids[0]);
  await page.keyboard.press('Enter');
  await expect(page.locator('.jump-prompt')).toHaveCount(0);
  await expectChapter(page, ids[4]!);

  // Two digits make one number; a number outside the story goes nowhere.
  await page.keyboard.type(String(n));
  await page.keyboard.press('Enter');
  await expectChapter(page, last);
  await page.keyboard.type('42');
  await page.keyboard.press('Enter');
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expectChapter(page, ids[1]!);
});

test('a reload stays on the chapter, without a flight', async ({ page }) => {
  await present(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectChapter(page, ids[2]!);
  await page.reload();
  const s = await expectChapter(page, ids[2]!);
  expect(s.animatedMoves).toBe(0);
});

test('B and . blank the screen, and any key brings it back without moving on', async ({ page }) => {
  await present(page, ids[1]);
  const blank = page.locator('.blank-screen');
  await expect(blank).toHaveCount(0);
  await page.keyboard.press('b');
  await expect(blank).toBeVisible();
  // The blank covers the whole window: the slide cannot be seen.
  expect(await page.evaluate(() => document.elementFromPoint(200, 200)?.className)).toContain('blank-screen');
  await page.keyboard.press('ArrowRight');
  await expect(blank).toHaveCount(0);
  expect(await field(page, 'chapterId'), 'the key that restores does not also advance').toBe(ids[1]);
  await page.keyboard.press('.');
  await expect(blank).toBeVisible();
  await page.keyboard.press('x');
  await expect(blank).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expectChapter(page, ids[2]!);
});

test('the speaker view opens with S and stays in sync both ways; closing it leaves the slides working', async ({
  page,
  problems,
}) => {
  await present(page, ids[1]);
  const [speaker] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  speaker.on('console', (m) => m.type() === 'error' && problems.push(`speaker console error: ${m.text()}`));
  speaker.on('pageerror', (e) => problems.push(`speaker page error: ${e.message}`));
  await speaker.waitForLoadState();
  expect(new URL(speaker.url()).searchParams.get('mode')).toBe('speaker');

  const now = speaker.locator('.speaker-now');
  const notesText = (id: string) =>
    chapter(id)
      .notes.en!.replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 40);
  const expectSpeakerOn = async (i: number) => {
    await expect(now.locator('h2')).toHaveText(chapter(ids[i]!).title.en!);
    await expect(speaker.locator('.speaker-next h2')).toHaveText(chapter(ids[i + 1]!).title.en!);
    if (chapter(ids[i]!).notes.en!)
      await expect(speaker.locator('.speaker-notes')).toContainText(notesText(ids[i]!));
  };
  await expectSpeakerOn(1);
  await expect(speaker.locator('.speaker-elapsed')).toHaveText(/^\d+:\d\d$/);

  // Speaker → audience.
  await speaker.keyboard.press('ArrowRight');
  await expectSpeakerOn(2);
  await expectChapter(page, ids[2]!);

  // Audience → speaker.
  await page.keyboard.press('ArrowRight');
  await expectChapter(page, ids[3]!);
  await expectSpeakerOn(3);

  // Quick presses in the speaker view: both land on the same chapter and stay there (no echo back).
  await speaker.keyboard.press('ArrowRight');
  await speaker.keyboard.press('ArrowRight');
  await speaker.keyboard.press('ArrowLeft');
  await speaker.getByRole('button', { name: /next/i }).click();
  await expectSpeakerOn(5);
  await expectChapter(page, ids[5]!);
  await expect.poll(() => field(speaker, 'chapterIndex')).toBe(5);

  // The speaker can blank the audience screen, and bring it back.
  await speaker.keyboard.press('b');
  await expect(page.locator('.blank-screen')).toBeVisible();
  await speaker.keyboard.press('b');
  await expect(page.locator('.blank-screen')).toHaveCount(0);

  // A language switch in either window switches both.
  await page.getByRole('button', { name: /中文/ }).click();
  await expect(now.locator('h2')).toHaveText(chapter(ids[5]!).title.zh!);
  await expect(speaker.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await speaker.getByRole('button', { name: /English/ }).click();
  await expect(page.locator('.slide .chapter-title')).toHaveText(chapter(ids[5]!).title.en!);
  await expectSpeakerOn(5);

  await speaker.close();
  await page.keyboard.press('ArrowLeft');
  await expectChapter(page, ids[4]!);
  // S opens it again.
  const [again] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('s')]);
  await expect(again.locator('.speaker-now h2')).toHaveText(chapter(ids[4]!).title.en!);
  await again.close();
});

/** Drags the map from the middle of the free area, as a reader would. */
async function dragMap(page: Page) {
  const box = page.viewportSize()!;
  const x = Math.round(box.width * 0.75);
  const y = Math.round(box.height * 0.45);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) await page.mouse.move(x - 25 * k, y - 12 * k);
  await page.mouse.up();
}

function far(a: { center: [number, number] } | null, b: { center: [number, number] }) {
  return Math.abs(a!.center[0] - b.center[0]) + Math.abs(a!.center[1] - b.center[1]) > 0.01;
}

test('E explores the map freely; R and the next key return to the story', async ({ page }) => {
  await present(page, ids[2]);
  const home = chapter(ids[2]!).camera;

  // Before exploring, the map does not follow the mouse.
  await dragMap(page);
  expectCamera((await settled(page, ids[2]!)).camera, home, 'drag while not exploring');

  const button = page.getByRole('button', { name: 'Explore the map' });
  await expect(button).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('e');
  await expect(page.getByRole('button', { name: 'Back to the chapter view' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.locator('.explore-banner')).toBeVisible();
  await dragMap(page);
  await expect
    .poll(async () => far(await field(page, 'camera'), home), { message: 'the map moved' })
    .toBe(true);

  await page.keyboard.press('r');
  await expect(page.locator('.explore-banner')).toHaveCount(0);
  await expect.poll(async () => !far(await field(page, 'camera'), home)).toBe(true);
  await expectChapter(page, ids[2]!);

  // The visible button, then → : the next chapter's view, and exploring ends.
  await page.getByRole('button', { name: 'Explore the map' }).click();
  await dragMap(page);
  await expect.poll(async () => far(await field(page, 'camera'), home)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expectChapter(page, ids[3]!);
  await expect(page.getByRole('button', { name: 'Explore the map' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  // At the end of the story → has no next chapter: it still brings the chapter's view back.
  await page.keyboard.press('End');
  await expectChapter(page, last);
  await page.keyboard.press('e');
  await dragMap(page);
  await expect.poll(async () => far(await field(page, 'camera'), chapter(last).camera)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expectChapter(page, last);
});

function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

// The handout is ready when every picture is taken (the shared page of fixtures.ts has waited).
test('the handout prints a title page and one page per chapter, each with a real picture of its map', async ({
  handout,
}) => {
  const { page } = handout;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title.en!);
  await whenIdle(page, 240_000);
  await expect(page.getByRole('button', { name: 'Print' })).toBeEnabled();

  const images = page.locator('img[data-chapter-image]');
  await expect(images).toHaveCount(n);
  expect(await images.evaluateAll((els) => els.map((e) => e.getAttribute('data-chapter-image')))).toEqual(
    ids,
  );

  // Decode every picture to pixels: not blank (the colours vary), and no two the same.
  const srcs = await images.evaluateAll((els) =>
    (els as HTMLImageElement[]).map((e) => ({ id: e.dataset.chapterImage!, src: e.currentSrc || e.src })),
  );
  const stats = await imageStats(
    page,
    srcs.map((s) => s.src),
  );
  const pictures = stats.map((st, i) => ({ id: srcs[i]!.id, ...st }));
  for (const p of pictures) {
    expect(p.width, p.id).toBe(900);
    expect(p.height, p.id).toBe(600);
    expect(p.spread, `brightness spread in the picture of ${p.id}`).toBeGreaterThan(4);
    expect(p.colours, `colours in the picture of ${p.id}`).toBeGreaterThan(20);
  }
  expect(new Set(pictures.map((p) => p.hash)).size, 'distinct pictures').toBe(n);

  await expect(page.locator('.print-note'), 'the handout has its maps').toHaveCount(0);
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: true });
    expect(pdfPageCount(pdf), `pages on ${format}`).toBe(n + 1);
  }
});

test("the browser's print of the slides and of the scrolling story gives the text of every chapter", async ({
  page,
}) => {
  for (const url of ['/?mode=present', '/']) {
    await page.goto(url);
    await settled(page, ids[0]!);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.maplibregl-canvas')).toBeHidden();
    for (const id of ids) {
      await expect(page.getByRole('heading', { name: chapter(id).title.en!, exact: true })).toBeVisible();
    }
    // Without its maps, and says where the handout with them is.
    await expect(page.locator('.print-note').filter({ visible: true })).toContainText('?mode=print');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdfPageCount(pdf), `pages printed from ${url}`).toBeGreaterThanOrEqual(n + 1);
    await page.emulateMedia({ media: 'screen' });
  }
});

test('the key hints never cover the overview inset', async ({ page }) => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1024, height: 768 },
    { width: 800, height: 600 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('/?mode=present');
    await settled(page, story.chapters[0]!.id);
    const inset = page.locator('.overview-inset');
    await expect(inset).toBeVisible();
    const a = (await inset.boundingBox())!;
    const b = (await page.locator('.keys-hint').boundingBox())!;
    const apart =
      a.x >= b.x + b.width || b.x >= a.x + a.width || a.y >= b.y + b.height || b.y >= a.y + a.height;
    expect(
      apart,
      `${viewport.width}×${viewport.height}: hint ${JSON.stringify(b)}, inset ${JSON.stringify(a)}`,
    ).toBe(true);
  }
});
