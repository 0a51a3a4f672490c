// The map as a view of the story state. Loaded as its own chunk after the text is on screen.
// `apply` always sets the whole picture (camera, filters, language), so applying the same state
// twice changes nothing and applying the last of many quick states lands exactly there. Only
// MapPane drives it; everything else reads the map through its probe (probe.ts).
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';
import type { MapState } from '../story/chapter-state';
import type { Camera, Lang, LngLat, Story } from '../story/types';
import type { Transition } from '../state/story-state.svelte';
import {
  basemapAttribution,
  setBasemapLanguage,
  setHiddenBasemapPlaces,
  SOURCE_ID,
  type Theme,
} from './style';
import { classifyMapError, type MapProblem } from './map-problems';
import {
  LAYER,
  PALETTES,
  areaLabelField,
  labelField,
  routePaint,
  routeLayerIds,
  gradientFraction,
  filtersToSet,
  type Palette,
  type SymbolSize,
} from './story-layers';
import { hiddenPlaceNames, storyStyle } from './map-style';
import { sliceDrawn } from './route-draw';
import { warmFlight } from './prefetch';
import { perfMarks, type PerfMarks } from './perf-marks';
import { frameCamera } from '../layout/frame';
import coverage from 'virtual:basemap-coverage';
import { viewCoverage } from './coverage';
import type { Padding, Rect } from '../layout/visible-map';
import { showWhenComplete, type FirstView } from './first-view';

maplibregl.setWorkerUrl(workerUrl);
let protocol: Protocol | undefined;

export interface MapViewOptions {
  container: HTMLElement;
  story: Story;
  lang: Lang;
  theme: Theme;
  /** Size of the story's marks and labels (see SYMBOL_SIZES). */
  symbols?: SymbolSize;
  initial: MapState;
  /** Map moves only when told (false), or the reader may pan and zoom (true). */
  interactive?: boolean;
  archiveUrl?: string;
  /** Default: the story's basemap kind (its style layers, its credit). */
  flavor?: 'embedded' | 'protomaps';
  /** Every map error; `problem` says whether it is the basemap archive (reported once) or other. */
  onError?: (message: string, problem: MapProblem) => void;
  /** The part of the map that no panel covers (from the layout), at the start. */
  visible?: { padding: Padding; free: Rect };
  /** Keep the drawn frame so that it can be read back as an image (the printed handout). */
  preserveDrawingBuffer?: boolean;
  /** Device pixels per map pixel, when not the screen's (a map drawn scaled up: `setPixelRatio`). */
  pixelRatio?: number;
  /** The WebGL context was lost and not restored within `contextRestoreMs`: the owner should rebuild the map. */
  onContextFailure?: () => void;
  contextRestoreMs?: number;
  /** The first complete picture is drawn. */
  onFirstPicture?: () => void;
  /** Each time the map comes to rest: whether the basemap has no tiles at all for the view. */
  onNoData?: (none: boolean) => void;
}

/** Longest flight, so that a reader who scrolls on never waits long for the map. */
const MAX_FLIGHT_MS = 4000;
const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

export class MapView {
  readonly map: maplibregl.Map;
  private last: { state: MapState; lang: Lang } | undefined;
  private styleReady = false;
  private disposed = false;
  private readonly off: Array<() => void> = [];
  private lostTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly marks: PerfMarks;
  private readonly palette: Palette;
  /** English names of every story place: the basemap cities the story may hide. */
  private readonly storyPlaceNames: string[];
  private readonly placeCoords: Map<string, [number, number]>;
  private attribution: { lang: Lang; control: maplibregl.AttributionControl } | undefined;
  private warmedFor: string | undefined;
  private stopWarming: (() => void) | undefined;
  /** The route paint the style was last given, by layer id (empty: not known on this style). */
  private routePainted = new Map<string, string>();
  private padding: Padding;
  private free: Rect | null = null;
  private interactive: boolean | undefined;
  /** The camera the active state was framed to (the author's, zoomed out to fit the free part). */
  private framed: Camera | undefined;
  private readonly firstView: FirstView;

