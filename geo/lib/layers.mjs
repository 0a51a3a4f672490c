// Stage 2 — assembling the Protomaps-schema layers (earth, water, boundaries, places) from the
// extracted GeoJSON, world-atlas (Natural Earth) and the hand-authored files in geo/data/.
// Pure functions of their input: no clock, no randomness, stable ordering.
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import {
  centerOfMass,
  pointOnFeature,
  booleanPointInPolygon,
  polygon as turfPolygon,
  bboxClip,
  bboxPolygon,
  difference,
  featureCollection,
  distance,
  point,
} from '@turf/turf';
import { COUNTRIES, DISPUTED_PAIRS, PROVINCES } from './names.mjs';
import { roundCoord, simplifyLine } from './geom.mjs';

const require = createRequire(import.meta.url);
const fc = (features) => ({ type: 'FeatureCollection', features });

/** Protomaps-style name properties (name = English here; see SOURCES.md). */
export function names(en, zh) {
  return { name: en, 'name:en': en, 'name:zh': zh, 'name:zh-Hans': zh };
}

/** world-atlas TopoJSON (Natural Earth 1:10m, via npm). */
export function loadWorldAtlas() {
  return {
    countries: require('world-atlas/countries-10m.json'),
    land: require('world-atlas/land-10m.json'),
  };
}

// ---------------------------------------------------------------- earth
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
  const boxes = polys.map((p) => {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of p[0]) {
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    }
    return b;
  });
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

// ---------------------------------------------------------------- boundaries
const pairKey = (a, b) => [Number(a), Number(b)].sort((x, y) => x - y).join('-');
const disputedSet = new Set(DISPUTED_PAIRS.map(([a, b]) => pairKey(a, b)));

/** Is the land boundary between two world-atlas country geometries drawn as disputed? */
export function isDisputed(a, b) {
  if (a.id === undefined || b.id === undefined) return true; // NE units without ISO code
  return disputedSet.has(pairKey(a.id, b.id));
}

export function countryBoundaries(countries) {
  const obj = countries.objects.countries;
  const out = [];
  for (const disputed of [false, true]) {
    const m = mesh(countries, obj, (a, b) => a !== b && isDisputed(a, b) === disputed);
    for (const line of m.coordinates) {
      out.push({
        type: 'Feature',
        properties: { kind: 'country', kind_detail: 2, disputed, min_zoom: 0 },
        geometry: { type: 'LineString', coordinates: line },
      });
    }
  }
  return out;
}

/**
 * Province boundary lines on land, derived from the DCW province polygons: the parts of each
 * province's outline that lie within `tolKm` of another province's outline (so neither coasts nor
 * the national border, which world-atlas draws). Each shared stretch is taken from one side only
 * (the province whose code sorts first), because DCW's neighbouring outlines do not share vertices.
 */
export function provinceBoundaries(provinces, tolDeg = 0.006) {
  const cell = 0.05;
  /** @type {Map<string, {p:number, a:number[], b:number[]}[]>} */
  const grid = new Map();
  const rings = [];
  provinces.features.forEach((f, p) => {
    for (const poly of f.geometry.coordinates) for (const ring of poly) rings.push({ p, ring });
  });
  for (const { p, ring } of rings) {
    for (let i = 0; i < ring.length - 1; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      const [x0, x1] = [Math.min(a[0], b[0]), Math.max(a[0], b[0])];
      const [y0, y1] = [Math.min(a[1], b[1]), Math.max(a[1], b[1])];
      for (let gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++)
        for (let gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) {
          const k = `${gx},${gy}`;
          if (!grid.has(k)) grid.set(k, []);
          grid.get(k).push({ p, a, b });
        }
    }
  }
  const codes = provinces.features.map((f) => f.properties.iso_3166_2);
  const t2 = tolDeg * tolDeg;
  /** the other province (index) whose outline is near c, or -1 */
  const near = (c, p) => {
    let best = -1;
    let bestD = t2;
    const gx = Math.floor(c[0] / cell);
    const gy = Math.floor(c[1] / cell);
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++) {
        for (const s of grid.get(`${gx + dx},${gy + dy}`) ?? []) {
          if (s.p === p) continue;
          const d = segDist2(c, s.a, s.b);
          if (d < bestD) {
            bestD = d;
            best = s.p;
          }
        }
      }
    return best;
  };
  const out = [];
  for (const { p, ring } of rings) {
    const nb = ring.map((c) => near(c, p));
    let run = [];
    const flush = () => {
      if (run.length >= 2) {
        out.push({
          type: 'Feature',
          properties: { kind: 'region', kind_detail: 4, disputed: false, min_zoom: 3 },
          geometry: { type: 'LineString', coordinates: run },
        });
      }
      run = [];
    };
    for (let i = 0; i < ring.length; i++) {
      const q = nb[i];
      if (q >= 0 && codes[p] < codes[q]) run.push(ring[i]);
      else flush();
    }
    flush();
  }
  return out;
}

