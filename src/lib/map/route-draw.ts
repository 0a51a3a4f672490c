// How much of a route is drawn at a point in its chapter. Pure: the same progress always draws
// the same part of the line, however the reader got there.
//
// MapLibre's `line-progress` (what the route layer's gradient is cut at) measures a line in
// Web Mercator, where a kilometre at 55° N is longer than one at 30° N. So the drawn
// fraction is a fraction of the line as drawn, and the drawn length in km is measured with Turf
// along the part of the line that is actually on screen.
import { length, lineString } from '@turf/turf';
import type { LngLat, Overlay } from '../story/types';
import { mercator, unmercator } from './mercator.js';

/** Progress through the chapter at which a route starts drawing, and at which it is complete. */
export const DRAW_START = 0.1;
export const DRAW_END = 0.7;

/**
 * The fraction of a route drawn at `progress` (0..1 through the chapter). Drawing starts a little
 * into the chapter and finishes before its end, so the whole route is seen while the text is read.
 */
export function drawFraction(progress: number): number {
  if (!Number.isFinite(progress)) return 1;
  const f = (progress - DRAW_START) / (DRAW_END - DRAW_START);
  return Math.min(1, Math.max(0, f));
}

/**
 * The fraction of the routes that the map should draw for a chapter: drawn with the chapter's
 * progress when it shows a route, and complete otherwise. A chapter without a route thus keeps one
 * paint value for its whole dwell, and its map can come to rest (re-setting the paint on every
 * progress step would keep MapLibre re-laying out its style and never idle).
 */
export function routeFractionFor(
  state: { layers: readonly string[]; progress: number },
  routeIds: ReadonlySet<string>,
): number {
  return state.layers.some((id) => routeIds.has(id)) ? drawFraction(state.progress) : 1;
}

export interface RouteDrawn {
  /** Fraction of the line as drawn (MapLibre's line-progress), 0..1. */
  fraction: number;
  /** Length of the drawn part, in km (Turf, along the line). */
  km: number;
  /** Length of the whole route, in km (computed when the story was built). */
  totalKm: number;
  /** Where the drawn part ends. */
  end: LngLat;
}

/** The part of `coords` up to `fraction` of its length in Web Mercator; straight in Mercator, as drawn. */
export function sliceDrawn(coords: readonly (readonly number[])[], fraction: number): number[][] {
  if (coords.length < 2) return coords.map((c) => [...c]);
  const pts = coords.map(mercator);
  const seg: number[] = [];
  let total = 0;
  for (let i = 1; i < pts.length; i++) {
    const d = Math.hypot(pts[i]![0] - pts[i - 1]![0], pts[i]![1] - pts[i - 1]![1]);
    seg.push(d);
    total += d;
  }
  const f = Math.min(1, Math.max(0, fraction));
  if (f >= 1 || total === 0) return coords.map((c) => [c[0]!, c[1]!]);
  const target = total * f;
  const out: number[][] = [[coords[0]![0]!, coords[0]![1]!]];
  let run = 0;
  for (let i = 1; i < pts.length; i++) {
    const d = seg[i - 1]!;
    if (run + d >= target) {
      const t = d === 0 ? 0 : (target - run) / d;
      const [x, y] = [
        pts[i - 1]![0] + t * (pts[i]![0] - pts[i - 1]![0]),
        pts[i - 1]![1] + t * (pts[i]![1] - pts[i - 1]![1]),
      ];
      out.push(unmercator(x, y));
      return out;
    }
    run += d;
    out.push([coords[i]![0]!, coords[i]![1]!]);
  }
  return out;
}

/** The drawn part of a route at `progress` through its chapter. */
export function routeDrawn(overlay: Pick<Overlay, 'geometry' | 'measure'>, progress: number): RouteDrawn {
  if (overlay.geometry.type !== 'LineString') throw new Error('routeDrawn needs a route (a LineString)');
  const fraction = drawFraction(progress);
  const part = sliceDrawn(overlay.geometry.coordinates, fraction);
  const end = part[part.length - 1]!;
  const km = fraction <= 0 || part.length < 2 ? 0 : length(lineString(part), { units: 'kilometers' });
  return { fraction, km, totalKm: overlay.measure, end: [end[0]!, end[1]!] };
}
