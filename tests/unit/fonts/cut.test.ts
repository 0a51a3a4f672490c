// Cutting the fonts for a story: a character no source has fails with its name and place; a new
// character is cut (for the build only, or into the committed folder for its own story), cached by
// content; a story the committed parts cover needs no source fonts at all.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectionFamilies, extractFace } from '../../../src/build/fonts/collection';
import { DEBIAN_NOTO_CJK_DIR, FAMILY, MANIFEST } from '../../../src/build/fonts/config';
import { cutFonts, FontError, readManifest } from '../../../src/build/fonts/cut';
import { chooseFonts, planStoryFonts } from '../../../src/build/fonts/plugin';
import { decodeRanges, planFonts, storyUsage } from '../../../src/build/fonts/text';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = process.env.NOTO_CJK_DIR ?? DEBIAN_NOTO_CJK_DIR;
const tmp = mkdtempSync(join(tmpdir(), 'fonts-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The plan for a one-chapter story; its English page shows the language switch 中文, as the app's. */
const tinyStory = (en: string, zh: string) =>
  planFonts([storyUsage({ chapters: [{ title: { en, zh } }] }, 'tiny')], `${en} 中文`);

describe('cutting the fonts', () => {
  it('fails naming each character that is in no font source, and where it is', async () => {
    const plan = tinyStory('Łódź by ship 🚢', '三峡');
    const cut = cutFonts({ plan, story: 'tiny', cacheDir: join(tmp, 'cache'), sourceDir: SOURCES });
    await expect(cut).rejects.toThrow(FontError);
    await expect(cut).rejects.toThrow(
      '3 characters are in no font source (Noto Sans CJK SC Regular, Noto Sans CJK SC Bold): ' +
        'U+0141 Ł (tiny: chapters[0].title.en), U+017A ź (tiny: chapters[0].title.en), ' +
        'U+1F6A2 🚢 (tiny: chapters[0].title.en).',
    );
    expect(existsSync(join(tmp, 'cache'))).toBe(false);
  }, 60_000);

  it('without the source fonts, names the Debian package and the characters that need them', async () => {
    const plan = tinyStory('Three Gorges Dam', '三峡大坝');
    const cut = cutFonts({
      plan,
      story: 'tiny',
      cacheDir: join(tmp, 'cache'),
      sourceDir: join(tmp, 'no-fonts'),
      lacking: ['峡'.codePointAt(0)!, '坝'.codePointAt(0)!],
    });
    await expect(cut).rejects.toThrow(/U\+5CE1 峡 \(tiny: chapters\[0\]\.title\.zh\), U\+575D 坝/);
    await expect(cut).rejects.toThrow(/apt-get install -y fonts-noto-cjk/);
  });

  it('a story whose characters the committed parts have needs no source fonts and writes nothing', async () => {
    const lines: string[] = [];
    const fonts = await chooseFonts({
      plan: tinyStory('Chongqing, where two rivers meet', '重庆，两江交汇'),
      story: 'tests/fixtures/other',
      committedDir: join(ROOT, 'static/fonts'),
      cacheDir: join(tmp, 'unused-cache'),
      sourceDir: join(tmp, 'no-fonts'),
      log: (l) => lines.push(l),
    });
    expect(fonts.committed).toBe(true);
    expect(fonts.dir).toBe(join(ROOT, 'static/fonts'));
    expect(existsSync(join(tmp, 'unused-cache'))).toBe(false);
    expect(lines).toEqual([]);
  });

  it('the Liangjiang story builds on a machine without fonts-noto-cjk (npm ci && npm start)', async () => {
    const fonts = await chooseFonts({
      ...planStoryFonts(join(ROOT, 'src/stories/liangjiang'), ROOT),
      committedDir: join(ROOT, 'static/fonts'),
      cacheDir: join(tmp, 'unused-cache'),
      sourceDir: join(tmp, 'no-fonts'),
      log: () => {},
    });
    expect(fonts).toMatchObject({ committed: true, dir: join(ROOT, 'static/fonts') });
    expect(existsSync(join(tmp, 'unused-cache'))).toBe(false);
  });

  it('a new family name reaches the committed manifest without a cut', async () => {
    const committed = mkdtempSync(join(tmp, 'renamed-'));
    cpSync(join(ROOT, 'static/fonts'), committed, { recursive: true });
    const old = readManifest(committed)!;
    writeFileSync(
      join(committed, MANIFEST),
      JSON.stringify({ ...old, files: old.files.map((f) => ({ ...f, family: 'Old Name' })) }),
    );
    const fonts = await chooseFonts({
      plan: tinyStory('Chongqing', '重庆'),
      story: old.story,
      committedDir: committed,
      cacheDir: join(tmp, 'unused-cache'),
      sourceDir: join(tmp, 'no-fonts'),
      log: () => {},
    });
    expect(fonts.manifest.files.map((f) => f.family)).toEqual(old.files.map(() => FAMILY));
    expect(readManifest(committed)!.files.map((f) => f.family)).toEqual(old.files.map(() => FAMILY));
  });

  const committedCopy = () => {
    const dir = mkdtempSync(join(tmp, 'committed-'));
    cpSync(join(ROOT, 'static/fonts'), dir, { recursive: true });
    return dir;
  };
  const plan = tinyStory('The Three Gorges Dam', '三峡大坝');
  const cacheDir = join(tmp, 'cache');
  const has = (dir: string, file: string, ch: string) =>
    decodeRanges(readManifest(dir)!.files.find((f) => f.file === file)!.codepoints).has(ch.codePointAt(0)!);

  it('cuts a new character for another story into the build only, and not twice', async () => {
    const committed = committedCopy();
    const before = readFileSync(join(committed, MANIFEST), 'utf8');
    const lines: string[] = [];
    const opts = {
      plan,
      story: 'tests/fixtures/gorges',
      committedDir: committed,
      cacheDir,
      sourceDir: SOURCES,
      log: (l: string) => lines.push(l),
    };
    const first = await chooseFonts(opts);
    expect(first.committed).toBe(false);
    expect(first.dir.startsWith(cacheDir)).toBe(true);
    for (const weight of ['Regular', 'Bold'])
      for (const ch of '三峡大坝')
        expect(has(first.dir, `NotoSansSC-${weight}-cjk.subset.woff2`, ch)).toBe(true);
    expect(has(first.dir, 'NotoSansSC-Regular-ui.subset.woff2', '中')).toBe(true);
    expect(lines.filter((l) => l.startsWith('fonts: cutting'))).toHaveLength(1);
    expect(readFileSync(join(committed, MANIFEST), 'utf8')).toBe(before);

    const again = await chooseFonts(opts);
    expect(again.manifest.key).toBe(first.manifest.key);
    expect(lines.filter((l) => l.startsWith('fonts: cutting'))).toHaveLength(1); // cached
    expect(readdirSync(cacheDir)).toEqual([first.manifest.key]);
  }, 180_000);

  it('cuts a new character of the committed folder’s own story into that folder', async () => {
    const committed = committedCopy();
    const story = readManifest(committed)!.story;
    const fonts = await chooseFonts({
      plan,
      story,
      committedDir: committed,
      cacheDir,
      sourceDir: SOURCES,
      log: () => {},
    });
    expect(fonts).toMatchObject({ committed: true, dir: committed });
    expect(readManifest(committed)!.story).toBe(story);
    expect(has(committed, 'NotoSansSC-Bold-cjk.subset.woff2', '坝')).toBe(true);
  }, 180_000);
});

describe('a face out of a collection', () => {
  const ttc = new Uint8Array(readFileSync(join(SOURCES, 'NotoSansCJK-Regular.ttc')));
  it('lists the faces and writes the one asked for as a font of its own', () => {
    const families = collectionFamilies(ttc);
    expect(families).toContain('Noto Sans CJK SC');
    expect(families).toContain('Noto Sans CJK JP');
    const face = extractFace(ttc, 'Noto Sans CJK SC');
    expect(collectionFamilies(face)).toEqual(['Noto Sans CJK SC']);
    expect(face.byteLength).toBeLessThan(ttc.byteLength);
  });
  it('names the faces there are when the one asked for is not there', () => {
    expect(() => extractFace(ttc, 'Noto Sans SC', 'NotoSansCJK-Regular.ttc')).toThrow(
      /NotoSansCJK-Regular.ttc has no face "Noto Sans SC"; its faces are: Noto Sans CJK JP, Noto Sans CJK KR, Noto Sans CJK SC/,
    );
  });
});

describe('where a character is', () => {
  it('names the story file and line that hold it, with the field', () => {
    const story = {
      title: { en: 'Ships', zh: '船' },
      chapters: [{ html: { en: '<p>A ship 🚢 on the river.</p>' } }],
    };
    const files = new Map([
      ['stories/rhine/chapters/01-basel.md', '---\nid: basel\n---\n\nA ship 🚢 on the river.\n'],
      ['stories/rhine/story.yaml', 'id: rhine\ntitle:\n  en: Ships\n  zh: 船\n'],
    ]);
    const usage = storyUsage(story, 'stories/rhine', files);
    expect(usage.get(0x1f6a2)).toBe('stories/rhine/chapters/01-basel.md:5 (chapters[0].html.en)');
    expect(usage.get('船'.codePointAt(0)!)).toBe('stories/rhine/story.yaml:4 (title.zh)');
    // Not written as such in any file (an entity, an escape): the field alone.
    expect(storyUsage({ a: 'é' }, 'stories/rhine', files).get('é'.codePointAt(0)!)).toBe('stories/rhine: a');
  });
});
