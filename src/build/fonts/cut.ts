// Cuts the font parts for a plan (text.ts) out of the Noto sources (config.ts) with HarfBuzz's
// subsetter (npm subset-font, WebAssembly; build time only), as WOFF2, with a manifest
// (fonts.json) that lists each part, its range and the code points it covers. Each character goes
// to the font made for its script: Noto Sans (Latin, Greek, Cyrillic), else Noto Sans Symbols or
// Math, and Chinese to Noto Sans CJK SC; only the sources the story's characters need are read.
// Results are cached by content: the same characters cut from the same source files with the same
// tools give the same key, and a key already cut is not cut again.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { extractFace, collectionFamilies } from './collection.ts';
import {
  BASE_RANGES,
  BUDGET_BYTES,
  CJK_START,
  FAMILY,
  FAMILY_CJK,
  FEATURES,
  FONT_SOURCES,
  GROUPS,
  MANIFEST,
  NAME_IDS,
  SOURCE_LICENCE,
  WEIGHTS,
  fontFileName,
  oneWeight,
  scriptGroup,
  type FontSource,
  type Group,
  type SourceId,
  type Weight,
} from './config.ts';
import { compressRanges, decodeRanges, describe, unicodeRange, type FontPlan } from './text.ts';

/** Bump when the way parts are cut changes: cached cuts are then not reused, committed parts cut again. */
export const CUTTER = 'subset-font 2.9 (harfbuzzjs 1.6); woff2; cut 4 (a part per script)';

