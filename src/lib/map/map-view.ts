// The map as a view of the story state. Loaded as its own chunk after the text is on screen.
// `apply` always sets the whole picture (camera, filters, language), so applying the same state
// twice changes nothing and applying the last of many quick states lands exactly there.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';
import type { MapState } from '../story/chapter-state';
import type { Camera, Lang, Story } from '../story/types';
import type { Transition } from '../state/story-state.svelte';
import {
  basemapAttribution,
  setBasemapLanguage,
  setHiddenBasemapPlaces,
  SOURCE_ID,
  type Theme,
} from './style';
import { classifyMapError, type MapProblem } from './map-problems';
import { flightTiles } from './tile-cover';
import {
  LAYER,
  PALETTES,
  areaLabelField,
  gradientFraction,
  labelField,
  routePaint,
  filtersToSet,
  type Palette,
} from './story-layers';
import { hiddenPlaceNames, routeIds, storyStyle } from './map-style';
import { routeFractionFor } from './route-draw';
import { markFirstPicture } from './current';
import { showWhenComplete, type FirstView } from './first-view';

maplibregl.setWorkerUrl(workerUrl);
let protocol: Protocol | undefined;

export interface MapViewOptions {
  container: HTMLElement;
  story: Story;
  lang: Lang;
  theme: Theme;
  initial: MapState;
  /** Map moves only when told (false), or the reader may pan and zoom (true). */
  interactive?: boolean;
  archiveUrl?: string;
  flavor?: 'embedded' | 'protomaps';
  /** Every map error; `problem` says whether it is the basemap archive (reported once) or other. */
  onError?: (message: string, problem: MapProblem) => void;
  /** Screen space covered by the story's own panels, so that the camera centres on the visible map. */
  padding?: () => { top: number; right: number; bottom: number; left: number };
  /** Keep the drawn frame so that it can be read back as an image (the printed handout). */
  preserveDrawingBuffer?: boolean;
  /** The WebGL context was lost and not restored within `contextRestoreMs`: the owner should rebuild the map. */
  onContextFailure?: () => void;
  contextRestoreMs?: number;
}

/** Longest flight, so that a reader who scrolls on never waits long for the map. */
const MAX_FLIGHT_MS = 4000;

export class MapView {
  readonly map: maplibregl.Map;
  private last: { state: MapState; lang: Lang } | undefined;
  private styleReady = false;
  private disposed = false;
  private readonly off: Array<() => void> = [];
  private lostTimer: ReturnType<typeof setTimeout> | undefined;
  /** Camera moves that took time (flights), counted from the map's own move events. */
  animatedMoves = 0;
  private readonly palette: Palette;
  private readonly routeIds: Set<string>;
  /** English names of every story place: the basemap cities the story may hide. */
  private readonly storyPlaceNames: string[];
  private attribution: { lang: Lang; control: maplibregl.AttributionControl } | undefined;
  private warmedFor: string | undefined;
  /** The route fraction the style was last given (undefined: not set on this style yet). */
  private routeFraction: number | undefined;
  private warming: AbortController | undefined;
  private readonly firstView: FirstView;

