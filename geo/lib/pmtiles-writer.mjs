// A small PMTiles v3 writer (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md).
// The npm `pmtiles` package only reads; this writes what it reads:
//   header (127 bytes) | root directory | JSON metadata | leaf directories | tile data
// Directories are varint-encoded and gzip-compressed; leaf directories are used when the root
// directory would not fit in the first 16 KiB. Identical tiles are stored once and consecutive
// tile ids with the same content become runs. Output is a pure function of the input: no clock,
// and gzip is run with fixed settings (zlib writes mtime 0).
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { zxyToTileId } from 'pmtiles';

export const HEADER_BYTES = 127;
/** The spec asks that header + root directory fit in the first 16,384 bytes. */
export const ROOT_LIMIT = 16384 - HEADER_BYTES;

export const Compression = { Unknown: 0, None: 1, Gzip: 2, Brotli: 3, Zstd: 4 };
export const TileType = { Unknown: 0, Mvt: 1, Png: 2, Jpeg: 3, Webp: 4, Avif: 5 };

const gzip = (buf) => gzipSync(buf, { level: 9, memLevel: 9, strategy: 0 });

/** Appends `n` (a non-negative integer up to 2^53) as an unsigned LEB128 varint. */
export function writeVarint(out, n) {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`varint out of range: ${n}`);
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

/**
 * Serializes directory entries ({tileId, offset, length, runLength}, sorted by tileId) as the spec
 * says: count, tile-id deltas, run lengths, lengths, offsets (0 = "right after the previous").
 * @param {{tileId:number, offset:number, length:number, runLength:number}[]} entries
 * @returns {Uint8Array} uncompressed bytes
 */
export function serializeDirectory(entries) {
  const out = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (i > 0 && e.offset === prev.offset + prev.length) writeVarint(out, 0);
    else writeVarint(out, e.offset + 1);
  });
  return Uint8Array.from(out);
}

function compress(bytes, internalCompression) {
  if (internalCompression === Compression.Gzip) return new Uint8Array(gzip(bytes));
  if (internalCompression === Compression.None) return bytes;
  throw new Error(`unsupported internal compression ${internalCompression}`);
}

/**
 * Builds root and leaf directories. If all entries fit in the root, there are no leaves; otherwise
 * entries are cut into leaves of `leafSize` entries (growing until the root fits).
 * @returns {{ root: Uint8Array, leaves: Uint8Array, numLeaves: number }}
 */
export function buildDirectories(entries, internalCompression, rootLimit = ROOT_LIMIT, minLeafSize = 4096) {
  const root = compress(serializeDirectory(entries), internalCompression);
  if (root.length <= rootLimit) return { root, leaves: new Uint8Array(0), numLeaves: 0 };
  let leafSize = Math.max(minLeafSize, Math.ceil(entries.length / 3000));
  for (;;) {
    const rootEntries = [];
    const parts = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = compress(serializeDirectory(entries.slice(i, i + leafSize)), internalCompression);
      rootEntries.push({ tileId: entries[i].tileId, offset, length: leaf.length, runLength: 0 });
      parts.push(leaf);
      offset += leaf.length;
    }
    const r = compress(serializeDirectory(rootEntries), internalCompression);
    if (r.length <= rootLimit) return { root: r, leaves: concat(parts), numLeaves: parts.length };
    leafSize = Math.ceil(leafSize * 1.2);
  }
}

