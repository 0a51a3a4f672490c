// The story folder is the whole story: what a reader, a search engine or a home screen sees about
// a story comes from its folder, and nothing outside it names a place of the story.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadStory } from '../../src/build/story/load';
import { siteFiles, webManifest, DEFAULT_ICON_DIR, SiteError } from '../../src/build/site/site';
import { sitePages } from '../../src/lib/seo/page-head';
import { scaleCircleLabel } from '../../src/lib/map/story-layers';

const STORY = resolve('src/stories/liangjiang');

/** Words that name the Liangjiang story: its id, its places' ids and names, and its landmarks. */
function storyWords(): string[] {
  const places = JSON.parse(readFileSync(join(STORY, 'places.geojson'), 'utf8')) as {
    features: { properties: { id: string; name_en: string; name_zh: string } }[];
  };
  const meta = parse(readFileSync(join(STORY, 'story.yaml'), 'utf8')) as { id: string };
  const words = new Set([meta.id, 'Liangjiang', '两江', 'Chaotianmen', '朝天门']);
  for (const { properties: p } of places.features) [p.id, p.name_en, p.name_zh].forEach((w) => words.add(w));
  return [...words];
}

/**
 * Known exceptions, each with its reason; an exception that no longer matches fails the test too.
 * - scripts/bench.mjs: the benchmark measures the shipped story by its folder (owned elsewhere).
 * - static/fonts/fonts.json: the font build's record of the story folder the committed parts were cut for.
 */
const ALLOWED: { file: string; text: string }[] = [
  { file: 'scripts/bench.mjs', text: "'src/stories/liangjiang'" },
  { file: 'static/fonts/fonts.json', text: '"story":"src/stories/liangjiang"' },
];

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return relative('.', full) === join('src', 'stories') ? [] : walk(full);
    return [full];
  });
}

/** A file with a NUL byte in its first 8 KB is binary (images, fonts, archives): not read. */
const isBinary = (bytes: Buffer) => bytes.subarray(0, 8192).includes(0);

describe('the story folder is the whole story', () => {
  it('nothing under src/ (outside src/stories/), static/ or scripts/ names a place of the Liangjiang story', () => {
    const words = storyWords();
    expect(words).toEqual(expect.arrayContaining(['liangjiang', 'chongqing', '重庆', 'Chaotianmen']));
    // Whole words for Latin ids and names (so that "binhai" is not found in "combinhair"); any
    // occurrence for Chinese names.
    const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(
      words
        .map((w) => (/^[\x20-\x7e]+$/.test(w) ? `(?<![A-Za-z0-9])${escape(w)}(?![A-Za-z0-9])` : escape(w)))
        .join('|'),
      'gi',
    );
    const found: string[] = [];
    const used = new Set<(typeof ALLOWED)[number]>();
    for (const file of ['src', 'static', 'scripts'].flatMap(walk)) {
      const bytes = readFileSync(file);
      if (isBinary(bytes)) continue;
      const rel = relative('.', file).split('\\').join('/');
      bytes
        .toString('utf8')
        .split('\n')
        .forEach((line, i) => {
          const allowed = ALLOWED.filter((a) => a.file === rel && line.includes(a.text));
          allowed.forEach((a) => used.add(a));
          const rest = allowed.reduce((l, a) => l.split(a.text).join(''), line);
          for (const m of rest.matchAll(pattern))
            found.push(`${rel}:${i + 1}: "${m[0]}" in ${line.trim().slice(0, 120)}`);
        });
    }
    expect(found, 'story words outside the story folder').toEqual([]);
    expect(
      ALLOWED.filter((a) => !used.has(a)),
      'exceptions no longer needed',
    ).toEqual([]);
  });
});

