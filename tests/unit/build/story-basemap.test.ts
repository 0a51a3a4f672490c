// A story chooses its basemap (story.yaml `basemap: { archive, kind }`): checked against the file
// with each problem at its line; the zoom and coverage checks, the site's archive (build and dev
// server) and the map's coverage data all follow the story's archive.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { compileStory, StoryError } from '../../../src/build/story/compile';
import { readStoryFolder } from '../../../src/build/story/load';
import { basemapPlugin, sendArchive } from '../../../src/build/basemap/plugin';
import { storyArchive, EMBEDDED_ARCHIVE_PATH } from '../../../src/build/basemap/story-archive';
import { ARCHIVE_FILE, EMBEDDED_ARCHIVE } from '../../../src/lib/basemap-archive.js';
import { validateStory } from '../../../scripts/build-steps.mjs';
import { precacheList } from '../../../scripts/service-worker.mjs';
import { FIXTURE_MAXZOOM, writeProtomapsFixture } from '../geo/protomaps-fixture';

const tmp = mkdtempSync(join(tmpdir(), 'story-basemap-'));
const FIXTURE = join(tmp, 'protomaps.pmtiles');
beforeAll(() => {
  writeProtomapsFixture(FIXTURE);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the test story in a folder of its own, its story.yaml given `basemap` and the files `put`. */
function storyWith(
  name: string,
  basemap: string | undefined,
  put: Record<string, string | Buffer> = {},
): string {
  const dir = join(tmp, name);
  cpSync('tests/fixtures/grand-canal', dir, { recursive: true });
  if (basemap !== undefined) {
    const yaml = readFileSync(join(dir, 'story.yaml'), 'utf8');
    writeFileSync(join(dir, 'story.yaml'), yaml.replace(/^dwell: 8$/m, `dwell: 8\nbasemap:\n${basemap}`));
  }
  for (const [f, content] of Object.entries(put)) writeFileSync(join(dir, f), content);
  return dir;
}
/** Whether two files hold the same bytes (a deep comparison of megabytes is slow). */
const same = (a: string, b: string) => readFileSync(a).equals(readFileSync(b));
const compile = (dir: string) =>
  compileStory(readStoryFolder(dir), { dir: `stories/${dir.split('/').at(-1)}`, folder: dir });
/** The problem lines of a story that must not compile. */
function problemsOf(dir: string): string[] {
  try {
    compile(dir);
  } catch (e) {
    if (e instanceof StoryError) return e.message.split('\n').slice(1);
    throw e;
  }
  throw new Error('the story compiled, but it should not have');
}
/** story.yaml's line of `field` under `basemap:`. */
const lineOf = (dir: string, field: string) =>
  readFileSync(join(dir, 'story.yaml'), 'utf8')
    .split('\n')
    .findIndex((l) => l.trim().startsWith(`${field}:`)) + 1;

describe('story.yaml basemap: { archive, kind }', () => {
  it('a story without an archive uses the embedded one', () => {
    const dir = storyWith('plain', undefined);
    expect(compile(dir).basemapKind).toBe('embedded');
    expect(storyArchive(dir)).toBe(EMBEDDED_ARCHIVE_PATH);
    expect(EMBEDDED_ARCHIVE_PATH).toBe(resolve(EMBEDDED_ARCHIVE));
  });

  it('a Protomaps archive in the folder: its kind in the story, its max zoom the limit for chapters', () => {
    const archive = readFileSync(FIXTURE);
    const dir = storyWith('osm', '  archive: city.pmtiles\n  kind: protomaps', { 'city.pmtiles': archive });
    expect(compile(dir).basemapKind).toBe('protomaps');
    expect(storyArchive(dir)).toBe(join(dir, 'city.pmtiles'));
    // closer than the embedded archive's 11 is fine with this archive (to 14) …
    const chapter = join(dir, 'chapters/01-south.md');
    writeFileSync(chapter, readFileSync(chapter, 'utf8').replace(/zoom: 6 \}/, 'zoom: 13 }'));
    expect(compile(dir).chapters[0]!.camera.zoom).toBe(13);
    // … and past it is not, naming the story's archive
    writeFileSync(
      chapter,
      readFileSync(chapter, 'utf8').replace(/zoom: 13 \}/, `zoom: ${FIXTURE_MAXZOOM + 1} }`),
    );
    expect(problemsOf(dir).join('\n')).toMatch(
      `zoom ${FIXTURE_MAXZOOM + 1} is closer than the basemap's data supports (stories/osm/city.pmtiles goes to zoom ${FIXTURE_MAXZOOM})`,
    );
  });

  it('each wrong setting or archive is one problem at its line in story.yaml', () => {
    const cases: [string, string, Record<string, string | Buffer>, string, RegExp][] = [
      [
        'missing',
        '  archive: basemap.pmtiles\n  kind: protomaps',
        {},
        'archive',
        /field "basemap.archive": stories\/missing\/basemap.pmtiles does not exist: put the archive in the story folder \(npm run basemap:extract -- .* --out stories\/missing\/basemap.pmtiles\)/,
      ],
      [
        'not-pmtiles',
        '  archive: basemap.pmtiles\n  kind: protomaps',
        { 'basemap.pmtiles': 'not an archive' },
        'archive',
        /field "basemap.archive": stories\/not-pmtiles\/basemap.pmtiles cannot be the story's basemap: it is not a PMTiles archive/,
      ],
      [
        'embedded-as-osm',
        '  archive: basemap.pmtiles\n  kind: protomaps',
        { 'basemap.pmtiles': readFileSync(EMBEDDED_ARCHIVE) },
        'kind',
        /field "basemap.kind": stories\/embedded-as-osm\/basemap.pmtiles is not a protomaps basemap: a protomaps basemap has the layers earth, water, roads, places; this archive lacks roads/,
      ],
      [
        'osm-as-embedded',
        '  archive: basemap.pmtiles\n  kind: embedded',
        { 'basemap.pmtiles': readFileSync(FIXTURE) },
        'kind',
        /field "basemap.kind": .* is not a embedded basemap: it has the layers of a Protomaps basemap \(roads, buildings, landuse, pois\): write kind: protomaps/,
      ],
      [
        'no-kind',
        '  archive: basemap.pmtiles',
        { 'basemap.pmtiles': readFileSync(FIXTURE) },
        'archive',
        /field "basemap.kind": is required with an archive: what stories\/no-kind\/basemap.pmtiles holds, embedded or protomaps/,
      ],
      [
        'no-archive',
        '  kind: protomaps',
        {},
        'kind',
        /field "basemap.kind": a protomaps basemap needs its archive/,
      ],
      [
        'outside',
        '  archive: ../basemap.pmtiles\n  kind: protomaps',
        {},
        'archive',
        /field "basemap.archive": must be the name of a PMTiles file in the story folder, such as basemap.pmtiles/,
      ],
      [
        'other-kind',
        '  archive: basemap.pmtiles\n  kind: openmaptiles',
        {},
        'kind',
        /field "basemap.kind": Invalid option: expected one of "embedded"\|"protomaps"/,
      ],
    ];
    for (const [name, basemap, put, field, message] of cases) {
      const dir = storyWith(name, basemap, put);
      const found = problemsOf(dir);
      expect(found, name).toHaveLength(1);
      expect(found[0], name).toMatch(message);
      expect(found[0], name).toMatch(new RegExp(`^stories/${name}/story.yaml:${lineOf(dir, field)}: `));
    }
  });
});

