// What every layer module shares: the FeatureCollection wrapper, Protomaps-style name properties
// and the Natural Earth data from npm world-atlas.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** @param {any[]} features */
export const fc = (features) => ({ type: 'FeatureCollection', features });

/** Protomaps-style name properties (name = English here; see geo/SOURCES.md). */
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
