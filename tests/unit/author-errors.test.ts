// Errors an author can act on (issue 16): each invalid item is reported once, where it is;
// references to it point there ("is invalid (see file:line)") instead of claiming it does not
// exist; every message about a text in the story's languages shows the shape wanted, and each text
// missing one of story.yaml's `languages` and each key that is not one is a problem of its own
// (issue 28); a broken story is stopped before anything is built, leaving no output folder. Made in
// the engine's test stories (English and French; English only).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { compileStory } from '../../src/build/story/compile';
import { readStoryFolder } from '../../src/build/story/load';
import { problems, TEST_STORY_DIR, testStory, withFile } from './story-fixture';
import { buildAtomically } from '../../scripts/build-steps.mjs';

const DIR = TEST_STORY_DIR;
const real = testStory;
const SHAPE = '{ en: "…", fr: "…" }';
const ONE_LANGUAGE_DIR = 'tests/fixtures/rhine';
const oneLanguage = readStoryFolder(ONE_LANGUAGE_DIR);

/** The line (1-based) of the first line of `name` that contains `needle`, after `after`. */
function line(files: Map<string, string>, name: string, needle: string, after = ''): number {
  const lines = files.get(name)!.split('\n');
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const i = lines.findIndex((l, j) => j >= start && l.includes(needle));
  if (i < 0) throw new Error(`no "${needle}" in ${name}`);
  return i + 1;
}

describe('the test story', () => {
  test('compiles: a route over three chapters, a scale circle, a figure and a credits chapter', () => {
    const story = compileStory(real, { dir: DIR });
    expect(story.id).toBe('grand-canal');
    expect(story.chapters.filter((c) => c.layers.includes('grand-canal')).map((c) => c.id)).toEqual([
      'south',
      'north',
      'whole',
    ]);
    expect(story.overlays.find((o) => o.id === 'lake-tai-scale')!.kind).toBe('scale-circle');
    expect(story.chapters.find((c) => c.id === 'whole')!.figures).toEqual(['canal-length']);
    expect(story.chapters.at(-1)!.credits).toBe(true);
    // Cameras stay at zoom 6 or wider: the embedded basemap's closest zooms are around Chongqing only.
    for (const c of story.chapters) expect(c.camera.zoom, c.id).toBeLessThanOrEqual(6);
  });
});

describe('each invalid item is reported once, where it is', () => {
  test('an overlay without "schematic": once in overlays.yaml, and each chapter that shows it points there', () => {
    const files = withFile('overlays.yaml', (t) => t.replace('  schematic: true\n', ''));
    const at = `${DIR}/overlays.yaml:${line(files, 'overlays.yaml', 'grand-canal:')}`;
    expect(problems(files)).toEqual([
      `${at}: field "grand-canal.schematic": is required`,
      ...[
        ['01-south.md', 'south'],
        ['02-north.md', 'north'],
        ['03-whole.md', 'whole'],
      ].map(
        ([file, id]) =>
          `${DIR}/chapters/${file}:${line(files, `chapters/${file}`, 'layers:')}: chapter "${id}", field "layers[0]": layer "grand-canal" is invalid (see ${at})`,
      ),
    ]);
  });

  test('an overlay without a kind says which kinds there are', () => {
    const files = withFile('overlays.yaml', (t) => t.replace('  kind: scale-circle\n', ''));
    const at = `${DIR}/overlays.yaml:${line(files, 'overlays.yaml', 'lake-tai-scale:')}`;
    expect(problems(files)).toEqual([
      `${at}: field "lake-tai-scale.kind": needs "kind: route" or "kind: scale-circle"`,
      `${DIR}/chapters/01-south.md:${line(files, 'chapters/01-south.md', 'layers:')}: chapter "south", field "layers[1]": layer "lake-tai-scale" is invalid (see ${at})`,
    ]);
  });

  test('a broken place: the route through it and the chapter that draws it point at it', () => {
    const files = withFile('places.geojson', (t) => t.replace('"name_fr": "Yangzhou",', ''));
    const place = `${DIR}/places.geojson:${line(files, 'places.geojson', '"properties"', '119.413')}`;
    const msgs = problems(files);
    expect(msgs[0]).toBe(
      `${place}: field "features[2].properties.name_fr": the French name is missing: each place has name_en and name_fr, one for each of the story's languages`,
    );
    const via = `${DIR}/overlays.yaml:${line(files, 'overlays.yaml', 'via:')}`;
    expect(msgs).toContain(`${via}: field "grand-canal.via[2]": place "yangzhou" is invalid (see ${place})`);
    expect(msgs).toContain(
      `${DIR}/chapters/03-whole.md:${line(files, 'chapters/03-whole.md', 'places:')}: chapter "whole", field "places[1]": place "yangzhou" is invalid (see ${place})`,
    );
    expect(msgs.filter((m) => m.includes('does not exist'))).toEqual([]);
    expect(msgs.filter((m) => m.includes('is missing'))).toHaveLength(1);
  });

  test('a broken source: each reference points at it, none says it is not listed', () => {
    const files = withFile('story.yaml', (t) => t.replace('    publisher: Natural Earth\n', ''));
    const at = `${DIR}/story.yaml:${line(files, 'story.yaml', 'natural-earth:')}`;
    const msgs = problems(files);
    expect(msgs[0]).toBe(`${at}: field "sources.natural-earth.publisher": is required`);
    expect(msgs.slice(1)).toEqual(
      ['01-south.md', '02-north.md', '04-credits.md'].map((file) =>
        expect.stringMatching(
          new RegExp(
            `^${DIR}/chapters/${file}:\\d+: chapter "[a-z]+", field "sources\\[1\\]": source "natural-earth" is invalid \\(see ${at}\\)$`,
          ),
        ),
      ),
    );
  });

  test('a place that is nowhere still "does not exist", naming the file to look in', () => {
    const files = withFile('chapters/02-north.md', (t) =>
      t.replace('places: [jining,', 'places: [kaifeng, jining,'),
    );
    expect(problems(files)).toEqual([
      `${DIR}/chapters/02-north.md:${line(files, 'chapters/02-north.md', 'places:')}: chapter "north", field "places[0]": place "kaifeng" does not exist (see ${DIR}/places.geojson)`,
    ]);
  });
});

