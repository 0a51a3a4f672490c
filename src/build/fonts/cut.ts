// Cuts the font parts for a plan (text.ts) out of the Noto Sans CJK SC sources with HarfBuzz's
// subsetter (npm subset-font, WebAssembly; build time only), as WOFF2, with a manifest
// (fonts.json) that lists each part, its range and the code points it covers. Results are cached
// by content: the same characters cut from the same source files with the same tools give the same
// key, and a key already cut is not cut again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { extractFace, collectionFamilies } from './collection.ts';
import {
  BUDGET_BYTES,
  DEBIAN_NOTO_CJK_DIR,
  FAMILY,
  FEATURES,
  FONT_SOURCES,
  GROUPS,
  MANIFEST,
  NAME_IDS,
  SOURCE_LICENCE,
  SOURCE_PACKAGE,
  fontFileName,
  type Group,
  type Weight,
} from './config.ts';
import { compressRanges, decodeRanges, describe, unicodeRange, type FontPlan } from './text.ts';

/** Bump when the way parts are cut changes, so that cached cuts are not reused. */
const CUTTER = 'subset-font 2.9 (harfbuzzjs 1.6); woff2; cut 1';

export interface FontFileEntry {
  file: string;
  family: string;
  weight: Weight;
  cssWeight: 400 | 700;
  group: Group;
  /** CSS unicode-range */
  range: string;
  bytes: number;
  sha256: string;
  /** code points the part has: [[first, last], …] */
  codepoints: [number, number][];
}
export interface FontManifest {
  generator: string;
  /** the story folder the parts were cut for (relative to the repository root) */
  story: string;
  /** content key: characters, sources and cutter */
  key: string;
  sources: { weight: Weight; file: string; face: string; sha256: string; licence: string }[];
  /** in CSS order: per weight latin, cjk, then ui (last, so that it wins where ranges overlap) */
  files: FontFileEntry[];
}

export class FontError extends Error {
  override name = 'FontError';
}

export function readManifest(dir: string): FontManifest | null {
  const p = join(dir, MANIFEST);
  if (!existsSync(p)) return null;
  const m = JSON.parse(readFileSync(p, 'utf8')) as Partial<FontManifest>;
  return Array.isArray(m.files) && typeof m.key === 'string' ? (m as FontManifest) : null;
}

