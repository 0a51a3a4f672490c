// How much of a route is drawn at a point in its chapter. Pure: the same progress always draws
// the same part of the line, however the reader got there.
//
// MapLibre's `line-progress` (what the route layer's gradient is cut at) measures a line in
// Web Mercator, where a kilometre at 55° N is longer than one at 30° N. So the drawn
// fraction is a fraction of the line as drawn, and the drawn length in km is measured with Turf
// along the part of the line that is actually on screen.
import { distance, length, lineString } from '@turf/turf';
import type { LngLat, Overlay } from '../story/types';
import { drawFraction } from '../story/chapter-state.ts';
import { mercator, unmercator } from './mercator.js';

// The rule for how far a chapter's drawing has got is part of the chapter's state (chapter-state.ts).
export { DRAW_END, DRAW_START, drawFraction } from '../story/chapter-state.ts';

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

/** Length in km (Turf, over the globe) of a part of a line, as sliceDrawn gives it. */
export function partKm(part: number[][]): number {
  return part.length < 2 ? 0 : length(lineString(part), { units: 'kilometers' });
}

/** The drawn part of a route at `progress` through its chapter. */
export function routeDrawn(overlay: Pick<Overlay, 'geometry' | 'measure'>, progress: number): RouteDrawn {
  if (overlay.geometry.type !== 'LineString') throw new Error('routeDrawn needs a route (a LineString)');
  const fraction = drawFraction(progress);
  const part = sliceDrawn(overlay.geometry.coordinates, fraction);
  const end = part[part.length - 1]!;
  const km = fraction <= 0 ? 0 : partKm(part);
  return { fraction, km, totalKm: overlay.measure, end: [end[0]!, end[1]!] };
}

export interface RoutePoint {
  /** Fraction of the line as drawn (MapLibre's line-progress) at the point, 0..1. */
  fraction: number;
  /** The point of the line. */
  at: LngLat;
  /** Distance from the given point to `at`, in km (Turf, over the globe). */
  km: number;
}

/**
 * The point of a line nearest to `point`, and how far along the line as drawn it is. Nearness is
 * measured in Web Mercator, as the line is drawn; the first of equally near points wins.
 */
export function nearestOnRoute(coords: readonly (readonly number[])[], point: LngLat): RoutePoint {
  const pts = coords.map(mercator);
  const p = mercator(point);
  let total = 0;
  let best = { d: Infinity, run: 0, x: pts[0]![0], y: pts[0]![1] };
  for (let i = 1; i < pts.length; i++) {
    const [ax, ay] = pts[i - 1]!;
    const [bx, by] = pts[i]!;
    const [dx, dy] = [bx - ax, by - ay];
    const len = Math.hypot(dx, dy);
    const t = len === 0 ? 0 : Math.min(1, Math.max(0, ((p[0] - ax) * dx + (p[1] - ay) * dy) / (len * len)));
    const [x, y] = [ax + t * dx, ay + t * dy];
    const d = Math.hypot(p[0] - x, p[1] - y);
    if (d < best.d) best = { d, run: total + t * len, x, y };
    total += len;
  }
  if (pts.length === 1) best.d = Math.hypot(p[0] - best.x, p[1] - best.y);
  const at = unmercator(best.x, best.y) as LngLat;
  return {
    fraction: total === 0 ? 1 : Math.min(1, best.run / total),
    at,
    km: distance(point, at, { units: 'kilometers' }),
  };
}