  constructor(private readonly opts: MapViewOptions) {
    if (!protocol) {
      protocol = new Protocol();
      maplibregl.addProtocol('pmtiles', protocol.tile);
    }
    const { camera } = opts.initial;
    this.palette = PALETTES[opts.theme];
    this.routeIds = routeIds(opts.story);
    this.storyPlaceNames = hiddenPlaceNames(
      opts.story,
      opts.story.places.map((p) => p.id),
    );
    this.routeFraction = routeFractionFor(opts.initial, this.routeIds);
    // The style already shows the initial state, so that applying it on load changes nothing.
    const style = storyStyle({
      story: opts.story,
      state: opts.initial,
      lang: opts.lang,
      theme: opts.theme,
      archiveUrl: opts.archiveUrl,
      flavor: opts.flavor,
    });
    this.map = new maplibregl.Map({
      container: opts.container,
      style,
      center: camera.center,
      zoom: camera.zoom,
      pitch: camera.pitch,
      bearing: camera.bearing,
      interactive: true,
      attributionControl: false,
      maxPitch: 85,
      fadeDuration: 150,
      // The style is built by our code and validated by the unit tests (map-style.test.ts) for
      // every chapter; validating it again in the browser cost ~0.2–0.6 s of the first seconds'
      // main thread here (its GeoJSON data included).
      validateStyle: false,
      ...(opts.preserveDrawingBuffer ? { canvasContextAttributes: { preserveDrawingBuffer: true } } : {}),
    });
    // The first picture appears whole, not tile by tile (first-view.ts).
    this.firstView = showWhenComplete(this.map);
    this.off.push(this.firstView.show);
    // The camera frames the space the panels leave free from the first picture on (MapLibre's
    // constructor takes no padding).
    if (opts.padding) this.map.setPadding(opts.padding());
    this.setAttribution(opts.lang);
    this.setInteractive(opts.interactive ?? false);
    // On the first load the map shows what its style was built with (the initial state): only
    // what differs from it is set, so that a state unchanged since then costs no extra frame.
    // After a lost context the whole state is set again.
    let built: { state: MapState; lang: Lang } | undefined = { state: opts.initial, lang: opts.lang };
    const onLoad = () => {
      this.styleReady = true;
      const pending = this.last;
      this.last = built;
      built = undefined;
      this.apply(pending?.state ?? opts.initial, 'jump', pending?.lang ?? opts.lang);
    };
    let basemapReported = false;
    const onError = (e: maplibregl.ErrorEvent & { sourceId?: string; tile?: unknown }) => {
      const message = e.error?.message ?? 'unknown map error';
      const problem = classifyMapError(e, SOURCE_ID);
      // A missing or broken archive fails every tile: say it once.
      if (problem === 'basemap') {
        if (basemapReported) return;
        basemapReported = true;
      }
      opts.onError?.(message, problem);
    };
    let moveStarted = 0;
    // Frames drawn, and User Timing marks for the benchmark (scripts/bench.mjs): the first
    // complete picture, and the start and end of the last move with the frame count at each.
    // Only the last move's marks are kept, so a kiosk running for days holds no growing list.
    let frames = 0;
    const onRender = () => frames++;
    const mark = (name: string) => {
      performance.clearMarks(name);
      performance.mark(name, { detail: { frames, camera: this.camera(), padding: this.map.getPadding() } });
    };
    const onFirstIdle = () => {
      mark('storymap:first-idle');
      markFirstPicture();
    };
    const onMoveStart = () => {
      moveStarted = performance.now();
      mark('storymap:move-start');
    };
    const onMoveEnd = () => {
      if (performance.now() - moveStarted > 50) this.animatedMoves++;
      mark('storymap:move-end');
    };
    // Once a chapter has settled, warm the tiles of the flight to the next one.
    const onIdle = () => {
      if (this.last && this.last.state.chapterId !== this.warmedFor) this.warmNext(this.last.state);
    };
    this.map.on('render', onRender);
    this.map.once('idle', onFirstIdle);
    this.map.on('idle', onIdle);
    this.off.push(() => {
      this.map.off('render', onRender);
      this.map.off('idle', onFirstIdle);
      this.map.off('idle', onIdle);
      this.warming?.abort();
    });
    this.map.on('movestart', onMoveStart);
    this.map.on('moveend', onMoveEnd);
    this.off.push(() => {
      this.map.off('movestart', onMoveStart);
      this.map.off('moveend', onMoveEnd);
    });
    // The first picture already hides the basemap's cities that the story labels itself: feature
    // state can be set as soon as the style's sources exist, before any tile is drawn.
    this.map.once('style.load', () => this.hideBasemapPlaces(this.last?.state ?? opts.initial));
    this.map.once('load', onLoad);
    this.map.on('error', onError);
    this.off.push(() => this.map.off('error', onError));

    // WebGL context loss (GPU reset, driver update, too many contexts): MapLibre keeps a snapshot
    // of the style and rebuilds it when the context comes back. Until the restored style has
    // loaded, states are only remembered; then the last one is applied whole. If the context does
    // not come back in time, the owner rebuilds the map (onContextFailure).
    const onLost = () => {
      this.styleReady = false;
      this.routeFraction = undefined;
      this.map.off('style.load', onLoad);
      this.map.once('style.load', onLoad);
      if (this.lostTimer === undefined && opts.onContextFailure) {
        this.lostTimer = setTimeout(() => {
          this.lostTimer = undefined;
          if (!this.disposed) opts.onContextFailure?.();
        }, opts.contextRestoreMs ?? 3000);
      }
    };
    const onRestored = () => {
      if (this.lostTimer !== undefined) clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
    };
    this.map.on('webglcontextlost', onLost);
    this.map.on('webglcontextrestored', onRestored);
    this.off.push(() => {
      this.map.off('webglcontextlost', onLost);
      this.map.off('webglcontextrestored', onRestored);
      this.map.off('style.load', onLoad);
      if (this.lostTimer !== undefined) clearTimeout(this.lostTimer);
      this.lostTimer = undefined;
    });
  }

