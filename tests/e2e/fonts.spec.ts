// The fonts follow the text: a character new to the committed parts (三峡大坝 — 峡 and 坝 are
// not in the Liangjiang story) is cut by the build's own cutter and drawn with the app's web font,
// not a font installed on the machine. This machine has Noto Sans CJK installed, so the test asks
// Chromium which font actually drew each text node (CDP CSS.getPlatformFontsForNode): a web font
// reports isCustomFont true; the system's Noto Sans CJK SC reports false.
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, settled, story, test } from './fixtures';
import { fontFaceCss } from '../../src/build/fonts/css';
import { cutFonts, readManifest } from '../../src/build/fonts/cut';
import { planFonts, storyUsage } from '../../src/build/fonts/text';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

/** The fonts Chromium used to draw the text inside the element `selector`. */
async function platformFonts(page: Page, selector: string): Promise<PlatformFont[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
  await cdp.detach();
  return fonts;
}

test('a character new to the committed parts is cut and drawn with the app’s own font', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const committed = readManifest(join(ROOT, 'static/fonts'))!;
  const cjk = committed.files.find((f) => f.weight === 'Regular' && f.group === 'cjk')!;
  expect(JSON.stringify(cjk.codepoints)).not.toContain(`[${'峡'.codePointAt(0)},`); // new indeed

  // What the build does for a story with this text (a cache hit after the first run).
  const plan = planFonts(
    [storyUsage({ chapters: [{ title: { en: 'The Three Gorges Dam', zh: '三峡大坝' } }] }, 'gorges')],
    [
      { lang: 'en', text: 'The Three Gorges Dam 中文' },
      { lang: 'zh', text: '三峡大坝 English' },
    ],
  );
  const { dir, manifest } = await cutFonts({
    plan,
    story: 'gorges',
    cacheDir: join(ROOT, 'node_modules/.cache/story-fonts'),
  });
  const family = manifest.files.find((f) => f.group === 'cjk')!.family;
  const html = `<!doctype html><html lang="zh-Hans"><head><meta charset="utf-8"><title>fonts</title>
<style>${fontFaceCss(manifest.files, '/__fonts/')}
body { font-family: '${family}', 'Noto Sans CJK SC', sans-serif; font-size: 40px; }</style></head>
<body><p id="new">三峡大坝</p><p id="control">龙</p></body></html>`;
  await page.route(`${baseURL}/__fonts/**`, (route) =>
    route.fulfill({
      contentType: 'font/woff2',
      body: readFileSync(join(dir, new URL(route.request().url()).pathname.split('/').pop()!)),
    }),
  );
  await page.route(`${baseURL}/__page`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto('/__page');
  await page.evaluate(async (family) => {
    await document.fonts.load(`40px '${family}'`, '三峡大坝龙');
    await document.fonts.ready;
  }, family);

  const drawn = await platformFonts(page, '#new');
  expect(drawn, '三峡大坝 drawn with the web font only').toEqual([
    expect.objectContaining({ isCustomFont: true, glyphCount: 4 }),
  ]);
  // A character outside the cut falls back to the installed Noto Sans CJK SC: the check can tell.
  expect(await platformFonts(page, '#control')).toEqual([
    expect.objectContaining({ familyName: 'Noto Sans CJK SC', isCustomFont: false }),
  ]);
});

test('the built page draws its Chinese and Latin text with the app’s web font', async ({ page }) => {
  await page.goto('/zh/');
  await settled(page, story.chapters[0]!.id);
  await page.evaluate(() => document.fonts.ready);
  const fonts = await platformFonts(page, 'h1');
  expect(fonts.length).toBeGreaterThan(0);
  for (const f of fonts)
    expect(f, 'every font of the title is a web font').toMatchObject({ isCustomFont: true });
});
