// Build time: which basemap archive a story uses, and whether it is one the map can draw. A story
// uses the embedded archive unless its story.yaml names a PMTiles file in its folder
// (`basemap: { archive, kind }`); the build copies that file into the site under the one name the
// app loads (src/lib/basemap-archive.js), and the coverage check and the "no data here" notice read
// the same file.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { ARCHIVE_FILE, EMBEDDED_ARCHIVE } from '../../lib/basemap-archive.js';
import type { BasemapKind } from '../../lib/story/types.ts';
import { readBasemapHeader } from './archive.ts';

export { ARCHIVE_FILE };

/** The embedded archive on disk (the project's `static/basemap.pmtiles`). */
export const EMBEDDED_ARCHIVE_PATH = fileURLToPath(new URL(`../../../${EMBEDDED_ARCHIVE}`, import.meta.url));

/** The archive file a story uses: `archive` (a file name in the story folder `folder`), else the embedded one. */
export function archivePath(folder: string, archive: string | undefined): string {
  return archive ? join(folder, archive) : EMBEDDED_ARCHIVE_PATH;
}

/**
 * The archive the story in `folder` uses, from its story.yaml (read leniently: a story.yaml that
 * cannot be read, or names no archive, means the embedded one; the story's own check reports what
 * is wrong with it).
 */
export function storyArchive(folder: string): string {
  let archive: unknown;
  try {
    const data = parse(readFileSync(join(folder, 'story.yaml'), 'utf8')) as {
      basemap?: { archive?: unknown };
    };
    archive = data?.basemap?.archive;
  } catch {
    archive = undefined;
  }
  return archivePath(
    folder,
    typeof archive === 'string' && /^[\w.-]+\.pmtiles$/.test(archive) ? archive : undefined,
  );
}

/** The layers an archive of each kind must have (its metadata's `vector_layers`). */
export const KIND_LAYERS: Record<BasemapKind, readonly string[]> = {
  embedded: ['earth', 'water', 'boundaries', 'places'],
  protomaps: ['earth', 'water', 'roads', 'places'],
};
/** Layers only a Protomaps (OpenStreetMap) basemap has: an `embedded` archive with them is a Protomaps one. */
const PROTOMAPS_ONLY = ['roads', 'buildings', 'landuse', 'pois'];

export interface ArchiveInfo {
  maxZoom: number;
  /** Vector layer ids from the metadata. */
  layers: string[];
  bytes: number;
}

/**
 * The header's zoom range and the metadata's layers of a PMTiles archive, read synchronously. Throws
 * an Error whose message says, for an author, what is wrong with the file.
 */
export function readArchiveInfo(path: string): ArchiveInfo {
  if (!existsSync(path) || !statSync(path).isFile()) throw new Error('the file does not exist');
  let header;
  try {
    header = readBasemapHeader(path);
  } catch {
    throw new Error('it is not a PMTiles archive (no PMTiles header)');
  }
  if (header.specVersion !== 3)
    throw new Error(`it is a PMTiles version ${header.specVersion} archive; the map reads version 3`);
  if (header.tileType !== 1)
    throw new Error('its tiles are pictures, not vector tiles (MVT): the map draws vector tiles only');
  const fd = openSync(path, 'r');
  let raw: Buffer;
  try {
    raw = Buffer.alloc(header.jsonMetadataLength);
    readSync(fd, raw, 0, raw.length, header.jsonMetadataOffset);
  } finally {
    closeSync(fd);
  }
  let layers: string[];
  try {
    const text =
      header.internalCompression === 2
        ? gunzipSync(raw)
        : header.internalCompression === 3
          ? brotliDecompressSync(raw)
          : header.internalCompression <= 1
            ? raw
            : undefined;
    if (!text) throw new Error('compressed with zstd');
    const meta = JSON.parse(text.toString('utf8')) as { vector_layers?: { id?: unknown }[] };
    layers = Array.isArray(meta.vector_layers) ? meta.vector_layers.map((l) => String(l?.id)) : [];
  } catch (e) {
    throw new Error(`its metadata cannot be read (${e instanceof Error ? e.message : e})`, { cause: e });
  }
  return { maxZoom: header.maxZoom, layers, bytes: statSync(path).size };
}

/** Why an archive with `layers` is not of `kind`, or undefined when it is. */
export function kindProblem(kind: BasemapKind, layers: readonly string[]): string | undefined {
  if (!layers.length)
    return 'its metadata lists no vector layers (vector_layers), so its kind cannot be checked';
  const extra = PROTOMAPS_ONLY.filter((l) => layers.includes(l));
  if (kind === 'embedded' && extra.length)
    return `it has the layers of a Protomaps basemap (${extra.join(', ')}): write kind: protomaps`;
  const missing = KIND_LAYERS[kind].filter((l) => !layers.includes(l));
  if (missing.length)
    return (
      `a ${kind} basemap has the layers ${KIND_LAYERS[kind].join(', ')}; this archive lacks ${missing.join(', ')} ` +
      `(it has ${layers.join(', ')})`
    );
  return undefined;
}
