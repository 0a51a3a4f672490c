// Glyphs drawn in the page (the style's `font-faces`: MapLibre rasterises every label glyph with
// TinySDF on the main thread) against pre-built glyph ranges (a style `glyphs` URL: 256-codepoint
// SDF ranges, `{fontstack}/{range}.pbf`, parsed off the font files at build time). A benchmark of a
// choice, not of the app as it ships: the second variant is a copy of dist/ whose map style is
// patched to use `glyphs` (and `localIdeographFontFamily: false`, else MapLibre would still draw
// CJK ideographs locally), with the ranges from `--glyphs-dir` (default node_modules/.cache/glyphs,
// made by node scripts/bench/glyph-ranges.mjs) copied into its glyphs/ folder. Both are traced the same
// way as the trace section (scripts/bench/trace.mjs), alternately, on the English and Chinese
// pages; then one more load of each counts the font and glyph bytes it fetched up to first idle.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveDist } from '../serve-dist.mjs';
import { VIEWPORT, waitMark } from './browser.mjs';
import { log, median, ms } from './table.mjs';
import { traceOnce } from './trace.mjs';

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/**
 * The built map chunk with the style's `font-faces` turned into a `glyphs` URL on the page's
 * origin. Text patches of the minified chunk, each required to match exactly once, so that a
 * change of the app's code stops the bench rather than measuring the wrong thing.
 */
function patchChunk(code) {
  const patches = [
    // The key is renamed rather than removed: MapLibre ignores unknown root keys.
    ['"font-faces":{', 'glyphs:location.origin+"/glyphs/{fontstack}/{range}.pbf","x-unused-font-faces":{'],
    ['validateStyle:!1', 'validateStyle:!1,localIdeographFontFamily:!1'],
  ];
  for (const [from, to] of patches) {
    const n = code.split(from).length - 1;
    if (n !== 1) throw new Error(`glyphs bench: expected "${from}" once in the map chunk, found ${n}`);
    code = code.replace(from, to);
  }
  return code;
}

/** A copy of `dist` that uses the glyph ranges in `glyphsDir`. */
function buildVariant(dist, glyphsDir, out) {
  rmSync(out, { recursive: true, force: true });
  cpSync(dist, out, { recursive: true });
  const assets = join(out, 'assets');
  const chunks = readdirSync(assets).filter(
    (f) => f.endsWith('.js') && readFileSync(join(assets, f), 'utf8').includes('"font-faces":{'),
  );
  const mine = chunks.filter((f) => !/^maplibre/.test(f));
  if (mine.length !== 1) throw new Error(`glyphs bench: expected one style chunk, found ${mine.join(', ')}`);
  const file = join(assets, mine[0]);
  writeFileSync(file, patchChunk(readFileSync(file, 'utf8')));
  mkdirSync(join(out, 'glyphs'), { recursive: true });
  cpSync(glyphsDir, join(out, 'glyphs'), { recursive: true });
}

/** Font and glyph bytes one load fetched up to first idle (service workers blocked). */
async function fetchedBytes(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  const seen = [];
  page.on('requestfinished', (req) => {
    const path = decodeURIComponent(new URL(req.url()).pathname);
    if (/\.(woff2|pbf)$/.test(path)) seen.push({ req, path, type: req.resourceType() });
  });
  await page.goto(url);
  await waitMark(page, 'storymap:first-idle');
  const out = [];
  for (const s of seen)
    out.push({ path: s.path, type: s.type, bytes: (await s.req.sizes()).responseBodySize });
  await context.close();
  return out;
}

export async function glyphRanges({ browser, root, dist, origin, runs, row, glyphsDir }) {
  if (!existsSync(glyphsDir) || !readdirSync(glyphsDir).length)
    throw new Error(
      `glyphs bench: no glyph ranges in ${glyphsDir}: make them first (node scripts/bench/glyph-ranges.mjs)`,
    );
  const variantDir = join(root, 'node_modules/.cache/bench-glyphs/dist');
  buildVariant(dist, glyphsDir, variantDir);
  const server = await serveDist(variantDir);
  try {
    const variants = [
      { name: 'font-faces (as shipped)', origin },
      { name: 'glyph ranges (pbf)', origin: server.origin },
    ];
    for (const path of ['/', '/zh/']) {
      log(`glyphs: ${path}, ${runs} runs of each, alternating`);
      const results = variants.map(() => []);
      for (let r = 0; r < runs; r++)
        for (const [i, v] of variants.entries())
          results[i].push(await traceOnce(browser, `${v.origin}${path}`));
      for (const [i, v] of variants.entries()) {
        const m = (f) => median(results[i].map(f));
        const section = `glyphs ${path} (${v.name})`;
        row(section, 'first idle', ms(m((x) => x.idleAt)));
        row(section, 'main thread busy before first idle', ms(m((x) => x.main)));
        row(section, 'glyphs drawn from font files (main thread, sampled)', ms(m((x) => x.glyphs)));
        row(section, 'glyph ranges loaded and parsed (main thread, sampled)', ms(m((x) => x.glyphRanges)));
        row(section, 'all glyph work (main thread, sampled)', ms(m((x) => x.glyphsAny)));
        row(section, 'map workers busy', ms(m((x) => x.workers)));
        row(
          section,
          'animation frames before first idle',
          `${m((x) => x.rafs.length)}, total ${ms(m((x) => x.rafs.reduce((a, b) => a + b, 0)))}`,
        );
        log(
          `${path} ${v.name}: first idle ${results[i].map((x) => Math.round(x.idleAt)).join(', ')} ms; ` +
            `main ${results[i].map((x) => Math.round(x.main)).join(', ')} ms; ` +
            `drawn ${results[i].map((x) => Math.round(x.glyphs)).join(', ')} ms; ` +
            `ranges ${results[i].map((x) => Math.round(x.glyphRanges)).join(', ')} ms; ` +
            `all glyph work ${results[i].map((x) => Math.round(x.glyphsAny)).join(', ')} ms`,
        );
        const fetched = await fetchedBytes(browser, `${v.origin}${path}`);
        const sum = (f) => fetched.filter(f).reduce((n, x) => n + x.bytes, 0);
        const pbfs = fetched.filter((x) => x.path.endsWith('.pbf'));
        const pbfGzip = pbfs.reduce((n, x) => n + gzipSync(readFileSync(join(variantDir, x.path))).length, 0);
        row(
          section,
          'woff2 fetched by the page (CSS @font-face)',
          `${kb(sum((x) => x.path.endsWith('.woff2') && x.type === 'font'))} (${fetched.filter((x) => x.path.endsWith('.woff2') && x.type === 'font').length} files)`,
        );
        row(
          section,
          'woff2 fetched by the map (font-faces)',
          `${kb(sum((x) => x.path.endsWith('.woff2') && x.type !== 'font'))} (${fetched.filter((x) => x.path.endsWith('.woff2') && x.type !== 'font').length} files)`,
        );
        row(
          section,
          'glyph ranges fetched by the map',
          `${kb(sum((x) => x.path.endsWith('.pbf')))} (${pbfs.length} ranges; ${kb(pbfGzip)} if gzipped)`,
        );
        log(`${path} ${v.name}: fetched ${fetched.map((x) => `${x.path} ${x.type} ${x.bytes}`).join('; ')}`);
      }
    }
  } finally {
    server.close();
  }
}
