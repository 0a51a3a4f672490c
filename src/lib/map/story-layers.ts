// The story's own sources and layers, drawn on top of the basemap, and the pure function that
// says how each of them must look for a map state. Typed with MapLibre's own style-spec types.
import type {
  CircleLayerSpecification,
  ExpressionSpecification,
  FillLayerSpecification,
  GeoJSONSourceSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';
import type { MapState, RouteState } from '../story/chapter-state';
import type { Lang, Localized, Overlay, Story } from '../story/types';
import { formatArea } from '../ui/format';
import { STRINGS } from '../ui/strings';

/**
 * All the story's own features (places and overlays) are in one GeoJSON source, told apart by
 * their `kind`: one source is one index and one set of tiles for MapLibre's worker to build, so
 * the first picture is not redrawn once per source as each one's tiles arrive.
 */
export const STORY_SOURCE = 'story';
const PLACE_KIND = 'place';

export const LAYER = {
  areaFill: 'story-area-fill',
  areaLine: 'story-area-line',
  /** Each route's casing and line are `<prefix>:<route id>` (routeLayerIds). */
  routeCasing: 'story-route-casing',
  route: 'story-route',
  areaLabel: 'story-area-label',
  placeHalo: 'story-place-halo',
  placeDot: 'story-place-dot',
  placeClear: 'story-place-clear',
  placeLabel: 'story-place-label',
} as const;

export interface Palette {
  accent: string;
  ink: string;
  halo: string;
  route: string;
  area: string;
}

export const PALETTES: Record<'light' | 'dark', Palette> = {
  light: { accent: '#c2410c', ink: '#1f2937', halo: '#ffffff', route: '#b45309', area: '#c2410c' },
  dark: { accent: '#fb923c', ink: '#f3f4f6', halo: '#111827', route: '#fbbf24', area: '#fb923c' },
};

/** Sizes of the story's marks (px): 'large' for a screen read from 1–2 m away (the kiosk). */
export type SymbolSize = 'standard' | 'large';

export interface SymbolSizes {
  placeDot: number;
  placeDotStroke: number;
  placeHalo: number;
  placeLabel: number;
  areaLabel: number;
  areaLine: number;
  route: number;
  routeCasing: number;
  textHalo: number;
}

export const SYMBOL_SIZES: Record<SymbolSize, SymbolSizes> = {
  standard: {
    placeDot: 5,
    placeDotStroke: 2,
    placeHalo: 14,
    placeLabel: 15,
    areaLabel: 13,
    areaLine: 2,
    route: 3,
    routeCasing: 6,
    textHalo: 2,
  },
  large: {
    placeDot: 8,
    placeDotStroke: 3,
    placeHalo: 22,
    placeLabel: 24,
    areaLabel: 20,
    areaLine: 3,
    route: 5,
    routeCasing: 10,
    textHalo: 3,
  },
};

export function placesData(story: Pick<Story, 'places'>): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: story.places.map((p) => ({
      type: 'Feature',
      id: story.places.indexOf(p),
      geometry: { type: 'Point', coordinates: [...p.coordinates] },
      properties: { id: p.id, kind: PLACE_KIND, ...byLanguage('name', p.name) },
    })),
  };
}

/** The words beside a scale circle on the map, in `lang`: the story's own, or plain ones. */
export function scaleCircleLabel(o: Pick<Overlay, 'label' | 'measure'>, lang: Lang): string {
  const area = formatArea(o.measure, lang);
  const own = o.label?.[lang];
  return own ? own.replaceAll('{area}', area) : STRINGS[lang].scaleCircleLabel(area);
}

/** A text in each of the story's languages as feature properties: `name_en`, `name_zh`, … */
function byLanguage(prefix: string, text: Localized): Record<string, string> {
  return Object.fromEntries(Object.entries(text).map(([lang, t]) => [`${prefix}_${lang}`, t]));
}

export function overlaysData(story: Pick<Story, 'overlays'>): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = story.overlays.map((o) => ({
    type: 'Feature',
    geometry: o.geometry,
    properties: { id: o.id, kind: o.kind, ...byLanguage('name', o.name) },
  }));
  // A scale circle is labelled just above its northern edge, in each of the story's languages: in
  // the story's own words where it gives them (overlays.yaml `label`), else in plain words that fit
  // any story.
  for (const o of story.overlays) {
    if (o.kind !== 'scale-circle' || o.geometry.type !== 'Polygon') continue;
    const ring = o.geometry.coordinates[0]!;
    const top = ring.reduce((a, b) => (b[1]! > a[1]! ? b : a));
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [top[0]!, top[1]!] },
      properties: {
        id: o.id,
        kind: 'scale-label',
        ...byLanguage(
          'label',
          Object.fromEntries((Object.keys(o.name) as Lang[]).map((l) => [l, scaleCircleLabel(o, l)])),
        ),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}

