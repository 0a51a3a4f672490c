// `npm run basemap:extract`: copying the tiles in a box from a PMTiles archive served over HTTP
// Range requests (a local server: the embedded archive and the Protomaps-schema fixture), with
// the network failing on purpose. Small boxes: a few dozen tiles each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PMTiles, tileIdToZxy, type Entry, type Header } from 'pmtiles';
import { openArchive } from '../../../geo/lib/archive-read.mjs';
import { ExtractError, extractArchive, parseBbox } from '../../../geo/lib/archive-extract.mjs';
import { tileRange } from '../../../src/lib/map/mercator.js';
import { storyBox } from '../../../src/build/basemap/story-box';
import { EMBEDDED_ARCHIVE } from '../../../src/lib/basemap-archive.js';
import { FIXTURE_CENTRE_AREA, writeProtomapsFixture } from './protomaps-fixture';

const tmp = mkdtempSync(join(tmpdir(), 'extract-'));
const files: Record<string, string> = {
  '/basemap.pmtiles': resolve(EMBEDDED_ARCHIVE),
  '/protomaps.pmtiles': join(tmp, 'protomaps.pmtiles'),
  '/not-an-archive.pmtiles': resolve('package.json'),
};
/** How the server misbehaves: drop the connection half-way through tile reads (`once` or `always`), ignore ranges. */
let trouble: 'none' | 'drop-once' | 'drop-always' | 'short' | 'no-ranges' = 'none';
let dropped = 0;
let server: http.Server;
let origin = '';
const fast = { retries: 3, retryDelayMs: 5 };

