// Each mistake an author can make with a chapter's pictures gets its own message, at the file and
// line of the field, with the chapter and the field (`media[0].alt`), as the story's other
// problems are written. First what the compiler sees in the front matter (the text); then what the
// media build finds in the files themselves (src/build/media), on a copy of the test story.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, test } from 'vitest';
import { compileStory } from '../../../src/build/story/compile';
import { DEFAULT_CACHE } from '../../../src/build/media/cache';
import { loadBuiltStory } from '../../../src/build/story/load';
import { StoryError } from '../../../src/build/story/problems';
import { problems, TEST_STORY_DIR as DIR, testStory, withFile } from '../story-fixture';

const SOUTH = 'chapters/01-south.md';
const NORTH = 'chapters/02-north.md';
const WHOLE = 'chapters/03-whole.md';

/** The line (1-based) of the first line of `name` holding `needle`, at or after the line holding `after`. */
function line(files: ReadonlyMap<string, string>, name: string, needle: string, after = ''): number {
  const lines = files.get(name)!.split('\n');
  const start = after ? lines.findIndex((l) => l.includes(after)) : 0;
  const i = lines.findIndex((l, j) => j >= start && l.includes(needle));
  if (i < 0) throw new Error(`no "${needle}" in ${name}`);
  return i + 1;
}

describe('the test story compiles with its pictures', () => {
  test('a photograph, a drawing pinned to a place, a video and a decorative SVG, with their credit', () => {
    const story = compileStory(testStory, { dir: DIR });
    const media = story.chapters.flatMap((c) => c.media.map((m) => [c.id, m.kind, m.file, m.place] as const));
    expect(media).toEqual([
      ['south', 'photo', 'media/canal-at-dusk.jpg', undefined],
      ['south', 'illustration', 'media/lock-keeper.png', 'suzhou'],
      ['north', 'video', 'media/canal-pan.webm', undefined],
      ['whole', 'illustration', 'media/canal-sketch.svg', undefined],
    ]);
    const sketch = story.chapters[2]!.media[0]!;
    expect(sketch).toMatchObject({ decorative: true, basedOn: ['encyclopedia'], source: 'test-pictures' });
    expect(sketch.alt).toBeUndefined();
    expect(story.chapters[0]!.media[0]!.credit).toEqual({
      publisher: 'Story-map engine tests (made by tests/fixtures/make-test-media.mjs)',
      licence: 'CC0 1.0',
    });
    // compileStory checks the text only: the files are built by the media build.
    expect(story.chapters[0]!.media[0]!.image).toBeUndefined();
  });
});