const TRANSPARENT = 'rgba(0, 0, 0, 0)';

/** A line-gradient that draws a route up to `fraction` of its length (MapLibre's line-progress). */
export function drawnGradient(color: string, fraction: number): ExpressionSpecification {
  const f = Math.min(1, Math.max(0, fraction));
  return ['step', ['line-progress'], color, f, TRANSPARENT];
}

/** The drawn fraction a gradient made by `drawnGradient` stands for (null for anything else). */
export function gradientFraction(gradient: unknown): number | null {
  if (!Array.isArray(gradient) || gradient[0] !== 'step' || typeof gradient[3] !== 'number') return null;
  return gradient[3];
}

/**
 * Each route has a line layer and a casing layer of its own: a line-gradient is one paint value for
 * a whole layer, and routes of one chapter may be drawn to different fractions.
 */
export function routeLayerIds(routeId: string): { casing: string; line: string } {
  return { casing: `${LAYER.routeCasing}:${routeId}`, line: `${LAYER.route}:${routeId}` };
}

/**
 * The route layers' paint for the routes a state shows, each drawn to its fraction: the whole
 * picture, so applying it twice changes nothing. Hidden routes keep whatever they had.
 */
export function routePaint(
  palette: Palette,
  routes: readonly Pick<RouteState, 'id' | 'shown' | 'drawn'>[],
): Record<string, ExpressionSpecification> {
  const paint: Record<string, ExpressionSpecification> = {};
  for (const r of routes) {
    if (!r.shown) continue;
    const ids = routeLayerIds(r.id);
    paint[ids.casing] = drawnGradient(palette.halo, r.drawn);
    paint[ids.line] = drawnGradient(palette.route, r.drawn);
  }
  return paint;
}

export function areaLabelField(lang: Lang): ExpressionSpecification {
  return ['get', `label_${lang}`];
}

export function storySources(
  story: Pick<Story, 'places' | 'overlays'>,
): Record<string, GeoJSONSourceSpecification> {
  const data: GeoJSON.FeatureCollection = {
    type: 'FeatureCollection',
    features: [...placesData(story).features, ...overlaysData(story).features],
  };
  // Line metrics for the routes' self-drawing gradient.
  return { [STORY_SOURCE]: { type: 'geojson', data, lineMetrics: true } };
}

const inList = (ids: readonly string[]): ExpressionSpecification => [
  'in',
  ['get', 'id'],
  ['literal', [...ids]],
];
/** The story places among `ids` (an overlay never matches, whatever its id). */
const placesIn = (ids: readonly string[]): ExpressionSpecification => [
  'all',
  ['==', ['get', 'kind'], PLACE_KIND],
  inList(ids),
];

type StoryLayer =
  FillLayerSpecification | LineLayerSpecification | CircleLayerSpecification | SymbolLayerSpecification;

