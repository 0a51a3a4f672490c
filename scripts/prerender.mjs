// Writes the story into the built HTML, one page per language of the story (the default at the
// site's base path, each other under its tag: /zh/, /fr/), so that the text is readable before any
// script runs and without JavaScript at all.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { mediaWidths, writeServiceWorker } from './service-worker.mjs';

const root = resolve(import.meta.dirname, '..');
// npm run build (scripts/build.mjs) names a temporary folder; dist/ and .ssr/ otherwise.
const dist = resolve(root, process.env.BUILD_OUT_DIR ?? 'dist');
const ssrDir = resolve(root, process.env.BUILD_SSR_DIR ?? '.ssr');
// BASE: the path the site is served under, as this build was made for (vite.config.ts).
const { renderStory, story, CSP, storyDataBlock, PAGES, BASE, pageHead, siteAddress } = await import(
  pathToFileURL(join(ssrDir, 'entry-server.js')).href
);
const template = readFileSync(join(dist, 'index.html'), 'utf8');

// The site's address (SITE_URL=https://…) makes canonical, language alternates and link previews
// absolute; without it they are left out (src/lib/seo/page-head.ts).
const site = siteAddress(process.env.SITE_URL);
if (!site) console.log('prerender: no SITE_URL given: no canonical, alternate or preview-image links');

// The link preview picture the story folder names (copied into dist by the story-site plugin), and
// its size from the PNG header; without one, links show the title and description only.
const preview = story.preview
  ? (() => {
      const png = readFileSync(join(dist, story.preview));
      return { path: `${BASE}${story.preview}`, width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
    })()
  : null;

const esc = (s) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

for (const page of PAGES) {
  const { head, body } = renderStory(page.lang);
  const title = `${story.title[page.lang]} — ${story.subtitle[page.lang]}`;
  const meta = [...pageHead(story, page, site, preview), head].join('\n    ');
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
const sw = writeServiceWorker(dist, story.id, BASE, { widths: mediaWidths(story) });
const sized = sw.entries.filter((e) => e.width !== undefined).length;
console.log(
  `wrote sw.js (${sw.urls.length} files precached, ${sized} of them pictures at a known width; version ${sw.version})`,
);
