import { describe, expect, it } from 'vitest';
import { flightTiles, tilesForCamera } from '../../src/lib/map/tile-cover';
import { mercator } from '../../src/lib/map/mercator.js';
import type { Camera } from '../../src/lib/story/types';

const view = { width: 1024, height: 512 };
const cam = (lng: number, lat: number, zoom: number, pitch = 0): Camera => ({
  center: [lng, lat],
  zoom,
  pitch,
  bearing: 0,
});
/** The tile that holds a point, as every tile service numbers it. */
const tileOf = (lng: number, lat: number, z: number) => {
  const [x, y] = mercator([lng, lat]);
  return { z, x: Math.floor(x * 2 ** z), y: Math.floor(y * 2 ** z) };
};

describe('tile cover', () => {
  it('projects to Web Mercator', () => {
    expect(mercator([0, 0])).toEqual([0.5, 0.5]);
    expect(mercator([-180, 0])[0]).toBe(0);
    expect(mercator([180, 85.0511])[1]).toBeCloseTo(0, 4);
  });

  it('covers the centre and the corners of the view at the zoom MapLibre loads', () => {
    // Chongqing at zoom 9.5: 512 px tiles at z9 are 724 px wide on screen.
    const tiles = tilesForCamera(cam(106.55, 29.56, 9.5), view);
    expect(tiles[0]).toEqual(tileOf(106.55, 29.56, 9));
    expect(new Set(tiles.map((t) => t.z))).toEqual(new Set([9]));
    // The view spans ±512 px = ±0.71 tiles around the centre: a 2×2 or 3×3 block, no more.
    expect(tiles.length).toBeGreaterThanOrEqual(4);
    expect(tiles.length).toBeLessThanOrEqual(9);
    const xs = tiles.map((t) => t.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeLessThanOrEqual(2);
  });

  it('clamps to the archive zoom range, wraps longitude and stays inside the world', () => {
    expect(tilesForCamera(cam(106.5, 29.5, 14), view, { maxzoom: 11 })[0]!.z).toBe(11);
    expect(tilesForCamera(cam(106.5, 29.5, 1), view, { minzoom: 3 })[0]!.z).toBe(3);
    const world = tilesForCamera(cam(179.9, 0, 1), view);
    for (const t of world) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThan(2);
      expect(t.y).toBeGreaterThanOrEqual(0);
      expect(t.y).toBeLessThan(2);
    }
    expect(new Set(world.map((t) => `${t.x}/${t.y}`)).size).toBe(world.length);
  });

  it('needs more tiles for a tilted view and never more than asked', () => {
    const flat = tilesForCamera(cam(106.55, 29.56, 10), view).length;
    const tilted = tilesForCamera(cam(106.55, 29.56, 10, 60), view).length;
    expect(tilted).toBeGreaterThan(flat);
    expect(tilesForCamera(cam(106.55, 29.56, 10, 60), view, { maxTiles: 5 })).toHaveLength(5);
  });

  it('covers a flight: the destination first, and the way there at a zoom that shows both ends', () => {
    const from = cam(106.57, 29.58, 11);
    const to = cam(116.4, 39.9, 11); // Beijing: far away, the flight zooms far out
    const tiles = flightTiles(from, to, view);
    expect(tiles[0]).toEqual(tileOf(116.4, 39.9, 11));
    const midZooms = tiles.filter((t) => t.z < 11).map((t) => t.z);
    expect(midZooms.length).toBeGreaterThan(0);
    expect(Math.max(...midZooms)).toBeLessThanOrEqual(5);
    // The midpoint of the way is covered.
    const z = midZooms[0]!;
    expect(tiles).toContainEqual(tileOf((106.57 + 116.4) / 2, 34.9, z));
    expect(new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(tiles.length);
  });
});
