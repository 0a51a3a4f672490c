// Copies the tiles inside a box, up to a zoom, from any PMTiles v3 archive (a local file, or a URL
// read with HTTP Range requests, such as a Protomaps daily planet build) into a new archive written
// with this project's writer (pmtiles-writer.mjs). `npm run basemap:extract` is its command line
// (scripts/basemap-extract.mjs); reading the source is extract-source.mjs.
//
// Only what the box needs is read: the header and root directory, the leaf directories whose tile
// ids the box holds, and the byte ranges of those tiles (neighbouring ranges read together). A
// request that fails on the network (a dropped connection, a timeout, a 5xx answer, a short body)
// is sent again after a pause that doubles each time; when it still fails, the copy stops with one
// message. The new archive is written to a temporary file beside the output and renamed over it at
// the end, so that no half-written archive is ever left, and a previous one stays as it was.
// Tiles are copied as they are stored (still compressed), so their bytes do not change.
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PMTiles, tileIdToZxy, zxyToTileId } from 'pmtiles';
import { tileRange } from '../../src/lib/map/mercator.js';
import { FileRangeSource } from './archive-read.mjs';
import { ExtractError, HttpRangeSource, decompress, openSource } from './extract-source.mjs';
import { Compression, writePmtiles } from './pmtiles-writer.mjs';

export { ExtractError, HttpRangeSource, openSource };

/** More tiles than this are not copied in one run (they are held in memory until written). */
export const MAX_TILES = 1_000_000;
/** Byte ranges closer than this are read in one request. */
const MERGE_GAP = 64 * 1024;
/** No request asks for more than this. */
const MAX_REQUEST = 4 * 1024 * 1024;
/** Requests in flight at once. */
const CONCURRENCY = 4;

