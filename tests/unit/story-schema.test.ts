// The story is validated at build time: a good story compiles, and each kind of mistake a
// teacher might make fails with a message naming the file, the line, the chapter and the field.
// The mistakes are made in the engine's test story (tests/fixtures/grand-canal), so that editing
// the Liangjiang text never breaks them; the Liangjiang story keeps its own content tests.
import { describe, expect, test } from 'vitest';
import { compileStory } from '../../src/build/story/compile';
import { readStoryFolder } from '../../src/build/story/load';
import { problems, TEST_STORY_DIR, testStory, withFile } from './story-fixture';

const LIANGJIANG = 'src/stories/liangjiang';
const DIR = TEST_STORY_DIR;
const real = testStory;
const liangjiang = readStoryFolder(LIANGJIANG);

const chapterFile = [...real.keys()].filter((n) => n.startsWith('chapters/')).sort()[2]!;
const chapterId = /\nid: ([\w-]+)/.exec(real.get(chapterFile)!)![1]!;
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('the Liangjiang story', () => {
  test('compiles with every chapter in both its languages, English first', () => {
    const story = compileStory(liangjiang, { dir: LIANGJIANG });
    expect(story.languages).toEqual(['en', 'zh']);
    expect(story.chapters.length).toBeGreaterThanOrEqual(7);
    for (const c of story.chapters) {
      expect(c.html.en!.length, c.id).toBeGreaterThan(50);
      expect(c.html.zh!.length, c.id).toBeGreaterThan(20);
      expect(c.description.en!.length, c.id).toBeGreaterThan(10);
      expect(c.sources.length, c.id).toBeGreaterThan(0);
    }
    expect(new Set(story.chapters.map((c) => c.id)).size).toBe(story.chapters.length);
  });

  test('every place carries a source and an accuracy statement', () => {
    const story = compileStory(liangjiang, { dir: LIANGJIANG });
    for (const p of story.places) {
      expect(p.source.length, p.id).toBeGreaterThan(10);
      expect(p.accuracy.length, p.id).toBeGreaterThan(3);
    }
  });
});