  constructor(private readonly opts: MapViewOptions) {
    if (!protocol) {
      protocol = new Protocol();
      maplibregl.addProtocol('pmtiles', protocol.tile);
    }
    this.palette = PALETTES[opts.theme];
    this.storyPlaceNames = hiddenPlaceNames(
      opts.story,
      opts.story.places.map((p) => p.id),
    );
    this.placeCoords = new Map(opts.story.places.map((p) => [p.id, p.coordinates as [number, number]]));
    this.padding = opts.visible?.padding ?? NO_PADDING;
    this.free = opts.visible?.free ?? null;
    for (const [id, gradient] of Object.entries(routePaint(this.palette, opts.initial.routes)))
      this.routePainted.set(id, JSON.stringify(gradient));
    // The style already shows the initial state, so that applying it on load changes nothing.
    const style = storyStyle({
      story: opts.story,
      state: opts.initial,
      lang: opts.lang,
      theme: opts.theme,
      symbols: opts.symbols,
      archiveUrl: opts.archiveUrl,
      flavor: opts.flavor,
    });
    // The first picture is framed for the free part of the map, so that nothing moves after it.
    const camera = this.frame(opts.initial, {
      width: opts.container.clientWidth,
      height: opts.container.clientHeight,
    });
    this.framed = camera;
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
      ...(opts.pixelRatio ? { pixelRatio: opts.pixelRatio } : {}),
      ...(opts.preserveDrawingBuffer ? { canvasContextAttributes: { preserveDrawingBuffer: true } } : {}),
    });
    // The first picture appears whole, not tile by tile (first-view.ts).
    this.firstView = showWhenComplete(this.map, () => {
      this.marks.firstPicture();
      opts.onFirstPicture?.();
    });
    this.off.push(this.firstView.dispose);
    // MapLibre's constructor takes no padding.
    this.map.setPadding(this.padding);
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
    this.marks = perfMarks(this.map, () => this.camera());
    // Once a chapter has settled, warm the tiles of the flight to the next one.
    const onIdle = () => {
      // A view the story's archive has no tiles for stays empty however long one waits: say so.
      const b = this.map.getBounds();
      const view = {
        bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as const,
        zoom: this.map.getZoom(),
      };
      opts.onNoData?.(viewCoverage(view, coverage) === 'none');
      if (this.last && this.last.state.chapterId !== this.warmedFor) this.warmNext(this.last.state);
    };
    this.map.on('idle', onIdle);
    this.off.push(() => {
      this.marks.dispose();
      this.map.off('idle', onIdle);
      this.stopWarming?.();
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
      this.routePainted.clear();
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

  /** The style is loaded and shows the states applied. */
  get ready(): boolean {
    return this.styleReady && !this.disposed;
  }

  /** Camera moves that took time (flights) since the map loaded. */
  get animatedMoves(): number {
    return this.marks.animatedMoves;
  }

  /** The active state draws a route. */
  showsRoute(): boolean {
    return !!this.last?.state.routes.some((r) => r.shown);
  }

  /**
   * The routes the active state shows, each with the fraction its line layer draws now (read back
   * from the map's paint) and where that drawn part ends.
   */
  drawnRoutes(): { id: string; fraction: number; end: LngLat }[] {
    if (!this.ready || !this.last) return [];
    return this.last.state.routes.flatMap((r) => {
      const fraction = gradientFraction(this.map.getPaintProperty(routeLayerIds(r.id).line, 'line-gradient'));
      const overlay = this.opts.story.overlays.find((o) => o.id === r.id);
      if (!r.shown || fraction === null || overlay?.geometry.type !== 'LineString') return [];
      const part = sliceDrawn(overlay.geometry.coordinates, fraction);
      const end = part[part.length - 1]!;
      return [{ id: r.id, fraction, end: [end[0]!, end[1]!] as LngLat }];
    });
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
    // Each route the state shows is drawn to its fraction. A paint is set only when it changes: a
    // new gradient makes MapLibre re-evaluate the style, and a map that is given one on every
    // progress step of a chapter whose routes stand still would never come to rest.
    for (const [id, gradient] of Object.entries(routePaint(this.palette, state.routes))) {
      const key = JSON.stringify(gradient);
      if (this.routePainted.get(id) === key) continue;
      this.map.setPaintProperty(id, 'line-gradient', gradient);
      this.routePainted.set(id, key);
    }
    if (prev?.lang !== lang) {
      this.map.setLayoutProperty(LAYER.placeLabel, 'text-field', labelField(lang));
      this.map.setLayoutProperty(LAYER.areaLabel, 'text-field', areaLabelField(lang));
      setBasemapLanguage(this.map, lang);
      this.setAttribution(lang);
    }
    // A new target moves the camera; so does a still camera that is not at the target (the reader
    // explored and came back, or a jump was cut short). A flight under way towards the same target goes on.
    // The first state (and the first after a restored context) finds the map built at its camera,
    // which then does not move: a jump to where it stands would only cost a frame.
    const target = this.frame(state);
    const moved = this.framed === undefined || !sameCamera(this.framed, target);
    const newTarget = prev !== undefined && (prev.state.chapterId !== state.chapterId || moved);
    this.framed = target;
    // A map the audience explores stays where they took it until the chapter changes.
    const away = !this.interactive && !this.map.isMoving() && !sameCamera(this.camera(), target);
    if (newTarget || away) {
      this.moveTo(target, prev ? how : 'jump');
    }
  }

  /**
   * The part of the map no panel covers has changed (a resize, a turned screen, a panel that grew):
   * the camera centres on the new free part and the chapter is framed in it again, at once. A map
   * the audience is exploring keeps its view.
   */
  setFreeArea(padding: Padding, free: Rect): void {
    this.padding = padding;
    this.free = free;
    if (this.disposed || this.interactive) return;
    if (!this.styleReady || !this.last) {
      this.map.setPadding(padding);
      return;
    }
    this.framed = this.frame(this.last.state);
    this.moveTo(this.framed, 'jump');
  }

  /** The free part of the map (viewport px), once measured. */
  visibleRect(): Rect | null {
    return this.free;
  }

  /** The author's camera for `state`, zoomed out as far as the free part of the map needs. */
  private frame(state: MapState, size?: { width: number; height: number }): Camera {
    const canvas = size ?? {
      width: this.map.getCanvas().clientWidth,
      height: this.map.getCanvas().clientHeight,
    };
    const coords = (ids: readonly string[]) =>
      ids.flatMap((id) => {
        const c = this.placeCoords.get(id);
        return c ? [c] : [];
      });
    return frameCamera(
      state.camera,
      { must: coords(state.highlight), should: coords(state.places) },
      { ...canvas, padding: this.padding },
    );
  }

  /** The basemap's credits in `lang` (MapLibre's control cannot change its text: it is replaced). */
  private setAttribution(lang: Lang): void {
    if (this.attribution?.lang === lang) return;
    if (this.attribution) this.map.removeControl(this.attribution.control);
    const control = new maplibregl.AttributionControl({
      compact: true,
      customAttribution: basemapAttribution(this.opts.flavor ?? this.opts.story.basemapKind, lang),
    });
    this.map.addControl(control, 'bottom-right');
    // MapLibre opens the compact credits at first and folds them only on a drag, which a map that
    // follows the story never gets: on a small map they start folded as the ⓘ button, so that they
    // do not take the lower part of the map.
    if (this.map.getContainer().clientWidth < 640) {
      const el = this.map.getContainer().querySelector('.maplibregl-ctrl-attrib');
      el?.classList.remove('maplibregl-compact-show');
      el?.removeAttribute('open');
    }
    this.attribution = { lang, control };
  }

  private hideBasemapPlaces(state: MapState): void {
    setHiddenBasemapPlaces(this.map, this.storyPlaceNames, hiddenPlaceNames(this.opts.story, state.places));
  }

  /** Resolves when the map has drawn what was applied completely and stands still. */
  async settled(): Promise<void> {
    if (this.disposed) return;
    if (!this.styleReady) await this.map.once('load');
    // Before the first picture shows, an `idle` may follow a frame that was not drawn (first-view.ts).
    await this.firstView.whenShown();
    if (this.disposed) return;
    // A fresh frame ends in 'idle' once every tile is in and every fade is over.
    const idle = this.map.once('idle');
    this.map.triggerRepaint();
    await idle;
  }

  private moveTo(camera: Camera, how: Transition): void {
    const target = {
      center: camera.center,
      zoom: camera.zoom,
      pitch: camera.pitch,
      bearing: camera.bearing,
      padding: this.padding,
    };
    this.map.stop();
    if (how === 'jump') this.map.jumpTo(target);
    else this.map.flyTo({ ...target, maxDuration: MAX_FLIGHT_MS, essential: true });
    this.map.triggerRepaint();
  }

  private warmNext(state: MapState): void {
    this.warmedFor = state.chapterId;
    this.stopWarming?.();
    const chapters = this.opts.story.chapters;
    const next = chapters[chapters.findIndex((c) => c.id === state.chapterId) + 1];
    this.stopWarming = next
      ? warmFlight(this.map, protocol, SOURCE_ID, state.camera, next.camera)
      : undefined;
  }

  /** Device pixels per map pixel: a map drawn scaled up stays as sharp as the screen. */
  setPixelRatio(ratio: number): void {
    if (!this.disposed && this.map.getPixelRatio() !== ratio) this.map.setPixelRatio(ratio);
  }

  setInteractive(on: boolean): void {
    if (this.interactive === on) return;
    this.interactive = on;
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

// The probe of what the map draws comes with the view (MapPane loads this module once the text has
// painted): one file of map code to fetch.
export { createProbe } from './probe';
