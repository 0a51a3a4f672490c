// Web Mercator, once for the whole project: the browser (route drawing, tile cover, the overview
// inset, basemap coverage) and the geo pipeline in Node (which tiles to write) import this file.
// A plain ES module with JSDoc types, so that Node runs it as is and TypeScript reads its types.

/** The latitude where Web Mercator's square world ends (atan(sinh(π))), as MapLibre clamps it. */
export const MAX_LATITUDE = 85.051129;

/**
 * Web Mercator x, y of a longitude/latitude in units of the world's width: 0..1 across from
 * 180° W, 0 at the top (north). Latitudes beyond ±MAX_LATITUDE are clamped.
 * @param {readonly number[]} lngLat
 * @returns {[number, number]}
 */
export function mercator(lngLat) {
  const lng = /** @type {number} */ (lngLat[0]);
  const lat = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, /** @type {number} */ (lngLat[1])));
  const y = Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
  return [(lng + 180) / 360, 0.5 - y / (2 * Math.PI)];
}

/**
 * Longitude and latitude of a Web Mercator point (the inverse of `mercator`).
 * @param {number} x
 * @param {number} y
 * @returns {[number, number]}
 */
export function unmercator(x, y) {
  return [x * 360 - 180, (Math.atan(Math.sinh((0.5 - y) * 2 * Math.PI)) * 180) / Math.PI];
}

/**
 * The tile x, y containing a longitude/latitude at zoom z (clamped to the world's tiles).
 * @param {number} lng
 * @param {number} lat
 * @param {number} z
 * @returns {[number, number]}
 */
export function tileOf(lng, lat, z) {
  const n = 2 ** z;
  const [x, y] = mercator([lng, lat]);
  const clamp = (/** @type {number} */ v) => Math.max(0, Math.min(n - 1, Math.floor(v * n)));
  return [clamp(x), clamp(y)];
}

/**
 * The inclusive tile range of a longitude/latitude box at zoom z.
 * @param {readonly number[]} bbox [west, south, east, north] in degrees
 * @param {number} z
 * @returns {{ x0: number, x1: number, y0: number, y1: number }}
 */
export function tileRange(bbox, z) {
  const [w, s, e, n] = /** @type {[number, number, number, number]} */ (bbox);
  const [x0, y0] = tileOf(w, n, z);
  const [x1, y1] = tileOf(e, s, z);
  return { x0, x1, y0, y1 };
}

/**
 * The longitude/latitude box [west, south, east, north] of an inclusive tile range at zoom z.
 * @param {{ x0: number, x1: number, y0: number, y1: number }} range
 * @param {number} z
 * @returns {[number, number, number, number]}
 */
export function rangeBounds({ x0, x1, y0, y1 }, z) {
  const n = 2 ** z;
  const [w, north] = unmercator(x0 / n, y0 / n);
  const [e, south] = unmercator((x1 + 1) / n, (y1 + 1) / n);
  return [w, south, e, north];
}