const mb = (n) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1)} MB`;

/**
 * A box written `w,s,e,n` (degrees: west, south, east, north), checked.
 * @param {string} text
 * @returns {[number, number, number, number]}
 */
export function parseBbox(text) {
  const parts = String(text)
    .split(',')
    .map((s) => s.trim());
  const nums = parts.map(Number);
  if (parts.length !== 4 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n)))
    throw new ExtractError(
      `--bbox ${text}: expected four numbers west,south,east,north in degrees, for example 106.4,29.4,106.8,29.7`,
    );
  checkBbox(/** @type {[number, number, number, number]} */ (nums), `--bbox ${text}`);
  return /** @type {[number, number, number, number]} */ (nums);
}

/** @param {[number, number, number, number]} b @param {string} what */
export function checkBbox([w, s, e, n], what) {
  if (w < -180 || e > 180 || w >= e)
    throw new ExtractError(`${what}: west and east must be longitudes from -180 to 180, west less than east`);
  if (s < -85.06 || n > 85.06 || s >= n)
    throw new ExtractError(
      `${what}: south and north must be latitudes from -85 to 85, south less than north`,
    );
}

/**
 * The tile ids inside `bbox` at zooms `minZoom`..`maxZoom`, sorted.
 * @param {[number, number, number, number]} bbox
 */
export function tileIdsInBox(bbox, minZoom, maxZoom) {
  let count = 0;
  for (let z = minZoom; z <= maxZoom; z++) {
    const r = tileRange(bbox, z);
    count += (r.x1 - r.x0 + 1) * (r.y1 - r.y0 + 1);
  }
  if (count > MAX_TILES)
    throw new ExtractError(
      `the box holds ${count.toLocaleString('en')} tiles up to zoom ${maxZoom}, more than ${MAX_TILES.toLocaleString('en')}: ` +
        'choose a smaller box or a lower --maxzoom',
    );
  const ids = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(bbox, z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) ids.push(zxyToTileId(z, x, y));
  }
  return ids.sort((a, b) => a - b);
}

/** Index of the first id ≥ v in the sorted `ids`. */
function lowerBound(ids, v) {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ids[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Where each wanted tile is stored: walks the root directory and only the leaf directories that
 * can hold a wanted id. Returns [tileId, offset, length] for the tiles the archive has.
 */
async function locateTiles(pm, header, wanted) {
  /** @type {[number, number, number][]} */
  const found = [];
  const walk = async (offset, length) => {
    const entries = await pm.cache.getDirectory(pm.source, offset, length, header);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      if (e.runLength === 0) {
        const end = entries[i + 1]?.tileId ?? Infinity;
        const k = lowerBound(wanted, e.tileId);
        if (k < wanted.length && wanted[k] < end) await walk(header.leafDirectoryOffset + e.offset, e.length);
        continue;
      }
      for (let k = lowerBound(wanted, e.tileId); k < wanted.length && wanted[k] < e.tileId + e.runLength; k++)
        found.push([wanted[k], e.offset, e.length]);
    }
  };
  await walk(header.rootDirectoryOffset, header.rootDirectoryLength);
  return found;
}

/** Byte spans to read, each holding several stored tiles that lie close together. */
function spans(located) {
  const pieces = [...new Map(located.map(([, o, l]) => [`${o}:${l}`, [o, l]])).values()].sort(
    (a, b) => a[0] - b[0],
  );
  /** @type {{ start: number, end: number }[]} */
  const out = [];
  for (const [o, l] of pieces) {
    const last = out.at(-1);
    if (last && o - last.end <= MERGE_GAP && o + l - last.start <= MAX_REQUEST)
      last.end = Math.max(last.end, o + l);
    else out.push({ start: o, end: o + l });
  }
  return out;
}

/**
 * @typedef {Object} ExtractOptions
 * @property {string} from a PMTiles v3 file or http(s) URL
 * @property {[number, number, number, number]} bbox west, south, east, north
 * @property {number} maxzoom the closest zoom copied
 * @property {string} out the new archive (`*.pmtiles`, in an existing folder)
 * @property {(s: string) => void} [log]
 * @property {ConstructorParameters<typeof HttpRangeSource>[1]} [network] retries and pauses (tests shorten them)
 */

/**
 * Copies the tiles in `bbox` up to `maxzoom` from `from` into `out`. Returns what was written and
 * what was changed in the header and metadata. Throws ExtractError with one message for anything
 * wrong with the input or the network; `out` is then left as it was.
 * @param {ExtractOptions} opts
 */
export async function extractArchive(opts) {
  const log = opts.log ?? (() => {});
  const out = resolve(opts.out);
  if (!/\.pmtiles$/.test(out))
    throw new ExtractError(`--out ${opts.out}: the file name must end in .pmtiles`);
  if (!existsSync(dirname(out)) || !statSync(dirname(out)).isDirectory())
    throw new ExtractError(`--out ${opts.out}: the folder ${dirname(opts.out)} does not exist`);
  if (!Number.isInteger(opts.maxzoom) || opts.maxzoom < 0 || opts.maxzoom > 24)
    throw new ExtractError(`--maxzoom ${opts.maxzoom}: expected a whole number from 0 to 24`);
  checkBbox(opts.bbox, `--bbox ${opts.bbox.join(',')}`);

  const source = openSource(opts.from, { log, ...opts.network });
  try {
    const pm = new PMTiles(source, undefined, decompress);
    let header;
    try {
      header = await pm.getHeader();
    } catch (e) {
      if (e instanceof ExtractError) throw e;
      throw new ExtractError(
        `${opts.from} is not a PMTiles v3 archive (${e instanceof Error ? e.message : e})`,
      );
    }
    if (header.specVersion !== 3)
      throw new ExtractError(
        `${opts.from} is a PMTiles version ${header.specVersion} archive; only version 3 can be read`,
      );
    let metadata;
    try {
      metadata = await pm.getMetadata();
    } catch (e) {
      if (e instanceof ExtractError) throw e;
      throw new ExtractError(
        `${opts.from}: its metadata cannot be read (${e instanceof Error ? e.message : e})`,
      );
    }
    const [bw, bs, be, bn] = opts.bbox;
    const bounds = /** @type {[number, number, number, number]} */ ([
      Math.max(bw, header.minLon),
      Math.max(bs, header.minLat),
      Math.min(be, header.maxLon),
      Math.min(bn, header.maxLat),
    ]);
    if (bounds[0] >= bounds[2] || bounds[1] >= bounds[3])
      throw new ExtractError(
        `--bbox ${opts.bbox.join(',')} lies outside the archive, whose bounds are ` +
          `${[header.minLon, header.minLat, header.maxLon, header.maxLat].join(',')}`,
      );
    if (opts.maxzoom < header.minZoom)
      throw new ExtractError(
        `--maxzoom ${opts.maxzoom} is below the archive's lowest zoom, ${header.minZoom}`,
      );
    const maxzoom = Math.min(opts.maxzoom, header.maxZoom);
    if (opts.maxzoom > header.maxZoom)
      log(`  the archive goes to zoom ${header.maxZoom}: copying to ${header.maxZoom}, not ${opts.maxzoom}`);

    const wanted = tileIdsInBox(bounds, header.minZoom, maxzoom);
    log(
      `reading the directory of ${opts.from} (${wanted.length.toLocaleString('en')} tile places in the box)`,
    );
    const located = await locateTiles(pm, header, wanted);
    if (!located.length)
      throw new ExtractError(
        `the archive has no tiles inside --bbox ${opts.bbox.join(',')} up to zoom ${maxzoom}`,
      );
    const ranges = spans(located);
    const bytes = ranges.reduce((n, r) => n + r.end - r.start, 0);
    log(`copying ${located.length.toLocaleString('en')} tiles (${mb(bytes)} in ${ranges.length} reads)`);

    /** @type {Map<number, Uint8Array>} */
    const data = new Map();
    let next = 0;
    let done = 0;
    const worker = async () => {
      while (next < ranges.length) {
        const r = ranges[next++];
        const got = await source.getBytes(header.tileDataOffset + r.start, r.end - r.start);
        if (got.data.byteLength !== r.end - r.start)
          throw new ExtractError(`${opts.from} ends before its tile data does: the archive is truncated`);
        data.set(r.start, new Uint8Array(got.data));
        done += r.end - r.start;
        if (ranges.length > 20 && next % Math.ceil(ranges.length / 10) === 0)
          log(`  ${Math.round((100 * done) / bytes)} %`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ranges.length) }, worker));

    const tiles = located.map(([id, offset, length]) => {
      const r = ranges[spanIndex(ranges, offset)];
      const buf = data.get(r.start);
      const [z, x, y] = tileIdToZxy(id);
      return { z, x, y, data: buf.subarray(offset - r.start, offset - r.start + length) };
    });
    const zooms = tiles.map((t) => t.z);
    const minZoom = Math.min(...zooms);
    const topZoom = Math.max(...zooms);
    const inside = (lon, lat) => lon >= bounds[0] && lon <= bounds[2] && lat >= bounds[1] && lat <= bounds[3];
    const center = /** @type {[number, number, number]} */ (
      inside(header.centerLon, header.centerLat)
        ? [header.centerLon, header.centerLat, Math.min(Math.max(header.centerZoom, minZoom), topZoom)]
        : [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, minZoom]
    );
    const { metadata: newMetadata, changes } = clipMetadata(metadata, { bounds, maxzoom: topZoom, header });

    const bytesOut = writePmtiles({
      tiles,
      metadata: newMetadata,
      tileType: header.tileType,
      tileCompression: header.tileCompression,
      internalCompression: Compression.Gzip,
      bounds,
      center,
    });
    const tmp = join(dirname(out), `.${basename(out)}.${process.pid}.partial`);
    try {
      writeFileSync(tmp, bytesOut);
      renameSync(tmp, out);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
    return {
      out,
      size: bytesOut.length,
      tiles: tiles.length,
      minZoom,
      maxZoom: topZoom,
      bounds,
      layers: layerIds(newMetadata),
      changes,
      read:
        source instanceof HttpRangeSource
          ? { bytes: source.bytesRead, requests: source.requests }
          : undefined,
    };
  } finally {
    if (source instanceof FileRangeSource) source.close();
  }
}

