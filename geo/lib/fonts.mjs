// Stage 4 — fonts. Subsets Noto Sans SC (Debian fonts-noto-cjk, SIL OFL 1.1) to every character
// the story, the UI and the archive's labels use, plus Latin and punctuation, as WOFF2 files in
// static/fonts/, and writes a manifest of the covered code points that the unit test checks.
// Re-run whenever the story changes: `npm run fonts` (= node geo/build.mjs fonts).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { checkFontTools, findPython, report } from './check.mjs';

export const FONT_SOURCES = [
  {
    ttc: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    face: 'Noto Sans CJK SC',
    weight: 'Regular',
  },
  { ttc: '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc', face: 'Noto Sans CJK SC', weight: 'Bold' },
];

/**
 * Each weight is cut into three files, told apart by the page's `unicode-range`, so that a page
 * downloads only the parts whose characters it shows (the English page shows no Chinese but the
 * language switch): Latin and general punctuation; the Chinese characters and CJK punctuation;
 * and the few Chinese characters of the English page's own interface (declared last, so that the
 * browser takes them from this small file on every page).
 */
export const CJK_START = 0x2e80;
export const UI_CJK = '中文切换到'; // STRINGS.en.switchTo and switchToLabel (checked by a unit test)
export const FONT_GROUPS = [
  // pwid: Noto Sans CJK SC draws ‘ ’ “ ” and … full-width, as Chinese sets them; the page asks for
  // the proportional forms in English text (`font-variant-east-asian: proportional-width`).
  { group: 'latin', range: 'U+0-2E7F', has: (cp) => cp < CJK_START, features: ['pwid'] },
  { group: 'cjk', range: 'U+2E80-FFFF', has: (cp) => cp >= CJK_START },
  {
    group: 'ui',
    range: [...UI_CJK].map((c) => `U+${c.codePointAt(0).toString(16).toUpperCase()}`).join(', '),
    has: (cp) => UI_CJK.includes(String.fromCodePoint(cp)),
  },
];
export const fontFileName = (weight, group) => `NotoSansSC-${weight}-${group}.subset.woff2`;
export const FONT_OUTPUTS = FONT_SOURCES.flatMap((f) =>
  FONT_GROUPS.map((g) => ({ ...f, group: g.group, out: fontFileName(f.weight, g.group) })),
);
export const MANIFEST = 'fonts.json';

/** Basic Latin, Latin-1, general and CJK punctuation, full-width forms: always included. */
export const BASE_RANGES = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x2010, 0x2027],
  [0x2030, 0x203a],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
  [0x20ac, 0x20ac],
  [0x3000, 0x303f],
  [0xff01, 0xff5e],
  [0x0100, 0x017f], // Latin Extended-A (place names such as Łódź, Ürümqi)
];

/** Where the text that the page and the map show lives (relative to the repo root). */
export const TEXT_SOURCES = [
  { dir: 'src/stories', ext: ['.md', '.yaml', '.yml', '.geojson', '.json'] },
  { dir: 'src/lib/ui', ext: ['.ts', '.svelte'] },
  { dir: 'src/lib/map/style', ext: ['attribution.ts'] }, // the map's credits, in both languages
  { dir: 'src', ext: ['.svelte'] },
  { dir: 'src/modes', ext: ['.ts', '.svelte'] },
  { dir: 'geo/data', ext: ['.tsv'] },
  { dir: 'geo/lib', ext: ['names.mjs', 'layers.mjs'] },
];

function walk(dir, exts, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (name !== 'node_modules') walk(p, exts, out);
    } else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

/** Every code point in the project's text sources (deduplicated set). */
export function textCodePoints(root) {
  const set = new Set();
  const files = new Set();
  for (const { dir, ext } of TEXT_SOURCES) for (const f of walk(join(root, dir), ext)) files.add(f);
  for (const f of [...files].sort()) {
    for (const ch of readFileSync(f, 'utf8')) {
      const cp = ch.codePointAt(0);
      if (cp >= 0x20 && !(cp >= 0xd800 && cp <= 0xdfff) && cp !== 0xfeff) set.add(cp);
    }
  }
  return set;
}

/** Every code point in the label strings of a PMTiles archive's tiles (reads all tiles). */
export async function archiveLabelCodePoints(archivePath) {
  const { readArchiveLabels } = await import('./archive-read.mjs');
  const set = new Set();
  for (const s of await readArchiveLabels(archivePath)) for (const ch of s) set.add(ch.codePointAt(0));
  return set;
}

/**
 * Code points the project uses (text sources + archive labels) — these must all be in the subset —
 * and the base ranges, which are included as far as Noto Sans SC has them.
 */
export async function wantedCodePoints(root, archivePath) {
  const used = new Set(textCodePoints(root));
  if (archivePath && existsSync(archivePath))
    for (const c of await archiveLabelCodePoints(archivePath)) used.add(c);
  const all = new Set(used);
  for (const [a, b] of BASE_RANGES) for (let c = a; c <= b; c++) all.add(c);
  const sort = (s) => [...s].sort((a, b) => a - b);
  return { used: sort(used), all: sort(all) };
}

export async function buildFonts({ root, outDir, archive }) {
  if (!report('  tools for fonts', checkFontTools()))
    throw new Error('cannot build fonts: install the missing Debian packages listed above');
  const py = findPython();
  mkdirSync(outDir, { recursive: true });
  const { used, all } = await wantedCodePoints(root, archive);
  const script = join(root, 'geo', 'lib', 'subset_font.py');
  const manifest = {
    generator: 'geo/lib/fonts.mjs',
    source: 'Noto Sans CJK SC (Debian fonts-noto-cjk), SIL Open Font License 1.1',
    files: [],
  };
  const written = [];
  for (const f of FONT_OUTPUTS) {
    const g = FONT_GROUPS.find((x) => x.group === f.group);
    const charsFile = join(tmpdir(), `lj-font-chars-${process.pid}-${f.group}.txt`);
    writeFileSync(charsFile, String.fromCodePoint(...all.filter(g.has)));
    const out = join(outDir, f.out);
    const covered = execFileSync(py, [script, f.ttc, f.face, charsFile, out, (g.features ?? []).join(',')], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    })
      .trim()
      .split(',')
      .map(Number);
    const sha256 = createHash('sha256').update(readFileSync(out)).digest('hex');
    manifest.files.push({
      file: f.out,
      face: f.face,
      weight: f.weight,
      group: f.group,
      range: g.range,
      bytes: statSync(out).size,
      sha256,
      codepoints: compressRanges(covered),
    });
    written.push(out);
  }
  // What one weight covers: its files together.
  const regular = new Set(
    manifest.files.filter((m) => m.weight === 'Regular').flatMap((m) => [...decodeRanges(m.codepoints)]),
  );
  const missing = used.filter((c) => !regular.has(c));
  manifest.used_but_not_in_font = missing.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
  writeFileSync(join(outDir, MANIFEST), JSON.stringify(manifest) + '\n');
  if (missing.length)
    console.log(
      `  note: ${missing.length} code points used by the project are not in Noto Sans SC: ${manifest.used_but_not_in_font.join(' ')}`,
    );
  return [...written, join(outDir, MANIFEST)];
}

/** [[start, end], …] from a sorted list. */
export function compressRanges(sorted) {
  const out = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

export function decodeRanges(ranges) {
  const s = new Set();
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) s.add(c);
  return s;
}