function segDist2(c, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  let t = l2 ? ((c[0] - a[0]) * dx + (c[1] - a[1]) * dy) / l2 : 0;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - c[0];
  const ey = a[1] + t * dy - c[1];
  return ex * ex + ey * ey;
}

// ---------------------------------------------------------------- water
const lakeMinZoom = (km2) => (km2 >= 20000 ? 0 : km2 >= 5000 ? 2 : km2 >= 1000 ? 4 : km2 >= 200 ? 6 : 8);

/** Named rivers: the stitched WDBII line through `at` (an existing vertex) gets the name. */
export const RIVER_NAMES = [
  { en: 'Yangtze', zh: '长江', at: [106.64083, 29.60084] },
  { en: 'Jialing', zh: '嘉陵江', at: [106.50222, 29.56695] },
];

export function waterLayer(rivers, lakes, correction, ocean = []) {
  const features = [...ocean];
  for (const f of lakes.features) {
    features.push({
      type: 'Feature',
      properties: { kind: 'lake', min_zoom: lakeMinZoom(f.properties.area_km2) },
      geometry: f.geometry,
    });
  }
  const corrected = correction ? applyCorrection(rivers, correction).rivers : rivers;
  for (const f of corrected.features) {
    const c = f.geometry.coordinates;
    const named = RIVER_NAMES.find((r) => c.some((p) => p[0] === r.at[0] && p[1] === r.at[1]));
    features.push({
      type: 'Feature',
      properties: {
        kind: 'river',
        min_zoom: f.properties.min_zoom,
        wdbii_class: f.properties.wdbii_class,
        ...(named ? names(named.en, named.zh) : {}),
        ...(f.properties.corrected ? { corrected: true } : {}),
      },
      geometry: f.geometry,
    });
  }
  return fc(features);
}

const sameXY = (a, b) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;

/**
 * Applies the Chaotianmen correction (geo/data/chaotianmen-correction.json) to the river lines.
 * Throws when the anchors are not found, so a changed extract cannot silently skip it.
 * @returns {{ rivers: GeoJSON.FeatureCollection, report: { yangtzeMaxShiftM: number, jialingEndShiftM: number, jialingMovedKm: number } }}
 */