describe("texts in the story's languages show the shape wanted", () => {
  test.each([
    [
      'a title written as one text (in a story of two languages)',
      'story.yaml',
      (t: string) =>
        t.replace('title:\n  en: The Grand Canal\n  fr: Le Grand Canal', 'title: The Grand Canal'),
      'title:',
      `field "title": must be written in each of the story's languages: ${SHAPE}`,
    ],
    [
      "a source's note written as one text",
      'story.yaml',
      (t: string) => t.replace(/note:\n.*\n.*\n/, 'note: The length and the area\n'),
      'note:',
      `field "sources.encyclopedia.note": must be written in each of the story's languages: ${SHAPE}`,
    ],
    [
      'a missing French title',
      'chapters/02-north.md',
      (t: string) => t.replace(', fr: Au-delà du fleuve Jaune }', ' }'),
      'title:',
      `chapter "north", field "title.fr": the French text is missing (expected ${SHAPE})`,
    ],
    [
      'an empty English title',
      'chapters/02-north.md',
      (t: string) => t.replace('en: Across the Yellow River', "en: ''"),
      'title:',
      `chapter "north", field "title.en": the English text must not be empty (expected ${SHAPE})`,
    ],
    [
      'a title in a language the story does not declare',
      'chapters/02-north.md',
      (t: string) =>
        t.replace('fr: Au-delà du fleuve Jaune }', 'fr: Au-delà du fleuve Jaune, zh: 跨过黄河 }'),
      'title:',
      'chapter "north", field "title.zh": "zh" is not one of the story\'s languages (story.yaml has languages: [en, fr]): remove it, or add zh to the list',
    ],
    [
      'a key that is no language the interface speaks',
      'chapters/02-north.md',
      (t: string) =>
        t.replace(
          'fr: Au-delà du fleuve Jaune }',
          'fr: Au-delà du fleuve Jaune, de: Über den Gelben Fluss }',
        ),
      'title:',
      'chapter "north", field "title.de": unknown language "de": the story\'s languages are en, fr (story.yaml languages: [en, fr])',
    ],
    [
      'a missing description',
      'chapters/03-whole.md',
      (t: string) => t.replace(/description:\n.*\n.*\n/, ''),
      'id: whole',
      `chapter "whole", field "description": is required, in each of the story's languages: ${SHAPE}`,
    ],
    [
      "a figure value's label that is a number",
      'figures.yaml',
      (t: string) => t.replace("label: { en: 'Length', fr: 'Longueur' }", 'label: 3'),
      'label: 3',
      `field "canal-length.values[0].label": must be text, or text in each of the story's languages: ${SHAPE}`,
    ],
    [
      "a figure value's label without its French",
      'figures.yaml',
      (t: string) => t.replace("label: { en: 'Length', fr: 'Longueur' }", "label: { en: 'Length' }"),
      'label: {',
      `field "canal-length.values[0].label.fr": the French text is missing (expected ${SHAPE})`,
    ],
    [
      "a figure's factor for a language the story does not declare",
      'figures.yaml',
      (t: string) => t.replace('  unit:', '  factor: { en: 1, fr: 1, es: 1 }\n  unit:'),
      'factor:',
      'field "canal-length.factor.es": "es" is not one of the story\'s languages (story.yaml has languages: [en, fr]): remove it, or add es to the list',
    ],
    [
      "a scale circle's name without its French",
      'overlays.yaml',
      (t: string) => t.replace(/ {4}fr: Un disque.*\n/, ''),
      'name:',
      `field "lake-tai-scale.name.fr": the French text is missing (expected ${SHAPE})`,
    ],
  ])('%s', (_, name, edit, needle, message) => {
    const files = withFile(name, edit);
    const msgs = problems(files);
    const after = name === 'overlays.yaml' ? 'lake-tai-scale:' : '';
    const at = `${DIR}/${name}:${line(files, name, needle, after)}`;
    // Once, where it is; what names the item then points there ("is invalid (see …)").
    expect(msgs[0]).toBe(`${at}: ${message}`);
    expect(msgs.slice(1).filter((m) => !m.endsWith(`is invalid (see ${at})`))).toEqual([]);
  });

  test('each key that is not one of the story’s languages is a problem of its own, each missing language too', () => {
    const files = withFile('chapters/02-north.md', (t) =>
      t.replace(
        'title: { en: Across the Yellow River, fr: Au-delà du fleuve Jaune }',
        'title: { zh: 跨过黄河, es: Al otro lado del río Amarillo }',
      ),
    );
    const at = `${DIR}/chapters/02-north.md:${line(files, 'chapters/02-north.md', 'title:')}: chapter "north", field`;
    expect(problems(files)).toEqual([
      `${at} "title.en": the English text is missing (expected ${SHAPE})`,
      `${at} "title.fr": the French text is missing (expected ${SHAPE})`,
      `${at} "title.zh": "zh" is not one of the story's languages (story.yaml has languages: [en, fr]): remove it, or add zh to the list`,
      `${at} "title.es": "es" is not one of the story's languages (story.yaml has languages: [en, fr]): remove it, or add es to the list`,
    ]);
  });

  test('a place needs a name in each of the story’s languages, and none in another', () => {
    const files = withFile('places.geojson', (t) =>
      t
        .replace('"name_fr": "Pékin",', '"name_zh": "北京",')
        .replace('"name_fr": "Jining",', '"name_fr": "Jining",\n        "name_es": "Jining",'),
    );
    const at = (needle: string, after: string) =>
      `${DIR}/places.geojson:${line(files, 'places.geojson', needle, after)}`;
    expect(problems(files).slice(0, 3)).toEqual([
      `${at('"name_es"', '116.587')}: field "features[3].properties.name_es": "es" is not one of the story's languages (story.yaml has languages: [en, fr]): remove it, or add es to the list`,
      `${at('"properties"', '116.407')}: field "features[5].properties.name_fr": the French name is missing: each place has name_en and name_fr, one for each of the story's languages`,
      `${at('"name_zh"', '116.407')}: field "features[5].properties.name_zh": "zh" is not one of the story's languages (story.yaml has languages: [en, fr]): remove it, or add zh to the list`,
    ]);
  });

  test('a chapter has a section for each of the story’s languages, and none for another', () => {
    const files = withFile('chapters/01-south.md', (t) =>
      t
        .replace('::: fr\nLe canal part', '::: zh\n运河从杭州起。\n\n::: es\nEl canal empieza')
        .replace('::: notes fr', '::: notes de'),
    );
    const name = 'chapters/01-south.md';
    const at = (needle: string) => `${DIR}/${name}:${line(files, name, needle)}: chapter "south", field`;
    expect(problems(files)).toEqual([
      `${at('::: zh')} "text.zh": "::: zh": "zh" is not one of the story's languages (story.yaml has languages: [en, fr]): remove it, or add zh to the list`,
      `${at('::: es')} "text.es": "::: es": "es" is not one of the story's languages (story.yaml has languages: [en, fr]): remove it, or add es to the list`,
      `${at('::: notes de')} "notes.de": "::: notes de": unknown language "de" (the story's languages are en, fr)`,
      `${DIR}/${name}:${line(files, name, 'id: south')}: chapter "south", field "text.fr": the chapter has no French text (a "::: fr" section)`,
    ]);
  });

  test('the story id, which the README did not name, is required', () => {
    const files = withFile('story.yaml', (t) => t.replace('id: grand-canal\n', ''));
    expect(problems(files)).toEqual([
      `${DIR}/story.yaml:${line(files, 'story.yaml', 'languages:')}: field "id": is required`,
    ]);
  });
});

