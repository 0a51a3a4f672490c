// Layer `boundaries`: country lines (Natural Earth via world-atlas, de facto, disputed ones marked)
// and province lines (DCW), simplified.
import { mesh } from 'topojson-client';
import { DISPUTED_PAIRS } from '../names.mjs';
import { roundCoord, simplifyLine } from '../geom.mjs';
import { fc } from './common.mjs';

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
 * province's outline that lie within `tolDeg` of another province's outline (so neither coasts nor
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

/**
 * Squared planar distance in degrees² from c to the segment a–b: the inner loop of the
 * province-line matching above, whose tolerance is a planar one in degrees (a spatial grid
 * already narrows the candidates, so a geodesic distance per pair would only cost time).
 */
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

/** Province lines first, then country lines; every line rounded and simplified. */
export function boundariesLayer(provinces, countries) {
  return fc([...provinceBoundaries(provinces), ...countryBoundaries(countries)].map(simplifyBoundary));
}