export function applyCorrection(rivers, corr) {
  let yDone = false;
  let jDone = false;
  let yangtzeMaxShiftM = 0;
  let jialingEndShiftM = 0;
  let jialingMovedKm = 0;
  const features = rivers.features.map((f) => {
    const c = f.geometry.coordinates;
    const cls = f.properties.wdbii_class;
    if (cls === corr.yangtze.wdbii_class && !yDone) {
      const [a, b] = corr.yangtze.replace_between;
      const i = c.findIndex((p) => sameXY(p, a));
      const j = c.findIndex((p) => sameXY(p, b));
      if (i >= 0 && j > i) {
        yDone = true;
        const old = c.slice(i, j + 1);
        const neu = [c[i], ...corr.yangtze.with, c[j]];
        yangtzeMaxShiftM = Math.max(
          ...old.map((p) => distToLineM(p, neu)),
          ...neu.map((p) => distToLineM(p, old)),
        );
        return withCoords(f, [...c.slice(0, i), ...neu, ...c.slice(j + 1)]);
      }
    }
    if (cls === corr.jialing.wdbii_class && !jDone) {
      const endAtStart = sameXY(c[0], corr.jialing.end);
      const endAtEnd = sameXY(c[c.length - 1], corr.jialing.end);
      if (endAtStart || endAtEnd) {
        jDone = true;
        const line = endAtEnd ? c.slice() : c.slice().reverse();
        const [tx, ty] = corr.jialing.move_end_to;
        const [ex, ey] = corr.jialing.end;
        const dx = tx - ex;
        const dy = ty - ey;
        // linear taper: full shift at the end, none `taper_km` upstream (along the line)
        let along = 0;
        const moved = line.slice();
        for (let k = line.length - 1; k >= 0; k--) {
          if (k < line.length - 1)
            along += distance(point(line[k]), point(line[k + 1]), { units: 'kilometers' });
          const w = Math.max(0, 1 - along / corr.jialing.taper_km);
          if (w === 0) break;
          moved[k] = roundCoord([line[k][0] + dx * w, line[k][1] + dy * w]);
          jialingMovedKm = Math.min(along, corr.jialing.taper_km);
        }
        jialingEndShiftM = distance(point(corr.jialing.end), point(corr.jialing.move_end_to), {
          units: 'meters',
        });
        return withCoords(f, endAtEnd ? moved : moved.reverse());
      }
    }
    return f;
  });
  if (!yDone || !jDone) {
    throw new Error(
      `Chaotianmen correction: anchors not found in the river extract (yangtze ${yDone}, jialing ${jDone}). ` +
        'The GSHHG extract changed: check geo/data/chaotianmen-correction.json against the new lines.',
    );
  }
  return { rivers: fc(features), report: { yangtzeMaxShiftM, jialingEndShiftM, jialingMovedKm } };
}

function withCoords(f, coords) {
  return {
    ...f,
    properties: { ...f.properties, corrected: true },
    geometry: { type: 'LineString', coordinates: coords },
  };
}

/** Distance in metres from a point to a polyline (planar in a local equirectangular frame). */
export function distToLineM(p, line) {
  const k = Math.cos((p[1] * Math.PI) / 180);
  let best = Infinity;
  for (let i = 0; i < line.length - 1; i++) {
    const a = [line[i][0] * k, line[i][1]];
    const b = [line[i + 1][0] * k, line[i + 1][1]];
    best = Math.min(best, segDist2([p[0] * k, p[1]], a, b));
  }
  return Math.sqrt(best) * 111320;
}

// ---------------------------------------------------------------- places
/** Parses geo/data/cities.tsv. */
export function parseCities(text) {
  return text
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [en, zh, lon, lat, rank, country, source] = l.split('\t');
      return { en, zh, lon: Number(lon), lat: Number(lat), rank: Number(rank), country, source };
    });
}

const CITY = {
  1: { min_zoom: 2, population_rank: 13, kind_detail: 'city' },
  2: { min_zoom: 4, population_rank: 11, kind_detail: 'city' },
  3: { min_zoom: 5, population_rank: 9, kind_detail: 'city' },
  4: { min_zoom: 7, population_rank: 7, kind_detail: 'town' },
};