describe("story.yaml's languages", () => {
  const at = (files: Map<string, string>, needle = 'languages:') =>
    `${DIR}/story.yaml:${line(files, 'story.yaml', needle)}: field`;

  test.each([
    [
      'missing: says what to write',
      (t: string) => t.replace('languages: [en, fr]\n', ''),
      'id:',
      '"languages": is required: the languages the story is told in, the default first, such as "languages: [en]" or "languages: [en, zh]" (the interface speaks en, zh, fr, es)',
    ],
    [
      'one tag, not a list',
      (t: string) => t.replace('languages: [en, fr]', 'languages: en'),
      'languages:',
      '"languages": must be a list of language tags, the default first, such as [en] or [en, zh] (the interface speaks en, zh, fr, es)',
    ],
    [
      'an empty list',
      (t: string) => t.replace('languages: [en, fr]', 'languages: []'),
      'languages:',
      '"languages": must name at least one language, such as [en]',
    ],
    [
      'a language the interface does not speak',
      (t: string) => t.replace('languages: [en, fr]', 'languages: [en, fr, de]'),
      'languages:',
      '"languages[2]": "de" is not a language the interface speaks (en, zh, fr, es); the README\'s "Adding a language" says how to add one',
    ],
    [
      'a language twice',
      (t: string) => t.replace('languages: [en, fr]', 'languages: [en, fr, en]'),
      'languages:',
      '"languages[2]": "en" is listed twice',
    ],
  ])('%s (and nothing else: the texts are not each reported again)', (_, edit, needle, message) => {
    const files = withFile('story.yaml', edit);
    expect(problems(files)).toEqual([`${at(files, needle)} ${message}`]);
  });

  test('the first language is the default; the order of each text follows the list', () => {
    const files = withFile('story.yaml', (t) => t.replace('languages: [en, fr]', 'languages: [fr, en]'));
    const story = compileStory(files, { dir: DIR });
    expect(story.languages).toEqual(['fr', 'en']);
    expect(Object.keys(story.title)).toEqual(['fr', 'en']);
    expect(Object.keys(story.chapters[0]!.html)).toEqual(['fr', 'en']);
  });
});