export function storyLayers(
  palette: Palette,
  fontStack: string[],
  lang: Lang,
  size: SymbolSizes = SYMBOL_SIZES.standard,
  /** The ids of the story's routes: each gets its own layers (routeLayerIds). */
  routes: readonly string[] = [],
): StoryLayer[] {
  const none = inList([]);
  // The invisible mark over each dot (for label placement) is as wide as the dot and its halo.
  const dotWidth = 2 * (size.placeDot + size.placeDotStroke);
  const noPlace = placesIn([]);
  return [
    {
      id: LAYER.areaFill,
      type: 'fill',
      source: STORY_SOURCE,
      filter: ['all', ['==', ['get', 'kind'], 'scale-circle'], none],
      paint: { 'fill-color': palette.area, 'fill-opacity': 0.12 },
    },
    {
      id: LAYER.areaLine,
      type: 'line',
      source: STORY_SOURCE,
      filter: ['all', ['==', ['get', 'kind'], 'scale-circle'], none],
      paint: { 'line-color': palette.area, 'line-width': size.areaLine, 'line-dasharray': [3, 2] },
    },
    // Every casing under every line, so that a crossing keeps the line on top whole.
    ...routes.map((rid): LineLayerSpecification => ({
      id: routeLayerIds(rid).casing,
      type: 'line',
      source: STORY_SOURCE,
      filter: ['all', ['==', ['get', 'kind'], 'route'], none],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-gradient': drawnGradient(palette.halo, 1),
        'line-width': size.routeCasing,
        'line-opacity': 0.8,
      },
    })),
    ...routes.map((rid): LineLayerSpecification => ({
      id: routeLayerIds(rid).line,
      type: 'line',
      source: STORY_SOURCE,
      filter: ['all', ['==', ['get', 'kind'], 'route'], none],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-gradient': drawnGradient(palette.route, 1), 'line-width': size.route },
    })),
    {
      id: LAYER.areaLabel,
      type: 'symbol',
      source: STORY_SOURCE,
      filter: ['all', ['==', ['get', 'kind'], 'scale-label'], none],
      layout: {
        'text-field': areaLabelField(lang),
        'text-font': fontStack,
        'text-size': size.areaLabel,
        'text-anchor': 'bottom',
        'text-offset': [0, -0.3],
        'text-max-width': 14,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: {
        'text-color': palette.area,
        'text-halo-color': palette.halo,
        'text-halo-width': size.textHalo,
      },
    },
    {
      id: LAYER.placeHalo,
      type: 'circle',
      source: STORY_SOURCE,
      filter: noPlace,
      paint: { 'circle-radius': size.placeHalo, 'circle-color': palette.accent, 'circle-opacity': 0.25 },
    },
    {
      id: LAYER.placeDot,
      type: 'circle',
      source: STORY_SOURCE,
      filter: noPlace,
      paint: {
        'circle-radius': size.placeDot,
        'circle-color': palette.ink,
        'circle-stroke-color': palette.halo,
        'circle-stroke-width': size.placeDotStroke,
      },
    },
    {
      // Circles take no part in label placement: this invisible symbol over each dot does, so that
      // the basemap's labels (placed after the story's own) keep clear of the story's places.
      id: LAYER.placeClear,
      type: 'symbol',
      source: STORY_SOURCE,
      filter: noPlace,
      layout: {
        'text-field': 'o',
        'text-font': fontStack,
        'text-size': dotWidth,
        'text-padding': 3,
        'text-allow-overlap': true,
      },
      paint: { 'text-opacity': 0 },
    },
    {
      id: LAYER.placeLabel,
      type: 'symbol',
      source: STORY_SOURCE,
      filter: noPlace,
      layout: {
        'text-field': labelField(lang),
        'text-font': fontStack,
        'text-size': size.placeLabel,
        'text-radial-offset': 0.8,
        // Let close places (a landmark next to its city centre) push their labels apart.
        'text-variable-anchor': ['top', 'bottom', 'right', 'left', 'top-right', 'bottom-left'],
        'text-justify': 'auto',
        'text-max-width': 9,
        'text-padding': 3,
      },
      paint: { 'text-color': palette.ink, 'text-halo-color': palette.halo, 'text-halo-width': size.textHalo },
    },
  ];
}

export function labelField(lang: Lang): ExpressionSpecification {
  return ['get', `name_${lang}`];
}

/** Every story layer's filter for a map state: the whole picture, never a change relative to the last one. */
export function storyFilters(
  state: Pick<MapState, 'places' | 'highlight' | 'layers' | 'routes'>,
): Record<string, ExpressionSpecification> {
  const layers = inList(state.layers);
  const routes: Record<string, ExpressionSpecification> = {};
  for (const r of state.routes) {
    const filter: ExpressionSpecification = [
      'all',
      ['==', ['get', 'kind'], 'route'],
      r.shown ? ['==', ['get', 'id'], r.id] : inList([]),
    ];
    const ids = routeLayerIds(r.id);
    routes[ids.casing] = filter;
    routes[ids.line] = filter;
  }
  return {
    ...routes,
    [LAYER.areaFill]: ['all', ['==', ['get', 'kind'], 'scale-circle'], layers],
    [LAYER.areaLine]: ['all', ['==', ['get', 'kind'], 'scale-circle'], layers],
    [LAYER.areaLabel]: ['all', ['==', ['get', 'kind'], 'scale-label'], layers],
    [LAYER.placeHalo]: placesIn(state.highlight),
    [LAYER.placeDot]: placesIn(state.places),
    [LAYER.placeClear]: placesIn(state.places),
    [LAYER.placeLabel]: placesIn(state.places),
  };
}

/**
 * The filters to give the map to show `state` when it shows `shown` (undefined: unknown, so all).
 * Each is computed from the whole state; those equal to what the map already has are left out,
 * because MapLibre draws a new frame after any filter is set, even to the same value.
 */
export function filtersToSet(
  state: Pick<MapState, 'places' | 'highlight' | 'layers' | 'routes'>,
  shown?: Pick<MapState, 'places' | 'highlight' | 'layers' | 'routes'>,
): Record<string, ExpressionSpecification> {
  const next = storyFilters(state);
  if (!shown) return next;
  const now = storyFilters(shown);
  return Object.fromEntries(
    Object.entries(next).filter(([id, filter]) => JSON.stringify(filter) !== JSON.stringify(now[id])),
  );
}
