// Stage 2 — assembling the Protomaps-schema layers (earth, water, boundaries, places), one module
// per layer, from the extracted GeoJSON, world-atlas (Natural Earth) and the hand-authored files
// in geo/data/. Pure functions of their input: no clock, no randomness, stable ordering.
import { applyCorrections } from '../corrections.mjs';
import { loadWorldAtlas } from './common.mjs';
import { earthLayer, oceanFeatures } from './earth.mjs';
import { waterLayer } from './water.mjs';
import { boundariesLayer } from './boundaries.mjs';
import { placesLayer } from './places.mjs';

export { parseCities } from './places.mjs';

/**
 * @param {{ rivers: any, lakes: any, provinces: any, cities: ReturnType<typeof import('./places.mjs').parseCities>,
 *   corrections?: import('../corrections.mjs').Correction[], riverAreas?: import('../story-basemap.mjs').RiverArea[],
 *   ocean?: any[], world?: ReturnType<typeof loadWorldAtlas> }} input
 *   `corrections`: applied to the river lines first (geo/lib/corrections.mjs); `riverAreas`: rivers drawn
 *   as water areas (geo/lib/layers/water.mjs)
 */
export function buildLayers(input) {
  const world = input.world ?? loadWorldAtlas();
  const rivers = input.corrections?.length
    ? applyCorrections(input.rivers, input.corrections).rivers
    : input.rivers;
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
      data: waterLayer(rivers, input.lakes, input.ocean ?? oceanFeatures(world.land), input.riverAreas ?? []),
    },
    {
      name: 'boundaries',
      description: 'Country (Natural Earth, de facto; disputed=true dashed) and province (DCW) boundaries',
      tolerance: 3,
      data: boundariesLayer(input.provinces, world.countries),
    },
    {
      name: 'places',
      description: 'Cities (hand-authored list), countries and provinces (label points)',
      tolerance: 3,
      data: placesLayer(input.cities, world.countries, input.provinces),
    },
  ];
}
