// Makes the images a shared link and an installed app need, from the real built app:
// static/og-image.png (the first chapter's map, 1200×630) and the app icons (192, 512 px).
// Run after `npm run build`: `npm run images`. The outputs are committed.
import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath, serveDist } from './serve-dist.mjs';

const root = resolve(import.meta.dirname, '..');
const server = await serveDist(join(root, 'dist'));
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.goto(`${server.origin}/?lang=en`);
  await page.waitForFunction(() => window.storymap?.idle === true, null, { timeout: 60_000 });
  // Only the map: the story's panels are hidden for the picture.
  await page.addStyleTag({
    content: '.story, .topbar, .skip-link, .maplibregl-control-container { display: none !important; }',
  });
  await page.waitForTimeout(300);
  writeFileSync(join(root, 'static/og-image.png'), await page.screenshot({ type: 'png' }));
  console.log('wrote static/og-image.png');

  const svg = (await import('node:fs')).readFileSync(join(root, 'static/favicon.svg'), 'utf8');
  for (const size of [192, 512]) {
    const icon = await browser.newPage({ viewport: { width: size, height: size } });
    await icon.setContent(
      `<html><body style="margin:0">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    writeFileSync(
      join(root, `static/icon-${size}.png`),
      await icon.screenshot({ type: 'png', omitBackground: true }),
    );
    console.log(`wrote static/icon-${size}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
