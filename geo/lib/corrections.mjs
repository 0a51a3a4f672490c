// Corrections of the extracted source lines, named by a story (its `basemap.yaml`) and applied
// before tiling. The pipeline knows only the two kinds of edit below; where and why to edit is
// data in the story's folder. Format (JSON; documented in geo/SOURCES.md, "Corrections"):
//
//   {
//     "description": "…",                    free text for people (why, how accurate)
//     "references": { … },                   optional, free: the yardsticks the edit was placed by
//     "metadata": { "key": "value" },        optional: written into the archive's metadata
//     "edits": [
//       { "id": "a", "lines": "rivers", "where": { "wdbii_class": 1 },
//         "replace_between": [[lon, lat], [lon, lat]], "with": [[lon, lat], …] },
//       { "id": "b", "lines": "rivers", "where": { "wdbii_class": 2 },
//         "move_end": [lon, lat], "to": [lon, lat], "taper_km": 3 }
//     ]
//   }
//
// `replace_between`: on the first line matching `where` that has both vertices (in that order),
// the vertices strictly between them are replaced by `with`. `move_end`: the first line matching
// `where` that starts or ends at `move_end` gets that end moved to `to`, the vertices before it
// by the same vector scaled down linearly with the distance along the line, to zero `taper_km`
// upstream. Edited lines get `corrected: true`. An edit whose anchors are not in the extract stops
// the build, so a changed extract cannot silently skip it.
import { distance, lineString, point, pointToLineDistance } from '@turf/turf';
import { roundCoord } from './geom.mjs';

/**
 * @typedef {[number, number]} LonLat
 * @typedef {{ id: string, lines: 'rivers', where: Record<string, string | number | boolean> }
 *   & ({ replace_between: [LonLat, LonLat], with: LonLat[] } | { move_end: LonLat, to: LonLat, taper_km: number })} Edit
 * @typedef {{ file?: string, description?: string, metadata?: Record<string, string>, edits: Edit[] }} Correction
 * @typedef {{ file?: string, id: string, kind: 'replace_between' | 'move_end', maxShiftM: number, movedKm?: number }} EditReport
 */

const isLonLat = (v) =>
  Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));

/**
 * Checks a parsed corrections file and returns it as a `Correction`; throws naming the file and
 * the field on anything it cannot apply.
 * @param {unknown} data
 * @param {string} file for messages
 * @returns {Correction}
 */
export function parseCorrection(data, file) {
  const fail = (field, msg) => {
    throw new Error(`${file}: ${field}: ${msg}`);
  };
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('(top level)', 'expected a JSON object');
  const d = /** @type {Record<string, any>} */ (data);
  if (d.metadata !== undefined) {
    if (typeof d.metadata !== 'object' || Array.isArray(d.metadata) || d.metadata === null)
      fail('metadata', 'expected an object of strings');
    for (const [k, v] of Object.entries(d.metadata))
      if (typeof v !== 'string') fail(`metadata.${k}`, 'expected a string');
  }
  if (!Array.isArray(d.edits) || d.edits.length === 0) fail('edits', 'expected a non-empty list of edits');
  const ids = new Set();
  d.edits.forEach((e, i) => {
    const at = `edits[${i}]`;
    if (!e || typeof e !== 'object') fail(at, 'expected an object');
    if (typeof e.id !== 'string' || !e.id) fail(`${at}.id`, 'expected a name for the edit');
    if (ids.has(e.id)) fail(`${at}.id`, `"${e.id}" is used twice`);
    ids.add(e.id);
    if (e.lines !== 'rivers')
      fail(`${at}.lines`, 'expected "rivers" (the only extracted lines that can be edited)');
    if (!e.where || typeof e.where !== 'object' || Array.isArray(e.where))
      fail(`${at}.where`, 'expected an object of line properties, e.g. { "wdbii_class": 1 }');
    if ('replace_between' in e) {
      if (
        !Array.isArray(e.replace_between) ||
        e.replace_between.length !== 2 ||
        !e.replace_between.every(isLonLat)
      )
        fail(`${at}.replace_between`, 'expected two [lon, lat] vertices of the line');
      if (!Array.isArray(e.with) || !e.with.every(isLonLat))
        fail(`${at}.with`, 'expected a list of [lon, lat] vertices');
    } else if ('move_end' in e) {
      if (!isLonLat(e.move_end)) fail(`${at}.move_end`, 'expected the [lon, lat] end vertex of the line');
      if (!isLonLat(e.to)) fail(`${at}.to`, 'expected a [lon, lat] position');
      if (typeof e.taper_km !== 'number' || !(e.taper_km > 0))
        fail(`${at}.taper_km`, 'expected a length in km > 0');
    } else fail(at, 'expected "replace_between" or "move_end"');
  });
  return { ...d, file, edits: d.edits };
}

