// Generates the story format's reference (docs/story-format.md) and a JSON Schema per story file
// (docs/schema/*.schema.json) from the zod schemas the compiler checks with (one beside the reader
// of each file: *.schema.ts), so that the documentation cannot drift from the checks.
// `npm run story-docs` writes them; a unit test fails when they are stale. The schemas are made
// without a story's languages: a JSON Schema sees one file, not story.yaml's list, so it lets any
// of the interface's languages through and the build checks the rest (the reference says so).
import { z } from 'zod';
import { LANGS } from '../../lib/story/types.ts';
import { mediaFormatSection } from '../media/docs.ts';
import { chapterSchema } from './chapters.schema.ts';
import { figuresSchema } from './figures.schema.ts';
import { ID_PATTERN, ID_RULE } from './id.js';
import { textShape } from './languages.ts';
import { overlaysSchema } from './overlays.schema.ts';
import { placesSchema } from './places.schema.ts';
import { storySchema } from './story-file.schema.ts';

type JsonSchema = {
  type?: string;
  description?: string;
  examples?: unknown[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  minProperties?: number;
  uniqueItems?: boolean;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  format?: string;
  title?: string;
};

/** The story files, each with the schema of its YAML (for chapters: of the front matter). */
export const STORY_FILE_SCHEMAS = [
  { file: 'story.yaml', schemaFile: 'story.schema.json', schema: storySchema(undefined), required: true },
  {
    file: 'places.geojson',
    schemaFile: 'places.schema.json',
    schema: placesSchema(undefined),
    required: true,
  },
  {
    file: 'overlays.yaml',
    schemaFile: 'overlays.schema.json',
    schema: overlaysSchema(undefined),
    required: false,
  },
  {
    file: 'figures.yaml',
    schemaFile: 'figures.schema.json',
    schema: figuresSchema(undefined),
    required: false,
  },
  {
    file: 'chapters/NN-name.md',
    schemaFile: 'chapter.schema.json',
    schema: chapterSchema(undefined),
    required: true,
  },
] as const;

export const DOCS_FILE = 'docs/story-format.md';
export const SCHEMA_DIR = 'docs/schema';

export function jsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Every generated file: path relative to the project root → content. */
export function storyFormatFiles(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of STORY_FILE_SCHEMAS)
    out.set(`${SCHEMA_DIR}/${f.schemaFile}`, JSON.stringify(jsonSchema(f.schema), null, 2) + '\n');
  out.set(DOCS_FILE, storyFormatMarkdown());
  return out;
}

/** How a text in the story's languages is written, as the reference shows it. */
const SHAPE = textShape(undefined);
const LANG_LIST = LANGS.map((l) => `\`${l}\``).join(', ');

/** An object whose keys are the interface's languages: one value per language, not fields. */
function isPerLanguage(s: JsonSchema): boolean {
  const keys = Object.keys(s.properties ?? {});
  return s.type === 'object' && keys.length === LANGS.length && LANGS.every((l) => keys.includes(l));
}

/** A place's name in one of the interface's languages (`name_fr`): required where the story is told in it. */
const isLangName = (key: string) => (LANGS as readonly string[]).includes(key.slice('name_'.length));

/** A text in the story's languages, or one plain text (in a one-language story, or for every language). */
function isLocalizedText(s: JsonSchema): boolean {
  const alternatives = s.anyOf ?? s.oneOf;
  return alternatives?.length === 2 && alternatives[0]!.type === 'string' && isPerLanguage(alternatives[1]!);
}

function typeName(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${JSON.stringify(e)}\``).join(' or ');
  if (isLocalizedText(s)) return `text in the story's languages \`${SHAPE}\``;
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives)
    return alternatives
      .map((a) =>
        a.type === 'object' && a.properties && !isPerLanguage(a)
          ? `\`{ ${Object.keys(a.properties).join(', ')} }\``
          : typeName(a),
      )
      .join(' or ');
  if (isPerLanguage(s)) {
    const inner = s.properties!.en!;
    return inner.type === 'number'
      ? 'a number per language `{ en: 1, zh: 10 }`'
      : `text in the story's languages \`${SHAPE}\``;
  }
  if (s.type === 'array' && s.items && s.items.enum?.length === LANGS.length)
    return `list of language tags (${LANG_LIST}), at least 1`;
  if (s.prefixItems) {
    const [a, b] = s.prefixItems;
    if (a?.minimum === -180 && b?.minimum === -85) return '`[longitude, latitude]`';
    return `[${s.prefixItems.map(typeName).join(', ')}]`;
  }
  switch (s.type) {
    case 'string':
      if (s.pattern === ID_PATTERN) return 'id';
      if (s.format === 'uri') return 'URL';
      return 'text';
    case 'number':
      return `number${range(s)}`;
    case 'boolean':
      return '`true` or `false`';
    case 'array': {
      const item = s.items && typeName(s.items);
      const min = s.minItems ? `, at least ${s.minItems}` : '';
      return `list of ${item ?? 'values'}${min}`;
    }
    case 'object':
      if (s.additionalProperties && typeof s.additionalProperties === 'object') return 'map of id → object';
      return 'object';
    default:
      return 'any';
  }
}

