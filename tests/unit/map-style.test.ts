// The style a map is built with already shows its first state: the chapter a reader opens (by a
// deep link, a reload, a kiosk start) is drawn once, not drawn and then laid out again.
import { describe, expect, test } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { loadStory } from '../../src/build/story/load';
import { chapterMapState } from '../../src/lib/story/chapter-state';
import { hiddenPlaceNames, routeIds, storyStyle } from '../../src/lib/map/map-style';
import { LAYER, PALETTES, filtersToSet, routePaint, storyFilters } from '../../src/lib/map/story-layers';
import { routeFractionFor } from '../../src/lib/map/route-draw';

const { story } = loadStory('src/stories/liangjiang');
const layer = (layers: LayerSpecification[], id: string) => layers.find((l) => l.id === id)!;

describe('the first style of the map', () => {
  test.each(story.chapters.map((c, i) => [c.id, i] as const))(
    'opened at %s, it holds that chapter’s filters and route paint',
    (_id, i) => {
      const state = chapterMapState(story, i, 0.5);
      const style = storyStyle({ story, state, lang: 'zh', theme: 'light' });
      expect(validateStyleMin(style)).toEqual([]);
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
