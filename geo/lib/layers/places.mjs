// Layer `places`: cities (geo/data/cities.tsv), country and province label points.
import { feature } from 'topojson-client';
import {
  area,
  centerOfMass,
  pointOnFeature,
  booleanPointInPolygon,
  polygon as turfPolygon,
  rewind,
} from '@turf/turf';
import { COUNTRIES, PROVINCES } from '../names.mjs';
import { roundCoord } from '../geom.mjs';
import { fc, names } from './common.mjs';

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

/** A label point inside the largest part (by Turf's area of its outer ring) of a (multi)polygon. */
export function labelPoint(geometry) {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best = polys[0];
  let bestA = -1;
  for (const p of polys) {
    const a = area({ type: 'Polygon', coordinates: [p[0]] });
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
