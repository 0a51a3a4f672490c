// The style a map is built with already shows its first state: the chapter a reader opens (by a
// deep link, a reload, a kiosk start) is drawn once, not drawn and then laid out again.
import { describe, expect, test } from 'vitest';
import { featureFilter, validateStyleMin, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { LayerSpecification } from 'maplibre-gl';
import { loadStory } from '../../src/build/story/load';
import { chapterMapState } from '../../src/lib/story/chapter-state';
import { hiddenPlaceNames, routeIds, storyStyle } from '../../src/lib/map/map-style';
import {
  LAYER,
  PALETTES,
  STORY_SOURCE,
  filtersToSet,
  routeLayerIds,
  routePaint,
  storyFilters,
} from '../../src/lib/map/story-layers';
import { NOTES_METADATA } from '../../src/lib/map/style';

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
      const paint = routePaint(PALETTES.light, state.routes);
      expect(Object.keys(paint).length).toBe(2 * state.routes.filter((r) => r.shown).length);
      for (const [id, gradient] of Object.entries(paint))
        expect(layer(style.layers, id), id).toMatchObject({ paint: { 'line-gradient': gradient } });
      expect(style.state).toEqual({ lang: { default: 'zh' } });
      // The map's control credits the basemap's data in the reader's language; the basemap source
      // credits only the story's own notes on its map, in the same language.
      expect(style.sources.basemap).toHaveProperty('attribution', story.basemapNotes!.zh);
    },
  );

  test('a story without its own map notes adds no credit of its own; one with notes has them in both languages', () => {
    const state = chapterMapState(story, 0, 0);
    const { basemapNotes: _notes, ...plain } = story;
    const bare = storyStyle({ story: plain, state, lang: 'en', theme: 'light' });
    expect(bare.sources.basemap).not.toHaveProperty('attribution');
    expect(bare.metadata).toBeUndefined();
    const notes = { en: 'quay <wall> redrawn', zh: '码头岸线重绘' };
    const own = storyStyle({ story: { ...plain, basemapNotes: notes }, state, lang: 'en', theme: 'light' });
    expect(own.sources.basemap).toHaveProperty('attribution', 'quay &lt;wall&gt; redrawn');
    expect(own.metadata).toEqual({ [NOTES_METADATA]: notes });
    expect(validateStyleMin(own)).toEqual([]);
  });

  test('the basemap layers follow the story’s basemap kind: a protomaps story draws roads and buildings', () => {
    const state = chapterMapState(story, 0, 0);
    const ids = (kind: 'embedded' | 'protomaps') =>
      storyStyle({ story: { ...story, basemapKind: kind }, state, lang: 'en', theme: 'light' }).layers.map(
        (l) => l.id,
      );
    expect(story.basemapKind).toBe('embedded');
    expect(ids('embedded')).not.toContain('basemap-roads');
    expect(ids('protomaps')).toEqual(
      expect.arrayContaining(['basemap-roads', 'basemap-buildings', 'basemap-landuse']),
    );
    const osm = storyStyle({
      story: { ...story, basemapKind: 'protomaps' },
      state,
      lang: 'en',
      theme: 'light',
    });
    expect(validateStyleMin(osm)).toEqual([]);
  });

  test('the story’s own places hide the basemap’s label of the same city, by its English name', () => {
    const chongqing = story.places.find((p) => /^Chongqing/.test(p.name.en!))!;
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

describe('the story’s marks at kiosk size', () => {
  // Every size a mark is drawn with: circles, lines and text (px), read from the layers themselves.
  // Each route has its own casing and line layers.
  const routeLayers = [...routeIds(story)].flatMap((id) => Object.values(routeLayerIds(id)));
  const SIZED: Record<string, string[]> = {
    [LAYER.areaLine]: ['line-width'],
    ...Object.fromEntries(routeLayers.map((id) => [id, ['line-width']])),
    [LAYER.areaLabel]: ['text-size', 'text-halo-width'],
    [LAYER.placeHalo]: ['circle-radius'],
    [LAYER.placeDot]: ['circle-radius', 'circle-stroke-width'],
    [LAYER.placeClear]: ['text-size'],
    [LAYER.placeLabel]: ['text-size', 'text-halo-width'],
  };
  const sizeOf = (l: LayerSpecification, prop: string): number => {
    const v = { ...('layout' in l ? l.layout : {}), ...('paint' in l ? l.paint : {}) } as Record<
      string,
      unknown
    >;
    expect(typeof v[prop], `${l.id} ${prop}`).toBe('number');
    return v[prop] as number;
  };
  const state = chapterMapState(story, 4, 1);
  const standard = storyStyle({ story, state, lang: 'en', theme: 'dark' });
  const large = storyStyle({ story, state, lang: 'en', theme: 'dark', symbols: 'large' });

  test('the standard size is the default, and the large style is valid', () => {
    expect(storyStyle({ story, state, lang: 'en', theme: 'dark', symbols: 'standard' })).toEqual(standard);
    expect(validateStyleMin(large)).toEqual([]);
  });

  test('place dots, their labels, areas and route lines are all at least 1.4 times larger', () => {
    for (const [id, props] of Object.entries(SIZED))
      for (const prop of props)
        expect(sizeOf(layer(large.layers, id), prop), `${id} ${prop}`).toBeGreaterThanOrEqual(
          1.4 * sizeOf(layer(standard.layers, id), prop),
        );
  });

  test('the invisible mark that keeps basemap labels off a dot covers the larger dot', () => {
    for (const s of [standard, large]) {
      const dot = layer(s.layers, LAYER.placeDot);
      const diameter = 2 * (sizeOf(dot, 'circle-radius') + sizeOf(dot, 'circle-stroke-width'));
      expect(sizeOf(layer(s.layers, LAYER.placeClear), 'text-size')).toBeGreaterThanOrEqual(diameter);
    }
  });

  test('only sizes differ: same layers, order, filters, colours and sources', () => {
    const strip = (l: LayerSpecification) => {
      const props = SIZED[l.id] ?? [];
      const drop = (o: object | undefined) =>
        o && Object.fromEntries(Object.entries(o).filter(([k]) => !props.includes(k)));
      return {
        ...l,
        ...('layout' in l ? { layout: drop(l.layout) } : {}),
        ...('paint' in l ? { paint: drop(l.paint) } : {}),
      };
    };
    expect(large.sources).toEqual(standard.sources);
    expect(large.layers.map(strip)).toEqual(standard.layers.map(strip));
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
    const routeLayers = [...routeIds(story)].flatMap((id) => Object.values(routeLayerIds(id)));
    const ids = [
      ...Object.values(LAYER).filter((id) => id !== LAYER.route && id !== LAYER.routeCasing),
      ...routeLayers,
    ];
    expect(routeLayers).toHaveLength(2 * story.overlays.filter((o) => o.kind === 'route').length);
    for (const id of ids) expect(layer(style.layers, id), id).toMatchObject({ source: STORY_SOURCE });
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
