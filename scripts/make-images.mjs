// Makes the images a shared link and an installed app need, from the real built app, into the
// story folder: the link preview (the first chapter's map, 1200×630, named by story.yaml `preview`,
// og-image.png if it names none) and, from the story's own favicon.svg, its icons (192, 512 px).
// A story without a favicon.svg uses the default icons (src/build/site/default-icons/), which this
// remakes from the default favicon.svg. Run after `npm run build` of the same story (STORY_DIR):
// `npm run images [-- --dist DIR]` (DIR: the build to photograph, dist/ by default; a build made
// for a folder of its host, `--base /PATH/`, is served under that folder). The outputs are committed.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { CHROMIUM_ARGS, chromiumPath, serveDist } from './serve-dist.mjs';

const root = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const storyDir = resolve(root, process.env.STORY_DIR ?? pkg.config.storyDir);
const meta = parse(readFileSync(join(storyDir, 'story.yaml'), 'utf8'));
const rel = (p) => relative(root, p).split('\\').join('/');

const distIndex = process.argv.indexOf('--dist');
const dist = resolve(
  root,
  distIndex >= 0 && process.argv[distIndex + 1] ? process.argv[distIndex + 1] : 'dist',
);
// The folder the build was made for: where its page asks for its own scripts ('/' or '/PATH/').
const page0 = readFileSync(join(dist, 'index.html'), 'utf8');
const base = /<script[^>]*\ssrc="([^"]*?)assets\//.exec(page0)?.[1] ?? '/';
const server = await serveDist(dist, 0, { base });
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  // The page's own Content-Security-Policy forbids injected styles; the picture needs one (below),
  // so this context alone bypasses it. The built page is unchanged.
  const context = await browser.newContext({ viewport: { width: 1200, height: 630 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.origin}${base}?lang=en`);
  await page.waitForFunction(() => window.storymap?.idle === true, null, { timeout: 60_000 });
  const built = await page.evaluate(() => document.title);
  if (!built.startsWith(meta.title.en))
    throw new Error(`${rel(dist)}/ holds another story ("${built}"): build ${rel(storyDir)} first`);
  // Only the map: the story's panels are hidden for the picture.
  await page.addStyleTag({
    content: '.story, .topbar, .skip-link, .maplibregl-control-container { display: none !important; }',
  });
  await page.waitForTimeout(300);
  const preview = join(storyDir, meta.preview ?? 'og-image.png');
  writeFileSync(preview, await page.screenshot({ type: 'png' }));
  console.log(`wrote ${rel(preview)}`);
  if (!meta.preview) console.log(`add "preview: og-image.png" to ${rel(storyDir)}/story.yaml to use it`);

  const own = existsSync(join(storyDir, 'favicon.svg'));
  const iconDir = own ? storyDir : join(root, 'src/build/site/default-icons');
  const svg = readFileSync(join(iconDir, 'favicon.svg'), 'utf8');
  for (const size of [192, 512]) {
    const icon = await context.newPage();
    await icon.setViewportSize({ width: size, height: size });
    await icon.setContent(
      `<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    const file = join(iconDir, `icon-${size}.png`);
    writeFileSync(file, await icon.screenshot({ type: 'png', omitBackground: true }));
    console.log(`wrote ${rel(file)}`);
  }
} finally {
  await browser.close();
  server.close();
}
