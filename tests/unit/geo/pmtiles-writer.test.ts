// Round trip of our PMTiles v3 writer through the npm `pmtiles` reader.
import { describe, expect, it } from 'vitest';
import { PMTiles, zxyToTileId } from 'pmtiles';
import { gzipSync } from 'node:zlib';
import {
  writePmtiles,
  serializeDirectory,
  writeVarint,
  Compression,
  TileType,
  HEADER_BYTES,
} from '../../../geo/lib/pmtiles-writer.mjs';
import { nodeDecompress } from '../../../geo/lib/archive-read.mjs';
import { BytesSource } from './protomaps-fixture';

const open = (bytes: Uint8Array) => new PMTiles(new BytesSource(bytes), undefined, nodeDecompress);
const text = (buf: ArrayBuffer | undefined) => (buf ? new TextDecoder().decode(buf) : undefined);

function tilesUpTo(maxZ: number, content: (z: number, x: number, y: number) => string) {
  const tiles = [];
  for (let z = 0; z <= maxZ; z++)
    for (let x = 0; x < 2 ** z; x++)
      for (let y = 0; y < 2 ** z; y++)
        tiles.push({ z, x, y, data: new TextEncoder().encode(content(z, x, y)) });
  return tiles;
}

describe('varints and directories', () => {
  it('encodes LEB128 varints', () => {
    const out: number[] = [];
    writeVarint(out, 0);
    writeVarint(out, 127);
    writeVarint(out, 128);
    writeVarint(out, 300);
    writeVarint(out, 2 ** 40);
    expect(out.slice(0, 6)).toEqual([0, 127, 0x80, 1, 0xac, 2]);
    expect(out.length).toBe(6 + 6);
  });
  it('serializes offsets as 0 when contiguous', () => {
    const d = serializeDirectory([
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 1, offset: 10, length: 5, runLength: 2 },
      { tileId: 5, offset: 0, length: 10, runLength: 1 },
    ]);
    // count, deltas (0,1,4), runs (1,2,1), lengths (10,5,10), offsets (1, 0, 1)
    expect([...d]).toEqual([3, 0, 1, 4, 1, 2, 1, 10, 5, 10, 1, 0, 1]);
  });
});

describe('PMTiles writer → pmtiles reader', () => {
  it('round-trips header, metadata and every tile (root directory only)', async () => {
    const tiles = tilesUpTo(4, (z, x, y) => `tile ${z}/${x}/${y}`);
    const metadata = { name: 'test', vector_layers: [{ id: 'earth', fields: {} }] };
    const bytes = writePmtiles({
      tiles,
      metadata,
      tileCompression: Compression.None,
      tileType: TileType.Mvt,
      bounds: [100, 20, 120, 40],
      center: [110, 30, 3],
    });
    const pm = open(bytes);
    const h = await pm.getHeader();
    expect(h.specVersion).toBe(3);
    expect(h.rootDirectoryOffset).toBe(HEADER_BYTES);
    expect(h.leafDirectoryLength).toBe(0);
    expect(h.minZoom).toBe(0);
    expect(h.maxZoom).toBe(4);
    expect(h.numAddressedTiles).toBe(tiles.length);
    expect(h.numTileContents).toBe(tiles.length);
    expect(h.clustered).toBe(true);
    expect(h.tileType).toBe(TileType.Mvt);
    expect(h.internalCompression).toBe(Compression.Gzip);
    expect(h.minLon).toBeCloseTo(100, 6);
    expect(h.maxLat).toBeCloseTo(40, 6);
    expect(h.centerZoom).toBe(3);
    expect(h.centerLon).toBeCloseTo(110, 6);
    expect(await pm.getMetadata()).toEqual(metadata);
    for (const t of tiles)
      expect(text((await pm.getZxy(t.z, t.x, t.y))?.data)).toBe(`tile ${t.z}/${t.x}/${t.y}`);
    expect(await pm.getZxy(5, 0, 0)).toBeUndefined();
  });

  it('deduplicates identical tiles and writes runs', async () => {
    const tiles = tilesUpTo(3, (z) => (z === 3 ? 'same' : `z${z}`));
    const bytes = writePmtiles({ tiles, metadata: {}, tileCompression: Compression.None });
    const pm = open(bytes);
    const h = await pm.getHeader();
    expect(h.numTileContents).toBe(4); // z0, z1, z2, and one shared z3 tile
    expect(h.numTileEntries).toBeLessThan(tiles.length);
    for (const t of tiles)
      expect(text((await pm.getZxy(t.z, t.x, t.y))?.data)).toBe(t.z === 3 ? 'same' : `z${t.z}`);
  });

  it('uses leaf directories when the root directory would be too large', async () => {
    // 1,365 distinct tiles z0–5, uncompressed directories, a root limit far below their size
    const tiles = tilesUpTo(5, (z, x, y) => `${z}-${x}-${y}`);
    const bytes = writePmtiles({
      tiles,
      metadata: { leaves: true },
      tileCompression: Compression.None,
      internalCompression: Compression.None,
      rootLimit: 256,
      leafSize: 100,
    });
    const pm = open(bytes);
    const h = await pm.getHeader();
    expect(h.internalCompression).toBe(Compression.None);
    expect(h.leafDirectoryLength).toBeGreaterThan(0);
    expect(h.rootDirectoryLength).toBeLessThanOrEqual(256);
    expect(h.tileDataOffset).toBe(h.leafDirectoryOffset + (h.leafDirectoryLength ?? 0));
    for (const t of tiles) expect(text((await pm.getZxy(t.z, t.x, t.y))?.data)).toBe(`${t.z}-${t.x}-${t.y}`);
  }, 30_000);

  it('leaves gzip-compressed tile bytes for the reader to decompress', async () => {
    const tiles = [{ z: 0, x: 0, y: 0, data: new Uint8Array(gzipSync('hello')) }];
    const pm = open(writePmtiles({ tiles, metadata: {}, tileCompression: Compression.Gzip }));
    expect((await pm.getHeader()).tileCompression).toBe(Compression.Gzip);
    expect(text((await pm.getZxy(0, 0, 0))?.data)).toBe('hello');
  });

  it('orders tile data by Hilbert tile id (clustered)', () => {
    expect(zxyToTileId(1, 0, 0)).toBe(1);
    expect(() => writePmtiles({ tiles: [], metadata: {} })).toThrow();
    const dup = [
      { z: 0, x: 0, y: 0, data: new Uint8Array([1]) },
      { z: 0, x: 0, y: 0, data: new Uint8Array([2]) },
    ];
    expect(() => writePmtiles({ tiles: dup, metadata: {} })).toThrow(/duplicate/);
  });
});
