// window.storymap: a read-only view of the story state for tests, monitoring and kiosk integration.
import type { Camera, Lang } from './story/types';

export interface StorymapHandle {
  readonly chapterId: string;
  readonly chapterIndex: number;
  readonly chapterCount: number;
  readonly progress: number;
  readonly mode: string;
  readonly lang: Lang;
  readonly reducedMotion: boolean;
  /** The map's current camera, or null before the map has loaded. */
  readonly camera: Camera | null;
  /** True when the map has drawn the active chapter completely and is not moving. */
  readonly idle: boolean;
  /** Story places drawn on the map now (queried from the rendered map). */
  readonly renderedPlaces: string[];
  /**
   * Basemap features drawn now, the text of its labels in the current language, any of those
   * labels placed over a story place's dot ("label @ place id"; the story keeps them clear), and the
   * rivers it draws as water areas (polygons of [lon, lat] rings, each tile's part), or null.
   */
  readonly basemap: {
    features: number;
    labels: string[];
    onPlaces: string[];
    riverAreas: [number, number][][][];
  } | null;
  /** Camera moves that were animated (flights) since the map loaded. */
  readonly animatedMoves: number;
  /**
   * The fraction (0..1) of the active chapter's routes the map draws now, read from the map's
   * paint; null when the chapter has no route or the map is not ready.
   */
  readonly routeProgress: number | null;
  /**
   * Each route the active chapter shows: the fraction (0..1 of the line as drawn) the map draws
   * now, read from its paint, and where that drawn part ends, in degrees and on the page (viewport
   * px, from the map's own projection). Empty when the chapter has no route or the map is not ready.
   */
  readonly routes: { id: string; fraction: number; end: [number, number]; x: number; y: number }[];
  /** The map's view as [west, south, east, north] (what the overview inset shows), or null. */
  readonly bounds: [number, number, number, number] | null;
  /**
   * Where the active chapter's places stand on the page now (viewport px, from the map's own
   * projection), and whether each is highlighted; empty before the map.
   */
  readonly places: { id: string; x: number; y: number; highlight: boolean }[];
  /** The part of the map no panel covers (viewport px: left, top, right, bottom), or null. */
  readonly visibleRect: { left: number; top: number; right: number; bottom: number } | null;
  /** A notice shown to the reader when something failed (map, data), else null. */
  readonly notice: string | null;
}

declare global {
  interface Window {
    storymap?: StorymapHandle;
  }
}

export type HandleGetters = { [K in keyof StorymapHandle]: () => StorymapHandle[K] };

/** Defines window.storymap: each field is computed when read, and nothing can be written. */
export function installHandle(getters: HandleGetters): () => void {
  const handle = {} as StorymapHandle;
  for (const key of Object.keys(getters) as (keyof StorymapHandle)[]) {
    Object.defineProperty(handle, key, { enumerable: true, get: getters[key] });
  }
  Object.freeze(handle);
  Object.defineProperty(window, 'storymap', {
    value: handle,
    configurable: true,
    writable: false,
    enumerable: true,
  });
  return () => {
    delete (window as { storymap?: unknown }).storymap;
  };
}
