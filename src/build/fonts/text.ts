// Which characters the fonts must hold: every character of the current story (text, place names,
// sources, overlays, figures — the compiled story, in each of its languages), of the interface in
// the story's languages, of the map's labels in those languages and of the app's own code, with
// where each was first found so that an error can say where to look; and, from each language's
// page, the Chinese characters a page in another language shows and the punctuation of Chinese
// text.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { APP_TEXT, CHINESE_PUNCTUATION, CJK_START } from './config.ts';

/** Code point → where it was first seen (a file, or a path in the compiled story). */
export type Usage = Map<number, string>;

export interface FontPlan {
  /** Every character shown, with where it was first seen. */
  used: Usage;
  /** The Chinese characters a page in another language shows (its `ui` part). */
  ui: number[];
  /** Punctuation the Chinese page's text uses, which Chinese sets from the CJK font. */
  chinesePunctuation: number[];
}

const counts = (cp: number) => cp >= 0x20 && !(cp >= 0xd800 && cp <= 0xdfff) && cp !== 0xfeff;

function addText(usage: Usage, text: string, where: string): void {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (counts(cp) && !usage.has(cp)) usage.set(cp, where);
  }
}

/** Every string in a value (object keys too), each with its path, e.g. `chapters[2].title.zh`. */
function addStrings(usage: Usage, value: unknown, path: string): void {
  if (typeof value === 'string') addText(usage, value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => addStrings(usage, v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      addText(usage, k, path);
      addStrings(usage, v, path ? `${path}.${k}` : k);
    }
}

function walk(dir: string, ext: readonly string[], skip: readonly string[], out: string[] = []): string[] {
  if (!existsSync(dir) || skip.includes(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules') walk(p, ext, skip, out);
    } else if (ext.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

/** A comment line of a module, a component or a stylesheet: never shown. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*|<!--)/;

/**
 * Characters of the app's own text (APP_TEXT), by file relative to `root`: comment lines left out,
 * and Chinese characters (the interface's Chinese is in its language file, read with the story's).
 */
export function appTextUsage(root: string): Usage {
  const usage: Usage = new Map();
  for (const { dir, ext, skip = [] } of APP_TEXT)
    for (const f of walk(
      join(root, dir),
      ext,
      skip.map((s) => join(root, s)),
    )) {
      const code = readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => !COMMENT_LINE.test(line))
        .join('\n');
      addText(
        usage,
        [...code].filter((c) => c.codePointAt(0)! < CJK_START).join(''),
        relative(root, f).split('\\').join('/'),
      );
    }
  return usage;
}

/** Characters of `texts` (strings, and what functions give: interface strings), all at `where`. */
export function textUsage(texts: Iterable<string>, where: string): Usage {
  const usage: Usage = new Map();
  for (const t of texts) addText(usage, t, where);
  return usage;
}

/**
 * Every text of an object of interface strings: its strings, and what each function gives (called
 * with placeholder arguments, so that the words around them are there).
 */
export function stringsText(strings: Record<string, unknown>): string[] {
  return Object.values(strings).map((v) =>
    typeof v === 'function'
      ? String((v as (...a: string[]) => unknown)(...Array<string>(v.length).fill('0')))
      : String(v),
  );
}

/**
 * Characters of a compiled story; `where` prefixes each path (e.g. the story folder). Given the
 * story's files (path → text, chapters in play order), a character is placed at the first line that
 * has it, as `file:line (path)`, looking first in the file its field comes from (a chapter's file,
 * places.geojson, overlays.yaml, figures.yaml or story.yaml), so that an author is sent to the line
 * to change.
 */
export function storyUsage(story: unknown, where = 'story', files?: ReadonlyMap<string, string>): Usage {
  const usage: Usage = new Map();
  addStrings(usage, story, '');
  const names = [...(files?.keys() ?? [])];
  const chapters = names.filter((f) => /(?:^|\/)chapters\//.test(f));
  const named = (file: string) => names.find((f) => f === file || f.endsWith(`/${file}`));
  /** The file a field of the compiled story comes from. */
  const ownFile = (path: string) => {
    const chapter = /^chapters\[(\d+)\]/.exec(path);
    if (chapter) return chapters[Number(chapter[1])];
    const top = /^(places|overlays|figures)\b/.exec(path)?.[1];
    return named(top === 'places' ? 'places.geojson' : top ? `${top}.yaml` : 'story.yaml');
  };
  for (const [cp, path] of usage) {
    const field = path || '(key)';
    const own = ownFile(path);
    const order = own ? [own, ...names.filter((f) => f !== own)] : names;
    const at = files && firstLineWith(files, order, String.fromCodePoint(cp));
    usage.set(cp, at ? `${at} (${field})` : `${where}: ${field}`);
  }
  return usage;
}

/** `file:line` of the first of `names` (in that order) whose text holds `text`. */
function firstLineWith(
  files: ReadonlyMap<string, string>,
  names: string[],
  text: string,
): string | undefined {
  for (const name of names) {
    const i = files.get(name)?.indexOf(text) ?? -1;
    if (i >= 0) return `${name}:${files.get(name)!.slice(0, i).split('\n').length}`;
  }
  return undefined;
}

/**
 * What the fonts must hold. `pages` is each language's page: the text it shows (its interface
 * strings, the story in its language, the names of the languages it switches to); the Chinese
 * characters of the pages in other languages make the small `ui` part, and the punctuation of the
 * Chinese page goes into the Chinese part too.
 */
export function planFonts(usages: Usage[], pages: { lang: string; text: string }[]): FontPlan {
  const used: Usage = new Map();
  for (const u of usages) for (const [cp, where] of u) if (!used.has(cp)) used.set(cp, where);
  const sorted = (s: Iterable<number>) => [...new Set(s)].sort((a, b) => a - b);
  const codePoints = (text: string) => [...text].map((c) => c.codePointAt(0)!);
  const ui = sorted(
    pages.filter((p) => p.lang !== 'zh').flatMap((p) => codePoints(p.text).filter((cp) => cp >= CJK_START)),
  );
  for (const cp of ui) if (!used.has(cp)) used.set(cp, 'a page in another language than Chinese');
  const chinese = new Set(pages.filter((p) => p.lang === 'zh').flatMap((p) => codePoints(p.text)));
  return {
    used,
    ui,
    chinesePunctuation: CHINESE_PUNCTUATION.filter((cp) => chinese.has(cp)),
  };
}

/** `U+5CE1 峡` */
export const describe = (cp: number): string =>
  `U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${String.fromCodePoint(cp)}`;

/** CSS unicode-range of a set of code points, e.g. `U+4E2D, U+5207`. */
export const unicodeRange = (cps: readonly number[]): string =>
  compressRanges(cps)
    .map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`))
    .join(', ');
const hex = (cp: number) => cp.toString(16).toUpperCase();

/** [[start, end], …] from a sorted list. */
export function compressRanges(sorted: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    if (last && c === last[1] + 1) last[1] = c;
    else out.push([c, c]);
  }
  return out;
}

export function decodeRanges(ranges: readonly (readonly [number, number])[]): Set<number> {
  const s = new Set<number>();
  for (const [a, b] of ranges) for (let c = a; c <= b; c++) s.add(c);
  return s;
}