describe('mistakes in the front matter', () => {
  const at = (files: Map<string, string>, name: string, needle: string, after = '') =>
    `${DIR}/${name}:${line(files, name, needle, after)}`;

  test('alt text missing from a picture that is not decorative', () => {
    const files = withFile(SOUTH, (t) => t.replace(/ {4}alt:\n {6}en: A stone.*\n.*\n/, ''));
    expect(problems(files)).toEqual([
      `${at(files, SOUTH, 'file: media/canal-at-dusk.jpg')}: chapter "south", field "media[0].alt": is required: say what the picture shows, in every language (en, fr); or write "decorative: true" for a picture that only decorates`,
    ]);
  });

  test('alt text on a decorative picture', () => {
    const files = withFile(WHOLE, (t) =>
      t.replace(
        '    decorative: true\n',
        '    decorative: true\n    alt: { en: A sketch, fr: Une esquisse }\n',
      ),
    );
    expect(problems(files)).toEqual([
      `${at(files, WHOLE, 'alt:')}: chapter "whole", field "media[0].alt": a decorative picture has no alt text (screen readers skip it): remove "alt", or "decorative" if the picture tells something`,
    ]);
  });

  test('alt text in one language only', () => {
    const files = withFile(SOUTH, (t) =>
      t.replace(
        'alt: { en: A small house with a red roof beside the water, fr: Une petite maison au toit rouge au bord de l’eau }',
        'alt: { en: A small house }',
      ),
    );
    expect(problems(files)).toEqual([
      `${at(files, SOUTH, 'alt: { en: A small house }')}: chapter "south", field "media[1].alt.fr": the French text is missing (expected { en: "…", fr: "…" })`,
    ]);
  });

  test('an unknown format, by the file name', () => {
    const files = withFile(SOUTH, (t) => t.replace('media/canal-at-dusk.jpg', 'media/canal-at-dusk.gif'));
    expect(problems(files)).toEqual([
      `${at(files, SOUTH, 'canal-at-dusk.gif')}: chapter "south", field "media[0].file": unknown format ".gif": use JPEG, PNG, WebP or AVIF for a photograph, SVG for an illustration, MP4 or WebM for a video`,
    ]);
  });

  test('a file outside the story folder', () => {
    const files = withFile(SOUTH, (t) => t.replace('media/canal-at-dusk.jpg', '../../secret/photo.jpg'));
    expect(problems(files)).toEqual([
      `${at(files, SOUTH, 'secret/photo.jpg')}: chapter "south", field "media[0].file": must be the path of a file in the story folder, such as media/yichang-port.jpg (letters, digits, "-", "_", "." and "/"; never outside the folder)`,
    ]);
  });

  test('a video without a poster', () => {
    const files = withFile(NORTH, (t) => t.replace('    poster: media/canal-pan-poster.jpg\n', ''));
    expect(problems(files)).toEqual([
      `${at(files, NORTH, 'file: media/canal-pan.webm')}: chapter "north", field "media[0].poster": is required for a video: a still picture (JPEG, PNG, WebP or AVIF) shown before it plays and on paper`,
    ]);
  });

  test('a video in which someone speaks, without captions', () => {
    const files = withFile(NORTH, (t) => t.replace(/ {4}captions: .*\n/, ''));
    expect(problems(files)).toEqual([
      `${at(files, NORTH, 'file: media/canal-pan.webm')}: chapter "north", field "media[0].captions": are required when someone speaks ("speech: true"): a WebVTT file (.vtt) for each language, { en: media/….en.vtt, fr: media/….fr.vtt }`,
    ]);
  });

  test('captions that are not WebVTT files, and a poster that is not a picture', () => {
    const files = withFile(NORTH, (t) =>
      t
        .replace('media/canal-pan.fr.vtt', 'media/canal-pan.fr.srt')
        .replace('canal-pan-poster.jpg', 'canal-pan-poster.svg'),
    );
    expect(problems(files)).toEqual([
      `${at(files, NORTH, 'poster:')}: chapter "north", field "media[0].poster": must be a JPEG, PNG, WebP or AVIF picture, not "media/canal-pan-poster.svg"`,
      `${at(files, NORTH, 'captions:')}: chapter "north", field "media[0].captions.fr": must be a WebVTT file (.vtt), not "media/canal-pan.fr.srt"`,
    ]);
  });

  test('captions outside the story folder', () => {
    const files = withFile(NORTH, (t) => t.replace('media/canal-pan.en.vtt', '../../../etc/notes.vtt'));
    expect(problems(files)).toEqual([
      `${at(files, NORTH, 'captions:')}: chapter "north", field "media[0].captions.en": must be the path of a file in the story folder, such as media/yichang-port.jpg (letters, digits, "-", "_", "." and "/"; never outside the folder)`,
    ]);
  });

  test("a photograph with a video's fields", () => {
    const files = withFile(SOUTH, (t) =>
      t.replace(
        '    source: test-pictures\n  - file',
        '    source: test-pictures\n    poster: media/x.jpg\n    speech: true\n  - file',
      ),
    );
    expect(problems(files)).toEqual([
      `${at(files, SOUTH, 'poster:')}: chapter "south", field "media[0].poster": only a video has "poster"`,
      `${at(files, SOUTH, 'speech:')}: chapter "south", field "media[0].speech": only a video has "speech"`,
    ]);
  });

  test('an SVG said not to be an illustration, a video said to be one', () => {
    const files = withFile(WHOLE, (t) =>
      t.replace('    decorative: true\n', '    decorative: true\n    illustration: false\n'),
    );
    expect(problems(files)).toEqual([
      `${at(files, WHOLE, 'illustration:')}: chapter "whole", field "media[0].illustration": an SVG is always an illustration (a drawing): remove "illustration: false"`,
    ]);
    const video = withFile(NORTH, (t) =>
      t.replace('    speech: true\n', '    speech: true\n    illustration: true\n'),
    );
    expect(problems(video)).toEqual([
      `${at(video, NORTH, 'illustration:')}: chapter "north", field "media[0].illustration": a video is not an illustration: "illustration" is for pictures only`,
    ]);
  });

  test('a source, a based_on source and a place that do not exist', () => {
    const files = withFile(WHOLE, (t) =>
      t.replace(
        '    source: test-pictures\n    based_on: [encyclopedia]',
        '    source: my-photos\n    based_on: [encyclopedia, atlas]\n    place: kaifeng',
      ),
    );
    expect(problems(files)).toEqual([
      `${at(files, WHOLE, 'source: my-photos')}: chapter "whole", field "media[0].source": source "my-photos" is not listed under "sources" in ${DIR}/story.yaml`,
      `${at(files, WHOLE, 'based_on:')}: chapter "whole", field "media[0].based_on[1]": source "atlas" is not listed under "sources" in ${DIR}/story.yaml`,
      `${at(files, WHOLE, 'place: kaifeng')}: chapter "whole", field "media[0].place": place "kaifeng" does not exist (see ${DIR}/places.geojson)`,
    ]);
  });

  test('a picture pinned to a place the chapter does not show', () => {
    const files = withFile(SOUTH, (t) => t.replace('    place: suzhou', '    place: beijing'));
    expect(problems(files)).toEqual([
      `${at(files, SOUTH, 'place: beijing')}: chapter "south", field "media[1].place": place "beijing" pins a picture but is not listed in the chapter's "places" (the map shows only those)`,
    ]);
  });

  test("the credits chapter must list the pictures' sources", () => {
    const files = withFile('chapters/04-credits.md', (t) => t.replace(', test-pictures]', ']'));
    expect(problems(files)).toEqual([
      `${at(files, 'chapters/04-credits.md', 'sources:')}: chapter "credits", field "sources": the credits chapter must list source "test-pictures" (used by chapter "south", media[0])`,
    ]);
  });

  test('a picture written with Markdown image syntax is refused at its line, text or notes, pointing to media:', () => {
    const files = withFile(SOUTH, (t) =>
      t
        .replace(
          'to Yangzhou on the Yangtze.',
          'to Yangzhou on the Yangtze.\nHere is the port:\n![Guoyuan Port](port.jpg)',
        )
        .replace('Ask where the water comes from.', 'Ask where the water comes from. ![a map](map.png)'),
    );
    const tail =
      'is not built: list it under "media:" in the front matter, with its alt text and source (see docs/story-format.md, "Pictures and videos")';
    expect(problems(files)).toEqual([
      `${at(files, SOUTH, '![Guoyuan Port]')}: chapter "south", field "text.en": a picture written in the text (![…](port.jpg)) ${tail}`,
      `${at(files, SOUTH, '![a map]')}: chapter "south", field "notes.en": a picture written in the text (![…](map.png)) ${tail}`,
    ]);
  });
});

