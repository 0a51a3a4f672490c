// overlays.yaml (optional): routes and scale circles, each checked on its own. Their geometry is
// computed with Turf once the places they pass through are known (references.ts).
import { z } from 'zod';
import { circle, greatCircle, length, lineString, point } from '@turf/turf';
import type { LngLat, Overlay } from '../../lib/story/types.ts';
import { Catalogue, type StoryContext } from './context.ts';
import { overlaySchema, type OverlayInput } from './overlays.schema.ts';
import type { SourceFile } from './problems.ts';

export type { OverlayInput } from './overlays.schema.ts';

export function readOverlays(ctx: StoryContext): {
  file: SourceFile | undefined;
  inputs: Catalogue<OverlayInput>;
} {
  const inputs = new Catalogue<OverlayInput>(
    'layer',
    (oid) => `layer "${oid}" does not exist (see ${ctx.rel('overlays.yaml')})`,
  );
  const present = ctx.files.has('overlays.yaml');
  const file = ctx.read('overlays.yaml', true);
  if (present && !file) inputs.checkable = false;
  if (!file) return { file, inputs };
  const top = z.record(z.string(), z.unknown()).safeParse(file.data() ?? {});
  if (!top.success) {
    ctx.problems.at(file, [], 'must map each overlay id to its fields (id: then kind, name, …)');
    inputs.checkable = false;
    return { file, inputs };
  }
  const overlay = overlaySchema(ctx.languages);
  for (const [oid, raw] of Object.entries(top.data)) {
    if (!ctx.validKey(file, [], oid, 'overlay')) continue;
    const parsed = overlay.safeParse(raw);
    if (parsed.success) inputs.items.set(oid, parsed.data);
    else
      inputs.invalid.set(
        oid,
        ctx.firstProblem(() => ctx.problems.zod(file, parsed.error, { prefix: [oid] }))!,
      );
  }
  return { file, inputs };
}

/** The overlay as the app draws it, from its points (a route's `via`, or a circle's centre). */
export function buildOverlay(oid: string, o: OverlayInput, points: LngLat[]): Overlay {
  if (o.kind === 'route') {
    const geometry = routeGeometry(points, o.geodesic);
    return {
      id: oid,
      kind: 'route',
      name: o.name,
      schematic: o.schematic,
      geodesic: o.geodesic,
      source: o.source,
      geometry,
      measure: round(length(lineString(geometry.coordinates), { units: 'kilometers' }), 1),
    };
  }
  const radius = Math.sqrt(o.area_km2 / Math.PI);
  const poly = circle(point(points[0]!), radius, { steps: 96, units: 'kilometers' });
  return {
    id: oid,
    kind: 'scale-circle',
    name: o.name,
    schematic: true,
    geodesic: false,
    source: o.source,
    geometry: roundGeometry(poly.geometry),
    measure: o.area_km2,
    ...(o.label ? { label: o.label } : {}),
  };
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

function roundGeometry<G extends GeoJSON.Polygon | GeoJSON.LineString>(g: G): G {
  const r = (c: number[]) => [round(c[0]!, 5), round(c[1]!, 5)];
  if (g.type === 'LineString') return { ...g, coordinates: g.coordinates.map(r) };
  return { ...g, coordinates: (g as GeoJSON.Polygon).coordinates.map((ring) => ring.map(r)) };
}

/** A line through the points; with `geodesic`, each leg follows the great circle. */
export function routeGeometry(points: LngLat[], geodesic: boolean): GeoJSON.LineString {
  if (!geodesic) return roundGeometry({ type: 'LineString', coordinates: points.map((p) => [...p]) });
  const coords: number[][] = [];
  for (let i = 1; i < points.length; i++) {
    const leg = greatCircle(points[i - 1]!, points[i]!, { npoints: 64 }).geometry;
    const legCoords = leg.type === 'LineString' ? leg.coordinates : leg.coordinates.flat();
    coords.push(...(i === 1 ? legCoords : legCoords.slice(1)));
  }
  return roundGeometry({ type: 'LineString', coordinates: coords });
}