describe('a story told in one language', () => {
  test('writes each text as one plain string, and compiles', () => {
    expect(oneLanguage.get('story.yaml')).toMatch(/^title: The Rhine$/m);
    const story = compileStory(oneLanguage, { dir: ONE_LANGUAGE_DIR });
    expect(story.languages).toEqual(['en']);
    expect(story.title).toEqual({ en: 'The Rhine' });
    expect(story.places[0]!.name).toEqual({ en: 'Basel' });
    expect(story.figures[0]!.values[0]!.label).toEqual({ en: 'Length' });
    expect(story.chapters.map((c) => Object.keys(c.html))).toEqual([['en'], ['en'], ['en']]);
  });

  test('a text in a second language is named as not one of its languages', () => {
    const files = new Map(oneLanguage);
    files.set(
      'story.yaml',
      oneLanguage.get('story.yaml')!.replace(/^title: The Rhine$/m, 'title: { en: The Rhine, fr: Le Rhin }'),
    );
    expect(problems(files, ONE_LANGUAGE_DIR)).toEqual([
      `${ONE_LANGUAGE_DIR}/story.yaml:${line(files, 'story.yaml', 'title:', 'languages:')}: field "title.fr": "fr" is not one of the story's languages (story.yaml has languages: [en]): remove it, or add fr to the list`,
    ]);
  });

  test('a plain text is not enough once a second language is declared', () => {
    const files = new Map(oneLanguage);
    files.set('story.yaml', oneLanguage.get('story.yaml')!.replace('languages: [en]', 'languages: [en, es]'));
    const msgs = problems(files, ONE_LANGUAGE_DIR);
    expect(msgs).toContain(
      `${ONE_LANGUAGE_DIR}/story.yaml:${line(files, 'story.yaml', 'title:', 'languages:')}: field "title": must be written in each of the story's languages: { en: "…", es: "…" }`,
    );
    expect(msgs).toContain(
      `${ONE_LANGUAGE_DIR}/chapters/01-upper.md:${line(oneLanguage, 'chapters/01-upper.md', 'id: upper')}: chapter "upper", field "text.es": the chapter has no Spanish text (a "::: es" section)`,
    );
  });
});