/** The characters of the plan that the manifest's parts lack (empty: no cut needed). */
export function missingFrom(manifest: FontManifest, plan: FontPlan): number[] {
  const missing = new Set<number>();
  for (const { weight } of FONT_SOURCES)
    for (const g of plan.groups) {
      const entry = manifest.files.find((f) => f.weight === weight && f.group === g.group);
      const have = entry ? decodeRanges(entry.codepoints) : new Set<number>();
      for (const cp of g.needed) if (!have.has(cp)) missing.add(cp);
    }
  return [...missing].sort((a, b) => a - b);
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const list = (plan: FontPlan, cps: readonly number[], max = 40) =>
  cps
    .slice(0, max)
    .map((cp) => `${describe(cp)} (${plan.used.get(cp) ?? 'base range'})`)
    .join(', ') + (cps.length > max ? `, and ${cps.length - max} more` : '');

export interface CutOptions {
  plan: FontPlan;
  /** story folder, relative to the repository root (recorded in the manifest) */
  story: string;
  /** where the source collections are (default: NOTO_CJK_DIR or Debian's directory) */
  sourceDir?: string;
  /** the cache: each cut goes to `<cacheDir>/<key>/` */
  cacheDir: string;
  /** characters the current parts lack, for the message when the sources are missing */
  lacking?: readonly number[];
  log?: (line: string) => void;
}

/**
 * The source collections, read, with the characters each has. Throws a FontError naming every
 * character of `plan` no source has, or the Debian package when the sources are not installed
 * (with `lacking`, the characters that need them). The build checks this before anything is built.
 */
export async function readSources(
  plan: FontPlan,
  opts: {
    sourceDir?: string;
    lacking?: readonly number[];
    /** harfbuzzjs, when the caller has loaded it (a module loaded through Vite's runner cannot). */
    harfbuzz?: typeof import('harfbuzzjs');
  } = {},
) {
  const sourceDir = opts.sourceDir ?? process.env.NOTO_CJK_DIR ?? DEBIAN_NOTO_CJK_DIR;
  const absent = FONT_SOURCES.map((s) => join(sourceDir, s.file)).filter((p) => !existsSync(p));
  if (absent.length) {
    const why = opts.lacking?.length
      ? `The story uses characters that the committed fonts (static/fonts/) lack: ${list(plan, opts.lacking)}. `
      : '';
    throw new FontError(
      `${why}Cutting fonts needs the Noto Sans CJK sources, not found: ${absent.join(', ')}. ` +
        `Install Debian's ${SOURCE_PACKAGE} (apt-get install -y ${SOURCE_PACKAGE}), ` +
        `or set NOTO_CJK_DIR to a folder holding ${FONT_SOURCES.map((s) => s.file).join(' and ')}.`,
    );
  }

  const { Blob, Face } = opts.harfbuzz ?? (await import('harfbuzzjs'));
  const sources = FONT_SOURCES.map((s) => {
    const path = join(sourceDir, s.file);
    const bytes = new Uint8Array(readFileSync(path));
    const index = collectionFamilies(bytes).indexOf(s.face);
    if (index < 0) throw new FontError(`${path} has no face "${s.face}"`);
    const has = new Set(new Face(new Blob(bytes), index).collectUnicodes());
    return { ...s, path, bytes, has, sha256: sha256(bytes) };
  });

  // Every character used must be in every weight's source.
  const absentChars = [...plan.used.keys()]
    .filter((cp) => sources.some((s) => !s.has.has(cp)))
    .sort((a, b) => a - b);
  if (absentChars.length)
    throw new FontError(
      `${absentChars.length} character${absentChars.length > 1 ? 's are' : ' is'} in no font source ` +
        `(${FONT_SOURCES.map((s) => `${s.face} ${s.weight}`).join(', ')}): ${list(plan, absentChars)}. ` +
        `Replace ${absentChars.length > 1 ? 'them' : 'it'} in the text, or add a font that has ${absentChars.length > 1 ? 'them' : 'it'}.`,
    );

  return sources;
}

/**
 * Cuts (or finds in the cache) the parts for `plan`; returns the directory holding them and their
 * manifest. Throws a FontError naming every character no source has, or the Debian package when
 * the sources are not installed.
 */
export async function cutFonts(opts: CutOptions): Promise<{ dir: string; manifest: FontManifest }> {
  const { plan, cacheDir, log = () => {} } = opts;
  const sources = await readSources(plan, opts);
  const key = sha256(
    JSON.stringify({
      CUTTER,
      FAMILY,
      FEATURES,
      NAME_IDS,
      groups: GROUPS,
      sources: sources.map((s) => [s.weight, s.face, s.sha256]),
      wanted: plan.groups.map((g) => [g.group, compressRanges(g.wanted)]),
    }),
  );
  const dir = join(cacheDir, key);
  const cached = readManifest(dir);
  if (cached?.key === key) return { dir, manifest: { ...cached, story: opts.story } };

  log(`fonts: cutting Noto Sans CJK SC for ${plan.used.size} characters (cache ${key.slice(0, 12)})`);
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const files: FontFileEntry[] = [];
  for (const s of sources) {
    const face = extractFace(s.bytes, s.face, s.path);
    for (const g of plan.groups) {
      const spec = GROUPS.find((x) => x.group === g.group)!;
      const covered = g.wanted.filter((cp) => s.has.has(cp));
      if (!covered.length) continue; // e.g. no Chinese on the English page: no `ui` part
      const t = Date.now();
      const out = await subsetFont(Buffer.from(face), String.fromCodePoint(...covered), {
        targetFormat: 'woff2',
        keepFeatures: [...FEATURES, ...(spec.features ?? [])],
        preserveNameIds: NAME_IDS,
        noHinting: true,
      });
      const file = fontFileName(s.weight, g.group);
      writeFileSync(join(tmp, file), out);
      log(`  ${file} ${(out.byteLength / 1024).toFixed(0)} KiB (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      files.push({
        file,
        family: FAMILY,
        weight: s.weight,
        cssWeight: s.cssWeight,
        group: g.group,
        range: spec.range ?? unicodeRange(covered),
        bytes: out.byteLength,
        sha256: sha256(out),
        codepoints: compressRanges(covered),
      });
    }
  }
  const total = files.reduce((n, f) => n + f.bytes, 0);
  if (total > BUDGET_BYTES)
    throw new FontError(
      `the font parts come to ${(total / 1048576).toFixed(2)} MB, over the ${BUDGET_BYTES / 1048576} MB budget`,
    );
  const manifest: FontManifest = {
    generator: 'src/build/fonts',
    story: opts.story,
    key,
    sources: sources.map((s) => ({
      weight: s.weight,
      file: `${s.file} (Debian ${SOURCE_PACKAGE})`,
      face: s.face,
      sha256: s.sha256,
      licence: SOURCE_LICENCE,
    })),
    files,
  };
  writeManifest(tmp, manifest);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, manifest };
}

export function writeManifest(dir: string, manifest: FontManifest): void {
  writeFileSync(join(dir, MANIFEST), JSON.stringify(manifest) + '\n');
}