  /** The state last asked for (shown, or waiting for the map to be ready). */
  lastState(): { state: MapState; lang: Lang } | undefined {
    return this.last;
  }

  /** Show `state`. `how` is 'jump' for deep links, reloads and reduced motion. */
  apply(state: MapState, how: Transition, lang: Lang): void {
    if (this.disposed) return;
    if (!this.styleReady) {
      this.last = { state, lang };
      return;
    }
    const prev = this.last;
    this.last = { state, lang };
    for (const [id, filter] of Object.entries(filtersToSet(state, prev?.state)))
      this.map.setFilter(id, filter);
    // The story labels its own places; the basemap's label for the same city would double it
    // (a repaint, not a new layout: see setHiddenBasemapPlaces).
    if (!prev || prev.state.places.join() !== state.places.join()) this.hideBasemapPlaces(state);
    // Routes are drawn up to the state's progress. The paint is set only when the fraction changes:
    // a new gradient makes MapLibre re-evaluate the style, and a map that is given one on every
    // progress step of a chapter without a route would never come to rest.
    const fraction = routeFractionFor(state, this.routeIds);
    if (fraction !== this.routeFraction) {
      for (const [id, gradient] of Object.entries(routePaint(this.palette, fraction))) {
        this.map.setPaintProperty(id, 'line-gradient', gradient);
      }
      this.routeFraction = fraction;
    }
    if (prev?.lang !== lang) {
      this.map.setLayoutProperty(LAYER.placeLabel, 'text-field', labelField(lang));
      this.map.setLayoutProperty(LAYER.areaLabel, 'text-field', areaLabelField(lang));
      setBasemapLanguage(this.map, lang);
      this.setAttribution(lang);
    }
    // A new target moves the camera; so does a still camera that is not at the target (the reader
    // explored, or a jump was cut short). A flight under way towards the same target goes on.
    // The first state (and the first after a restored context) finds the map built at its camera,
    // which then does not move: a jump to where it stands would only cost a frame.
    const target =
      prev !== undefined &&
      (prev.state.chapterId !== state.chapterId || !sameCamera(prev.state.camera, state.camera));
    if (target || (!this.map.isMoving() && !sameCamera(this.camera(), state.camera))) {
      this.moveTo(state.camera, prev ? how : 'jump');
    }
  }