describe('a broken story is stopped before anything is built', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'story-build-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  /** A copy of the test story named `name`, with `edit` applied to one of its files. */
  function brokenCopy(name: string, file: string, edit: (text: string) => string): string {
    const story = join(tmp, name);
    cpSync(resolve(DIR), story, { recursive: true });
    writeFileSync(join(story, file), edit(readFileSync(join(story, file), 'utf8')));
    return story;
  }
  /** `npm run build` of `story` into `out`: its exit status and everything it printed. */
  function build(story: string, out: string): { status: number | null; output: string } {
    const res = spawnSync(process.execPath, [resolve('scripts/build.mjs'), '--out', out], {
      env: { ...process.env, STORY_DIR: story },
      encoding: 'utf8',
      timeout: 120_000,
    });
    return { status: res.status, output: res.stdout + res.stderr };
  }

  test('npm run build validates first: the problems, exit 1, no output folder, no bundling', () => {
    const story = brokenCopy('story', 'overlays.yaml', (t) => t.replace('  schematic: true\n', ''));
    const out = join(tmp, 'out');
    const { status, output } = build(story, out);
    expect(status, output).toBe(1);
    expect(output).toContain(`overlays.yaml:2: field "grand-canal.schematic": is required`);
    expect(output).toContain('layer "grand-canal" is invalid (see ');
    expect(output).toContain('was not built: fix the problems above and build again');
    expect(output, 'Vite never started').not.toMatch(/building|transforming|vite v\d/i);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${join(tmp, '.out-building')}`)).toBe(false);
  }, 130_000);

  test('a chapter whose view leaves the basemap’s data fails the build, naming the chapter, its zoom and where data exists', () => {
    // Wuhan at zoom 11: the embedded basemap has its closest zoom only around Chongqing.
    const story = brokenCopy('outside', 'chapters/01-south.md', (t) =>
      t.replace(/camera: \{[^}]*\}/, 'camera: { center: [114.3, 30.59], zoom: 11 }'),
    );
    const file = join(story, 'chapters', '01-south.md');
    const out = join(tmp, 'outside-out');
    const { status, output } = build(story, out);
    expect(status, output).toBe(1);
    // Listed as the story's other problems are: under the heading, at the chapter's camera line.
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('camera:')) + 1;
    expect(output).toContain('The story has 1 problem:');
    expect(output).toMatch(new RegExp(`01-south\\.md:${line}: chapter "[a-z-]+", field "camera": .*zoom 11`));
    expect(output).toMatch(/data exists|has data|where data/i);
    expect(output, 'Vite never started').not.toMatch(/building|transforming|vite v\d/i);
    expect(existsSync(out)).toBe(false);
  }, 130_000);

  test('a character no font has stops the build before Vite starts, at its file and line', () => {
    const story = brokenCopy('emoji', 'chapters/01-south.md', (t) => `${t}\nA boat 🚢 on the canal.\n`);
    const line =
      readFileSync(join(story, 'chapters', '01-south.md'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('🚢')) + 1;
    const out = join(tmp, 'emoji-out');
    const { status, output } = build(story, out);
    expect(status, output).toBe(1);
    expect(output).toContain('The story has 1 problem:');
    expect(output).toMatch(
      new RegExp(`U\\+1F6A2 🚢 \\([^ ]*chapters/01-south\\.md:${line} \\(chapters\\[0\\]\\.`),
    );
    expect(output, 'Vite never started').not.toMatch(/building|transforming|vite v\d/i);
    expect(existsSync(out)).toBe(false);
  }, 130_000);

  test('a build step that fails leaves no half-built folder, and the previous build as it was', async () => {
    const out = join(tmp, 'site');
    mkdirSync(out);
    writeFileSync(join(out, 'index.html'), 'the previous build');
    await expect(
      buildAtomically(out, (dir: string) => {
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, 'index.html'), 'half');
        throw new Error('the server build failed');
      }),
    ).rejects.toThrow('the server build failed');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the previous build');
    expect(existsSync(join(tmp, '.site-building'))).toBe(false);
  });

  test('a build that succeeds replaces the previous one whole', async () => {
    const out = join(tmp, 'site2');
    mkdirSync(out);
    writeFileSync(join(out, 'stale.js'), 'old');
    await buildAtomically(out, (dir: string) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'index.html'), 'new');
    });
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('new');
    expect(existsSync(join(out, 'stale.js'))).toBe(false);
  });
});
