// Turns a story folder (plain files a teacher edits) into the typed Story the app reads.
// Every problem is reported with the file, the line, the chapter and the field, and all
// problems are reported at once so that one build shows everything to fix.
import { parseDocument, LineCounter, isMap, isPair, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { circle, greatCircle, length, lineString, point } from '@turf/turf';
import {
  chapterSchema,
  figuresSchema,
  overlaysSchema,
  placeSchema,
  placesSchema,
  storySchema,
  type ChapterInput,
} from './schema.ts';
import { markdownToText, renderMarkdown } from './markdown.ts';
import {
  LANGS,
  type Chapter,
  type Figure,
  type Lang,
  type Localized,
  type LngLat,
  type Overlay,
  type Place,
  type SourceRef,
  type Story,
} from '../../lib/story/types.ts';

export interface StoryProblem {
  file: string;
  line: number;
  chapter?: string;
  field?: string;
  message: string;
}

export class StoryError extends Error {
  constructor(readonly problems: StoryProblem[]) {
    super(
      `The story has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'StoryError';
  }
}

export function formatProblem(p: StoryProblem): string {
  const where = [p.chapter ? `chapter "${p.chapter}"` : '', p.field ? `field "${p.field}"` : '']
    .filter(Boolean)
    .join(', ');
  return `${p.file}:${p.line}: ${where ? where + ': ' : ''}${p.message}`;
}

/** A parsed YAML (or JSON) file that can say on which line a field stands. */
class SourceFile {
  readonly doc: Document;
  private readonly lines = new LineCounter();
  constructor(
    readonly path: string,
    text: string,
    /** Lines before `text` starts in the real file (front matter sits after a `---` line). */
    private readonly lineOffset = 0,
  ) {
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
  }
  lineAt(offset: number): number {
    return this.lines.linePos(offset).line + this.lineOffset;
  }
  /** The line of the deepest node along `path` that exists (the key itself for a field). */
  lineOf(path: readonly PropertyKey[]): number {
    let node: unknown = this.doc.contents;
    let line = node && (node as Node).range ? this.lineAt((node as Node).range![0]) : 1 + this.lineOffset;
    for (const key of path) {
      if (!isMap(node) && !(node && typeof node === 'object' && 'items' in node)) break;
      if (isMap(node)) {
        const pair = node.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
        );
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) line = this.lineAt(pair.key.range[0]);
        node = pair.value;
      } else {
        const item = (node as { items: unknown[] }).items[Number(key)];
        if (!item) break;
        const range = (item as Node).range;
        if (range) line = this.lineAt(range[0]);
        node = item;
      }
    }
    return line;
  }
  data(): unknown {
    return this.doc.toJS();
  }
}

type Files = ReadonlyMap<string, string>;

export interface CompileOptions {
  /** Folder of the story relative to the project root, used in messages only. */
  dir: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const SECTION = /^:::[ \t]*(notes[ \t]+)?([a-z]{2})[ \t]*$/;

interface ParsedChapterFile {
  front: SourceFile;
  body: Partial<Record<Lang, string>>;
  notes: Partial<Record<Lang, string>>;
  bodyLine: Partial<Record<Lang, number>>;
}

export function compileStory(files: Files, opts: CompileOptions): Story {
  const problems: StoryProblem[] = [];
  const rel = (name: string) => `${opts.dir}/${name}`;

  const zodProblems = (file: SourceFile, error: z.ZodError, chapter?: string, prefix: PropertyKey[] = []) => {
    for (const issue of error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
      for (const key of keys) {
        const path = [...prefix, ...issue.path, ...(key === undefined ? [] : [key])];
        const field = path.map(String).join('.') || undefined;
        const message =
          issue.code === 'unrecognized_keys'
            ? `unknown field "${String(key)}"`
            : issue.code === 'invalid_type' && issue.message.includes('received undefined')
              ? (langMessage(path) ?? 'is required')
              : issue.message;
        problems.push({
          file: file.path,
          line: file.lineOf(path),
          ...(chapter ? { chapter } : {}),
          ...(field ? { field } : {}),
          message,
        });
      }
    }
  };

  const read = (name: string, optional = false): SourceFile | undefined => {
    const text = files.get(name);
    if (text === undefined) {
      if (!optional) problems.push({ file: rel(name), line: 1, message: 'file is missing' });
      return undefined;
    }
    const file = new SourceFile(rel(name), text);
    for (const err of file.doc.errors) {
      problems.push({
        file: file.path,
        line: file.lineAt(err.pos[0]),
        message: `cannot be read: ${err.message.split('\n')[0]}`,
      });
    }
    return file.doc.errors.length ? undefined : file;
  };

  // story.yaml: title, sources catalogue, limits.
  const storyFile = read('story.yaml');
  const storyParsed = storyFile ? storySchema.safeParse(storyFile.data()) : undefined;
  if (storyFile && storyParsed && !storyParsed.success) zodProblems(storyFile, storyParsed.error);
  const meta = storyParsed?.success ? storyParsed.data : undefined;
  const sourceIds = new Set(Object.keys(meta?.sources ?? {}));
  const sources: SourceRef[] = Object.entries(meta?.sources ?? {}).map(([sid, s]) => ({ id: sid, ...s }));

  const checkSource = (file: SourceFile, sid: string, path: PropertyKey[], chapter?: string) => {
    if (meta && !sourceIds.has(sid))
      problems.push({
        file: file.path,
        line: file.lineOf(path),
        ...(chapter ? { chapter } : {}),
        field: path.join('.'),
        message: `source "${sid}" is not listed under "sources" in ${rel('story.yaml')}`,
      });
  };

  // places.geojson
  const places: Place[] = [];
  const placesFile = read('places.geojson');
  if (placesFile) {
    const top = placesSchema.safeParse(placesFile.data());
    if (!top.success) zodProblems(placesFile, top.error);
    else {
      const seen = new Set<string>();
      top.data.features.forEach((raw, i) => {
        const parsed = placeSchema.safeParse(raw);
        if (!parsed.success) return zodProblems(placesFile, parsed.error, undefined, ['features', i]);
        const p = parsed.data.properties;
        if (seen.has(p.id)) {
          problems.push({
            file: placesFile.path,
            line: placesFile.lineOf(['features', i, 'properties', 'id']),
            field: `features.${i}.properties.id`,
            message: `duplicate place id "${p.id}"`,
          });
        }
        seen.add(p.id);
        places.push({
          id: p.id,
          name: { en: p.name_en, zh: p.name_zh },
          coordinates: parsed.data.geometry.coordinates as LngLat,
          province: p.province,
          source: p.source,
          accuracy: p.accuracy,
        });
      });
    }
  }
  const placeById = new Map(places.map((p) => [p.id, p]));

  // overlays.yaml (optional): routes and scale aids, computed with Turf.
  const overlays: Overlay[] = [];
  const overlaysFile = read('overlays.yaml', true);
  if (overlaysFile) {
    const parsed = overlaysSchema.safeParse(overlaysFile.data() ?? {});
    if (!parsed.success) zodProblems(overlaysFile, parsed.error);
    else
      for (const [oid, o] of Object.entries(parsed.data)) {
        checkSource(overlaysFile, o.source, [oid, 'source']);
        const resolve = (v: string | LngLat, path: PropertyKey[]): LngLat | undefined => {
          if (typeof v !== 'string') return v;
          const place = placeById.get(v);
          if (!place)
            problems.push({
              file: overlaysFile.path,
              line: overlaysFile.lineOf(path),
              field: path.join('.'),
              message: `place "${v}" is not in ${rel('places.geojson')}`,
            });
          return place?.coordinates;
        };
        if (o.kind === 'route') {
          const pts = o.via.map((v, i) => resolve(v as string | LngLat, [oid, 'via', i]));
          if (pts.some((p) => !p)) continue;
          const geometry = routeGeometry(pts as LngLat[], o.geodesic);
          overlays.push({
            id: oid,
            kind: 'route',
            name: o.name,
            schematic: o.schematic,
            geodesic: o.geodesic,
            source: o.source,
            geometry,
            measure: round(length(lineString(geometry.coordinates), { units: 'kilometers' }), 1),
          });
        } else {
          const c = resolve(o.center, [oid, 'center']);
          if (!c) continue;
          const radius = Math.sqrt(o.area_km2 / Math.PI);
          const poly = circle(point(c), radius, { steps: 96, units: 'kilometers' });
          overlays.push({
            id: oid,
            kind: 'scale-circle',
            name: o.name,
            schematic: true,
            geodesic: false,
            source: o.source,
            geometry: roundGeometry(poly.geometry),
            measure: o.area_km2,
          });
        }
      }
  }
  const overlayIds = new Set(overlays.map((o) => o.id));

  // figures.yaml (optional): the numbers the chapters chart.
  const figures: Figure[] = [];
  const figuresFile = read('figures.yaml', true);
  if (figuresFile) {
    const parsed = figuresSchema.safeParse(figuresFile.data() ?? {});
    if (!parsed.success) zodProblems(figuresFile, parsed.error);
    else
      for (const [fid, f] of Object.entries(parsed.data)) {
        checkSource(figuresFile, f.source, [fid, 'source']);
        figures.push({
          id: fid,
          kind: f.kind,
          label: f.label,
          unit: f.unit,
          factor: f.factor,
          format: f.format ?? localize((l) => `{n} ${f.unit[l]}`),
          values: f.values.map((v) => ({
            label: typeof v.label === 'string' ? { en: v.label, zh: v.label } : v.label,
            value: v.value,
          })),
          source: f.source,
        });
      }
  }
  const figureIds = new Set(figures.map((f) => f.id));

  // chapters/*.md, in file-name order.
  const chapterNames = [...files.keys()].filter((n) => /^chapters\/[^/]+\.md$/.test(n)).sort();
  if (chapterNames.length === 0)
    problems.push({ file: rel('chapters'), line: 1, message: 'the story has no chapters (chapters/*.md)' });
  const chapters: Chapter[] = [];
  const chapterLine = new Map<string, number>();
  /** Lines of each chapter's "sources" and "credits" fields, for the credits check below. */
  const fieldLine = new Map<string, { sources: number; credits: number }>();
  for (const name of chapterNames) {
    const parsedFile = parseChapterFile(rel(name), files.get(name)!, problems);
    if (!parsedFile) continue;
    const { front } = parsedFile;
    const raw = front.data() as Record<string, unknown> | null;
    const label = typeof raw?.id === 'string' ? raw.id : name;
    const parsed = chapterSchema.safeParse(raw ?? {});
    if (!parsed.success) {
      zodProblems(front, parsed.error, label);
      continue;
    }
    const c: ChapterInput = parsed.data;
    if (chapterLine.has(c.id)) {
      problems.push({
        file: front.path,
        line: front.lineOf(['id']),
        chapter: c.id,
        field: 'id',
        message: `duplicate chapter id "${c.id}" (also used in another chapter file)`,
      });
    }
    chapterLine.set(c.id, front.lineOf(['id']));
    fieldLine.set(c.id, { sources: front.lineOf(['sources']), credits: front.lineOf(['credits']) });
    const ref = (
      list: string[],
      field: string,
      known: Set<string> | Map<string, unknown>,
      what: string,
      file: string,
    ) =>
      list.forEach((x, i) => {
        if (!known.has(x))
          problems.push({
            file: front.path,
            line: front.lineOf([field, i]),
            chapter: c.id,
            field: `${field}[${i}]`,
            message: `${what} "${x}" does not exist (see ${rel(file)})`,
          });
      });
    ref(c.places, 'places', placeById, 'place', 'places.geojson');
    ref(c.highlight, 'highlight', placeById, 'place', 'places.geojson');
    ref(c.layers, 'layers', overlayIds, 'layer', 'overlays.yaml');
    ref(c.figures, 'figures', figureIds, 'figure', 'figures.yaml');
    c.sources.forEach((s, i) => checkSource(front, s, ['sources', i], c.id));
    c.highlight.forEach((h, i) => {
      if (placeById.has(h) && !c.places.includes(h))
        problems.push({
          file: front.path,
          line: front.lineOf(['highlight', i]),
          chapter: c.id,
          field: `highlight[${i}]`,
          message: `place "${h}" is highlighted but not listed in "places"`,
        });
    });
    if (meta && c.camera.zoom > meta.maxZoom)
      problems.push({
        file: front.path,
        line: front.lineOf(['camera', 'zoom']),
        chapter: c.id,
        field: 'camera.zoom',
        message: `zoom ${c.camera.zoom} is closer than the basemap's data supports (maxZoom ${meta.maxZoom} in ${rel('story.yaml')})`,
      });
    for (const lang of LANGS) {
      if (!parsedFile.body[lang]?.trim())
        problems.push({
          file: front.path,
          line: parsedFile.bodyLine[lang] ?? front.lineOf([]),
          chapter: c.id,
          field: `text.${lang}`,
          message: `the chapter has no ${LANG_NAMES[lang]} text (a "::: ${lang}" section)`,
        });
    }
    const html = localize((l) => renderMarkdown(parsedFile.body[l] ?? ''));
    const notes = localize((l) => (parsedFile.notes[l] ? renderMarkdown(parsedFile.notes[l]!) : ''));
    chapters.push({
      id: c.id,
      file: front.path,
      title: localize((l) => markdownToText(c.title[l])),
      html,
      description: c.description,
      notes,
      camera: c.camera,
      places: c.places,
      highlight: c.highlight,
      layers: c.layers,
      sources: c.sources,
      figures: c.figures,
      dwell: c.dwell ?? meta?.dwell ?? 12,
      credits: c.credits,
    });
  }

  // The credits chapter must name every source the story uses, so that nothing goes uncredited.
  const creditsChapters = chapters.filter((c) => c.credits);
  if (creditsChapters.length > 1)
    for (const c of creditsChapters.slice(1))
      problems.push({
        file: c.file,
        line: fieldLine.get(c.id)?.credits ?? 1,
        chapter: c.id,
        field: 'credits',
        message: 'only one chapter may be the credits chapter',
      });
  const credits = creditsChapters[0];
  if (credits) {
    const used = new Map<string, string>();
    for (const c of chapters) for (const s of c.sources) if (!used.has(s)) used.set(s, `chapter "${c.id}"`);
    for (const o of overlays)
      if (!used.has(o.source)) used.set(o.source, `layer "${o.id}" in ${rel('overlays.yaml')}`);
    for (const f of figures)
      if (!used.has(f.source)) used.set(f.source, `figure "${f.id}" in ${rel('figures.yaml')}`);
    for (const [sid, where] of used)
      if (!credits.sources.includes(sid))
        problems.push({
          file: credits.file,
          line: fieldLine.get(credits.id)?.sources ?? 1,
          chapter: credits.id,
          field: 'sources',
          message: `the credits chapter must list source "${sid}" (used by ${where})`,
        });
  }

  if (problems.length) throw new StoryError(problems);
  return {
    id: meta!.id,
    title: meta!.title,
    subtitle: meta!.subtitle,
    byline: meta!.byline,
    chapters,
    places,
    overlays,
    figures,
    sources,
  };
}