  /** The basemap's credits in `lang` (MapLibre's control cannot change its text: it is replaced). */
  private setAttribution(lang: Lang): void {
    if (this.attribution?.lang === lang) return;
    if (this.attribution) this.map.removeControl(this.attribution.control);
    const control = new maplibregl.AttributionControl({
      compact: true,
      customAttribution: basemapAttribution(this.opts.flavor ?? 'embedded', lang),
    });
    this.map.addControl(control, 'bottom-right');
    this.attribution = { lang, control };
  }

  private hideBasemapPlaces(state: MapState): void {
    setHiddenBasemapPlaces(this.map, this.storyPlaceNames, hiddenPlaceNames(this.opts.story, state.places));
  }

  /** Move back to the camera of the state applied last (after the reader explored the map). */
  reset(how: Transition): void {
    if (this.disposed || !this.styleReady || !this.last) return;
    this.moveTo(this.last.state.camera, how);
  }

  /** Resolves when the map has drawn what was applied completely and stands still. */
  async settled(): Promise<void> {
    if (this.disposed) return;
    if (!this.styleReady) await this.map.once('load');
    // A fresh frame ends in 'idle' once every tile is in and every fade is over.
    const idle = this.map.once('idle');
    this.map.triggerRepaint();
    await idle;
  }

  /** The frame on screen as a PNG data URL (needs `preserveDrawingBuffer`). */
  snapshot(): string {
    return this.map.getCanvas().toDataURL('image/png');
  }

  private moveTo(camera: Camera, how: Transition): void {
    const padding = this.opts.padding?.() ?? { top: 0, right: 0, bottom: 0, left: 0 };
    const target = {
      center: camera.center,
      zoom: camera.zoom,
      pitch: camera.pitch,
      bearing: camera.bearing,
      padding,
    };
    this.map.stop();
    if (how === 'jump') this.map.jumpTo(target);
    else this.map.flyTo({ ...target, maxDuration: MAX_FLIGHT_MS, essential: true });
    this.map.triggerRepaint();
  }

