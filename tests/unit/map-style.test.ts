// The style a map is built with already shows its first state: the chapter a reader opens (by a
// deep link, a reload, a kiosk start) is drawn once, not drawn and then laid out again.
import { describe, expect, test } from 'vitest';
import { featureFilter, validateStyleMin, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { loadStory } from '../../src/lib/story/load';
import { chapterMapState } from '../../src/lib/story/chapter-state';
import { hiddenPlaceNames, routeIds, storyStyle } from '../../src/lib/map/map-style';
import {
  LAYER,
  PALETTES,
  STORY_SOURCE,
  filtersToSet,
  routePaint,
  storyFilters,
} from '../../src/lib/map/story-layers';
import { routeFractionFor } from '../../src/lib/map/route-draw';

const { story } = loadStory('src/stories/liangjiang');
const layer = (layers: LayerSpecification[], id: string) => layers.find((l) => l.id === id)!;

describe('the first style of the map', () => {
  test.each(story.chapters.map((c, i) => [c.id, i] as const))(
    'opened at %s, it holds that chapter’s filters and route paint',
    (_id, i) => {
      const state = chapterMapState(story, i, 0.5);
      const style = storyStyle({ story, state, lang: 'zh', theme: 'light' });
      // The map does not validate its style in the browser (MapView: validateStyle false): here,
      // every language and theme is.
      for (const lang of ['en', 'zh'] as const)
        for (const theme of ['light', 'dark'] as const)
          expect(validateStyleMin(storyStyle({ story, state, lang, theme })), `${lang} ${theme}`).toEqual([]);
      for (const [id, filter] of Object.entries(storyFilters(state)))
        expect(layer(style.layers, id), id).toMatchObject({ filter });
      const paint = routePaint(PALETTES.light, routeFractionFor(state, routeIds(story)));
      for (const [id, gradient] of Object.entries(paint))
        expect(layer(style.layers, id), id).toMatchObject({ paint: { 'line-gradient': gradient } });
      expect(style.state).toEqual({ lang: { default: 'zh' } });
      // The map's control credits the basemap in the reader's language; the style adds no English copy.
      expect(style.sources.basemap).not.toHaveProperty('attribution');
    },
  );

  test('the story’s own places hide the basemap’s label of the same city, by its English name', () => {
    const chongqing = story.places.find((p) => /^Chongqing/.test(p.name.en))!;
    expect(hiddenPlaceNames(story, [chongqing.id])).toEqual([chongqing.name.en]);
    expect(hiddenPlaceNames(story, [])).toEqual([]);
  });
});

describe('the filters a new state sets', () => {
  const states = story.chapters.map((_c, i) => chapterMapState(story, i, 1));

  test('a map whose filters are unknown (new, or its context restored) gets every one', () => {
    for (const state of states) expect(filtersToSet(state)).toEqual(storyFilters(state));
  });

  test('the state the map already shows sets nothing, so it draws no extra frame', () => {
    for (const state of states) expect(filtersToSet(state, state)).toEqual({});
  });

  test('from any chapter to any other, the map ends with exactly the new chapter’s filters', () => {
    for (const from of states)
      for (const to of states) {
        const shown = { ...storyFilters(from), ...filtersToSet(to, from) };
        expect(shown).toEqual(storyFilters(to));
      }
  });

  test('other places set the place layers only', () => {
    const [a] = states;
    const changed = filtersToSet({ ...a!, places: [...a!.places, 'somewhere-else'] }, a);
    expect(Object.keys(changed).sort()).toEqual([LAYER.placeDot, LAYER.placeClear, LAYER.placeLabel].sort());
  });
});

describe('the story’s own source', () => {
  const state = chapterMapState(story, 0, 1);
  const style = storyStyle({ story, state, lang: 'en', theme: 'light' });

  test('places and overlays are one GeoJSON source, so the first picture waits for one set of tiles', () => {
    const geojson = Object.entries(style.sources).filter(([, s]) => s.type === 'geojson');
    expect(geojson.map(([id]) => id)).toEqual([STORY_SOURCE]);
    const features = (geojson[0]![1] as { data: GeoJSON.FeatureCollection }).data.features;
    expect(features.filter((f) => f.properties?.kind === 'place')).toHaveLength(story.places.length);
    for (const id of Object.values(LAYER))
      expect(layer(style.layers, id), id).toMatchObject({ source: STORY_SOURCE });
  });

  test('a place layer shows places only, even an overlay that has a place’s id', () => {
    const shown = (filter: unknown, properties: Record<string, unknown>) =>
      featureFilter(filter as FilterSpecification, 'filter').filter(
        { zoom: 5 } as never,
        { type: 1, properties, geometry: [] } as never,
      );
    const placeId = state.places[0]!;
    const filter = storyFilters(state)[LAYER.placeDot];
    expect(shown(filter, { id: placeId, kind: 'place' })).toBe(true);
    expect(shown(filter, { id: placeId, kind: 'route' })).toBe(false);
    expect(shown(filter, { id: 'not-in-this-chapter', kind: 'place' })).toBe(false);
  });
});
