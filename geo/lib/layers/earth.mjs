// Layer `earth` (land, Natural Earth via world-atlas) and the sea it leaves (`water` kind=ocean).
import { feature } from 'topojson-client';
import {
  rewind,
  polygon as turfPolygon,
  bbox as turfBbox,
  bboxClip,
  bboxPolygon,
  difference,
  featureCollection,
} from '@turf/turf';
import { fc } from './common.mjs';

/**
 * Land polygons, wound as RFC 7946 asks (outer rings counter-clockwise, holes clockwise, Turf
 * `rewind`): world-atlas follows d3's spherical convention (outer rings clockwise), and MapLibre
 * decides what is a hole from the winding, so mixed windings would fill the oceans.
 */
export function earthLayer(land) {
  const geom = feature(land, land.objects.land);
  const features = (geom.type === 'FeatureCollection' ? geom.features : [geom]).map((f) => ({
    type: 'Feature',
    properties: { kind: 'earth' },
    geometry: rewind(unwrapAntimeridian(f.geometry)),
  }));
  return fc(features);
}

/**
 * The sea (Protomaps `water` kind=ocean): the Web Mercator world minus the land, cut into 10° cells
 * so that no polygon has a hole that a tile edge runs along (MapLibre cannot triangulate those).
 * With the sea in the tiles, the map's background is land-coloured, so tiles still loading — or
 * outside the archive's coverage — do not look like open water.
 */
export function oceanFeatures(land, step = 10) {
  const W = 85.0511;
  const polys = earthLayer(land).features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  const boxes = polys.map((p) => turfBbox({ type: 'LineString', coordinates: p[0] }));
  const out = [];
  for (let x = -180; x < 180; x += step) {
    for (let y = -W; y < W; y += step) {
      const cell = [x, y, x + step, Math.min(W, y + step)];
      const parts = [];
      polys.forEach((p, i) => {
        const b = boxes[i];
        if (b[2] < cell[0] || b[0] > cell[2] || b[3] < cell[1] || b[1] > cell[3]) return;
        const c = bboxClip(turfPolygon(p), cell).geometry;
        for (const q of c.type === 'Polygon' ? [c.coordinates] : c.coordinates)
          if (q[0] && q[0].length >= 4) parts.push(turfPolygon(q));
      });
      const sea = parts.length
        ? difference(featureCollection([bboxPolygon(cell), ...parts]))
        : bboxPolygon(cell);
      if (sea)
        out.push({ type: 'Feature', properties: { kind: 'ocean', min_zoom: 0 }, geometry: sea.geometry });
    }
  }
  return out;
}

/**
 * world-atlas keeps rings that cross the antimeridian (Wrangel Island, Chukotka, Fiji) in one
 * piece, jumping from +180 to −180; drawn as is, they become stripes across the whole world. Such a
 * ring is moved to continuous longitudes past +180, which geojson-vt wraps correctly.
 */
export function unwrapAntimeridian(geometry) {
  const fixRing = (ring) => {
    // walk the ring and undo every ±360° jump; a ring that goes once around the world
    // (Antarctica) does not come back to its start that way and is left alone
    let shift = 0;
    const out = [ring[0]];
    for (let i = 1; i < ring.length; i++) {
      const d = ring[i][0] - ring[i - 1][0];
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
      out.push([ring[i][0] + shift, ring[i][1]]);
    }
    if (shift !== 0) return ring;
    // keep the ring's west end within the world
    const minX = Math.min(...out.map((c) => c[0]));
    return minX < -180 ? out.map(([x, y]) => [x + 360, y]) : out;
  };
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(fixRing) };
  if (geometry.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(fixRing)) };
  return geometry;
}