function range(s: JsonSchema): string {
  if (s.minimum !== undefined && s.maximum !== undefined) return ` ${s.minimum}–${s.maximum}`;
  if (s.exclusiveMinimum === 0) return ' > 0';
  if (s.minimum !== undefined) return ` ≥ ${s.minimum}`;
  return '';
}

/** YAML-ish inline text for an example or a default. */
function inline(v: unknown): string {
  if (typeof v === 'string')
    return /^[\p{L}\p{N} .’-]+$/u.test(v) && !/^(true|false|\d)/.test(v) ? v : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(inline).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${inline(x)}`)
      .join(', ')} }`;
  return String(v);
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

interface Row {
  field: string;
  type: string;
  required: string;
  description: string;
  example: string;
}

/** The rows for the fields of an object schema, nested fields as dotted paths. */
function rows(s: JsonSchema, prefix: string, out: Row[]): void {
  const required = new Set(s.required ?? []);
  for (const [key, child] of Object.entries(s.properties ?? {})) {
    const field = `${prefix}${key}`;
    const req = required.has(key)
      ? 'required'
      : /^name_[a-z]+$/.test(key) && isLangName(key)
        ? 'required in a story told in it'
        : child.default !== undefined
          ? `optional, default \`${inline(child.default)}\``
          : 'optional';
    const example = child.examples?.[0] ?? (child.const !== undefined ? child.const : undefined);
    out.push({
      field: `\`${field}\``,
      type: typeName(child),
      required: req,
      description: child.description ?? '',
      example: example === undefined ? '' : `\`${inline(example)}\``,
    });
    if (child.type === 'object' && child.properties && !isPerLanguage(child)) rows(child, `${field}.`, out);
    if (child.type === 'array' && child.items && child.items.type === 'object' && child.items.properties)
      rows(child.items, `${field}[].`, out);
    // A list whose items may also be written as an object (a route drawn part of the way): its fields.
    for (const alt of (child.type === 'array' && child.items && (child.items.anyOf ?? child.items.oneOf)) ||
      [])
      if (alt.type === 'object' && alt.properties) rows(alt, `${field}[].`, out);
  }
}

function table(r: Row[]): string {
  return [
    '| field | type | required | description | example |',
    '| --- | --- | --- | --- | --- |',
    ...r.map((x) => `| ${[x.field, x.type, x.required, x.description, x.example].map(cell).join(' | ')} |`),
  ].join('\n');
}

function objectSection(s: JsonSchema, prefix = ''): string {
  const r: Row[] = [];
  rows(s, prefix, r);
  return table(r);
}

/** What choosing a basemap archive means: where it comes from, what the build checks, what it costs. */
const BASEMAP_SECTION = [
  '### The basemap (`basemap.archive`, `basemap.kind`)',
  '',
  'The map draws the embedded basemap (rivers, borders, cities; no streets) unless',
  '`story.yaml` names a PMTiles archive in the story folder and what it holds:',
  '',
  '```yaml',
  'basemap: { archive: basemap.pmtiles, kind: protomaps }',
  '```',
  '',
  '`npm run basemap:extract -- --from <PMTiles URL or file> --bbox story --maxzoom 15 --out <story folder>/basemap.pmtiles`',
  'copies the part of any PMTiles archive (for example a Protomaps daily build of the planet,',
  'OpenStreetMap data) that the chapters show; `--bbox west,south,east,north` gives the box instead.',
  'The build checks that the file is a PMTiles v3 archive of vector tiles with the layers of its',
  '`kind`, that no chapter is closer than its max zoom, and that every chapter’s view has tiles; it',
  'copies the archive into the site as `basemap.pmtiles`. The map’s credit line and the credits chapter',
  'follow the kind: a `protomaps` archive is credited © OpenStreetMap contributors (ODbL) and Protomaps.',
  '',
  '**What it costs.** A reader online downloads only the tiles of the views they see. Every mode keeps',
  'an offline copy of the whole site, and a kiosk without network depends on it: that copy downloads',
  'and keeps the **whole archive** (a city to zoom 15 is typically tens of MB; the embedded basemap is',
  'about 7 MB). Keep the box and the zoom to what the chapters show.',
];

function storyFormatMarkdown(): string {
  const [story, places, overlays, figures, chapter] = STORY_FILE_SCHEMAS.map((f) => jsonSchema(f.schema));
  const entry = (s: JsonSchema) => s.additionalProperties as JsonSchema;
  const variants = entry(overlays!).oneOf ?? [];
  const parts = [
    '# The story format',
    '',
    '<!-- Generated from src/build/story/*.schema.ts by `npm run story-docs`; do not edit by hand. -->',
    '',
    'A story is a folder of plain files; nothing in it is code. Build one with',
    '`STORY_DIR=path/to/story npm run build`; start a new one with `npm run new-story -- <id>`.',
    '',
    '```',
    'story.yaml          the languages, the title, the sources, the settings (required)',
    'places.geojson      the places                                     (required)',
    'overlays.yaml       routes and scale circles                       (optional)',
    'figures.yaml        numbers and charts                             (optional)',
    'chapters/NN-name.md one file per chapter, played in file-name order (at least one)',
    'media/             the pictures and videos the chapters list         (optional)',
    '```',
    '',
    '**Languages.** `story.yaml` names the languages the story is told in, the default first:',
    `\`languages: [en, zh]\`, any of ${LANG_LIST} (the languages the interface speaks). Every text`,
    `readers see is then written in exactly those, \`${SHAPE}\` — on one line`,
    '(`title: { en: The Grand Canal, zh: 大运河 }`) or as indented lines — and a story told in one',
    'language may write one plain text instead (`title: The Grand Canal` with `languages: [en]`).',
    "A place has a `name_<language>` for each of the story's languages, and a chapter a `::: <language>`",
    'section. The build names, at its file and line, each text that lacks one of the languages and',
    "each key that is not one of them. The editors' JSON Schemas (below) see one file at a time,",
    "not story.yaml's list: they let any of the interface's languages through (and a plain text",
    'anywhere), and the build checks the rest.',
    '',
    `An **id** is ${ID_RULE} (\`grand-canal\`); ids are how the files name each other.`,
    '',
    'Editors that use the YAML language server (VS Code with the YAML extension, and others) check',
    'each file and complete its fields when its first line names its schema, as `npm run new-story`',
    'writes it:',
    '',
    '```yaml',
    '# yaml-language-server: $schema=../../../docs/schema/story.schema.json',
    '```',
    '',
    'The schemas are in `docs/schema/`: ' +
      STORY_FILE_SCHEMAS.map((f) => `\`${f.schemaFile}\` (${f.file})`).join(', ') +
      '. In `places.geojson`, a `"$schema"` field does the same.',
    '',
    'The story is checked before anything is built. Each problem is reported once, with its file,',
    'line, chapter and field; a reference to an item that is there but broken says',
    '`is invalid (see file:line)`, pointing at the item.',
    '',
    '## story.yaml',
    '',
    story!.description ?? '',
    '',
    objectSection({
      ...story!,
      properties: { ...story!.properties, sources: { ...story!.properties!.sources!, type: 'object' } },
    }),
    '',
    '### Each source (`sources.<id>`)',
    '',
    entry(story!.properties!.sources!).description ?? '',
    '',
    objectSection(entry(story!.properties!.sources!)),
    '',
    ...BASEMAP_SECTION,
    '',
    '## places.geojson',
    '',
    places!.description ?? '',
    '',
    objectSection(places!),
    '',
    '## overlays.yaml',
    '',
    overlays!.description ?? '',
    '',
    ...variants.flatMap((v) => [
      `### \`kind: ${String(v.properties!.kind!.const)}\``,
      '',
      v.description ?? '',
      '',
      objectSection(v, '<id>.'),
      '',
    ]),
    '## figures.yaml',
    '',
    figures!.description ?? '',
    '',
    objectSection(entry(figures!), '<id>.'),
    '',
    '## chapters/NN-name.md',
    '',
    chapter!.description ?? '',
    '',
    '```markdown',
    '---',
    '# yaml-language-server: $schema=../../../../docs/schema/chapter.schema.json',
    'id: north',
    'title: { en: Across the Yellow River, zh: 跨过黄河 }',
    'description:',
    '  en: A map of northern China with Jining and Tianjin marked.',
    '  zh: 中国北部地图，标出济宁和天津。',
    'camera: { center: [117.2, 37.6], zoom: 5.5, pitch: 10, bearing: 0 }',
    'places: [jining, tianjin]',
    'highlight: [tianjin]',
    'layers: [{ route: grand-canal, to: tianjin }]',
    'sources: [encyclopedia]',
    '---',
    '',
    '::: en',
    'The chapter text in **Markdown**.',
    '',
    '::: zh',
    '中文正文，同样使用 Markdown。',
    '',
    '::: notes en',
    'Speaker notes (optional).',
    '',
    '::: notes zh',
    '讲稿（可选）。',
    '```',
    '',
    "A section for each of the story's languages is required (`::: en` and `::: zh` for",
    '`languages: [en, zh]`), and none for another language; notes are optional. Text outside a section',
    'is an error. HTML in the text is shown as text, never run; links may be web, mail or in-page links only.',
    '',
    'A route told over several chapters: `layers: [{ route: grand-canal, to: yangzhou }]` in one',
    'chapter, `[{ route: grand-canal, to: 0.6 }]` in a later one and `[grand-canal]` in the last',
    'draws the line to Yangzhou, then on to six tenths of its length, then to its end. Each chapter',
    'draws on from where the previous chapter that showed the route left it, as it is read (or, on',
    'a slide, in its first seconds); with reduced motion and on paper it shows where it leaves the route.',
    'A later chapter may also give a smaller `to:`: the line then draws back to that point (a story',
    'that returns to an earlier stage of the journey).',
    'The legend of a chapter that draws a route part of the way gives the length drawn so far beside',
    'the whole route\'s ("drawn so far: about 720 km of 1,790 km").',
    '',
    '### Front matter',
    '',
    objectSection(chapter!),
    '',
    ...mediaFormatSection(),
  ];
  return parts.join('\n');
}
