// Cutting the fonts for a story: each script from its own Noto font (a story without Chinese needs
// no CJK source, and gets no CJK part); a character no source has fails with its name and place; a
// new character is cut (for the build only, or into the committed folder for its own story),
// cached by content; a story the committed parts cover needs no source fonts at all.
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectionFamilies, extractFace } from '../../../src/build/fonts/collection';
import { FAMILY, FAMILY_CJK, FONT_SOURCES, MANIFEST } from '../../../src/build/fonts/config';
import { cutFonts, FontError, readManifest } from '../../../src/build/fonts/cut';
import { chooseFonts, planStoryFonts } from '../../../src/build/fonts/plugin';
import { decodeRanges, planFonts, storyUsage } from '../../../src/build/fonts/text';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SOURCES = process.env.NOTO_CJK_DIR ?? FONT_SOURCES.find((s) => s.id === 'cjk')!.defaultDir;
const tmp = mkdtempSync(join(tmpdir(), 'fonts-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
/** Source folders that do not exist: a machine without the font packages. */
const NO_FONTS = { 'fonts-noto-core': join(tmp, 'no-fonts'), 'fonts-noto-cjk': join(tmp, 'no-fonts') };

/** The plan for a one-chapter story; its English page shows the language switch 中文, as the app's. */
const tinyStory = (en: string, zh: string) =>
  planFonts(
    [storyUsage({ chapters: [{ title: { en, zh } }] }, 'tiny')],
    [
      { lang: 'en', text: `${en} 中文` },
      { lang: 'zh', text: `${zh} English` },
    ],
  );
/** The plan for a story in languages with no Chinese: its pages show none. */
const latinStory = (text: Record<string, string>) =>
  planFonts(
    [storyUsage({ chapters: [{ title: text }] }, 'latin')],
    Object.entries(text).map(([lang, t]) => ({ lang, text: t })),
  );

describe('cutting the fonts', () => {
  it('fails naming each character that is in no font source, and where it is', async () => {
    const plan = tinyStory('Łódź by ship 🚢 to ก', '三峡');
    const cut = cutFonts({ plan, story: 'tiny', cacheDir: join(tmp, 'cache') });
    await expect(cut).rejects.toThrow(FontError);
    await expect(cut).rejects.toThrow(
      '2 characters are in no font source (Noto Sans, Noto Sans Math, Noto Sans Symbols, Noto Sans CJK SC): ' +
        'U+0E01 ก (tiny: chapters[0].title.en), U+1F6A2 🚢 (tiny: chapters[0].title.en).',
    );
    expect(existsSync(join(tmp, 'cache'))).toBe(false);
  }, 60_000);

  it('without the source fonts, names the Debian package and the characters that need them', async () => {
    const plan = tinyStory('Three Gorges Dam', '三峡大坝');
    const cut = cutFonts({
      plan,
      story: 'tiny',
      cacheDir: join(tmp, 'cache'),
      sourceDirs: { 'fonts-noto-cjk': join(tmp, 'no-fonts') },
      lacking: ['峡'.codePointAt(0)!, '坝'.codePointAt(0)!],
    });
    await expect(cut).rejects.toThrow(/U\+5CE1 峡 \(tiny: chapters\[0\]\.title\.zh\), U\+575D 坝/);
    await expect(cut).rejects.toThrow(/apt-get install -y fonts-noto-cjk/);
    // Latin text needs Noto Sans, from fonts-noto-core.
    const core = cutFonts({
      plan: latinStory({ en: 'Lyon', fr: 'Lyon' }),
      story: 'latin',
      cacheDir: join(tmp, 'cache'),
      sourceDirs: NO_FONTS,
    });
    await expect(core).rejects.toThrow(/Cutting fonts needs Noto Sans, not found: .*NotoSans-Regular\.ttf/);
    await expect(core).rejects.toThrow(/apt-get install -y fonts-noto-core\b.*or set NOTO_DIR/);
  });

  it('a story in French and Spanish gets no Chinese part, and needs no Chinese font', async () => {
    const plan = latinStory({ fr: 'Le Grand Canal : 1 800 km ?', es: '¿El Gran Canal? ¡1.800 km!' });
    expect(plan.ui).toEqual([]);
    const { manifest } = await cutFonts({
      plan,
      story: 'latin',
      cacheDir: join(tmp, 'latin-cache'),
      sourceDirs: { 'fonts-noto-cjk': join(tmp, 'no-fonts') },
    });
    expect(manifest.files.map((f) => [f.file, f.family])).toEqual([
      ['NotoSans-Regular-latin.subset.woff2', FAMILY],
      ['NotoSans-Bold-latin.subset.woff2', FAMILY],
    ]);
    const latin = decodeRanges(manifest.files[0]!.codepoints);
    for (const ch of '\u202f¿¡«»éàçñ') expect(latin.has(ch.codePointAt(0)!), ch).toBe(true);
  }, 60_000);

  it('Greek and Cyrillic come from Noto Sans, each in a part of its own; signs from Noto Sans Math, then Symbols', async () => {
    const { manifest } = await cutFonts({
      plan: latinStory({ en: 'Athens (Αθήνα) and Moscow (Москва) → ⓘ' }),
      story: 'scripts',
      cacheDir: join(tmp, 'scripts-cache'),
    });
    const parts = manifest.files.filter((f) => f.weight === 'Regular');
    expect(parts.map((f) => [f.group, f.range])).toEqual([
      ['latin', 'U+0-2E7F'],
      ['greek', 'U+370-3FF, U+1F00-1FFF'],
      ['cyrillic', 'U+400-52F, U+1C80-1C8F, U+2DE0-2DFF, U+A640-A69F'],
      ['math', 'U+2190-2193, U+2212'],
      ['symbols', 'U+24D8'],
    ]);
    // Math has no bold: its one file serves both weights, a rule for each.
    expect(manifest.files.filter((f) => f.group === 'math').map((f) => [f.file, f.cssWeight])).toEqual([
      ['NotoSansMath-Regular-math.subset.woff2', 400],
      ['NotoSansMath-Regular-math.subset.woff2', 700],
    ]);
    expect(manifest.files.filter((f) => f.group === 'symbols')).toHaveLength(2);
    expect(decodeRanges(parts[1]!.codepoints).has('θ'.codePointAt(0)!)).toBe(true);
    expect(decodeRanges(parts[2]!.codepoints).has('М'.codePointAt(0)!)).toBe(true);
  }, 60_000);

  it('a story whose characters the committed parts have needs no source fonts and writes nothing', async () => {
    const lines: string[] = [];
    const fonts = await chooseFonts({
      plan: tinyStory('Chongqing, where two rivers meet', '重庆，两江交汇'),
      story: 'tests/fixtures/other',
      committedDir: join(ROOT, 'static/fonts'),
      cacheDir: join(tmp, 'unused-cache'),
      sourceDirs: NO_FONTS,
      log: (l) => lines.push(l),
    });
    expect(fonts.committed).toBe(true);
    expect(fonts.dir).toBe(join(ROOT, 'static/fonts'));
    expect(existsSync(join(tmp, 'unused-cache'))).toBe(false);
    expect(lines).toEqual([]);
  });

  it('another story the committed parts serve takes only the parts of its scripts: no Chinese part for French', async () => {
    const fonts = await chooseFonts({
      plan: latinStory({ en: 'The Grand Canal → 1,800 km', fr: 'Le Grand Canal → 1 800 km' }),
      story: 'tests/fixtures/other',
      committedDir: join(ROOT, 'static/fonts'),
      cacheDir: join(tmp, 'unused-cache'),
      sourceDirs: NO_FONTS,
      log: () => {},
    });
    expect(fonts.committed).toBe(true);
    expect(fonts.manifest.files.map((f) => [f.group, f.weight])).toEqual([
      ['latin', 'Regular'],
      ['math', 'Regular'],
      ['latin', 'Bold'],
      ['math', 'Bold'],
    ]);
    // The committed manifest itself is the Liangjiang story's, whole.
    expect(readManifest(join(ROOT, 'static/fonts'))!.files.map((f) => f.group)).toContain('cjk');
  });

  it('the Liangjiang story builds on a machine without the font packages (npm ci && npm start)', async () => {
    const fonts = await chooseFonts({
      ...planStoryFonts(join(ROOT, 'src/stories/liangjiang'), ROOT),
      committedDir: join(ROOT, 'static/fonts'),
      cacheDir: join(tmp, 'unused-cache'),
      sourceDirs: NO_FONTS,
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
      sourceDirs: NO_FONTS,
      log: () => {},
    });
    const families = old.files.map((f) => (['cjk', 'ui'].includes(f.group) ? FAMILY_CJK : FAMILY));
    expect(fonts.manifest.files.map((f) => f.family)).toEqual(families);
    expect(readManifest(committed)!.files.map((f) => f.family)).toEqual(families);
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