export interface FontFileEntry {
  file: string;
  family: string;
  weight: Weight;
  cssWeight: 400 | 700;
  group: Group;
  /** CSS unicode-range */
  range: string;
  /** the map's unicode-range, where it differs from `range` */
  mapRange?: string;
  bytes: number;
  sha256: string;
  /** code points the part has: [[first, last], …] */
  codepoints: [number, number][];
}
export interface FontManifest {
  generator: string;
  /** how the parts were cut (`CUTTER`): parts cut another way are cut again */
  cutter: string;
  /** the story folder the parts were cut for (relative to the repository root) */
  story: string;
  /** content key: characters, sources and cutter */
  key: string;
  sources: { weight: Weight; file: string; face: string; sha256: string; licence: string }[];
  /** in CSS order: per weight, the parts in GROUPS order (`ui` last, so that it wins) */
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

/**
 * The characters of the plan that the manifest's parts lack (empty: no cut needed): each character
 * in a part of each weight, the Chinese characters of other languages' pages in the `ui` part, the
 * Chinese page's punctuation in the Chinese part. Parts cut another way (an older `CUTTER`) lack
 * everything.
 */
export function missingFrom(manifest: FontManifest, plan: FontPlan): number[] {
  if (manifest.cutter !== CUTTER) return [...plan.used.keys()].sort((a, b) => a - b);
  const missing = new Set<number>();
  for (const { weight } of WEIGHTS) {
    const parts = manifest.files.filter((f) => f.weight === weight);
    const has = (groups: (g: Group) => boolean) =>
      new Set(parts.filter((f) => groups(f.group)).flatMap((f) => [...decodeRanges(f.codepoints)]));
    const any = has((g) => g !== 'ui');
    const ui = has((g) => g === 'ui');
    const cjk = has((g) => g === 'cjk');
    for (const cp of plan.used.keys()) if (!any.has(cp)) missing.add(cp);
    for (const cp of plan.ui) if (!ui.has(cp)) missing.add(cp);
    for (const cp of plan.chinesePunctuation) if (!cjk.has(cp)) missing.add(cp);
  }
  return [...missing].sort((a, b) => a - b);
}

/**
 * The manifest's parts a plan draws from: those of the scripts it shows. Another story's committed
 * parts may serve a story, which then leaves out the parts it has no use for (a story told in French
 * takes no Chinese part, nor does its reader's offline copy).
 */
export function partsFor(manifest: FontManifest, plan: FontPlan): FontManifest {
  const needed = new Set<Group>();
  const parts = manifest.files.filter((f) => f.weight === 'Regular');
  const latinish = parts.filter((f) => f.group !== 'cjk' && f.group !== 'ui');
  const sets = new Map(latinish.map((f) => [f, decodeRanges(f.codepoints)]));
  for (const cp of plan.used.keys()) {
    if (cp >= CJK_START) needed.add('cjk');
    else {
      const part = latinish.find((f) => sets.get(f)!.has(cp));
      if (part) needed.add(part.group);
    }
  }
  if (plan.chinesePunctuation.length) needed.add('cjk');
  if (plan.ui.length) needed.add('ui');
  return { ...manifest, files: manifest.files.filter((f) => needed.has(f.group)) };
}

const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const list = (plan: FontPlan, cps: readonly number[], max = 40) =>
  cps
    .slice(0, max)
    .map((cp) => `${describe(cp)} (${plan.used.get(cp) ?? 'base range'})`)
    .join(', ') + (cps.length > max ? `, and ${cps.length - max} more` : '');

/** Where the files of each Debian package are: given, else its variable (NOTO_DIR, NOTO_CJK_DIR), else Debian's folder. */
export type SourceDirs = Partial<Record<FontSource['package'], string>>;
const dirOf = (s: FontSource, dirs: SourceDirs = {}) =>
  dirs[s.package] ?? process.env[s.dirEnv] ?? s.defaultDir;

/** A source read: each weight's face, with the characters it has. */
interface LoadedSource extends FontSource {
  weights: Record<Weight, { path: string; bytes: Uint8Array; has: Set<number>; sha256: string }>;
  /** Whether every weight has `cp`. */
  hasAll(cp: number): boolean;
}

export interface SourceOptions {
  sourceDirs?: SourceDirs;
  /** characters the current parts lack, for the message when the sources are missing */
  lacking?: readonly number[];
  /** harfbuzzjs, when the caller has loaded it (a module loaded through Vite's runner cannot). */
  harfbuzz?: typeof import('harfbuzzjs');
}

/**
 * The sources the plan needs, read, with the character each has: Noto Sans and, for what it lacks,
 * Noto Sans Symbols and Math; Noto Sans CJK when the story shows Chinese. Throws a FontError naming
 * every character of `plan` no source has, or the Debian package to install when the sources are
 * not there (with `lacking`, the characters that need them). The build checks this before anything
 * is built.
 */
export async function readSources(plan: FontPlan, opts: SourceOptions = {}): Promise<LoadedSource[]> {
  const { Blob, Face } = opts.harfbuzz ?? (await import('harfbuzzjs'));
  const used = [...plan.used.keys()].sort((a, b) => a - b);
  const load = (s: FontSource, why: number[]): LoadedSource => {
    const dir = dirOf(s, opts.sourceDirs);
    const paths = [...new Set(WEIGHTS.map((w) => join(dir, s.files[w.weight])))];
    const absent = paths.filter((p) => !existsSync(p));
    if (absent.length) {
      const lacking = (opts.lacking ?? why).filter((cp) => why.includes(cp));
      const whyText = lacking.length
        ? `The story uses characters that the committed fonts (static/fonts/) lack: ${list(plan, lacking)}. `
        : '';
      throw new FontError(
        `${whyText}Cutting fonts needs ${s.face}, not found: ${absent.join(', ')}. ` +
          `Install Debian's ${s.package} (apt-get install -y ${s.package}), ` +
          `or set ${s.dirEnv} to a folder holding ${[...new Set(Object.values(s.files))].join(' and ')}.`,
      );
    }
    const weights = Object.fromEntries(
      WEIGHTS.map(({ weight }) => {
        const path = join(dir, s.files[weight]);
        const bytes = new Uint8Array(readFileSync(path));
        const index = collectionFamilies(bytes).indexOf(s.face);
        if (index < 0) throw new FontError(`${path} has no face "${s.face}"`);
        const has = new Set(new Face(new Blob(bytes), index).collectUnicodes());
        return [weight, { path, bytes, has, sha256: sha256(bytes) }];
      }),
    ) as LoadedSource['weights'];
    return { ...s, weights, hasAll: (cp) => WEIGHTS.every((w) => weights[w.weight].has.has(cp)) };
  };
  const spec = (id: SourceId) => FONT_SOURCES.find((s) => s.id === id)!;
  const low = used.filter((cp) => cp < CJK_START);
  const high = [...new Set([...used.filter((cp) => cp >= CJK_START), ...plan.ui])];
  const sources: LoadedSource[] = [];
  if (low.length) {
    const sans = load(spec('sans'), low);
    sources.push(sans);
    let rest = low.filter((cp) => !sans.hasAll(cp));
    for (const id of ['math', 'symbols'] as const) {
      if (!rest.length) break;
      const s = load(spec(id), rest);
      sources.push(s);
      rest = rest.filter((cp) => !s.hasAll(cp));
    }
  }
  if (high.length || plan.chinesePunctuation.length) sources.push(load(spec('cjk'), high));

  // Every character used must be in every weight of the source for its script.
  const absentChars = used.filter((cp) => !sourceFor(sources, cp));
  if (absentChars.length) {
    const tried = [...new Set(sources.map((s) => s.face))].join(', ');
    throw new FontError(
      `${absentChars.length} character${absentChars.length > 1 ? 's are' : ' is'} in no font source ` +
        `(${tried}): ${list(plan, absentChars)}. ` +
        `Replace ${absentChars.length > 1 ? 'them' : 'it'} in the text, or add a font that has ${absentChars.length > 1 ? 'them' : 'it'}.`,
    );
  }
  return sources;
}

/** The source and part a character is drawn from: its script's font, the first that has it in every weight. */
function sourceFor(sources: LoadedSource[], cp: number): { source: LoadedSource; group: Group } | undefined {
  const by = (id: SourceId) => sources.find((s) => s.id === id && s.hasAll(cp));
  if (cp >= CJK_START) {
    const cjk = by('cjk');
    return cjk && { source: cjk, group: 'cjk' };
  }
  const sans = by('sans');
  if (sans) return { source: sans, group: scriptGroup(cp) };
  for (const id of ['math', 'symbols'] as const) {
    const s = by(id);
    if (s) return { source: s, group: id };
  }
  return undefined;
}

/** Each part's characters: those it must have (`needed`) and those cut with them (the base ranges). */
function partsOf(
  plan: FontPlan,
  sources: LoadedSource[],
): Map<Group, { needed: Set<number>; wanted: Set<number> }> {
  const parts = new Map<Group, { needed: Set<number>; wanted: Set<number> }>();
  const add = (group: Group, cp: number, needed: boolean) => {
    const p = parts.get(group) ?? { needed: new Set(), wanted: new Set() };
    parts.set(group, p);
    p.wanted.add(cp);
    if (needed) p.needed.add(cp);
  };
  for (const cp of plan.used.keys()) add(sourceFor(sources, cp)!.group, cp, true);
  for (const cp of plan.chinesePunctuation) add('cjk', cp, true);
  for (const cp of plan.ui) add('ui', cp, true);
  for (const [a, b] of BASE_RANGES)
    for (let cp = a; cp <= b; cp++) {
      const at = sourceFor(sources, cp);
      if (at && parts.has(at.group)) add(at.group, cp, false);
    }
  return parts;
}

export interface CutOptions extends SourceOptions {
  plan: FontPlan;
  /** story folder, relative to the repository root (recorded in the manifest) */
  story: string;
  /** the cache: each cut goes to `<cacheDir>/<key>/` */
  cacheDir: string;
  log?: (line: string) => void;
}

/**
 * Cuts (or finds in the cache) the parts for `plan`; returns the directory holding them and their
 * manifest. Throws a FontError naming every character no source has, or the Debian package when
 * the sources are not installed.
 */
export async function cutFonts(opts: CutOptions): Promise<{ dir: string; manifest: FontManifest }> {
  const { plan, cacheDir, log = () => {} } = opts;
  const sources = await readSources(plan, opts);
  const parts = partsOf(plan, sources);
  const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);
  const key = sha256(
    JSON.stringify({
      CUTTER,
      families: [FAMILY, FAMILY_CJK],
      FEATURES,
      NAME_IDS,
      groups: GROUPS,
      sources: sources.flatMap((s) => WEIGHTS.map((w) => [s.id, w.weight, s.weights[w.weight].sha256])),
      wanted: GROUPS.map((g) => [g.group, compressRanges(sorted(parts.get(g.group)?.wanted ?? new Set()))]),
    }),
  );
  const dir = join(cacheDir, key);
  const cached = readManifest(dir);
  if (cached?.key === key) return { dir, manifest: { ...cached, story: opts.story } };