export function placesLayer(cities, countries, provinces) {
  const features = [];
  for (const c of cities) {
    const r = CITY[c.rank];
    if (!r) throw new Error(`city ${c.en}: rank ${c.rank} not 1–4`);
    features.push({
      type: 'Feature',
      properties: {
        kind: 'locality',
        kind_detail: r.kind_detail,
        ...names(c.en, c.zh),
        min_zoom: r.min_zoom,
        population_rank: r.population_rank,
        sort_rank: 20 - r.population_rank,
        country: c.country,
      },
      geometry: { type: 'Point', coordinates: [c.lon, c.lat] },
    });
  }
  const cf = feature(countries, countries.objects.countries).features;
  for (const f of cf) {
    const n = COUNTRIES[Number(f.id)];
    if (!n || f.id === undefined) continue;
    features.push({
      type: 'Feature',
      properties: { kind: 'country', ...names(n.en, n.zh), min_zoom: n.min_zoom, sort_rank: 0, iso_a2: n.a2 },
      geometry: { type: 'Point', coordinates: n.at ?? labelPoint(rewind(f.geometry)) },
    });
  }
  for (const f of provinces.features) {
    const code = f.properties.iso_3166_2;
    const p = PROVINCES.find((q) => `CN-${q.dcw}` === code);
    const small = ['CN-BJ', 'CN-TJ', 'CN-SH', 'CN-HK', 'CN-MO', 'CN-NX', 'CN-HI'].includes(code);
    features.push({
      type: 'Feature',
      properties: {
        kind: 'region',
        kind_detail: 4,
        ...names(p.en, p.zh),
        min_zoom: small ? 7 : 5,
        sort_rank: 10,
        iso_3166_2: code,
      },
      geometry: { type: 'Point', coordinates: labelPoint(f.geometry) },
    });
  }
  return fc(features);
}

/** A label point inside the largest part of a (multi)polygon. */
export function labelPoint(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polys[0];
  let bestA = -1;
  for (const p of polys) {
    const a = Math.abs(shoelace(p[0]));
    if (a > bestA) {
      bestA = a;
      best = p;
    }
  }
  const poly = turfPolygon(best);
  let c = centerOfMass(poly).geometry.coordinates;
  if (!booleanPointInPolygon(c, poly)) c = pointOnFeature(poly).geometry.coordinates;
  return roundCoord(c, 4);
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

/**
 * RFC 7946 winding (outer rings counter-clockwise, holes clockwise, planar in lon/lat).
 * world-atlas follows d3's spherical convention (outer rings clockwise); MapLibre decides what is
 * a hole from the winding, so mixed windings would fill the oceans.
 */
export function rewind(geometry) {
  const fix = (poly) =>
    poly.map((ring, i) => (shoelace(ring) > 0 === (i === 0) ? ring : ring.slice().reverse()));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: fix(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
  return geometry;
}

function shoelace(r) {
  let a = 0;
  for (let i = 0; i < r.length - 1; i++) a += r[i][0] * r[i + 1][1] - r[i + 1][0] * r[i][1];
  return a / 2;
}

// ---------------------------------------------------------------- all
/**
 * @param {{ rivers: any, lakes: any, provinces: any, cities: ReturnType<typeof parseCities>, correction?: any, world?: ReturnType<typeof loadWorldAtlas> }} input
 */
export function buildLayers(input) {
  const world = input.world ?? loadWorldAtlas();
  const boundaries = fc(
    [...provinceBoundaries(input.provinces), ...countryBoundaries(world.countries)].map(simplifyBoundary),
  );
  return [
    {
      name: 'earth',
      description: 'Land (Natural Earth 1:10m via world-atlas)',
      tolerance: 4,
      data: earthLayer(world.land),
    },
    {
      name: 'water',
      description: 'Lakes and river-lakes (GSHHG full, level 2) and rivers (GSHHG WDBII)',
      tolerance: 3,
      data: waterLayer(input.rivers, input.lakes, input.correction, input.ocean ?? oceanFeatures(world.land)),
    },
    {
      name: 'boundaries',
      description: 'Country (Natural Earth, de facto; disputed=true dashed) and province (DCW) boundaries',
      tolerance: 3,
      data: boundaries,
    },
    {
      name: 'places',
      description: 'Cities (hand-authored list), countries and provinces (label points)',
      tolerance: 3,
      data: placesLayer(input.cities, world.countries, input.provinces),
    },
  ];
}

function simplifyBoundary(f) {
  return {
    ...f,
    geometry: {
      type: 'LineString',
      coordinates: simplifyLine(
        f.geometry.coordinates.map((c) => roundCoord(c)),
        0.0002,
      ),
    },
  };
}
