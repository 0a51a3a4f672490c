// Web Mercator, as MapLibre's tiles measure lines and the overview inset draws China.

/** Web Mercator x, y in units of the world's width (0..1 across, 0 at the top). */
export function mercator([lng, lat]: readonly number[]): [number, number] {
  const phi = (Math.max(-85.05113, Math.min(85.05113, lat!)) * Math.PI) / 180;
  return [lng! / 360 + 0.5, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
}

/** Longitude and latitude of a Web Mercator point. */
export function unmercator(x: number, y: number): [number, number] {
  const lng = (x - 0.5) * 360;
  const lat = (Math.atan(Math.sinh((0.5 - y) * 2 * Math.PI)) * 180) / Math.PI;
  return [lng, lat];
}