export function concat(parts) {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/**
 * @typedef {Object} WriteOptions
 * @property {{z:number,x:number,y:number,data:Uint8Array}[]} tiles tile bytes as they are to be
 *   stored (already compressed with `tileCompression`)
 * @property {Record<string, unknown>} metadata JSON metadata (TileJSON-like: vector_layers, …)
 * @property {number} [tileType] default Mvt
 * @property {number} [tileCompression] how the tile bytes are compressed; default Gzip
 * @property {number} [internalCompression] directories and metadata; default Gzip
 * @property {[number,number,number,number]} [bounds] [w,s,e,n]; default whole world
 * @property {[number,number,number]} [center] [lon,lat,zoom]
 * @property {number} [rootLimit] max compressed root directory bytes (tests lower it)
 * @property {number} [leafSize] minimum entries per leaf directory (default 4096; tests lower it)
 */

/**
 * Writes a PMTiles v3 archive.
 * @param {WriteOptions} opts
 * @returns {Uint8Array}
 */
export function writePmtiles(opts) {
  const {
    tiles,
    metadata,
    tileType = TileType.Mvt,
    tileCompression = Compression.Gzip,
    internalCompression = Compression.Gzip,
    bounds = [-180, -85, 180, 85],
    rootLimit = ROOT_LIMIT,
    leafSize = 4096,
  } = opts;
  if (!tiles.length) throw new Error('no tiles');
  const withIds = tiles
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y) }))
    .sort((a, b) => a.tileId - b.tileId);
  for (let i = 1; i < withIds.length; i++) {
    if (withIds[i].tileId === withIds[i - 1].tileId)
      throw new Error(`duplicate tile ${withIds[i].z}/${withIds[i].x}/${withIds[i].y}`);
  }
  // tile data, deduplicated by content hash, in tile-id order (clustered)
  /** @type {Map<string, {offset:number,length:number}>} */
  const seen = new Map();
  const parts = [];
  let dataLen = 0;
  /** @type {{tileId:number, offset:number, length:number, runLength:number}[]} */
  const entries = [];
  for (const t of withIds) {
    const h = createHash('sha256').update(t.data).digest('hex');
    let loc = seen.get(h);
    if (!loc) {
      loc = { offset: dataLen, length: t.data.length };
      seen.set(h, loc);
      parts.push(t.data);
      dataLen += t.data.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === loc.offset && last.tileId + last.runLength === t.tileId) last.runLength++;
    else entries.push({ tileId: t.tileId, offset: loc.offset, length: loc.length, runLength: 1 });
  }
  const tileData = concat(parts);
  const { root, leaves } = buildDirectories(entries, internalCompression, rootLimit, leafSize);
  const meta = compress(new TextEncoder().encode(JSON.stringify(metadata)), internalCompression);

  const zs = withIds.map((t) => t.z);
  const minZoom = Math.min(...zs);
  const maxZoom = Math.max(...zs);
  const center = opts.center ?? [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, minZoom];

  const rootOffset = HEADER_BYTES;
  const metaOffset = rootOffset + root.length;
  const leafOffset = metaOffset + meta.length;
  const dataOffset = leafOffset + leaves.length;

  const header = new Uint8Array(HEADER_BYTES);
  const dv = new DataView(header.buffer);
  header.set(new TextEncoder().encode('PMTiles'), 0);
  header[7] = 3;
  const u64 = (off, v) => dv.setBigUint64(off, BigInt(v), true);
  u64(8, rootOffset);
  u64(16, root.length);
  u64(24, metaOffset);
  u64(32, meta.length);
  u64(40, leafOffset);
  u64(48, leaves.length);
  u64(56, dataOffset);
  u64(64, tileData.length);
  u64(72, withIds.length); // addressed tiles
  u64(80, entries.length); // tile entries
  u64(88, seen.size); // tile contents
  header[96] = 1; // clustered: tile data is in tile-id order
  header[97] = internalCompression;
  header[98] = tileCompression;
  header[99] = tileType;
  header[100] = minZoom;
  header[101] = maxZoom;
  const e7 = (v) => Math.round(v * 1e7);
  dv.setInt32(102, e7(bounds[0]), true);
  dv.setInt32(106, e7(bounds[1]), true);
  dv.setInt32(110, e7(bounds[2]), true);
  dv.setInt32(114, e7(bounds[3]), true);
  header[118] = center[2];
  dv.setInt32(119, e7(center[0]), true);
  dv.setInt32(123, e7(center[1]), true);

  return concat([header, root, meta, leaves, tileData]);
}

/** gzip with the writer's fixed settings (for tile bytes). */
export function gzipTile(bytes) {
  return new Uint8Array(gzip(bytes));
}
