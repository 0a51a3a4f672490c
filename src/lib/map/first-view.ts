// The first picture appears whole. Until MapLibre first reports `idle` (every tile of the first
// view in, every label placed) its canvas is kept out of the page's painting, so that the reader
// never sees the map assemble tile by tile and the browser does not composite each partial frame:
// with a software compositor (no GPU), compositing a WebGL frame makes the page's main thread wait
// for the frame to be drawn and read back, ~10 times before the first view is complete.
// Nothing waits for the reader: the map shows as soon as it is complete (or after `maxWaitMs`,
// whatever it shows then, should it never settle).
import type { Map as MlMap } from 'maplibre-gl';

export const FIRST_VIEW_MAX_WAIT_MS = 20_000;

type MapLike = Pick<MlMap, 'getCanvas' | 'once' | 'off'>;

export interface FirstView {
  /** Whether the canvas shows (the first view is complete, or the wait is over). */
  shown(): boolean;
  /** Shows the canvas now (and stops waiting). */
  show(): void;
}

/** Keeps `map`'s canvas unpainted until its first idle. */
export function showWhenComplete(map: MapLike, maxWaitMs = FIRST_VIEW_MAX_WAIT_MS): FirstView {
  const canvas = map.getCanvas();
  canvas.style.visibility = 'hidden';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const show = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    map.off('idle', show);
    canvas.style.visibility = '';
  };
  map.once('idle', show);
  timer = setTimeout(show, maxWaitMs);
  return { show, shown: () => canvas.style.visibility !== 'hidden' };
}