  /**
   * Reads the archive's byte ranges for the tiles of the flight from `state` to the next chapter
   * (MapLibre has no public prefetch for an arbitrary camera), one tile at a time, so that the
   * archive's directories are loaded and the tiles are in the browser's cache when the reader
   * moves on. Best effort: errors are ignored, and a chapter change cancels it.
   */
  private warmNext(state: MapState): void {
    this.warmedFor = state.chapterId;
    this.warming?.abort();
    const chapters = this.opts.story.chapters;
    const next = chapters[chapters.findIndex((c) => c.id === state.chapterId) + 1];
    const source = this.map.getSource(SOURCE_ID) as
      { url?: string; minzoom?: number; maxzoom?: number } | undefined;
    const archive = source?.url ? protocol?.get(source.url.replace(/^pmtiles:\/\//, '')) : undefined;
    if (!next || !archive) return;
    const canvas = this.map.getCanvas();
    const tiles = flightTiles(
      state.camera,
      next.camera,
      { width: canvas.clientWidth || 1024, height: canvas.clientHeight || 768 },
      { minzoom: source?.minzoom ?? 0, maxzoom: source?.maxzoom ?? 14 },
    );
    const controller = new AbortController();
    this.warming = controller;
    void (async () => {
      for (const t of tiles) {
        if (controller.signal.aborted || this.disposed) return;
        await archive.getZxy(t.z, t.x, t.y, controller.signal).catch(() => undefined);
      }
    })();
  }

  setInteractive(on: boolean): void {
    const handlers = [
      this.map.dragPan,
      this.map.scrollZoom,
      this.map.boxZoom,
      this.map.dragRotate,
      this.map.keyboard,
      this.map.doubleClickZoom,
      this.map.touchZoomRotate,
      this.map.touchPitch,
    ];
    for (const h of handlers) {
      if (on) h.enable();
      else h.disable();
    }
    // A map that cannot be moved is no stop for the keyboard; the text describes it instead.
    this.map.getCanvas().tabIndex = on ? 0 : -1;
  }

  camera(): Camera {
    const c = this.map.getCenter();
    return {
      center: [c.lng, c.lat],
      zoom: this.map.getZoom(),
      pitch: this.map.getPitch(),
      bearing: this.map.getBearing(),
    };
  }

  /** True when the style and every visible tile are loaded and the camera is still. */
  isIdle(): boolean {
    return (
      !this.disposed && this.styleReady && !this.map.isMoving() && this.map.loaded() && this.firstView.shown()
    );
  }

  /**
   * The fraction of the active chapter's routes that the map draws now, read back from the route
   * layer's paint; null when the chapter shows no route or the map is not ready.
   */
  routeProgress(): number | null {
    if (!this.styleReady || !this.last || !this.last.state.layers.some((id) => this.routeIds.has(id)))
      return null;
    return gradientFraction(this.map.getPaintProperty(LAYER.route, 'line-gradient'));
  }

  /** The geographic bounds of the view as [west, south, east, north]. */
  bounds(): [number, number, number, number] {
    const b = this.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  }

  /** Calls `f` whenever the view has moved (and once the map has loaded); returns the unsubscribe. */
  onViewChange(f: () => void): () => void {
    this.map.on('moveend', f);
    this.map.on('load', f);
    if (this.styleReady) f();
    const off = () => {
      this.map.off('moveend', f);
      this.map.off('load', f);
    };
    this.off.push(off);
    return off;
  }

  /**
   * The basemap's labels on screen, in `lang`, and those placed over a story dot (`onPlaces`, as
   * "label @ place id"), which the story's places keep clear of.
   */
  renderedBasemap(lang: Lang): { features: number; labels: string[]; onPlaces: string[] } {
    if (!this.styleReady) return { features: 0, labels: [], onPlaces: [] };
    const names = lang === 'zh' ? ['name:zh-Hans', 'name:zh', 'name'] : ['name:en', 'name'];
    // A city hidden by feature state (the story labels it) is placed, but not seen.
    const labelled = (features: maplibregl.MapGeoJSONFeature[]) =>
      features.flatMap((f) => {
        const key = names.find((n) => typeof f.properties[n] === 'string');
        return f.source === SOURCE_ID && f.layer.type === 'symbol' && f.state?.hidden !== true && key
          ? [String(f.properties[key])]
          : [];
      });
    const features = this.map.queryRenderedFeatures().filter((f) => f.source === SOURCE_ID);
    const onPlaces: string[] = [];
    for (const dot of this.map.queryRenderedFeatures({ layers: [LAYER.placeDot] })) {
      const { x, y } = this.map.project((dot.geometry as GeoJSON.Point).coordinates as [number, number]);
      for (const label of labelled(
        this.map.queryRenderedFeatures([
          [x - 7, y - 7],
          [x + 7, y + 7],
        ]),
      ))
        onPlaces.push(`${label} @ ${dot.properties.id}`);
    }
    return { features: features.length, labels: [...new Set(labelled(features))].sort(), onPlaces };
  }

  /** Ids of the story places drawn on screen now. */
  renderedPlaces(): string[] {
    if (!this.styleReady) return [];
    const features = this.map.queryRenderedFeatures({ layers: [LAYER.placeDot] });
    return [...new Set(features.map((f) => String(f.properties.id)))].sort();
  }

  destroy(): void {
    this.disposed = true;
    for (const f of this.off.splice(0)) f();
    this.map.remove();
  }
}

export function sameCamera(a: Camera, b: Camera, eps = 1e-6): boolean {
  return (
    Math.abs(a.center[0] - b.center[0]) < eps &&
    Math.abs(a.center[1] - b.center[1]) < eps &&
    Math.abs(a.zoom - b.zoom) < eps &&
    Math.abs(a.pitch - b.pitch) < eps &&
    Math.abs(a.bearing - b.bearing) < eps
  );
}
