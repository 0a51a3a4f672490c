// node scripts/bench/glyph-ranges.mjs [OUT] — pre-built SDF glyph ranges for the glyphs bench
// (scripts/bench/glyphs.mjs): MapLibre's glyphs.proto, one file per 256 codepoints,
// OUT/{fontstack}/{start}-{end}.pbf (default OUT: node_modules/.cache/glyphs), for the map's font
// stack, from the same regular-weight Noto Sans SC parts the style's `font-faces` use
// (static/fonts/fonts.json), so each range holds just the story's characters.
//
// The ranges are drawn by fontnik (FreeType; the generator behind the usual glyph servers), which
// is not a dependency of the project: it is needed only for this benchmark. Install it without
// saving it (it ships prebuilt binaries, nothing is compiled or downloaded):
//   npm i --no-save fontnik@0.7.7
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import fontverter from 'fontverter';

const root = resolve(import.meta.dirname, '../..');
const out = resolve(process.argv[2] ?? join(root, 'node_modules/.cache/glyphs'));
// The style's text-font stack (src/lib/map/style/fonts.ts, MAP_FONT_NAME).
const FONTSTACK = 'Noto Sans SC Regular';

let fontnik;
try {
  fontnik = createRequire(import.meta.url)('fontnik');
} catch {
  console.error('glyph-ranges: fontnik is not installed: npm i --no-save fontnik@0.7.7');
  process.exit(1);
}

const list = JSON.parse(readFileSync(join(root, 'static/fonts/fonts.json'), 'utf8'));
// The map's parts: the regular weight's but the page's own `ui` part (src/build/fonts/plugin.ts, mapFontFaces).
const parts = list.files.filter((f) => f.cssWeight === 400 && f.group !== 'ui');
const dir = join(out, FONTSTACK);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
let bytes = 0;
let count = 0;
for (const part of parts) {
  // The parts are WOFF2; FreeType reads the plain OpenType font inside.
  const font = await fontverter.convert(readFileSync(join(root, 'static/fonts', part.file)), 'sfnt');
  const ranges = new Set();
  for (const [from, to] of part.codepoints) for (let c = from; c <= to; c++) ranges.add(c >> 8);
  for (const r of [...ranges].sort((a, b) => a - b)) {
    const start = r * 256;
    const end = start + 255;
    const pbf = await new Promise((ok, ko) =>
      fontnik.range({ font, start, end }, (e, data) => (e ? ko(e) : ok(data))),
    );
    writeFileSync(join(dir, `${start}-${end}.pbf`), pbf);
    bytes += pbf.length;
    count++;
  }
}
console.log(`glyph-ranges: ${count} ranges, ${(bytes / 1024).toFixed(1)} KB, in ${dir}`);
