// The style a map starts with: the basemap, the story's own sources and layers, and the whole
// look of one map state already in it (the story layers' filters, the routes drawn so far, the
// language). A map built from it shows that state as soon as its first tiles are in;
// `MapView.apply` of the same state then changes nothing, so the first picture is not laid out
// twice (a changed filter or global state re-parses every tile). The basemap cities the story
// labels itself are hidden by feature state, which MapView sets before the first tile is drawn.
import type { LayerSpecification, StyleSpecification, VectorSourceSpecification } from 'maplibre-gl';
import type { MapState } from '../story/chapter-state';
import type { Lang, Story } from '../story/types';
import { basemapStyle, LABEL_FONT, NOTES_METADATA, SOURCE_ID, type Flavor, type Theme } from './style';
import { storyMapNotes } from './style/attribution';
import {
  PALETTES,
  SYMBOL_SIZES,
  routePaint,
  storyFilters,
  storyLayers,
  storySources,
  type SymbolSize,
} from './story-layers';

export interface StoryStyleOptions {
  /** Only the places and overlays are read (the bench's bare page passes no more). */
  story: Pick<Story, 'places' | 'overlays' | 'basemapNotes'> & Partial<Pick<Story, 'basemapKind'>>;
  state: MapState;
  lang: Lang;
  theme: Theme;
  /** Size of the story's marks and labels: 'large' on a kiosk read from a distance. */
  symbols?: SymbolSize;
  archiveUrl?: string;
  /** Default: the story's basemap kind. */
  flavor?: Flavor;
}

/** English names of the places in `ids`: the basemap cities to hide where the story labels them. */
export function hiddenPlaceNames(story: Pick<Story, 'places'>, ids: readonly string[]): string[] {
  return ids.map((id) => story.places.find((p) => p.id === id)?.name.en ?? id);
}

/** The ids of the story's routes (the overlays drawn with a self-drawing gradient). */
export function routeIds(story: Pick<Story, 'overlays'>): Set<string> {
  return new Set(story.overlays.filter((o) => o.kind === 'route').map((o) => o.id));
}

export function storyStyle(opts: StoryStyleOptions): StyleSpecification {
  const { story, state, lang, theme } = opts;
  const style = basemapStyle({
    lang,
    theme,
    archiveUrl: opts.archiveUrl,
    flavor: opts.flavor ?? story.basemapKind,
  });
  const palette = PALETTES[theme];
  const filters = storyFilters(state);
  const paint = routePaint(palette, state.routes);
  const sizes = SYMBOL_SIZES[opts.symbols ?? 'standard'];
  const layers = storyLayers(palette, LABEL_FONT, lang, sizes, [...routeIds(story)]).map(
    (layer): LayerSpecification => {
      const filter = filters[layer.id];
      const gradient = paint[layer.id];
      let out = filter ? { ...layer, filter } : layer;
      if (gradient && out.type === 'line')
        out = { ...out, paint: { ...out.paint, 'line-gradient': gradient } };
      return out;
    },
  );
  // The map's attribution control credits the basemap's data, in the reader's language (MapView);
  // the basemap source's own credit is the story's notes on its map, if it has any, in the same
  // language (kept in the style's metadata in both, for setBasemapLanguage).
  const { attribution: _credited, ...basemap } = style.sources[SOURCE_ID] as VectorSourceSpecification;
  const notes = storyMapNotes(story.basemapNotes, lang);
  return {
    ...style,
    ...(story.basemapNotes ? { metadata: { [NOTES_METADATA]: story.basemapNotes } } : {}),
    sources: {
      ...style.sources,
      [SOURCE_ID]: notes ? { ...basemap, attribution: notes } : basemap,
      ...storySources(story),
    },
    layers: [...style.layers, ...layers],
  };
}