describe('mistakes in the files (the media build)', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'media-errors-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  let n = 0;
  /** A copy of the test story with `edit` applied to it; its problems from the media build. */
  const built = async (edit: (dir: string) => void | Promise<void>): Promise<string[]> => {
    const dir = join(tmp, `story-${n++}`, 'grand-canal');
    cpSync(DIR, dir, { recursive: true });
    await edit(dir);
    try {
      // The project's cache: the files left as they are are not made again for each case.
      await loadBuiltStory(dir, join(dir, '..'), { cacheDir: join(process.cwd(), DEFAULT_CACHE) });
    } catch (e) {
      if (e instanceof StoryError)
        return e.problems.map(
          (p) => `grand-canal/${p.file.split('grand-canal/')[1]}:${p.line}: ${p.field}: ${p.message}`,
        );
      throw e;
    }
    return [];
  };
  const lineIn = (dir: string, name: string, needle: string) =>
    line(new Map([[name, readFileSync(join(dir, name), 'utf8')]]), name, needle);
  const edit = (dir: string, name: string, f: (t: string) => string) => {
    writeFileSync(join(dir, name), f(readFileSync(join(dir, name), 'utf8')));
  };
  const solid = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#4b7591' } });

  test('a file that is not in the folder', async () => {
    let l = 0;
    const found = await built((dir) => {
      edit(dir, SOUTH, (t) => t.replace('media/canal-at-dusk.jpg', 'media/canal-at-night.jpg'));
      l = lineIn(dir, SOUTH, 'canal-at-night.jpg');
    });
    expect(found).toEqual([
      `grand-canal/${SOUTH}:${l}: media[0].file: the file "media/canal-at-night.jpg" is not in the story folder (grand-canal/media/canal-at-night.jpg)`,
    ]);
  }, 120_000);

  test('a picture whose content is another format, and one that is no picture', async () => {
    const found = await built(async (dir) => {
      await solid(1200, 800).gif().toFile(join(dir, 'media/canal-at-dusk.jpg'));
      writeFileSync(join(dir, 'media/lock-keeper.png'), 'not a picture at all');
    });
    expect(found).toEqual([
      expect.stringMatching(
        /01-south\.md:\d+: media\[0\]\.file: "media\/canal-at-dusk\.jpg" is GIF inside: a photograph must be JPEG, PNG, WebP or AVIF$/,
      ),
      expect.stringMatching(
        /01-south\.md:\d+: media\[1\]\.file: "media\/lock-keeper\.png" is not a picture that can be read \(JPEG, PNG, WebP or AVIF\)$/,
      ),
    ]);
  }, 120_000);

  test('a picture too small for the widest layout says how wide it must be', async () => {
    const found = await built(async (dir) => {
      await solid(800, 600).png().toFile(join(dir, 'media/lock-keeper.png'));
    });
    expect(found).toEqual([
      expect.stringMatching(
        /01-south\.md:\d+: media\[1\]\.file: "media\/lock-keeper\.png" is 800 px wide: it must be at least 1000 px wide, as the portrait kiosk shows a picture 1000 CSS px wide$/,
      ),
    ]);
  }, 120_000);

  test('a poster too small, a poster missing, captions that are not WebVTT', async () => {
    const found = await built(async (dir) => {
      await solid(640, 360).jpeg().toFile(join(dir, 'media/canal-pan-poster.jpg'));
      writeFileSync(join(dir, 'media/canal-pan.fr.vtt'), '1\n00:00:00,000 --> 00:00:01,000\nSous-titre\n');
    });
    expect(found).toEqual([
      expect.stringMatching(
        /02-north\.md:\d+: media\[0\]\.captions\.fr: "media\/canal-pan\.fr\.vtt" is not a WebVTT file: its first line must be "WEBVTT"$/,
      ),
      expect.stringMatching(
        /02-north\.md:\d+: media\[0\]\.poster: "media\/canal-pan-poster\.jpg" is 640 px wide: it must be at least 1000 px wide/,
      ),
    ]);
    const missing = await built((dir) => rmSync(join(dir, 'media/canal-pan-poster.jpg')));
    expect(missing).toEqual([
      expect.stringMatching(
        /02-north\.md:\d+: media\[0\]\.poster: the file "media\/canal-pan-poster\.jpg" is not in the story folder/,
      ),
    ]);
  }, 120_000);

  test('a video that is not what its name says', async () => {
    const found = await built((dir) => {
      edit(dir, NORTH, (t) => t.replace('file: media/canal-pan.webm', 'file: media/canal-pan.mp4'));
      cpSync(join(dir, 'media/canal-pan.webm'), join(dir, 'media/canal-pan.mp4'));
    });
    expect(found).toEqual([
      expect.stringMatching(
        /02-north\.md:\d+: media\[0\]\.file: "media\/canal-pan\.mp4" is not an MP4 video inside \(it is WebM\)$/,
      ),
    ]);
  }, 120_000);

  test('a hostile SVG is refused, naming what it holds', async () => {
    const found = await built((dir) => {
      writeFileSync(
        join(dir, 'media/canal-sketch.svg'),
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="fetch(\'https://evil.example/\')"><script>alert(1)</script><image href="https://evil.example/x.png"/></svg>',
      );
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /03-whole\.md:\d+: media\[0\]\.file: "media\/canal-sketch\.svg" is refused: an SVG must hold no scripts, event handlers or references outside itself, and this one holds /,
    );
    for (const what of [
      'href="https://evil.example/x.png" on <image>',
      'the element <script>',
      'the attribute onload on <svg>',
    ])
      expect(found[0]).toContain(what);
  }, 120_000);

  test('over the budgets: an SVG, a video, a photograph too detailed, a picture of too many pixels', async () => {
    const found = await built(async (dir) => {
      const path = `M0 0${' L1 1'.repeat(45_000)}`;
      writeFileSync(
        join(dir, 'media/canal-sketch.svg'),
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="${path}"/></svg>`,
      );
      const webm = readFileSync(join(dir, 'media/canal-pan.webm'));
      writeFileSync(
        join(dir, 'media/canal-pan.webm'),
        Buffer.concat([webm, Buffer.alloc(8.5 * 1024 * 1024)]),
      );
      // Noise does not compress: at 2000 px its WebP is well over 500 KB.
      await sharp({
        create: {
          width: 2000,
          height: 1400,
          channels: 3,
          background: '#808080',
          noise: { type: 'gaussian', mean: 128, sigma: 60 },
        },
      })
        .jpeg({ quality: 95 })
        .toFile(join(dir, 'media/canal-at-dusk.jpg'));
      // 9000 × 6000 of one colour: a small file, 54 million pixels.
      await solid(9000, 6000).png().toFile(join(dir, 'media/lock-keeper.png'));
    });
    expect(found).toEqual([
      expect.stringMatching(
        /01-south\.md:\d+: media\[0\]\.file: "media\/canal-at-dusk\.jpg" is over the budget: at 2000 px its WebP is [\d.]+ [KM]B, at most 500 KB \(crop it, or use a less detailed picture\)$/,
      ),
      expect.stringMatching(
        /01-south\.md:\d+: media\[1\]\.file: "media\/lock-keeper\.png" has 54 million pixels: at most 50 million \(make it smaller first\)$/,
      ),
      expect.stringMatching(
        /02-north\.md:\d+: media\[0\]\.file: "media\/canal-pan\.webm" is 8\.5 MB: a video may be at most 8\.0 MB \(it is served as it is, and a kiosk keeps it offline\): shorten it, or encode it smaller$/,
      ),
      expect.stringMatching(
        /03-whole\.md:\d+: media\[0\]\.file: "media\/canal-sketch\.svg" is 2\d\d KB: an SVG is served as it is, and may be at most 200 KB \(simplify it\)$/,
      ),
    ]);
  }, 240_000);
});
