// Small, deterministic geometry helpers shared by the extraction and tiling stages.
import { area, booleanClockwise } from '@turf/turf';

/** Rounds a coordinate to `d` decimals (5 ≈ 1 m). */
export function roundCoord([x, y], d = 5) {
  const f = 10 ** d;
  return [Math.round(x * f) / f, Math.round(y * f) / f];
}

/** Parses GMT's multisegment ASCII output into segments with their header line. */
export function parseGmtSegments(text) {
  /** @type {{ header: string, coords: number[][] }[]} */
  const segs = [];
  let cur = null;
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line[0] === '>') {
      cur = { header: line.slice(1).trim(), coords: [] };
      segs.push(cur);
    } else if (line[0] !== '#') {
      const [x, y] = line.split(/\s+/).map(Number);
      if (!cur) segs.push((cur = { header: '', coords: [] }));
      cur.coords.push(roundCoord([x, y]));
    }
  }
  for (const s of segs) s.coords = dedupeConsecutive(s.coords);
  return segs.filter((s) => s.coords.length >= 2);
}

export function dedupeConsecutive(coords) {
  const out = [];
  for (const c of coords) {
    const p = out[out.length - 1];
    if (!p || p[0] !== c[0] || p[1] !== c[1]) out.push(c);
  }
  return out;
}

const key = (c) => `${c[0]},${c[1]}`;

/**
 * Joins line segments that meet end to end (GSHHG cuts every line at its 1°/2° bins) into longer
 * chains. Joins only where exactly two segment ends meet, so river forks stay separate lines.
 * Deterministic: segments are visited in input order.
 * @param {number[][][]} segments
 * @returns {{ coords: number[][], closed: boolean }[]}
 */
export function stitch(segments) {
  /** @type {Map<string, number[]>} end key -> segment indices (an index twice if both ends) */
  const ends = new Map();
  segments.forEach((s, i) => {
    for (const c of [s[0], s[s.length - 1]]) {
      const k = key(c);
      if (!ends.has(k)) ends.set(k, []);
      ends.get(k).push(i);
    }
  });
  const used = new Array(segments.length).fill(false);
  const other = (k, i) => {
    const l = ends.get(k);
    if (!l || l.length !== 2) return -1;
    const j = l[0] === i ? l[1] : l[0];
    return used[j] ? -1 : j;
  };
  const out = [];
  for (let i = 0; i < segments.length; i++) {
    if (used[i]) continue;
    used[i] = true;
    let chain = segments[i].slice();
    let last = i;
    // extend forward
    for (;;) {
      const k = key(chain[chain.length - 1]);
      const j = other(k, last);
      if (j < 0) break;
      used[j] = true;
      let s = segments[j];
      if (key(s[0]) !== k) s = s.slice().reverse();
      chain = chain.concat(s.slice(1));
      last = j;
    }
    // extend backward
    last = i;
    for (;;) {
      const k = key(chain[0]);
      const j = other(k, last);
      if (j < 0) break;
      used[j] = true;
      let s = segments[j];
      if (key(s[s.length - 1]) !== k) s = s.slice().reverse();
      chain = s.slice(0, -1).concat(chain);
      last = j;
    }
    const closed = chain.length >= 4 && key(chain[0]) === key(chain[chain.length - 1]);
    out.push({ coords: chain, closed });
  }
  return out;
}

/** Area of a closed ring in km² (Turf, on the sphere). */
export function ringAreaKm2(ring) {
  return area({ type: 'Polygon', coordinates: [ring] }) / 1e6;
}

/**
 * A lake's area in km² as the committed archive was built with it: the planar area in degrees²
 * scaled at the ring's mean latitude. It decides each lake's `min_zoom` (water.mjs). Turf's
 * spherical area (`ringAreaKm2`) differs by up to 4 % and would put one lake (102.86° E, 24.62° N,
 * Yunnan: 200 → 199 km²) under the 200 km² step, so the archive would change; switch when the
 * archive is rebuilt for another reason.
 */
export function lakeAreaKm2(ring) {
  let a = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++)
    a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  const lat = ring.reduce((s, c) => s + c[1], 0) / ring.length;
  const k = 111.32 * 111.32 * Math.cos((lat * Math.PI) / 180);
  return Math.abs(a / 2) * k;
}

/** Even-odd point in ring. */
export function pointInRing([x, y], ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/**
 * Groups closed rings into polygons: a ring inside another ring is a hole of the smallest ring
 * containing it (one level deep is enough for lakes and provinces). Outer rings counter-clockwise,
 * holes clockwise (RFC 7946).
 * @param {number[][][]} rings
 * @returns {number[][][][]} polygons
 */
export function ringsToPolygons(rings) {
  const info = rings.map((r) => ({ r, area: ringAreaKm2(r) }));
  const parent = info.map((ri, i) => {
    let best = -1;
    for (let j = 0; j < info.length; j++) {
      if (j === i || info[j].area <= ri.area) continue;
      if (pointInRing(ri.r[0], info[j].r) && (best < 0 || info[j].area < info[best].area)) best = j;
    }
    return best;
  });
  // depth: rings whose parent is itself a hole are new outers (islands in lakes are dropped here)
  const depth = (i) => (parent[i] < 0 ? 0 : 1 + depth(parent[i]));
  const polys = new Map();
  info.forEach((ri, i) => {
    if (depth(i) % 2 === 0) polys.set(i, [orient(ri.r, true)]);
  });
  info.forEach((ri, i) => {
    if (depth(i) % 2 === 1 && polys.has(parent[i])) polys.get(parent[i]).push(orient(ri.r, false));
  });
  return [...polys.values()];
}

function orient(ring, ccw) {
  return booleanClockwise(ring) !== ccw ? ring : ring.slice().reverse();
}

/** Douglas–Peucker simplification in degrees; keeps first/last point. */
export function simplifyLine(coords, tol) {
  if (coords.length <= 2 || tol <= 0) return coords;
  const keep = new Uint8Array(coords.length);
  keep[0] = keep[coords.length - 1] = 1;
  const stack = [[0, coords.length - 1]];
  const t2 = tol * tol;
  while (stack.length) {
    const [a, b] = stack.pop();
    let maxD = 0;
    let idx = -1;
    const [ax, ay] = coords[a];
    const [bx, by] = coords[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = coords[i];
      let t = len2 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = Math.max(0, Math.min(1, t));
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const d = ex * ex + ey * ey;
      if (d > maxD) {
        maxD = d;
        idx = i;
      }
    }
    if (maxD > t2 && idx > 0) {
      keep[idx] = 1;
      stack.push([a, idx], [idx, b]);
    }
  }
  return coords.filter((_, i) => keep[i]);
}