beforeAll(async () => {
  writeProtomapsFixture(files['/protomaps.pmtiles']!);
  server = http.createServer((req, res) => {
    const file = files[req.url ?? ''];
    if (!file) return res.writeHead(404, 'Not Found').end();
    const size = statSync(file).size;
    const m = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
    if (!m || trouble === 'no-ranges') {
      res.writeHead(200, { 'Content-Length': size, ETag: '"v1"' });
      return createReadStream(file).pipe(res);
    }
    const start = Number(m[1]);
    const end = Math.min(Number(m[2]), size - 1);
    if (trouble === 'short' && start > 0) {
      // A proxy that ends the answer early but cleanly: half the range, said to be the whole.
      const half = Math.ceil((end - start + 1) / 2);
      res.writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': half });
      return createReadStream(file, { start, end: start + half - 1 }).pipe(res);
    }
    res.writeHead(206, {
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Content-Length': end - start + 1,
      ETag: '"v1"',
    });
    // Every read after the first (header and root directory): the metadata, leaves, tile data.
    const drop = start > 0 && (trouble === 'drop-always' || (trouble === 'drop-once' && dropped === 0));
    if (drop) {
      dropped++;
      const half = readFileSync(file).subarray(start, start + Math.ceil((end - start + 1) / 2));
      res.write(half, () => res.socket?.destroy());
      return;
    }
    createReadStream(file, { start, end }).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** Every tile id of an archive on disk, with its bytes where `bytes` says (all by default). */
async function tilesOf(
  path: string,
  bytes: (id: number) => boolean = () => true,
): Promise<{ header: Header; tiles: Map<number, Uint8Array | undefined> }> {
  const { pm, close } = openArchive(path) as { pm: PMTiles; close: () => void };
  try {
    const header = await pm.getHeader();
    const tiles = new Map<number, Uint8Array | undefined>();
    const walk = async (offset: number, length: number) => {
      const entries: Entry[] = await pm.cache.getDirectory(pm.source, offset, length, header);
      for (const e of entries) {
        if (e.runLength === 0) await walk(header.leafDirectoryOffset + e.offset, e.length);
        else
          for (let k = 0; k < e.runLength; k++) {
            const id = e.tileId + k;
            if (!bytes(id)) tiles.set(id, undefined);
            else
              tiles.set(
                id,
                new Uint8Array((await pm.source.getBytes(header.tileDataOffset + e.offset, e.length)).data),
              );
          }
      }
    };
    await walk(header.rootDirectoryOffset, header.rootDirectoryLength);
    return { header, tiles };
  } finally {
    close();
  }
}

const inBox = (id: number, bbox: number[]) => {
  const [z, x, y] = tileIdToZxy(id);
  const r = tileRange(bbox, z);
  return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;
};

describe('basemap:extract over HTTP Range requests', () => {
  it('copies exactly the tiles of the embedded archive inside the box, byte for byte, readable by pmtiles', async () => {
    trouble = 'none';
    const bbox: [number, number, number, number] = [106.45, 29.45, 106.7, 29.65];
    const out = join(tmp, 'embedded-box.pmtiles');
    const r = await extractArchive({
      from: `${origin}/basemap.pmtiles`,
      bbox,
      maxzoom: 10,
      out,
      network: fast,
    });
    const wanted = (id: number) => tileIdToZxy(id)[0] <= 10 && inBox(id, bbox);
    const source = await tilesOf(resolve(EMBEDDED_ARCHIVE), wanted);
    const copy = await tilesOf(out);
    const expected = [...source.tiles.keys()].filter(wanted);
    expect([...copy.tiles.keys()].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
    for (const id of expected) expect(copy.tiles.get(id)).toEqual(source.tiles.get(id));
    expect(expected.length).toBeGreaterThan(5);
    expect(expected.length).toBeLessThan(60);
    // The header says what changed; the metadata is the source's.
    expect(copy.header).toMatchObject({ maxZoom: 10, minZoom: 0, tileType: source.header.tileType });
    expect([copy.header.minLon, copy.header.minLat, copy.header.maxLon, copy.header.maxLat]).toEqual(bbox);
    expect(r).toMatchObject({ tiles: expected.length, maxZoom: 10, size: statSync(out).size });
    expect(r.changes.join('; ')).toMatch(
      /bounds: -180,-85,180,85 → 106.45,29.45,106.7,29.65; max zoom: 11 → 10/,
    );
    const { pm, close } = openArchive(out) as { pm: PMTiles; close: () => void };
    const meta = (await pm.getMetadata()) as { attribution: string; vector_layers: { id: string }[] };
    close();
    expect(meta.attribution).toMatch(/GSHHG/);
    expect(meta.vector_layers.map((l) => l.id).sort()).toEqual(['boundaries', 'earth', 'places', 'water']);
  }, 30_000);

  it('copies the Protomaps-schema fixture: its metadata kept, the layers’ max zoom clipped', async () => {
    trouble = 'none';
    const out = join(tmp, 'protomaps-box.pmtiles');
    const bbox = FIXTURE_CENTRE_AREA;
    await extractArchive({ from: `${origin}/protomaps.pmtiles`, bbox, maxzoom: 13, out, network: fast });
    const copy = await tilesOf(out);
    expect(copy.header.maxZoom).toBe(13);
    expect([...copy.tiles.keys()].every((id) => inBox(id, bbox))).toBe(true);
    expect(Math.max(...[...copy.tiles.keys()].map((id) => tileIdToZxy(id)[0]))).toBe(13);
    const { pm, close } = openArchive(out) as { pm: PMTiles; close: () => void };
    const meta = (await pm.getMetadata()) as {
      attribution: string;
      vector_layers: { id: string; maxzoom: number }[];
    };
    close();
    expect(meta.attribution).toMatch(/OpenStreetMap/);
    expect(meta.vector_layers.map((l) => l.id)).toEqual(
      expect.arrayContaining(['earth', 'landuse', 'roads', 'buildings', 'places', 'pois']),
    );
    expect(meta.vector_layers.every((l) => l.maxzoom === 13)).toBe(true);
  });

  it('a connection dropped once is read again, and the copy completes', async () => {
    trouble = 'drop-once';
    dropped = 0;
    const out = join(tmp, 'resumed.pmtiles');
    const log: string[] = [];
    await extractArchive({
      from: `${origin}/protomaps.pmtiles`,
      bbox: FIXTURE_CENTRE_AREA,
      maxzoom: 12,
      out,
      network: fast,
      log: (s) => log.push(s),
    });
    expect(dropped).toBe(1);
    expect(log.join('\n')).toMatch(/network error .*trying again/);
    expect((await tilesOf(out)).tiles.size).toBeGreaterThan(0);
  });

  it('a transfer the server keeps interrupting stops with one message and leaves no file (a previous one as it was)', async () => {
    trouble = 'drop-always';
    const dir = mkdtempSync(join(tmp, 'dropped-'));
    const out = join(dir, 'basemap.pmtiles');
    const fresh = extractArchive({
      from: `${origin}/protomaps.pmtiles`,
      bbox: FIXTURE_CENTRE_AREA,
      maxzoom: 12,
      out,
      network: fast,
    });
    await expect(fresh).rejects.toThrow(ExtractError);
    await expect(fresh).rejects.toThrow(/network failed .*tried 4 times.*Nothing was written/);
    expect(readdirSync(dir)).toEqual([]);
    writeFileSync(out, 'the previous archive');
    await expect(
      extractArchive({
        from: `${origin}/protomaps.pmtiles`,
        bbox: FIXTURE_CENTRE_AREA,
        maxzoom: 12,
        out,
        network: fast,
      }),
    ).rejects.toThrow(ExtractError);
    expect(readdirSync(dir)).toEqual(['basemap.pmtiles']);
    expect(readFileSync(out, 'utf8')).toBe('the previous archive');
    // Answers cut short but closed cleanly are not taken for the bytes asked for.
    trouble = 'short';
    await expect(
      extractArchive({
        from: `${origin}/protomaps.pmtiles`,
        bbox: FIXTURE_CENTRE_AREA,
        maxzoom: 12,
        out,
        network: fast,
      }),
    ).rejects.toThrow(/network failed .*\d+ of \d+ bytes received; tried 4 times/);
    expect(readFileSync(out, 'utf8')).toBe('the previous archive');
  });

  it('a bad address, a file that is no archive, a server without ranges: one clear message each', async () => {
    trouble = 'none';
    const run = (from: string, bbox: [number, number, number, number] = FIXTURE_CENTRE_AREA, maxzoom = 12) =>
      extractArchive({ from, bbox, maxzoom, out: join(tmp, 'bad.pmtiles'), network: fast });
    await expect(run(`${origin}/missing.pmtiles`)).rejects.toThrow(
      `${origin}/missing.pmtiles: HTTP 404 Not Found`,
    );
    await expect(run(`${origin}/not-an-archive.pmtiles`)).rejects.toThrow(/is not a PMTiles v3 archive/);
    await expect(run('ftp://example.org/a.pmtiles')).rejects.toThrow(/only http\(s\) URLs and local files/);
    await expect(run('no/such/file.pmtiles')).rejects.toThrow('--from no/such/file.pmtiles: no such file');
    await expect(run(`${origin}/protomaps.pmtiles`, [0, 0, 1, 1])).rejects.toThrow(
      /lies outside the archive/,
    );
    const closed = http.createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((ok) => closed.close(ok));
    await expect(run(`http://127.0.0.1:${port}/x.pmtiles`)).rejects.toThrow(
      /cannot reach .*connection was refused/,
    );
    trouble = 'no-ranges';
    await expect(run(`${origin}/protomaps.pmtiles`)).rejects.toThrow(/does not serve byte ranges/);
    trouble = 'none';
    expect(readdirSync(tmp).filter((f) => f.startsWith('bad') || f.includes('.partial'))).toEqual([]);
  });

  it('checks the box and the zoom before reading anything', async () => {
    expect(parseBbox('106.4, 29.4, 106.8, 29.7')).toEqual([106.4, 29.4, 106.8, 29.7]);
    expect(() => parseBbox('106.4,29.4,106.8')).toThrow(/expected four numbers west,south,east,north/);
    expect(() => parseBbox('a,b,c,d')).toThrow(/expected four numbers/);
    expect(() => parseBbox('106.8,29.4,106.4,29.7')).toThrow(/west less than east/);
    expect(() => parseBbox('106.4,29.7,106.8,29.4')).toThrow(/south less than north/);
    expect(() => parseBbox('100,-90,110,10')).toThrow(/latitudes from -85 to 85/);
    const out = join(tmp, 'x.pmtiles');
    await expect(
      extractArchive({ from: EMBEDDED_ARCHIVE, bbox: [1, 1, 2, 2], maxzoom: 30, out }),
    ).rejects.toThrow('--maxzoom 30: expected a whole number from 0 to 24');
    await expect(
      extractArchive({ from: EMBEDDED_ARCHIVE, bbox: [1, 1, 2, 2], maxzoom: 3, out: join(tmp, 'x.mbtiles') }),
    ).rejects.toThrow(/must end in .pmtiles/);
    await expect(
      extractArchive({ from: EMBEDDED_ARCHIVE, bbox: [-180, -85, 180, 85], maxzoom: 11, out }),
    ).rejects.toThrow(/holds [\d,]{9} tiles up to zoom 11, more than 1,000,000/);
  });
});

describe('the box of a story', () => {
  it('holds every chapter’s view at the reference screens, plus a margin', () => {
    const { bbox, chapters } = storyBox('tests/fixtures/grand-canal');
    expect(chapters.length).toBe(4);
    for (const c of chapters) {
      expect(bbox[0]).toBeLessThan(c.bbox[0]);
      expect(bbox[1]).toBeLessThan(c.bbox[1]);
      expect(bbox[3]).toBeGreaterThan(c.bbox[3]);
    }
    // The widest chapter's view reaches past 180° E on the widest screen, where the map shows the
    // far side of the world: the box spans every longitude.
    expect(Math.max(...chapters.map((c) => c.bbox[2]))).toBeGreaterThan(180);
    expect([bbox[0], bbox[2]]).toEqual([-180, 180]);
  });
});

describe('the command line', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['scripts/basemap-extract.mjs', ...args], { encoding: 'utf8' });
  it('says what is wrong in one line, without a stack trace, and writes nothing', () => {
    const out = join(tmp, 'cli.pmtiles');
    for (const [args, message] of [
      [
        ['--from', EMBEDDED_ARCHIVE, '--bbox', '1,2,3', '--maxzoom', '3', '--out', out],
        /--bbox 1,2,3: expected four numbers/,
      ],
      [
        ['--from', 'nope.pmtiles', '--bbox', '1,2,3,4', '--maxzoom', '3', '--out', out],
        /--from nope.pmtiles: no such file/,
      ],
      [
        ['--from', EMBEDDED_ARCHIVE, '--bbox', '1,2,3,4', '--maxzoom', 'x', '--out', out],
        /--maxzoom x: expected a whole number/,
      ],
      [['--from', EMBEDDED_ARCHIVE, '--bbox', '1,2,3,4', '--out', out], /--maxzoom is missing/],
    ] as const) {
      const r = cli(...args);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')[0]).toMatch(/^basemap:extract: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(tmp)).not.toContain('cli.pmtiles');
  });
  it('copies a box from a file and prints the size', () => {
    const out = join(tmp, 'cli.pmtiles');
    const r = cli(
      '--from',
      EMBEDDED_ARCHIVE,
      '--bbox',
      '106.5,29.5,106.6,29.6',
      '--maxzoom',
      '9',
      '--out',
      out,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`wrote .*cli\\.pmtiles: 0\\.\\d\\d MB, \\d+ tiles, zoom 0–9`));
    expect(statSync(out).size).toBeGreaterThan(1000);
  });
});
