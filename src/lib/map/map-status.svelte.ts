// The map's status as a value the views read: the read-only probe of the map on screen, the notice
// shown to the reader, and whether its first complete picture is drawn. One per page, given to the
// components through Svelte context (as svelte-maplibre-gl shares its map) and to window.storymap.
// Type-only imports: MapLibre stays out of the first chunk.
import { getContext, setContext } from 'svelte';
import type { Camera, Lang } from '../story/types';

/** Read-only questions to the map on screen (window.storymap, the handout's pictures). */
export interface MapProbe {
  /** The map's style is loaded and shows the state applied (before that the camera is only the start). */
  ready(): boolean;
  camera(): Camera;
  isIdle(): boolean;
  readonly animatedMoves: number;
  bounds(): [number, number, number, number];
  routeProgress(): number | null;
  /** The routes the active chapter shows: the fraction each is drawn to now (from the map's paint), and its end. */
  drawnRoutes(): { id: string; fraction: number; end: [number, number] }[];
  renderedPlaces(): string[];
  renderedBasemap(lang: Lang): {
    features: number;
    labels: string[];
    onPlaces: string[];
    riverAreas: [number, number][][][];
  };
  /** Resolves when the map has drawn what was applied completely and stands still. */
  settled(): Promise<void>;
  /** The frame on screen as a PNG data URL (a map made with `preserveDrawingBuffer`). */
  snapshot(): string;
  /** Where a place is on the page (viewport px). */
  project(lngLat: [number, number]): [number, number];
  /** The part of the map no panel covers (viewport px), or null before it is measured. */
  visibleRect(): { left: number; top: number; right: number; bottom: number } | null;
}

export class MapStatus {
  /** The map on screen, once its code has loaded. */
  probe: MapProbe | null = $state.raw(null);
  /** What the reader is told went wrong with the map, else null. */
  notice: string | null = $state(null);
  /** There is no map: its code or its style could not be loaded (the notice says so). */
  failed = $state(false);
  /** The map has drawn its first complete picture. */
  pictured = $state(false);
  /** A mode whose readiness is not the map on screen (speaker: no map; handout: every picture taken). */
  ready: (() => boolean) | null = null;
  /** Resolves with the first complete picture. */
  readonly firstPicture: Promise<void>;
  private resolvePicture: () => void = () => {};

  constructor() {
    this.firstPicture = new Promise((resolve) => (this.resolvePicture = resolve));
  }

  markPictured(): void {
    this.pictured = true;
    this.resolvePicture();
  }

  /** The active chapter is drawn completely and the map is still (or the mode's own readiness). */
  get idle(): boolean {
    return this.ready?.() ?? this.probe?.isIdle() ?? false;
  }
}

const KEY = Symbol('map-status');

export function provideMapStatus(status: MapStatus): void {
  setContext(KEY, status);
}

/** The page's map status (a fresh one where none was provided: a component rendered alone). */
export function useMapStatus(): MapStatus {
  return getContext<MapStatus | undefined>(KEY) ?? new MapStatus();
}
