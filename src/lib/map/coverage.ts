// Where the basemap has data, and whether a view is on it. The summary comes from the archive's
// own directory at build time (src/build/basemap/coverage.ts); this file is what the browser needs
// to tell a view with no tiles from one still loading. Pure.
import { mercator } from './mercator.js';

/** Inclusive tile rectangle at one zoom: [x0, y0, x1, y1]. */
export type TileRect = [x0: number, y0: number, x1: number, y1: number];

export interface BasemapCoverage {
  minZoom: number;
  maxZoom: number;
  /** `rects[z]`: disjoint tile rectangles holding every tile of zoom z in the archive. */
  rects: TileRect[][];
}

/** A view: [west, south, east, north] (longitudes may run past ±180, as MapLibre reports them) and zoom. */
export interface CoverageView {
  bounds: readonly [number, number, number, number];
  zoom: number;
}

/** The archive zoom whose tiles MapLibre shows at `zoom` (512 px vector tiles: the floor, overzoomed past maxZoom). */
export function dataZoom(zoom: number, coverage: Pick<BasemapCoverage, 'minZoom' | 'maxZoom'>): number {
  return Math.max(coverage.minZoom, Math.min(coverage.maxZoom, Math.floor(zoom)));
}

/** The view's tiles at its data zoom, and how many of them the archive has. */
export function viewTiles(
  view: CoverageView,
  coverage: BasemapCoverage,
): { z: number; total: number; covered: number } {
  const z = dataZoom(view.zoom, coverage);
  const n = 2 ** z;
  const [w, s, e, north] = view.bounds;
  const [mx0, my0] = mercator([w, north]);
  const [mx1, my1] = mercator([e, s]);
  const y0 = Math.max(0, Math.floor(my0 * n));
  const y1 = Math.min(n - 1, Math.floor(my1 * n));
  let x0 = Math.floor(mx0 * n);
  let x1 = Math.floor(mx1 * n);
  if (x1 - x0 >= n) [x0, x1] = [0, n - 1]; // the whole world across
  const rows = y1 - y0 + 1;
  // columns, wrapped into 0..n-1: one or two runs
  const shift = Math.floor(x0 / n) * n;
  const runs: [number, number][] =
    x1 - shift < n
      ? [[x0 - shift, x1 - shift]]
      : [
          [x0 - shift, n - 1],
          [0, x1 - shift - n],
        ];
  let covered = 0;
  for (const [a, b] of runs)
    for (const [rx0, ry0, rx1, ry1] of coverage.rects[z] ?? []) {
      const dx = Math.min(b, rx1) - Math.max(a, rx0) + 1;
      const dy = Math.min(y1, ry1) - Math.max(y0, ry0) + 1;
      if (dx > 0 && dy > 0) covered += dx * dy;
    }
  return { z, total: (x1 - x0 + 1) * rows, covered };
}

/** Whether the basemap has tiles for all, some or none of a view. */
export function viewCoverage(view: CoverageView, coverage: BasemapCoverage): 'all' | 'some' | 'none' {
  const { total, covered } = viewTiles(view, coverage);
  return covered >= total ? 'all' : covered > 0 ? 'some' : 'none';
}
