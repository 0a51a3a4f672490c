// Reads a PMTiles archive from disk with the npm `pmtiles` reader (the same code MapLibre's
// protocol uses) and decodes its vector tiles. Used by the font stage and the unit tests.
import { openSync, readSync, closeSync, fstatSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PMTiles } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader as Protobuf } from 'pbf';
import { COVERAGE } from './config.mjs';
import { tilesAtZoom } from './tiles.mjs';

/** pmtiles `Source` reading byte ranges of a local file. */
export class FileRangeSource {
  constructor(path) {
    this.path = path;
    this.fd = openSync(path, 'r');
    this.size = fstatSync(this.fd).size;
  }
  getKey() {
    return this.path;
  }
  async getBytes(offset, length) {
    const n = Math.max(0, Math.min(length, this.size - offset));
    const buf = Buffer.alloc(n);
    readSync(this.fd, buf, 0, n, offset);
    return { data: buf.buffer.slice(buf.byteOffset, buf.byteOffset + n) };
  }
  close() {
    closeSync(this.fd);
  }
}

/** Node-side decompression for the reader (it defaults to the browser's DecompressionStream). */
export async function nodeDecompress(buf, compression) {
  if (compression === 1 || compression === 0) return buf;
  if (compression === 2) {
    const out = gunzipSync(Buffer.from(buf));
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
  }
  throw new Error(`compression ${compression} not supported here`);
}

/** Opens an archive on disk. */
export function openArchive(path) {
  const source = new FileRangeSource(path);
  const pm = new PMTiles(source, undefined, nodeDecompress);
  return { pm, close: () => source.close() };
}

/** Decoded vector tile at z/x/y, or undefined. */
export async function readVectorTile(pm, z, x, y) {
  const r = await pm.getZxy(z, x, y);
  if (!r) return undefined;
  // the reader has already decompressed the tile (with nodeDecompress)
  return new VectorTile(new Protobuf(new Uint8Array(r.data)));
}

/** GeoJSON features (lon/lat) of one layer of one tile. */
export function layerFeatures(tile, layer, z, x, y) {
  const l = tile?.layers[layer];
  if (!l) return [];
  const out = [];
  for (let i = 0; i < l.length; i++) out.push(l.feature(i).toGeoJSON(x, y, z));
  return out;
}

/** All label strings (name, name:en, name:zh, …) in the tiles of zooms 0..maxZoom. */
export async function readArchiveLabels(path, maxZoom = 7) {
  const { pm, close } = openArchive(path);
  const labels = new Set();
  try {
    for (let z = 0; z <= maxZoom; z++) {
      for (const [x, y] of tilesAtZoom(COVERAGE, z)) {
        const t = await readVectorTile(pm, z, x, y);
        if (!t) continue;
        for (const name of Object.keys(t.layers)) {
          const l = t.layers[name];
          for (let i = 0; i < l.length; i++) {
            for (const [k, v] of Object.entries(l.feature(i).properties)) {
              if ((k === 'name' || k.startsWith('name:')) && typeof v === 'string') labels.add(v);
            }
          }
        }
      }
    }
  } finally {
    close();
  }
  return [...labels].sort();
}