  log(
    `fonts: cutting ${sources.map((s) => s.face).join(', ')} for ${plan.used.size} characters (cache ${key.slice(0, 12)})`,
  );
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const files: FontFileEntry[] = [];
  const faces = new Map<string, Uint8Array>();
  for (const { weight, cssWeight } of WEIGHTS)
    for (const spec of GROUPS) {
      const part = parts.get(spec.group);
      const source = sources.find((s) => s.id === spec.source);
      if (!part?.needed.size || !source) continue;
      // A source with one file for both weights: its one part serves the bold text too (a rule of
      // its own for each weight: Chromium takes a face declared for a range of weights apart from
      // the family's other faces, and would draw nothing else from the family).
      const regular = files.find((f) => f.group === spec.group && f.weight === 'Regular');
      if (weight === 'Bold' && oneWeight(source) && regular) {
        files.push({ ...regular, weight, cssWeight });
        continue;
      }
      const file = source.weights[weight];
      const covered = sorted(part.wanted).filter((cp) => file.has.has(cp));
      const faceKey = `${source.id} ${file.path}`;
      if (!faces.has(faceKey)) faces.set(faceKey, extractFace(file.bytes, source.face, file.path));
      const t = Date.now();
      const out = await subsetFont(Buffer.from(faces.get(faceKey)!), String.fromCodePoint(...covered), {
        targetFormat: 'woff2',
        keepFeatures: FEATURES,
        preserveNameIds: NAME_IDS,
        noHinting: true,
      });
      const name = fontFileName(source, weight, spec.group);
      writeFileSync(join(tmp, name), out);
      log(`  ${name} ${(out.byteLength / 1024).toFixed(0)} KiB (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      // The Chinese part also draws the Chinese page's punctuation (its family comes first there).
      const range =
        spec.group === 'cjk' && plan.chinesePunctuation.length
          ? `${spec.range}, ${unicodeRange(plan.chinesePunctuation)}`
          : (spec.range ?? unicodeRange(covered));
      files.push({
        file: name,
        family: spec.family,
        weight,
        cssWeight,
        group: spec.group,
        range,
        ...(spec.mapRange ? { mapRange: spec.mapRange } : {}),
        bytes: out.byteLength,
        sha256: sha256(out),
        codepoints: compressRanges(covered),
      });
    }
  const total = files.reduce((n, f) => n + f.bytes, 0);
  if (total > BUDGET_BYTES)
    throw new FontError(
      `the font parts come to ${(total / 1048576).toFixed(2)} MB, over the ${BUDGET_BYTES / 1048576} MB budget`,
    );
  const manifest: FontManifest = {
    generator: 'src/build/fonts',
    cutter: CUTTER,
    story: opts.story,
    key,
    sources: sources.flatMap((s) =>
      WEIGHTS.map(({ weight }) => ({
        weight,
        file: `${s.files[weight]} (Debian ${s.package})`,
        face: s.face,
        sha256: s.weights[weight].sha256,
        licence: SOURCE_LICENCE,
      })),
    ),
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