describe('the build follows the story’s archive', () => {
  it('the coverage check reads the story’s archive: the canal story has no data in a Chongqing extract', async () => {
    const dir = storyWith('coverage', '  archive: basemap.pmtiles\n  kind: protomaps', {
      'basemap.pmtiles': readFileSync(FIXTURE),
    });
    const out = await validateStory(dir);
    expect(out).toMatch(/^The story has 4 problems:/);
    expect(out).toMatch(
      /chapter "south", field "camera": chapter "south" at zoom 6 shows an area the basemap has no data for/,
    );
    // the fixture's tiles around Chongqing, not the embedded archive's (which covers the canal)
    expect(out).toMatch(
      /at zoom 6 the basemap has data only within 101\.25° E – 112\.50° E, 27\.06° N – 31\.95° N/,
    );
    expect(await validateStory(storyWith('coverage-plain', undefined))).toBe('');
  }, 60_000);

  const hooks = (p: Plugin, base = '/', ssr = false) => {
    (p.configResolved as (c: unknown) => void)({ base, build: { ssr } });
    return p;
  };

  it('copies the story’s archive into the site under the one name the app loads; the embedded one stays as Vite copied it', () => {
    const dir = storyWith('site', '  archive: city.pmtiles\n  kind: protomaps', {
      'city.pmtiles': readFileSync(FIXTURE),
    });
    const out = join(tmp, 'site-dist');
    mkdirSync(out);
    copyFileSync(EMBEDDED_ARCHIVE, join(out, ARCHIVE_FILE)); // what Vite copies from static/
    const write = (p: Plugin) => (p.writeBundle as (o: { dir: string }) => void).call({}, { dir: out });
    write(hooks(basemapPlugin({ storyDir: dir }), '/', true));
    expect(same(join(out, ARCHIVE_FILE), EMBEDDED_ARCHIVE)).toBe(true); // not in the server build
    write(hooks(basemapPlugin({ storyDir: dir })));
    expect(same(join(out, ARCHIVE_FILE), FIXTURE)).toBe(true);
    // the offline copy (service worker) keeps the site's archive, whole
    expect(precacheList(out, '/grand-canal/').map((e: { url: string }) => e.url)).toContain(
      `/grand-canal/${ARCHIVE_FILE}`,
    );
    const plain = join(tmp, 'plain-dist');
    mkdirSync(plain);
    copyFileSync(EMBEDDED_ARCHIVE, join(plain, ARCHIVE_FILE));
    (
      hooks(basemapPlugin({ storyDir: storyWith('site-plain', undefined) })).writeBundle as (o: {
        dir: string;
      }) => void
    ).call({}, { dir: plain });
    expect(same(join(plain, ARCHIVE_FILE), EMBEDDED_ARCHIVE)).toBe(true);
  });

  it('the map’s coverage data is the story’s archive’s', async () => {
    const dir = storyWith('virtual', '  archive: city.pmtiles\n  kind: protomaps', {
      'city.pmtiles': readFileSync(FIXTURE),
    });
    const p = basemapPlugin({ storyDir: dir });
    const id = (p.resolveId as (id: string) => string)('virtual:basemap-coverage');
    const code = await (p.load as (this: unknown, id: string) => Promise<string>).call(
      { addWatchFile() {} },
      id,
    );
    const coverage = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
    expect(coverage.maxZoom).toBe(FIXTURE_MAXZOOM);
    expect(coverage.rects[FIXTURE_MAXZOOM].length).toBeGreaterThan(0);
  });

  it('the dev server serves the story’s archive under the site’s name, in byte ranges', async () => {
    const dir = storyWith('dev', '  archive: city.pmtiles\n  kind: protomaps', {
      'city.pmtiles': readFileSync(FIXTURE),
    });
    const middlewares: ((req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void)[] =
      [];
    const p = hooks(basemapPlugin({ storyDir: dir }), '/canal/');
    (p.configureServer as (s: unknown) => void)({
      middlewares: { use: (m: (typeof middlewares)[0]) => middlewares.push(m) },
    });
    const server = http.createServer((req, res) =>
      middlewares[0]!(req, res, () => res.writeHead(404).end('next')),
    );
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const bytes = readFileSync(FIXTURE);
      const part = await fetch(`${at}/canal/${ARCHIVE_FILE}`, { headers: { Range: 'bytes=0-126' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 0-126/${bytes.length}`);
      expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(0, 127));
      const whole = await fetch(`${at}/canal/${ARCHIVE_FILE}`);
      expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
      expect((await fetch(`${at}/canal/other.js`)).status).toBe(404); // left to Vite
      expect(sendArchive).toBeTypeOf('function');
    } finally {
      server.close();
    }
  });
});