const sameXY = (a, b) => Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;
const matches = (f, where) => Object.entries(where).every(([k, v]) => f.properties?.[k] === v);
const withCoords = (f, coords) => ({
  ...f,
  properties: { ...f.properties, corrected: true },
  geometry: { type: 'LineString', coordinates: coords },
});
/** Largest distance in metres between two polylines (each vertex of one to the other line). */
const maxShiftM = (a, b) =>
  Math.max(
    ...a.map((p) => pointToLineDistance(point(p), lineString(b), { units: 'meters' })),
    ...b.map((p) => pointToLineDistance(point(p), lineString(a), { units: 'meters' })),
  );

/** @returns {{ features: any[], report: EditReport } | null} */
function applyEdit(features, e) {
  for (let n = 0; n < features.length; n++) {
    const f = features[n];
    if (!matches(f, e.where)) continue;
    const c = f.geometry.coordinates;
    if ('replace_between' in e) {
      const [a, b] = e.replace_between;
      const i = c.findIndex((p) => sameXY(p, a));
      const j = c.findIndex((p) => sameXY(p, b));
      if (i < 0 || j <= i) continue;
      const old = c.slice(i, j + 1);
      const neu = [c[i], ...e.with, c[j]];
      const out = features.slice();
      out[n] = withCoords(f, [...c.slice(0, i), ...neu, ...c.slice(j + 1)]);
      return { features: out, report: { id: e.id, kind: 'replace_between', maxShiftM: maxShiftM(old, neu) } };
    }
    const endAtStart = sameXY(c[0], e.move_end);
    const endAtEnd = sameXY(c[c.length - 1], e.move_end);
    if (!endAtStart && !endAtEnd) continue;
    const line = endAtEnd ? c.slice() : c.slice().reverse();
    const dx = e.to[0] - e.move_end[0];
    const dy = e.to[1] - e.move_end[1];
    // linear taper: full shift at the end, none `taper_km` upstream (along the line)
    let along = 0;
    let movedKm = 0;
    const moved = line.slice();
    for (let k = line.length - 1; k >= 0; k--) {
      if (k < line.length - 1) along += distance(point(line[k]), point(line[k + 1]), { units: 'kilometers' });
      const w = Math.max(0, 1 - along / e.taper_km);
      if (w === 0) break;
      moved[k] = roundCoord([line[k][0] + dx * w, line[k][1] + dy * w]);
      movedKm = Math.min(along, e.taper_km);
    }
    const out = features.slice();
    out[n] = withCoords(f, endAtEnd ? moved : moved.reverse());
    const shift = distance(point(e.move_end), point(e.to), { units: 'meters' });
    return { features: out, report: { id: e.id, kind: 'move_end', maxShiftM: shift, movedKm } };
  }
  return null;
}

/**
 * Applies every edit of every correction, in order, to the river lines. Throws when an edit's
 * anchors are not in the lines.
 * @param {{ type: string, features: any[] }} rivers extracted river lines (GeoJSON FeatureCollection)
 * @param {Correction[]} corrections
 * @returns {{ rivers: { type: string, features: any[] }, report: EditReport[] }}
 */
export function applyCorrections(rivers, corrections) {
  let features = rivers.features;
  /** @type {EditReport[]} */
  const report = [];
  for (const corr of corrections) {
    corr.edits.forEach((e, i) => {
      const done = applyEdit(features, e);
      if (!done)
        throw new Error(
          `${corr.file ?? 'corrections'}: edits[${i}] "${e.id}": anchors not found in the river extract ` +
            `(no ${e.lines} line with ${JSON.stringify(e.where)} has them). The extract changed: ` +
            'check the edit against the new lines.',
        );
      features = done.features;
      report.push({ ...done.report, ...(corr.file ? { file: corr.file } : {}) });
    });
  }
  return { rivers: { ...rivers, features }, report };
}

/** One line per edit, for the build log. @param {EditReport[]} report */
export function describeCorrections(report) {
  return report.map((r) =>
    r.kind === 'move_end'
      ? `${r.id}: end moved ${r.maxShiftM.toFixed(0)} m, tapering over its last ${r.movedKm?.toFixed(1)} km`
      : `${r.id}: vertices replaced, line moved by up to ${r.maxShiftM.toFixed(0)} m`,
  );
}
