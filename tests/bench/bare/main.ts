// The bench's reference page (npm run bench, scripts/bench/bare.mjs): the same MapLibre build, the
// same map style as the app (the basemap and the story's own sources and layers, built by the
// app's `storyStyle` for the chapter shown) and the same camera, with nothing else: no text, no
// framework, no deferred loading. With `?basemap-only` it draws the basemap alone.
//   ?camera=<Camera JSON>&padding=<padding JSON>[&basemap-only]
// It marks `storymap:first-idle` as the app does and offers `window.bench.fly()` for flights.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';
import story from 'virtual:bench-story';
import { basemapStyle, setHiddenBasemapPlaces } from '../../../src/lib/map/style';
import { hiddenPlaceNames, storyStyle } from '../../../src/lib/map/map-style';
import { gpuDone, type FirstViewMap } from '../../../src/lib/map/first-view';
import { chapterMapState, type MapState } from '../../../src/lib/story/chapter-state';
import type { Camera, Story } from '../../../src/lib/story/types';
import { ARCHIVE_FILE } from '../../../src/lib/basemap-archive.js';

type Padding = { top: number; right: number; bottom: number; left: number };
export interface Flight {
  frames: number;
  ms: number;
}
declare global {
  interface Window {
    bench?: {
      fly(index: number, from: Camera, to: Camera, padding: Padding): Promise<Flight>;
    };
  }
}

maplibregl.setWorkerUrl(workerUrl);
maplibregl.addProtocol('pmtiles', new Protocol().tile);

const q = new URLSearchParams(location.search);
const camera = JSON.parse(q.get('camera') ?? 'null') as Camera | null;
if (!camera) throw new Error('bare page: no ?camera= given');
const padding = JSON.parse(q.get('padding') ?? '{"top":0,"right":0,"bottom":0,"left":0}') as Padding;
const basemapOnly = q.has('basemap-only');

// chapterMapState reads only the map fields of a chapter, which is all this page is given.
const stateFor = (index: number, progress: number): MapState =>
  chapterMapState(story as unknown as Story, index, progress);
// The app's own archive, at the top of the site the bench serves (this page's base is /__bench/,
// which the style's default address would follow).
const archiveUrl = `/${ARCHIVE_FILE}`;
const styleFor = (state: MapState) =>
  basemapOnly
    ? basemapStyle({ lang: 'en', theme: 'light', archiveUrl })
    : storyStyle({ story, state, lang: 'en', theme: 'light', archiveUrl });

const allPlaces = hiddenPlaceNames(
  story,
  story.places.map((p) => p.id),
);
const hidePlaces = (state: MapState) => {
  if (!basemapOnly) setHiddenBasemapPlaces(map, allPlaces, hiddenPlaceNames(story, state.places));
};

const first = stateFor(0, 0);
const map = new maplibregl.Map({
  container: 'map',
  style: styleFor(first),
  ...camera,
  maxPitch: 85,
  fadeDuration: 150,
  interactive: false,
});
map.setPadding(padding);
map.once('style.load', () => hidePlaces(first));

let frames = 0;
map.on('render', () => frames++);
// As in the app, the first picture counts once the GPU has drawn it (src/lib/map/first-view.ts).
map.once('idle', async () => {
  await gpuDone((map as unknown as FirstViewMap).painter?.context?.gl);
  performance.clearMarks('storymap:first-idle');
  // What the basemap drew: none means the page did not get the archive, and its timings are void.
  const basemapFeatures = map.queryRenderedFeatures().filter((f) => f.source === 'basemap').length;
  performance.mark('storymap:first-idle', { detail: { frames, basemapFeatures } });
});
const idle = () =>
  new Promise<void>((ok) => (map.loaded() && !map.isMoving() ? ok() : map.once('idle', () => ok())));

window.bench = {
  /** Shows chapter number `index` (its style) at `from`, then flies to `to` and counts the frames. */
  async fly(index, from, to, pad) {
    const next = stateFor(index, 1);
    map.setStyle(styleFor(next));
    hidePlaces(next);
    map.jumpTo({ ...from, padding: pad });
    await idle();
    const start = { t: 0, f: 0 };
    map.once('movestart', () => {
      start.t = performance.now();
      start.f = frames;
    });
    const done = new Promise<Flight>((ok) =>
      map.once('moveend', () => ok({ frames: frames - start.f, ms: performance.now() - start.t })),
    );
    map.flyTo({ ...to, padding: pad, maxDuration: 4000, essential: true });
    const r = await done;
    await idle();
    return r;
  },
};
