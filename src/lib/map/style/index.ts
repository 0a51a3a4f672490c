// The basemap's style: layers for the Protomaps schema (our embedded archive or an OSM extract),
// drawn in the page's language and theme, and the basemap helpers the map view uses.
// Layer order: land-coloured background, sea (`water` kind=ocean), earth, lakes, rivers, boundaries,
// labels. A Protomaps extract has the same kinds, so the same order works for both flavors.
// Fonts: the style has no `glyphs` URL; the label font comes from the style's `font-faces`
// (MapLibre GL JS 6), Noto parts cut for the story, served from our own origin. No other origin is used
// and no font installed on the viewer's machine is needed.
// The basemap's own label of a city the story labels itself is hidden by feature state
// (setHiddenBasemapPlaces): a repaint, where a filter or global-state change would lay out every
// loaded tile again.
import type {
  Map as MlMap,
  StyleSpecification,
  LayerSpecification,
  ExpressionSpecification,
} from 'maplibre-gl';
import type { Lang, Localized } from '../../story/types';
import { BASEMAP_PALETTES, type BasemapPalette, type Theme } from './themes';
import type { Flavor } from './attribution';
import { MAP_FONT_FACES, MAP_FONT_NAME } from './fonts';
import { BASE } from '../../site-base';
import { ARCHIVE_FILE } from '../../basemap-archive.js';

export { MAP_FONT_FACES, MAP_FONT_NAME } from './fonts';
export type { MapFontFace } from './fonts';
export { BASEMAP_PALETTES } from './themes';
export type { BasemapPalette } from './themes';

export type { Lang } from '../../story/types';
export type { Theme } from './themes';
export type { Flavor } from './attribution';

export interface BasemapOptions {
  lang: Lang;
  theme: Theme;
  /** URL of a PMTiles archive, same origin. Default the site's own (`DEFAULT_ARCHIVE_URL`). A Protomaps basemap extract URL works too. */
  archiveUrl?: string;
  /** 'embedded' (our archive) or 'protomaps' (an OSM-based Protomaps extract) */
  flavor?: Flavor;
}

/** text-font stack for every symbol layer, the app's included. */
export const LABEL_FONT: string[] = [MAP_FONT_NAME];

export const SOURCE_ID = 'basemap';
/** The story's archive, at the top of the site (under its base path: src/lib/site-base.ts; its name: src/lib/basemap-archive.js). */
export const DEFAULT_ARCHIVE_URL = `${BASE}${ARCHIVE_FILE}`;

import { basemapAttribution, storyMapNotes } from './attribution';
export { BASEMAP_ATTRIBUTION, basemapAttribution } from './attribution';

/** Resolves a site-relative URL against the page's origin (MapLibre and pmtiles need absolute URLs). */
function absolute(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return url;
  if (typeof window !== 'undefined' && window.location) return new URL(url, window.location.href).href;
  return url;
}

/**
 * The label text in the current language (global state 'lang'). Chinese prefers the Simplified
 * name (`name:zh-Hans`, Protomaps v4), then `name:zh`, then `name`; English `name:en`, then `name`.
 */
export function languageField(): ExpressionSpecification {
  return [
    'case',
    ['==', ['global-state', 'lang'], 'zh'],
    ['coalesce', ['get', 'name:zh-Hans'], ['get', 'name:zh'], ['get', 'name']],
    ['coalesce', ['get', 'name:en'], ['get', 'name']],
  ];
}

/** Where a story style keeps the story's own map notes in both languages (style `metadata`). */
export const NOTES_METADATA = 'story-map:basemap-notes';

/**
 * Switches the label language without reloading the style, and the story's own map notes in the
 * basemap source's credit (read by the attribution control when it is next built). Idempotent.
 */
export function setBasemapLanguage(map: MlMap, lang: Lang): void {
  map.setGlobalStateProperty('lang', lang);
  const notes = (map.getStyle()?.metadata as Record<string, unknown> | undefined)?.[NOTES_METADATA] as
    Localized | undefined;
  const source = map.getSource(SOURCE_ID);
  if (notes && source) source.attribution = storyMapNotes(notes, lang);
}

/** Basemap features are identified by their English name, for feature state (`promoteId`). */
export const PLACE_ID_PROPERTY = 'name:en';

/**
 * Of the basemap cities named in `names` (English), hides those in `hidden` and shows the others.
 * Idempotent. Cities are hidden by feature state, which MapLibre applies by repainting: a change
 * of filter or of global state would make it lay out every loaded tile again, in the middle of a
 * chapter's flight. A hidden label stays in the collision index, next to the story's own label.
 */
export function setHiddenBasemapPlaces(
  map: MlMap,
  names: readonly string[],
  hidden: readonly string[],
): void {
  if (!map.getSource(SOURCE_ID)) return;
  for (const id of names)
    map.setFeatureState({ source: SOURCE_ID, sourceLayer: 'places', id }, { hidden: hidden.includes(id) });
}

/** 0 for a feature hidden by `setHiddenBasemapPlaces`, else 1. */
const shown: ExpressionSpecification = ['case', ['boolean', ['feature-state', 'hidden'], false], 0, 1];

