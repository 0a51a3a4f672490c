// Writes dist/sw.js: the service worker template with the list of every file of the build
// (hashed scripts and styles, both prerendered pages, fonts, images, the basemap archive) at their
// addresses under the site's base path, and a version made from their contents, so that a new
// build installs a new cache. Minified like the rest of the build (Vite's minifier): it is part of
// the app's code budget.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { minifySync } from 'vite';
import { isId } from '../src/build/story/id.js';

// Not cached: the worker itself, source maps, and gzip copies (the browser asks for a file, the
// host may answer with its copy: scripts/precompress.mjs).
const SKIP = /(?:^|\/)sw\.js$|\.map$|\.gz$/;

/**
 * The width in px of each built picture file, by its address, from the story's media (an SVG has
 * none: one file serves every size). With it the list tells a picture's sizes apart, so that a
 * device can keep only those it shows (a kiosk keeps them all).
 * @param {{ chapters: { media?: { image?: { formats: { type: string, files: { url: string, width: number }[] }[] } }[] }[] }} story
 * @returns {Map<string, number>}
 */
export function mediaWidths(story) {
  const widths = new Map();
  for (const c of story.chapters)
    for (const m of c.media ?? [])
      for (const f of m.image?.formats ?? [])
        if (f.type !== 'image/svg+xml') for (const x of f.files) widths.set(x.url, x.width);
  return widths;
}

/**
 * Addresses of the files under `dist` on a site served under `base` ('/' or '/<folder>/'):
 * index.html files become their folder ('/', '/zh/'). A picture's file carries its `width` when
 * `widths` (mediaWidths) knows it.
 * @returns {{ file: string, url: string, width?: number }[]}
 */
export function precacheList(dist, base = '/', widths = new Map()) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(relative(dist, full).split('\\').join('/'));
    }
  };
  walk(dist);
  return files
    .filter((f) => !SKIP.test(f))
    .map((f) => {
      const url = base + f.replace(/(?:^|\/)index\.html$/, (m) => (m.startsWith('/') ? '/' : ''));
      const width = widths.get(url);
      return width === undefined ? { file: f, url } : { file: f, url, width };
    });
}

/**
 * The other addresses of each page, to the page's own ('/zh' and '/zh/index.html' are '/zh/'),
 * from the pages in the list (the folders of its index.html files).
 * @param {{ file: string, url: string }[]} entries
 * @returns {[string, string][]}
 */
export function pageAliases(entries, base = '/') {
  /** @type {[string, string][]} */
  const aliases = [];
  for (const { file, url } of entries) {
    if (!/(?:^|\/)index\.html$/.test(file)) continue;
    aliases.push([url, url], [`${url}index.html`, url]);
    if (url !== base) aliases.push([url.slice(0, -1), url]);
  }
  return aliases;
}

/** The names of a story's caches begin with this: derived from the story's id, never shared. */
export function cachePrefix(storyId) {
  if (!isId(storyId)) throw new Error(`sw: invalid story id ${JSON.stringify(storyId)}`);
  return `${storyId}-story-`;
}

/**
 * Writes `dist`/sw.js for the story `storyId` served under `base` (its scope); `widths`: the
 * pictures' widths (mediaWidths), returned with the list.
 */
export function writeServiceWorker(
  dist,
  storyId,
  base = '/',
  { template = new URL('./sw.template.js', import.meta.url), widths = new Map() } = {},
) {
  const entries = precacheList(dist, base, widths);
  const hash = createHash('sha256');
  for (const { file, url } of entries) {
    hash.update(url);
    hash.update(readFileSync(join(dist, file)));
  }
  const version = hash.digest('hex').slice(0, 16);
  const source = readFileSync(template, 'utf8')
    .replace("'__VERSION__'", JSON.stringify(version))
    .replace("'__CACHE_PREFIX__'", JSON.stringify(cachePrefix(storyId)))
    .replace('/* __PRECACHE__ */ []', JSON.stringify(entries.map((e) => e.url)))
    .replace('/* __PAGES__ */ []', JSON.stringify(pageAliases(entries, base)));
  if (
    source.includes('__PRECACHE__') ||
    source.includes('__PAGES__') ||
    source.includes('__VERSION__') ||
    source.includes('__CACHE_PREFIX__')
  )
    throw new Error('sw: template placeholders left');
  const minified = minifySync('sw.js', source, { compress: true, mangle: true });
  if (minified.errors.length) throw new Error(`sw: ${minified.errors.map((e) => e.message).join('; ')}`);
  writeFileSync(join(dist, 'sw.js'), minified.code);
  return { version, urls: entries.map((e) => e.url), entries };
}