function spanIndex(ranges, offset) {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ranges[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** @param {unknown} metadata */
function layerIds(metadata) {
  const layers = /** @type {{ vector_layers?: { id?: unknown }[] }} */ (metadata)?.vector_layers;
  return Array.isArray(layers) ? layers.map((l) => String(l?.id)) : [];
}

/**
 * The source's metadata, kept whole (attribution, vector_layers, …) except where the copy differs:
 * the zoom range of each vector layer and, where the metadata states them, its bounds and zooms.
 * Returns the new metadata and the changes, in words.
 */
export function clipMetadata(metadata, { bounds, maxzoom, header }) {
  const m = metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? { ...metadata } : {};
  const fmt = (b) => b.map((v) => +v.toFixed(5)).join(',');
  const changes = [
    `bounds: ${fmt([header.minLon, header.minLat, header.maxLon, header.maxLat])} → ${fmt(bounds)}`,
  ];
  if (maxzoom !== header.maxZoom) changes.push(`max zoom: ${header.maxZoom} → ${maxzoom}`);
  if (Array.isArray(m.vector_layers)) {
    let clipped = 0;
    m.vector_layers = m.vector_layers.map((l) => {
      if (l && typeof l === 'object' && typeof l.maxzoom === 'number' && l.maxzoom > maxzoom) {
        clipped++;
        return { ...l, maxzoom };
      }
      return l;
    });
    if (clipped)
      changes.push(`vector_layers: the max zoom of ${clipped} layer${clipped === 1 ? '' : 's'} → ${maxzoom}`);
  }
  if (typeof m.maxzoom === 'number' && m.maxzoom > maxzoom) m.maxzoom = maxzoom;
  if (Array.isArray(m.bounds) || typeof m.bounds === 'string')
    m.bounds = Array.isArray(m.bounds) ? bounds : bounds.join(',');
  return { metadata: m, changes };
}