describe('a broken story fails with a precise message', () => {
  test('an unknown field', () => {
    const files = withFile(chapterFile, (t) => t.replace(/\ncamera:/, '\ncolour: red\ncamera:'));
    const line = lineOf(files.get(chapterFile)!, 'colour: red');
    expect(problems(files)).toContain(
      `${DIR}/${chapterFile}:${line}: chapter "${chapterId}", field "colour": unknown field "colour"`,
    );
  });

  test('a duplicate chapter id', () => {
    const other = [...real.keys()].filter((n) => n.startsWith('chapters/')).sort()[3]!;
    const files = withFile(other, (t) => t.replace(/\nid: [\w-]+/, `\nid: ${chapterId}`));
    const line = lineOf(files.get(other)!, `id: ${chapterId}`);
    const msgs = problems(files);
    expect(
      msgs.some((m) =>
        m.startsWith(`${DIR}/${other}:${line}: chapter "${chapterId}", field "id": duplicate chapter id`),
      ),
    ).toBe(true);
  });

  test('a coordinate out of range', () => {
    const files = withFile(chapterFile, (t) => t.replace(/center: \[[^\]]+\]/, 'center: [206.5, 29.5]'));
    const line = lineOf(files.get(chapterFile)!, 'center:');
    expect(problems(files)).toContain(
      `${DIR}/${chapterFile}:${line}: chapter "${chapterId}", field "camera.center[0]": longitude must be between -180 and 180`,
    );
  });

  test.each([
    ['zoom', 'zoom: 25', 'zoom must be between 0 and 22'],
    ['pitch', 'pitch: 90', 'pitch must be between 0 and 85'],
    ['bearing', 'bearing: 270', 'bearing must be between -180 and 180'],
  ])('%s out of range', (field, replacement, message) => {
    const files = withFile(chapterFile, (t) => t.replace(new RegExp(`${field}: [-\\d.]+`), replacement));
    const line = lineOf(files.get(chapterFile)!, replacement);
    expect(problems(files)).toContain(
      `${DIR}/${chapterFile}:${line}: chapter "${chapterId}", field "camera.${field}": ${message}`,
    );
  });

  test('a zoom closer than the data supports', () => {
    const files = withFile(chapterFile, (t) => t.replace(/zoom: [\d.]+/, 'zoom: 14'));
    expect(
      problems(files).some((m) =>
        m.includes(`field "camera.zoom": zoom 14 is closer than the basemap's data supports`),
      ),
    ).toBe(true);
  });

  test('a place that does not exist', () => {
    const files = withFile(chapterFile, (t) => t.replace(/\nplaces: \[/, '\nplaces: [atlantis, '));
    const line = lineOf(files.get(chapterFile)!, 'atlantis');
    expect(problems(files)).toContain(
      `${DIR}/${chapterFile}:${line}: chapter "${chapterId}", field "places[0]": place "atlantis" does not exist (see ${DIR}/places.geojson)`,
    );
  });

  test('a layer that does not exist', () => {
    const files = withFile(chapterFile, (t) =>
      t
        .replace(/\nsources:/, '\nlayers: [moon-base]\nsources:')
        .replace(/\nlayers: \[[^\]]*\]\n(?=layers: \[moon-base\])/, '\n'),
    );
    const msgs = problems(files);
    expect(
      msgs.some(
        (m) => m.includes(`chapter "${chapterId}"`) && m.includes('layer "moon-base" does not exist'),
      ),
    ).toBe(true);
  });

  test('a missing translation names the chapter', () => {
    const files = withFile(chapterFile, (t) => t.replace(/\n {2}fr: .*\n/, '\n'));
    const msgs = problems(files);
    expect(
      msgs.some((m) => m.includes(`chapter "${chapterId}"`) && m.includes('the French text is missing')),
    ).toBe(true);
  });

  test('a chapter without its French text names the chapter', () => {
    const files = withFile(chapterFile, (t) => t.replace(/::: fr\n[\s\S]*?(?=\n::: notes|$)/, ''));
    expect(
      problems(files).some((m) =>
        m.includes(`chapter "${chapterId}", field "text.fr": the chapter has no French text`),
      ),
    ).toBe(true);
  });

  test('a duplicate place id and a place without a source', () => {
    const files = withFile('places.geojson', (t) =>
      t
        .replace('"id": "suzhou"', '"id": "beijing"')
        .replace(
          /"source": "[^"]*",\n\s*"accuracy": "City point; about 2 km"/,
          '"accuracy": "City point; about 2 km"',
        ),
    );
    const msgs = problems(files);
    expect(msgs.some((m) => m.includes('duplicate place id "beijing"'))).toBe(true);
    expect(msgs).toContainEqual(
      expect.stringMatching(/places\.geojson:\d+: field "features\[0\]\.properties\.source": /),
    );
  });

  test('a number written in quotes is named as such', () => {
    const files = withFile('places.geojson', (t) =>
      t.replace(/"coordinates": \[\s*([\d.-]+)/, '"coordinates": ["$1"'),
    );
    expect(problems(files)).toContainEqual(
      expect.stringMatching(
        /places\.geojson:\d+: field "features\[0\]\.geometry\.coordinates\[0\]": must be a number, written without quotes$/,
      ),
    );
  });

  test('a source id that is not in the catalogue', () => {
    const files = withFile(chapterFile, (t) => t.replace(/\nsources: \[/, '\nsources: [rumour, '));
    expect(problems(files).some((m) => m.includes('source "rumour" is not listed under "sources"'))).toBe(
      true,
    );
  });

  test('unreadable YAML points at its line', () => {
    const files = withFile(chapterFile, (t) => t.replace(/\ntitle:/, '\ntitle: [unclosed\ntitle:'));
    expect(
      problems(files).some((m) => m.startsWith(`${DIR}/${chapterFile}:`) && m.includes('cannot be read')),
    ).toBe(true);
  });

  test('a line indented wrongly, or with a tab, is one problem at that line that says to look at the indentation', () => {
    const story = real.get('story.yaml')!;
    const frLine = lineOf(story, '  fr:');
    // The French title pushed in under the English one: the parser reads both lines as one.
    const over = problems(withFile('story.yaml', (t) => t.replace('\n  fr:', '\n    fr:')));
    const read = over.filter((m) => m.includes('cannot be read'));
    expect(read).toHaveLength(1);
    expect(read[0]).toMatch(new RegExp(`^${DIR}/story\\.yaml:(${frLine - 1}|${frLine}): `));
    expect(read[0]).toContain('check the indentation of this line and the next');
    expect(read[0]).not.toMatch(/at line \d+, column/);
    const tab = problems(withFile('story.yaml', (t) => t.replace('\n  fr:', '\n\tfr:')));
    expect(tab.filter((m) => m.includes('cannot be read')).join('\n')).toMatch(/tabs/i);
  });

  test('all problems are reported at once', () => {
    const other = [...real.keys()].filter((n) => n.startsWith('chapters/')).sort()[0]!;
    const files = withFile(chapterFile, (t) => t.replace(/zoom: [\d.]+/, 'zoom: 30'));
    files.set(other, files.get(other)!.replace(/\nplaces: \[/, '\nplaces: [atlantis, '));
    const msgs = problems(files);
    expect(msgs.some((m) => m.includes(chapterFile) && m.includes('zoom must be between'))).toBe(true);
    expect(msgs.some((m) => m.includes(other) && m.includes('place "atlantis" does not exist'))).toBe(true);
  });
});
