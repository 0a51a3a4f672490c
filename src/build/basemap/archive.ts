// Build time (Node): what the basemap archive says about itself. Its header is the one source of
// the basemap's zoom range; its directories say which tiles exist at each zoom.
import { closeSync, openSync, readSync } from 'node:fs';
import { bytesToHeader, tileIdToZxy, type Entry, type Header } from 'pmtiles';
import { openArchive } from '../../../geo/lib/archive-read.mjs';
import type { BasemapCoverage, TileRect } from '../../lib/map/coverage';

const HEADER_BYTES = 127;

/** The archive's PMTiles v3 header, read synchronously (127 bytes). Throws naming the file when it is not one. */
export function readBasemapHeader(path: string): Header {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEADER_BYTES);
    const n = readSync(fd, buf, 0, HEADER_BYTES, 0);
    if (n < HEADER_BYTES || buf.toString('latin1', 0, 7) !== 'PMTiles')
      throw new Error(`${path}: not a PMTiles archive (no PMTiles header)`);
    return bytesToHeader(buf.buffer.slice(buf.byteOffset, buf.byteOffset + n));
  } finally {
    closeSync(fd);
  }
}

/** The closest zoom the basemap has data for (its header's maxZoom); chapters may not go closer. */
export function basemapMaxZoom(path: string): number {
  return readBasemapHeader(path).maxZoom;
}

/** Every tile id in the archive, from its root and leaf directories. */
async function tileIds(path: string): Promise<{ header: Header; ids: number[] }> {
  const { pm, close } = openArchive(path);
  try {
    const header = await pm.getHeader();
    const ids: number[] = [];
    const walk = async (offset: number, length: number) => {
      const entries: Entry[] = await pm.cache.getDirectory(pm.source, offset, length, header);
      for (const e of entries) {
        if (e.runLength === 0) await walk(header.leafDirectoryOffset + e.offset, e.length);
        else for (let k = 0; k < e.runLength; k++) ids.push(e.tileId + k);
      }
    };
    await walk(header.rootDirectoryOffset, header.rootDirectoryLength);
    return { header, ids };
  } finally {
    close();
  }
}

/**
 * Disjoint rectangles covering exactly the given tiles of one zoom: runs of x in each row, and
 * runs equal from one row to the next joined.
 */
export function tileRects(tiles: readonly (readonly [number, number])[]): TileRect[] {
  const rows = new Map<number, number[]>();
  for (const [x, y] of tiles) (rows.get(y) ?? rows.set(y, []).get(y)!).push(x);
  const open = new Map<string, TileRect>();
  const done: TileRect[] = [];
  for (const y of [...rows.keys()].sort((a, b) => a - b)) {
    const xs = [...new Set(rows.get(y))].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const x of xs) {
      const last = runs.at(-1);
      if (last && x === last[1] + 1) last[1] = x;
      else runs.push([x, x]);
    }
    const next = new Map<string, TileRect>();
    for (const [a, b] of runs) {
      const key = `${a},${b}`;
      const r = open.get(key);
      if (r && r[3] === y - 1) {
        r[3] = y;
        open.delete(key);
        next.set(key, r);
      } else next.set(key, [a, y, b, y]);
    }
    done.push(...open.values());
    open.clear();
    for (const [k, r] of next) open.set(k, r);
  }
  done.push(...open.values());
  return done.sort((p, q) => p[1] - q[1] || p[0] - q[0]);
}

/** Which tiles the archive holds at each zoom, as rectangles (from its directories). */
export async function readBasemapCoverage(path: string): Promise<BasemapCoverage> {
  const { header, ids } = await tileIds(path);
  const byZoom: [number, number][][] = [];
  for (const id of ids) {
    const [z, x, y] = tileIdToZxy(id);
    (byZoom[z] ??= []).push([x, y]);
  }
  const rects: TileRect[][] = [];
  for (let z = 0; z <= header.maxZoom; z++) rects.push(tileRects(byZoom[z] ?? []));
  return { minZoom: header.minZoom, maxZoom: header.maxZoom, rects };
}