describe('the site files come from the story folder', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A small story unlike Liangjiang, written to a temporary folder. */
  function otherStory(extra: { storyYaml?: string; files?: Record<string, string | Buffer> } = {}) {
    const dir = mkdtempSync(join(tmpdir(), 'story-folder-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'chapters'));
    writeFileSync(
      join(dir, 'story.yaml'),
      [
        'id: harbour-walk',
        'languages: [en, zh]',
        'title: { en: A Walk Round the Harbour, zh: 港湾漫步 }',
        'subtitle: { en: Six stops on the old waterfront, zh: 老码头的六站 }',
        'byline: { en: Written for a test, zh: 为测试而写 }',
        'sources:',
        '  atlas: { title: { en: An atlas, zh: 地图集 }, publisher: Test }',
        extra.storyYaml ?? '',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, 'places.geojson'),
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [-5.93, 54.6] },
            properties: {
              id: 'quay',
              name_en: 'Quay',
              name_zh: '码头',
              province: 'GB',
              source: 'test',
              accuracy: 'test',
            },
          },
        ],
      }),
    );
    const chapter = (id: string, credits: boolean) =>
      [
        '---',
        `id: ${id}`,
        `title: { en: Stop ${id}, zh: 第${id}站 }`,
        'description: { en: The quay on a map, zh: 地图上的码头 }',
        'camera: { center: [-5.93, 54.6], zoom: 9 }',
        'places: [quay]',
        'sources: [atlas]',
        `credits: ${credits}`,
        '---',
        '',
        '::: en',
        'Text.',
        ':::',
        '',
        '::: zh',
        '正文。',
        ':::',
        '',
      ].join('\n');
    writeFileSync(join(dir, 'chapters/01-one.md'), chapter('one', false));
    writeFileSync(join(dir, 'chapters/02-credits.md'), chapter('credits', true));
    for (const [name, content] of Object.entries(extra.files ?? {})) writeFileSync(join(dir, name), content);
    return { dir, story: loadStory(dir, dir).story };
  }

  it("the web-app manifest carries the story's title and description, with the default icons", () => {
    const { dir, story } = otherStory();
    const files = siteFiles(dir, story);
    const manifest = JSON.parse(files.find((f) => f.fileName === 'manifest.webmanifest')!.source as string);
    expect(manifest).toMatchObject({
      name: 'A Walk Round the Harbour',
      description: 'Six stops on the old waterfront',
      lang: 'en',
    });
    expect(JSON.stringify(manifest)).not.toMatch(/liangjiang|two rivers/i);
    // The Chinese page has its own, in Chinese, starting on the Chinese page.
    const zh = JSON.parse(files.find((f) => f.fileName === 'zh/manifest.webmanifest')!.source as string);
    expect(zh).toMatchObject({ name: story.title.zh, description: story.subtitle.zh, lang: 'zh-Hans' });
    expect(zh.start_url).toMatch(/^\/zh\/\?/);
    expect(manifest.start_url).toMatch(/^\/\?/);
    const icon = files.find((f) => f.fileName === 'icon-192.png')!;
    expect(Buffer.from(icon.source).equals(readFileSync(join(DEFAULT_ICON_DIR, 'icon-192.png')))).toBe(true);
    for (const i of manifest.icons as { src: string }[])
      expect(files.map((f) => '/' + f.fileName)).toContain(i.src);
    // No preview named: none is shipped.
    expect(files.some((f) => f.fileName.endsWith('.png') && !f.fileName.startsWith('icon-'))).toBe(false);
  });

  it("a story's own icon and its named preview picture are shipped instead", () => {
    const png = readFileSync(join(DEFAULT_ICON_DIR, 'icon-512.png'));
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>';
    const { dir, story } = otherStory({
      storyYaml: 'preview: harbour.png',
      files: { 'favicon.svg': svg, 'harbour.png': png },
    });
    expect(story.preview).toBe('harbour.png');
    const files = siteFiles(dir, story);
    expect(files.find((f) => f.fileName === 'favicon.svg')!.source.toString()).toBe(svg);
    expect(files.find((f) => f.fileName === 'harbour.png')).toBeDefined();
  });

  it('a preview the folder does not hold fails, naming story.yaml and the field', () => {
    const { dir, story } = otherStory({ storyYaml: 'preview: missing.png' });
    expect(() => siteFiles(dir, story, 'stories/harbour')).toThrow(SiteError);
    expect(() => siteFiles(dir, story, 'stories/harbour')).toThrow(
      /^stories\/harbour\/story\.yaml: preview: the file missing\.png is not in the story folder/,
    );
  });

  it("the built manifest is the current story's (after `npm run build`)", () => {
    const built = resolve('dist/manifest.webmanifest');
    if (!existsSync(built)) return; // unit tests before a build: the test above covers the rule
    const { story } = loadStory(STORY);
    const pages = sitePages(story.languages);
    expect(JSON.parse(readFileSync(built, 'utf8'))).toEqual(webManifest(story, pages[0]));
    expect(JSON.parse(readFileSync(resolve('dist/zh/manifest.webmanifest'), 'utf8'))).toEqual(
      webManifest(story, pages[1]),
    );
    expect(existsSync(resolve('static/manifest.webmanifest'))).toBe(false);
  });
});

describe('labels drawn on the map', () => {
  it("a scale circle is labelled in the story's own words, or in plain words that fit any story", () => {
    const own = { label: { en: 'Circle of {area}: the harbour basin', zh: '{area}的圆：港池' }, measure: 12 };
    expect(scaleCircleLabel(own, 'en')).toMatch(/^Circle of 12\b.*km².*: the harbour basin$/);
    expect(scaleCircleLabel(own, 'zh')).toMatch(/港池$/);
    const plain = scaleCircleLabel({ measure: 12 }, 'en');
    expect(plain).toMatch(/12/);
    expect(plain).not.toMatch(/new area/);
  });
});
