// Writes the story into the built HTML, one page per language (/ and /zh/), so that the text
// is readable before any script runs and without JavaScript at all.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeServiceWorker } from './service-worker.mjs';

const root = resolve(import.meta.dirname, '..');
// npm run build (scripts/build.mjs) names a temporary folder; dist/ and .ssr/ otherwise.
const dist = resolve(root, process.env.BUILD_OUT_DIR ?? 'dist');
const ssrDir = resolve(root, process.env.BUILD_SSR_DIR ?? '.ssr');
const { renderStory, story, CSP, storyDataBlock } = await import(
  pathToFileURL(join(ssrDir, 'entry-server.js')).href
);
const template = readFileSync(join(dist, 'index.html'), 'utf8');

const PAGES = [
  { lang: 'en', htmlLang: 'en', path: '/', file: 'index.html' },
  { lang: 'zh', htmlLang: 'zh-Hans', path: '/zh/', file: 'zh/index.html' },
];

// Absolute addresses for link previews when the site's address is known (SITE_URL=https://…);
// relative ones otherwise, which browsers and most previewers resolve against the page.
const site = (process.env.SITE_URL ?? '').replace(/\/$/, '');
const url = (p) => `${site}${p}`;

const esc = (s) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const page of PAGES) {
  const { head, body } = renderStory(page.lang);
  const title = `${story.title[page.lang]} — ${story.subtitle[page.lang]}`;
  const description = `${story.subtitle[page.lang]} ${story.byline[page.lang]}`;
  const image = url('/og-image.png');
  const meta = [
    `<meta name="description" content="${esc(description)}" />`,
    `<link rel="canonical" href="${url(page.path)}" />`,
    ...PAGES.map((p) => `<link rel="alternate" hreflang="${p.htmlLang}" href="${url(p.path)}" />`),
    `<link rel="alternate" hreflang="x-default" href="${url('/')}" />`,
    `<link rel="manifest" href="/manifest.webmanifest" />`,
    `<link rel="apple-touch-icon" href="/icon-192.png" />`,
    `<meta name="theme-color" content="#1e3a5f" />`,
    `<meta property="og:type" content="article" />`,
    `<meta property="og:title" content="${esc(story.title[page.lang])}" />`,
    `<meta property="og:description" content="${esc(description)}" />`,
    `<meta property="og:url" content="${url(page.path)}" />`,
    `<meta property="og:locale" content="${page.lang === 'zh' ? 'zh_CN' : 'en_GB'}" />`,
    `<meta property="og:image" content="${image}" />`,
    `<meta property="og:image:width" content="1200" />`,
    `<meta property="og:image:height" content="630" />`,
    `<meta property="og:image:alt" content="${esc(story.chapters[0].description[page.lang])}" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
    `<meta name="twitter:title" content="${esc(story.title[page.lang])}" />`,
    `<meta name="twitter:description" content="${esc(description)}" />`,
    `<meta name="twitter:image" content="${image}" />`,
    head,
  ].join('\n    ');
  const html = template
    .replace('<html lang="en">', `<html lang="${page.htmlLang}">`)
    // The policy first, so that it governs everything after it (src/lib/security/csp.ts).
    .replace(
      '<meta charset="utf-8" />',
      `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${esc(CSP)}" />`,
    )
    .replace(/<title>[^<]*<\/title>/, `<title>${esc(title)}</title>`)
    .replace('<!--app-head-->', meta)
    .replace('<!--app-html-->', body)
    .replace('</body>', `    ${storyDataBlock(story)}\n  </body>`);
  if (
    html.includes('<!--app-html-->') ||
    !html.includes('data-chapter-id') ||
    !html.includes('Content-Security-Policy')
  )
    throw new Error(`prerender: the story did not render into ${page.file}`);
  mkdirSync(join(dist, page.file, '..'), { recursive: true });
  writeFileSync(join(dist, page.file), html);
  console.log(`prerendered ${page.file} (${story.chapters.length} chapters, ${page.lang})`);
}
rmSync(ssrDir, { recursive: true, force: true });

// Last, once every file of the build exists: the service worker and its precache list.
const sw = writeServiceWorker(dist);
console.log(`wrote sw.js (${sw.urls.length} files precached, version ${sw.version})`);
