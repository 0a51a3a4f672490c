// Which tiles a camera needs, and which a flight between two cameras passes over. Pure and
// approximate (a generous cover, never an exact one): used to warm the next chapter's tiles
// before the reader gets there, so that flights show no blank tiles.
import type { Camera } from '../story/types';
import { mercator, unmercator } from './mercator.js';

export interface Tile {
  z: number;
  x: number;
  y: number;
}
export interface Viewport {
  width: number;
  height: number;
}
export interface CoverOptions {
  minzoom?: number;
  maxzoom?: number;
  /** MapLibre's zoom is in 512 px tiles. */
  tileSize?: number;
  /** At most this many tiles, the nearest the centre first. */
  maxTiles?: number;
}

function tileKey(t: Tile): string {
  return `${t.z}/${t.x}/${t.y}`;
}

/** Tiles around a camera: the integer zoom MapLibre loads, a circle covering any bearing, more for pitch. */
export function tilesForCamera(camera: Camera, viewport: Viewport, opts: CoverOptions = {}): Tile[] {
  const { minzoom = 0, maxzoom = 14, tileSize = 512, maxTiles = 64 } = opts;
  const z = Math.max(minzoom, Math.min(maxzoom, Math.floor(camera.zoom)));
  const n = 2 ** z;
  const [mx, my] = mercator(camera.center);
  const tilePx = tileSize * 2 ** (camera.zoom - z);
  const pitchFactor = Math.min(3, 1 + Math.tan((Math.min(camera.pitch, 75) * Math.PI) / 180));
  const radius = (0.5 * Math.hypot(viewport.width, viewport.height) * pitchFactor) / tilePx;
  const cx = mx * n;
  const cy = my * n;
  const tiles: (Tile & { d: number })[] = [];
  for (let y = Math.max(0, Math.floor(cy - radius)); y <= Math.min(n - 1, Math.floor(cy + radius)); y++) {
    for (let x = Math.floor(cx - radius); x <= Math.floor(cx + radius); x++) {
      const d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      if (d > radius + Math.SQRT1_2) continue;
      tiles.push({ z, x: ((x % n) + n) % n, y, d });
    }
  }
  const seen = new Set<string>();
  return tiles
    .sort((a, b) => a.d - b.d)
    .filter((t) => !seen.has(tileKey(t)) && !!seen.add(tileKey(t)))
    .slice(0, maxTiles)
    .map(({ z: tz, x, y }) => ({ z: tz, x, y }));
}

/**
 * Tiles a flight from `from` to `to` shows: the destination, and points along the way at the
 * zoom where both ends fit on screen (a flight zooms out to about there), deduplicated,
 * the destination first.
 */
export function flightTiles(from: Camera, to: Camera, viewport: Viewport, opts: CoverOptions = {}): Tile[] {
  const { tileSize = 512, maxTiles = 96 } = opts;
  const a = mercator(from.center);
  const b = mercator(to.center);
  const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
  const fit = d > 0 ? Math.log2(Math.min(viewport.width, viewport.height) / (tileSize * d)) : Infinity;
  const midZoom = Math.max(0, Math.min(from.zoom, to.zoom, fit));
  const cameras: Camera[] = [to];
  for (const t of [0.5, 0.25, 0.75]) {
    const center = unmercator(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
    cameras.push({ center, zoom: midZoom, pitch: 0, bearing: 0 });
  }
  const seen = new Set<string>();
  const out: Tile[] = [];
  for (const c of cameras)
    for (const t of tilesForCamera(c, viewport, { ...opts, maxTiles: 64 }))
      if (!seen.has(tileKey(t))) {
        seen.add(tileKey(t));
        out.push(t);
      }
  return out.slice(0, maxTiles);
}
