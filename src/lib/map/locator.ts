// The overview inset's geometry: China's outline (made once at build time, see src/build/locator/outline.ts)
// and the map's current view, both in the same small Web Mercator frame. Pure; no map needed.
import { mercator } from './mercator.js';

export interface LocatorOutline {
  /** SVG viewBox width and height. */
  width: number;
  height: number;
  /** [west, south, east, north] the frame covers, in degrees. */
  bbox: [number, number, number, number];
  /** One SVG path (all provinces' outer rings), in viewBox units. */
  path: string;
}

/** [x, y] in the frame's viewBox for a longitude and latitude. */
export function locatorPoint(
  frame: Pick<LocatorOutline, 'width' | 'bbox'>,
  lng: number,
  lat: number,
): [number, number] {
  const [w, s, e, n] = frame.bbox;
  const [x0, y0] = mercator([w, n]);
  const [x1] = mercator([e, s]);
  const scale = frame.width / (x1 - x0);
  const [x, y] = mercator([lng, lat]);
  return [(x - x0) * scale, (y - y0) * scale];
}

export interface ViewRect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The view is too small to draw as a rectangle here: show a marker at its centre instead. */
  point: boolean;
  /** The view covers the whole frame. */
  covers: boolean;
}

/** Smallest rectangle side drawn, in viewBox units; smaller views are shown as a marker. */
export const MIN_RECT = 6;

/** The map view [west, south, east, north] as a rectangle in the frame, clipped a little outside it. */
export function viewRect(frame: LocatorOutline, view: [number, number, number, number]): ViewRect {
  const [w, s, e, n] = view;
  const [ax, ay] = locatorPoint(frame, w, n);
  const [bx, by] = locatorPoint(frame, e, s);
  const pad = 2;
  const x0 = Math.max(-pad, Math.min(ax, bx));
  const x1 = Math.min(frame.width + pad, Math.max(ax, bx));
  const y0 = Math.max(-pad, Math.min(ay, by));
  const y1 = Math.min(frame.height + pad, Math.max(ay, by));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const point = width < MIN_RECT && height < MIN_RECT;
  const covers = x0 <= 0 && y0 <= 0 && x1 >= frame.width && y1 >= frame.height;
  return { x: x0, y: y0, width, height, point, covers };
}