const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const disputed: ExpressionSpecification = ['==', ['get', 'disputed'], true];

function basemapLayers(c: BasemapPalette, flavor: Flavor): LayerSpecification[] {
  const S = { source: SOURCE_ID };
  const font = LABEL_FONT;
  const text = languageField();
  const layers: LayerSpecification[] = [
    // The background is land-coloured and the sea comes from the `water` layer (kind=ocean), drawn
    // under `earth` so that small gaps between the two never show. Tiles still loading, or outside
    // the embedded archive's coverage, therefore read as plain land, not as open sea.
    { id: 'basemap-background', type: 'background', paint: { 'background-color': c.earth } },
    {
      id: 'basemap-ocean',
      type: 'fill',
      ...S,
      'source-layer': 'water',
      filter: ['all', isPolygon, ['==', ['get', 'kind'], 'ocean']],
      paint: { 'fill-color': c.water },
    },
    { id: 'basemap-earth', type: 'fill', ...S, 'source-layer': 'earth', paint: { 'fill-color': c.earth } },
  ];
  if (flavor === 'protomaps') {
    layers.push(
      {
        id: 'basemap-landuse',
        type: 'fill',
        ...S,
        'source-layer': 'landuse',
        filter: [
          'in',
          ['get', 'kind'],
          ['literal', ['park', 'nature_reserve', 'forest', 'wood', 'grass', 'cemetery', 'golf_course']],
        ],
        paint: { 'fill-color': c.landuse, 'fill-opacity': 0.7 },
      },
      {
        id: 'basemap-buildings',
        type: 'fill',
        ...S,
        'source-layer': 'buildings',
        minzoom: 14,
        paint: { 'fill-color': c.building },
      },
    );
  }
  layers.push(
    {
      // Lakes, and rivers drawn as water areas (kind_detail=river: the embedded archive's river
      // areas near a story's places, a Protomaps extract's riverbanks), these in the rivers' colour
      // so that a river line runs on into its area without a seam.
      id: 'basemap-water',
      type: 'fill',
      ...S,
      'source-layer': 'water',
      filter: ['all', isPolygon, ['!=', ['get', 'kind'], 'ocean']],
      paint: {
        'fill-color': ['match', ['get', 'kind_detail'], 'river', c.river, c.water],
        'fill-outline-color': ['match', ['get', 'kind_detail'], 'river', c.river, c.lakeOutline],
      },
    },
    {
      id: 'basemap-rivers',
      type: 'line',
      ...S,
      'source-layer': 'water',
      filter: ['all', isLine, ['!=', ['get', 'kind'], 'ditch'], ['!=', ['get', 'kind'], 'drain']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': c.river,
        // rivers weighted by rank: a low min_zoom means a major river (WDBII class 1 → 3, 2 → 5, 3 → 7, 4 → 9;
        // Protomaps rivers 8+, streams 13+)
        'line-width': [
          'interpolate',
          ['exponential', 1.6],
          ['zoom'],
          3,
          ['case', ['<=', ['coalesce', ['get', 'min_zoom'], 9], 3], 0.8, 0.3],
          7,
          ['match', ['coalesce', ['get', 'min_zoom'], 9], [0, 1, 2, 3], 2, [4, 5], 1.1, [6, 7], 0.7, 0.4],
          11,
          ['match', ['coalesce', ['get', 'min_zoom'], 9], [0, 1, 2, 3], 5.5, [4, 5], 3, [6, 7], 1.8, 1],
          15,
          ['match', ['coalesce', ['get', 'min_zoom'], 9], [0, 1, 2, 3], 12, [4, 5], 7, [6, 7], 4, 2],
        ],
      },
    },
  );
  if (flavor === 'protomaps') {
    layers.push(
      {
        id: 'basemap-roads',
        type: 'line',
        ...S,
        'source-layer': 'roads',
        minzoom: 10,
        filter: ['in', ['get', 'kind'], ['literal', ['highway', 'major_road', 'medium_road', 'minor_road']]],
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ['match', ['get', 'kind'], ['highway', 'major_road'], c.roadMajor, c.road],
          'line-width': [
            'interpolate',
            ['exponential', 1.6],
            ['zoom'],
            10,
            0.4,
            16,
            ['match', ['get', 'kind'], 'highway', 7, 'major_road', 5, 2.5],
          ],
        },
      },
      {
        id: 'basemap-rail',
        type: 'line',
        ...S,
        'source-layer': 'roads',
        minzoom: 11,
        filter: ['==', ['get', 'kind'], 'rail'],
        paint: { 'line-color': c.region, 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
    );
  }
  layers.push(
    {
      id: 'basemap-boundaries-region',
      type: 'line',
      ...S,
      'source-layer': 'boundaries',
      minzoom: 3,
      filter: ['==', ['get', 'kind'], 'region'],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': c.region,
        'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 8, 1, 12, 1.6],
        'line-dasharray': [3, 1.5],
      },
    },
    {
      id: 'basemap-boundaries-country',
      type: 'line',
      ...S,
      'source-layer': 'boundaries',
      filter: ['all', ['==', ['get', 'kind'], 'country'], ['!', disputed]],
      layout: { 'line-join': 'round' },
      paint: {
        'line-color': c.country,
        'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.5, 6, 1.2, 12, 2.2],
      },
    },
    {
      id: 'basemap-boundaries-disputed',
      type: 'line',
      ...S,
      'source-layer': 'boundaries',
      filter: ['all', ['==', ['get', 'kind'], 'country'], disputed],
      paint: {
        'line-color': c.countryDisputed,
        'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.5, 6, 1.2, 12, 2.2],
        'line-dasharray': [2, 2],
      },
    },
    {
      id: 'basemap-city-dot',
      type: 'circle',
      ...S,
      'source-layer': 'places',
      filter: [
        'all',
        ['==', ['get', 'kind'], 'locality'],
        ['<=', ['coalesce', ['get', 'min_zoom'], 0], ['zoom']],
      ],
      paint: {
        'circle-radius': ['step', ['coalesce', ['get', 'population_rank'], 8], 1.8, 11, 2.4, 13, 3],
        'circle-color': c.cityDot,
        'circle-stroke-color': c.halo,
        'circle-stroke-width': 1,
        'circle-opacity': shown,
        'circle-stroke-opacity': shown,
      },
    },
    {
      id: 'basemap-label-river',
      type: 'symbol',
      ...S,
      'source-layer': 'water',
      minzoom: 7,
      filter: ['all', isLine, ['has', 'name']],
      layout: {
        'symbol-placement': 'line',
        'text-field': text,
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 7, 11, 12, 14],
        'text-letter-spacing': 0.08,
        'symbol-spacing': 350,
      },
      paint: { 'text-color': c.labelWater, 'text-halo-color': c.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'basemap-label-region',
      type: 'symbol',
      ...S,
      'source-layer': 'places',
      minzoom: 4,
      maxzoom: 9,
      filter: ['==', ['get', 'kind'], 'region'],
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10, 8, 13],
        'text-letter-spacing': 0.12,
        'text-transform': 'uppercase',
        'text-max-width': 7,
        'symbol-sort-key': ['coalesce', ['get', 'sort_rank'], 10],
      },
      paint: {
        'text-color': c.labelMinor,
        'text-halo-color': c.halo,
        'text-halo-width': 1,
        'text-opacity': 0.8,
      },
    },
    {
      id: 'basemap-label-city',
      type: 'symbol',
      ...S,
      'source-layer': 'places',
      filter: [
        'all',
        ['==', ['get', 'kind'], 'locality'],
        ['<=', ['coalesce', ['get', 'min_zoom'], 0], ['zoom']],
      ],
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': [
          'interpolate',
          ['linear'],
          ['zoom'],
          2,
          ['step', ['coalesce', ['get', 'population_rank'], 8], 9, 11, 10, 13, 11],
          8,
          ['step', ['coalesce', ['get', 'population_rank'], 8], 12, 9, 13, 11, 14, 13, 16],
        ],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.5,
        'text-justify': 'auto',
        'text-max-width': 8,
        'icon-optional': true,
        'symbol-sort-key': ['-', 20, ['coalesce', ['get', 'population_rank'], 8]],
      },
      paint: {
        'text-color': c.label,
        'text-halo-color': c.halo,
        'text-halo-width': 1.3,
        'text-opacity': shown,
      },
    },
    {
      id: 'basemap-label-country',
      type: 'symbol',
      ...S,
      'source-layer': 'places',
      maxzoom: 8,
      filter: ['==', ['get', 'kind'], 'country'],
      layout: {
        'text-field': text,
        'text-font': font,
        'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 4, 13, 7, 16],
        'text-letter-spacing': 0.15,
        'text-transform': 'uppercase',
        'text-max-width': 6,
        'symbol-sort-key': ['coalesce', ['get', 'min_zoom'], 5],
      },
      paint: { 'text-color': c.labelCountry, 'text-halo-color': c.halo, 'text-halo-width': 1.2 },
    },
  );
  return layers;
}

/** The whole basemap style: source, layers, language state and the self-hosted label font. */
export function basemapStyle(opts: BasemapOptions): StyleSpecification {
  const flavor = opts.flavor ?? 'embedded';
  const archive = absolute(opts.archiveUrl ?? DEFAULT_ARCHIVE_URL);
  return {
    version: 8,
    name: `Story map basemap (${flavor}, ${opts.theme})`,
    state: { lang: { default: opts.lang } },
    'font-faces': {
      [MAP_FONT_NAME]: MAP_FONT_FACES.map((f) => ({
        url: absolute(f.url),
        'unicode-range': f.range.split(/,\s*/),
      })),
    },
    sources: {
      [SOURCE_ID]: {
        type: 'vector',
        url: `pmtiles://${archive}`,
        attribution: basemapAttribution(flavor),
        promoteId: { places: PLACE_ID_PROPERTY },
        // No zoom range here: the pmtiles protocol gives MapLibre the archive's own (its header),
        // so closer than the archive's max zoom, MapLibre overzooms its last tiles.
      },
    },
    layers: basemapLayers(BASEMAP_PALETTES[opts.theme], flavor),
  };
}