const LANG_NAMES: Record<Lang, string> = { en: 'English', zh: 'Chinese' };

function langMessage(path: PropertyKey[]): string | undefined {
  const last = path[path.length - 1];
  if (last === 'en' || last === 'zh') return `the ${LANG_NAMES[last]} translation is missing`;
  return undefined;
}

function localize<T>(f: (l: Lang) => T): Localized<T> {
  return { en: f('en'), zh: f('zh') };
}

function parseChapterFile(
  path: string,
  text: string,
  problems: StoryProblem[],
): ParsedChapterFile | undefined {
  const m = FRONT_MATTER.exec(text);
  if (!m) {
    problems.push({
      file: path,
      line: 1,
      message: 'a chapter file must start with front matter between two "---" lines',
    });
    return undefined;
  }
  const front = new SourceFile(path, m[1]!, 1);
  for (const err of front.doc.errors) {
    problems.push({
      file: path,
      line: front.lineAt(err.pos[0]),
      message: `front matter cannot be read: ${err.message.split('\n')[0]}`,
    });
  }
  if (front.doc.errors.length) return undefined;
  const body: ParsedChapterFile['body'] = {};
  const notes: ParsedChapterFile['notes'] = {};
  const bodyLine: ParsedChapterFile['bodyLine'] = {};
  const lines = text.slice(m[0].length).split(/\r?\n/);
  const firstLine = m[0].split('\n').length;
  let target: { kind: 'body' | 'notes'; lang: Lang } | undefined;
  const buf: string[] = [];
  const flush = () => {
    if (target) {
      const dict = target.kind === 'body' ? body : notes;
      dict[target.lang] = (dict[target.lang] ?? '') + buf.join('\n');
    }
    buf.length = 0;
  };
  lines.forEach((line, i) => {
    const s = SECTION.exec(line);
    if (s || line.trim() === ':::') {
      flush();
      target = undefined;
      if (!s) return;
      const lang = s[2] as Lang;
      if (!(LANGS as readonly string[]).includes(lang)) {
        problems.push({
          file: path,
          line: firstLine + i,
          message: `unknown language "${s[2]}" (use ${LANGS.join(' or ')})`,
        });
        return;
      }
      target = { kind: s[1] ? 'notes' : 'body', lang };
      if (!s[1]) bodyLine[lang] = firstLine + i;
      return;
    }
    if (target) buf.push(line);
    else if (line.trim())
      problems.push({
        file: path,
        line: firstLine + i,
        message: 'text outside a "::: en" or "::: zh" section would be lost',
      });
  });
  flush();
  return { front, body, notes, bodyLine };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function roundGeometry<G extends GeoJSON.Polygon | GeoJSON.LineString>(g: G): G {
  const r = (c: number[]) => [round(c[0]!, 5), round(c[1]!, 5)];
  if (g.type === 'LineString') return { ...g, coordinates: g.coordinates.map(r) };
  return { ...g, coordinates: (g as GeoJSON.Polygon).coordinates.map((ring) => ring.map(r)) };
}

/** A line through the points; with `geodesic`, each leg follows the great circle. */
export function routeGeometry(points: LngLat[], geodesic: boolean): GeoJSON.LineString {
  if (!geodesic) return roundGeometry({ type: 'LineString', coordinates: points.map((p) => [...p]) });
  const coords: number[][] = [];
  for (let i = 1; i < points.length; i++) {
    const leg = greatCircle(points[i - 1]!, points[i]!, { npoints: 64 }).geometry;
    const legCoords = leg.type === 'LineString' ? leg.coordinates : leg.coordinates.flat();
    coords.push(...(i === 1 ? legCoords : legCoords.slice(1)));
  }
  return roundGeometry({ type: 'LineString', coordinates: coords });
}
