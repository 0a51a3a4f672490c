// Build time only: China's outline for the overview inset, generalised from the project's own
// province data (geo/data/cn-provinces.geojson, DCW for GMT, the same outlines as the basemap).
import { readFileSync } from 'node:fs';
import { area, featureCollection, simplify, union } from '@turf/turf';
import { locatorPoint, type LocatorOutline } from '../../lib/map/locator.ts';

export const LOCATOR_SOURCE = 'geo/data/cn-provinces.geojson';

/**
 * Whether the inset belongs on a story's map: at least half of its places lie inside the outline's
 * frame. The outline is China's, so a story told elsewhere (the Rhine, say) gets no inset of China,
 * while one that reaches out from China to other countries keeps it.
 */
export function storyInFrame(
  places: readonly { coordinates: readonly [number, number] | readonly number[] }[],
  bbox: readonly [number, number, number, number],
): boolean {
  const [w, s, e, n] = bbox;
  const inside = places.filter(({ coordinates: [x, y] }) => x! >= w && x! <= e && y! >= s && y! <= n);
  return places.length > 0 && inside.length * 2 >= places.length;
}

/** Drop islands smaller than this (km²): at inset scale they would be less than a pixel. */
const MIN_AREA_KM2 = 1500;

// Tolerance 0.2° is about half a pixel at the inset's 160 px: no visible change from finer, and
// a third of the bytes (0.08° gave 2.5 KB gzip of path, 0.2° gives 1 KB).
export function buildLocatorOutline(file = LOCATOR_SOURCE, width = 160, tolerance = 0.2): LocatorOutline {
  const fc = JSON.parse(readFileSync(file, 'utf8')) as GeoJSON.FeatureCollection<
    GeoJSON.Polygon | GeoJSON.MultiPolygon
  >;
  // Only the country's outline is drawn: merge the provinces first, so that no inner border is stored.
  const merged = union(featureCollection(fc.features));
  const outline = merged ? [merged] : fc.features;
  const rings: number[][][] = [];
  for (const f of outline) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      const outer = poly[0]!;
      const g: GeoJSON.Polygon = { type: 'Polygon', coordinates: [outer] };
      if (area(g) / 1e6 < MIN_AREA_KM2) continue;
      const simple = simplify(g, { tolerance, highQuality: false });
      if (simple.coordinates[0]!.length >= 4) rings.push(simple.coordinates[0]!);
    }
  }
  let [w, s, e, n] = [180, 90, -180, -90];
  for (const r of rings)
    for (const [x, y] of r) {
      w = Math.min(w, x!);
      e = Math.max(e, x!);
      s = Math.min(s, y!);
      n = Math.max(n, y!);
    }
  const m = 0.6; // degrees of margin round the country
  const bbox: [number, number, number, number] = [w - m, s - m, e + m, n + m];
  const frame = { width, bbox };
  const [, bottom] = locatorPoint(frame, bbox[0], bbox[1]);
  const path = svgPath(rings.map((ring) => ring.map(([x, y]) => locatorPoint(frame, x!, y!))));
  return { width, height: Math.ceil(bottom), bbox, path };
}

/**
 * Closed rings (viewBox units) as one SVG path to a tenth of a unit, each point after a ring's
 * first as a relative step (`l`): a third shorter than absolute points (~0.3 KB gzip of the inset).
 * The steps are taken between rounded points, so rounding never adds up along a ring.
 */
export function svgPath(rings: readonly (readonly [number, number])[][]): string {
  const num = (tenths: number) =>
    (tenths < 0 ? '-' : '') + String(Math.abs(tenths) / 10).replace(/^0\./, '.');
  let out = '';
  for (const ring of rings) {
    const pts = ring.map(([x, y]) => [Math.round(x * 10), Math.round(y * 10)] as const);
    // `z` closes the ring: a last point equal to the first is not written.
    const end = pts.at(-1);
    if (end && pts.length > 1 && end[0] === pts[0]![0] && end[1] === pts[0]![1]) pts.pop();
    const [first, ...rest] = pts;
    if (!first || rest.length === 0) continue;
    let [x, y] = first;
    let path = `M${num(x)} ${num(y)}l`;
    let last = 'l';
    for (const [px, py] of rest) {
      for (const n of [num(px - x), num(py - y)]) {
        // A number needs a space before it only where the two would read as one.
        const joins = n.startsWith('-') || last === 'l' || (n.startsWith('.') && last.includes('.'));
        path += (joins ? '' : ' ') + n;
        last = n;
      }
      [x, y] = [px, py];
    }
    out += path + 'z';
  }
  return out;
}
