// The first picture appears whole. Until MapLibre first reports `idle` (every tile of the first
// view in, every label placed) its canvas is kept out of the page's painting, so that the reader
// never sees the map assemble tile by tile. What keeps the page's main thread free while the map
// gets there (measured with software WebGL, `npm run bench`'s trace):
// - While the canvas is hidden, MapLibre prepares every frame (tiles, placement) but draws only a
//   frame that can be the complete one: every source loaded and label placement done, as MapLibre
//   requires for `idle`. Drawing each batch of tiles as it arrived cost ~16 full frames.
// - The frames before it are not wasted: each walks the layers with drawing switched off, so that
//   the tiles' buffers are uploaded and the WebGL programs the layers need are made, one program per
//   frame. Made all at once in the complete frame, the ~12 programs held the page ~0.1 s (four
//   times that on a phone); one at a time, each is a short task while the tiles are still coming.
// - Once the complete frame is drawn, the canvas is shown only when the GPU has finished drawing it
//   (a WebGL fence, polled between tasks). Shown at once, the browser's compositor made the main
//   thread wait for that drawing: one ~0.5 s task.
// - The canvas is never composited half-drawn, so no frame is read back twice.
// Nothing waits for the reader: the map shows as soon as it is complete (or after `maxWaitMs`,
// whatever it shows then, should it never settle).
import type { Map as MlMap } from 'maplibre-gl';

export const FIRST_VIEW_MAX_WAIT_MS = 20_000;
/** Longest wait for the GPU to finish the complete frame before it is shown anyway. */
export const GPU_WAIT_MS = 3000;
const POLL_MS = 8;

/** The part of WebGL 2 used to learn when the GPU has drawn a frame. */
export type FenceGl = Pick<
  WebGL2RenderingContext,
  | 'fenceSync'
  | 'getSyncParameter'
  | 'deleteSync'
  | 'flush'
  | 'SYNC_GPU_COMMANDS_COMPLETE'
  | 'SYNC_STATUS'
  | 'SIGNALED'
>;

/** A WebGL program as MapLibre makes it: only its `draw` is touched (switched off while warming). */
interface ProgramLike {
  draw: (...args: never[]) => void;
}

/** What is used of MapLibre's map: public methods, and the painter and placement flag it keeps. */
export type FirstViewMap = Pick<MlMap, 'getCanvas' | 'once' | 'off' | 'loaded' | 'triggerRepaint'> & {
  painter?: {
    render: (...args: never[]) => void;
    context?: { gl?: unknown; setDefault?: () => void };
    programCache?: { getProgram: (...args: never[]) => ProgramLike };
  };
  _placementDirty?: boolean;
};

/** New WebGL programs made in one hidden frame, at most. */
export const PROGRAMS_PER_FRAME = 1;
/** Thrown to end a warming frame once it has made its program. */
const ENOUGH = Symbol('enough for this frame');

export interface FirstView {
  /** Whether the canvas shows (the first view is complete, or the wait is over). */
  shown(): boolean;
  /**
   * Resolves once the canvas shows. Until then MapLibre's `idle` may follow a frame that was not
   * drawn (one that made a program): what reads the canvas waits for this first.
   */
  whenShown(): Promise<void>;
  /** Stops waiting, without showing or reporting (the map is being removed); `whenShown` resolves. */
  dispose(): void;
}

function isWebGl2(gl: unknown): gl is FenceGl {
  return !!gl && typeof (gl as FenceGl).fenceSync === 'function';
}

/**
 * Resolves when the GPU has finished every command given to `gl` so far (at once without WebGL 2;
 * after `maxMs` at the latest). Never blocks: the fence's status is read between tasks.
 */
export function gpuDone(gl: unknown, maxMs = GPU_WAIT_MS): Promise<void> {
  if (!isWebGl2(gl)) return Promise.resolve();
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!sync) return Promise.resolve();
  gl.flush();
  const started = performance.now();
  return new Promise((done) => {
    const poll = () => {
      if (gl.getSyncParameter(sync, gl.SYNC_STATUS) === gl.SIGNALED || performance.now() - started >= maxMs) {
        gl.deleteSync(sync);
        done();
      } else setTimeout(poll, POLL_MS);
    };
    setTimeout(poll, POLL_MS);
  });
}

/**
 * Keeps `map`'s canvas unpainted, and its partial frames undrawn, until its first idle and the GPU
 * has drawn that frame; then calls `onShown` (also when shown because the wait is over).
 */
export function showWhenComplete(
  map: FirstViewMap,
  onShown: () => void = () => {},
  maxWaitMs = FIRST_VIEW_MAX_WAIT_MS,
): FirstView {
  const canvas = map.getCanvas();
  canvas.style.visibility = 'hidden';
  const painter = map.painter;
  const render = painter?.render;
  const made = new WeakSet<ProgramLike>();
  // A frame that walks the layers without drawing, making at most PROGRAMS_PER_FRAME new programs
  // (then it stops, and asks for another frame to go on).
  const warm = (self: unknown, args: never[]): number => {
    const cache = painter?.programCache;
    if (!render || !cache || typeof cache.getProgram !== 'function') return 0;
    const getProgram = cache.getProgram;
    let proto: ProgramLike | undefined;
    let draw: ProgramLike['draw'] | undefined;
    let fresh = 0;
    cache.getProgram = function (this: unknown, ...a: never[]) {
      const program = getProgram.apply(this, a);
      if (!proto) {
        proto = Object.getPrototypeOf(program) as ProgramLike;
        draw = proto.draw;
        proto.draw = () => {};
      }
      if (!made.has(program)) {
        made.add(program);
        if (++fresh >= PROGRAMS_PER_FRAME) throw ENOUGH;
      }
      return program;
    };
    try {
      render.apply(self, args);
    } catch (e) {
      if (e !== ENOUGH) throw e;
      painter?.context?.setDefault?.();
    } finally {
      cache.getProgram = getProgram;
      if (proto && draw) proto.draw = draw;
    }
    if (fresh) map.triggerRepaint();
    return fresh;
  };
  // MapLibre fires `idle` only after a frame with every source loaded and no placement left to do;
  // such a frame is drawn once it needs no new program (else the next one is), and `idle` counts
  // only after a drawn one.
  let drawn = false;
  if (painter && render)
    painter.render = function (this: unknown, ...args: never[]) {
      const complete = map.loaded() && !map._placementDirty;
      drawn = false;
      if (warm(this, args) === 0 && complete) {
        render.apply(this, args);
        drawn = true;
      }
    };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown = false;
  let resolveShown = () => {};
  const shownPromise = new Promise<void>((r) => (resolveShown = r));
  let disposed = false;
  const stop = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    map.off('idle', onIdle);
    if (painter && render) painter.render = render;
  };
  const reveal = (complete: boolean) => {
    if (shown || disposed) return;
    shown = true;
    stop();
    canvas.style.visibility = '';
    // Shown before it was complete: draw what there is now (a complete frame is drawn already).
    if (!complete) map.triggerRepaint();
    resolveShown();
    onShown();
  };
  const onIdle = () => {
    // A lost and restored WebGL context gives the map a new painter, which draws every frame.
    const own = map.painter === painter;
    if (own && painter && render && !drawn) return void map.once('idle', onIdle);
    void gpuDone(map.painter?.context?.gl).then(() => reveal(true));
  };
  map.once('idle', onIdle);
  timer = setTimeout(() => reveal(false), maxWaitMs);
  return {
    shown: () => shown,
    whenShown: () => shownPromise,
    dispose: () => {
      disposed = true;
      stop();
      resolveShown();
    },
  };
}
