// The map's first picture appears whole and costs the page as little as possible: its canvas is
// kept out of the page until MapLibre's first idle and the GPU has drawn that frame; partial frames
// before it are not drawn; and it never waits longer than allowed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FIRST_VIEW_MAX_WAIT_MS,
  GPU_WAIT_MS,
  gpuDone,
  showWhenComplete,
  type FirstViewMap,
} from '../../src/lib/map/first-view';

/** A WebGL 2 context whose fence is signalled when the test says the GPU is done. */
function fakeGl() {
  const gl = {
    gpuFinished: false,
    fences: 0,
    deleted: 0,
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED: 0x9119,
    UNSIGNALED: 0x9118,
    fenceSync() {
      gl.fences++;
      return {};
    },
    flush() {},
    getSyncParameter() {
      return gl.gpuFinished ? gl.SIGNALED : gl.UNSIGNALED;
    },
    deleteSync() {
      gl.deleted++;
    },
  };
  return gl;
}

/**
 * A MapLibre map as far as the first view sees it: each frame its painter walks the layers whose
 * data is in (`state.layers`), asks the program cache for each layer's program (made on first
 * request) and draws with it.
 */
function fakeMap(gl: unknown = fakeGl()) {
  const canvas = { style: { visibility: '' } };
  const handlers = new Map<string, () => void>();
  /** Frames in which something was drawn. */
  const drawn: string[] = [];
  /** Programs made, in order. */
  const made: string[] = [];
  const state = { loaded: false, placementDirty: true, repaints: 0, layers: ['land'] as string[] };
  let frame = '';
  class Program {
    constructor(readonly name: string) {}
    draw() {
      if (drawn.at(-1) !== frame) drawn.push(frame);
    }
  }
  const programs = new Map<string, Program>();
  const painter = {
    context: { gl, setDefault: () => {} },
    programCache: {
      getProgram(name: string): Program {
        let p = programs.get(name);
        if (!p) {
          p = new Program(name);
          programs.set(name, p);
          made.push(name);
        }
        return p;
      },
    },
    render(name: string) {
      frame = name;
      for (const layer of state.layers) painter.programCache.getProgram(layer).draw();
    },
  };
  const map = {
    getCanvas: () => canvas,
    once: (type: string, f: () => void) => void handlers.set(type, f),
    off: (type: string, f: () => void) => void (handlers.get(type) === f && handlers.delete(type)),
    loaded: () => state.loaded,
    triggerRepaint: () => void state.repaints++,
    painter,
    get _placementDirty() {
      return state.placementDirty;
    },
  };
  return {
    canvas,
    state,
    drawn,
    made,
    /** MapLibre drawing a frame: it calls its painter's render. */
    frame: (name: string) => (map.painter.render as unknown as (f: string) => void)(name),
    complete: () => {
      state.loaded = true;
      state.placementDirty = false;
    },
    idle: () => handlers.get('idle')?.(),
    map: map as unknown as FirstViewMap,
  };
}

describe('the first view', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is hidden until the map is first idle and the GPU has drawn that frame, then shown for good', async () => {
    const gl = fakeGl();
    const m = fakeMap(gl);
    const onShown = vi.fn();
    const view = showWhenComplete(m.map, onShown);
    expect(m.canvas.style.visibility).toBe('hidden');
    m.frame('making the program');
    m.complete();
    m.frame('complete');
    m.idle();
    await vi.advanceTimersByTimeAsync(100);
    expect(view.shown(), 'shown before the GPU finished the frame').toBe(false);
    expect(m.canvas.style.visibility).toBe('hidden');
    gl.gpuFinished = true;
    await vi.advanceTimersByTimeAsync(20);
    expect(view.shown()).toBe(true);
    expect(m.canvas.style.visibility).toBe('');
    expect(onShown).toHaveBeenCalledTimes(1);
    expect(gl.deleted, 'the fence is released').toBe(gl.fences);
    await vi.advanceTimersByTimeAsync(FIRST_VIEW_MAX_WAIT_MS * 2);
    expect(onShown).toHaveBeenCalledTimes(1);
    expect(m.state.repaints, 'one frame asked for after the program was made, none after').toBe(1);
  });

  it('draws, while hidden, only a frame that can be the complete one', async () => {
    const gl = fakeGl();
    const m = fakeMap(gl);
    showWhenComplete(m.map);
    m.frame('style only');
    m.state.loaded = true;
    m.frame('tiles in, labels being placed');
    m.state.placementDirty = false;
    m.frame('complete');
    expect(m.drawn).toEqual(['complete']);
    m.idle();
    gl.gpuFinished = true;
    await vi.advanceTimersByTimeAsync(20);
    m.state.loaded = false;
    m.frame('a flight, once shown');
    expect(m.drawn).toEqual(['complete', 'a flight, once shown']);
  });

  it('makes the programs the layers need one per frame before the complete frame, drawing nothing', () => {
    const m = fakeMap();
    showWhenComplete(m.map);
    m.state.layers = ['land', 'rivers', 'labels'];
    m.frame('tiles 1');
    expect(m.made).toEqual(['land']);
    expect(m.state.repaints, 'another frame to go on').toBe(1);
    m.frame('tiles 2');
    m.frame('tiles 3');
    expect(m.made).toEqual(['land', 'rivers', 'labels']);
    expect(m.state.repaints).toBe(3);
    m.frame('tiles 4: nothing to make');
    expect(m.state.repaints, 'no frame asked for once every program is made').toBe(3);
    m.state.layers.push('dots');
    m.frame('tiles 5: a new layer has data');
    expect(m.made.at(-1)).toBe('dots');
    expect(m.drawn, 'nothing drawn while warming').toEqual([]);
    m.complete();
    m.frame('complete');
    expect(m.drawn).toEqual(['complete']);
    expect(m.made, 'the complete frame made nothing').toHaveLength(4);
  });

  it('shows no frame before it is drawn: a complete frame that still needs a program waits for the next', async () => {
    const gl = fakeGl();
    gl.gpuFinished = true;
    const m = fakeMap(gl);
    const onShown = vi.fn();
    showWhenComplete(m.map, onShown);
    m.state.layers = ['land', 'labels'];
    m.complete();
    m.frame('complete, makes land');
    m.idle();
    m.frame('complete, makes labels');
    m.idle();
    await vi.advanceTimersByTimeAsync(50);
    expect(onShown).not.toHaveBeenCalled();
    expect(m.drawn).toEqual([]);
    m.frame('complete, drawn');
    m.idle();
    await vi.advanceTimersByTimeAsync(50);
    expect(m.drawn).toEqual(['complete, drawn']);
    expect(onShown).toHaveBeenCalledTimes(1);
  });

  it('is shown at the next idle if a restored WebGL context gave the map a new painter', async () => {
    const m = fakeMap({});
    const onShown = vi.fn();
    showWhenComplete(m.map, onShown);
    m.frame('making the program');
    (m.map as { painter?: unknown }).painter = { render: () => {}, context: { gl: {} } };
    m.idle();
    await vi.advanceTimersByTimeAsync(0);
    expect(onShown).toHaveBeenCalledTimes(1);
  });

  it('tells what reads the canvas when it shows (MapLibre’s idle alone may follow an undrawn frame)', async () => {
    const gl = fakeGl();
    gl.gpuFinished = true;
    const m = fakeMap(gl);
    const view = showWhenComplete(m.map);
    const shown = vi.fn();
    void view.whenShown().then(shown);
    m.state.layers = ['land', 'labels'];
    m.complete();
    m.frame('complete, makes land');
    m.idle();
    await vi.advanceTimersByTimeAsync(50);
    expect(shown, 'after an undrawn frame').not.toHaveBeenCalled();
    m.frame('complete, makes labels');
    m.frame('complete, drawn');
    m.idle();
    await vi.advanceTimersByTimeAsync(50);
    expect(shown).toHaveBeenCalledTimes(1);
    // A map removed before its picture does not keep a reader of the canvas waiting.
    const removed = showWhenComplete(fakeMap().map);
    const released = vi.fn();
    void removed.whenShown().then(released);
    removed.dispose();
    await vi.advanceTimersByTimeAsync(0);
    expect(released).toHaveBeenCalled();
  });

  it('is shown at the first idle where the GPU cannot be asked (WebGL 1)', async () => {
    const m = fakeMap({});
    const onShown = vi.fn();
    showWhenComplete(m.map, onShown);
    m.frame('making the program');
    m.complete();
    m.frame('complete');
    m.idle();
    await vi.advanceTimersByTimeAsync(0);
    expect(onShown).toHaveBeenCalledTimes(1);
    expect(m.canvas.style.visibility).toBe('');
  });

  it('does not wait for the GPU longer than allowed', async () => {
    const gl = fakeGl();
    const done = vi.fn();
    void gpuDone(gl).then(done);
    await vi.advanceTimersByTimeAsync(GPU_WAIT_MS - 50);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(done).toHaveBeenCalled();
    expect(gl.deleted).toBe(1);
  });

  it('shows whatever the map has if it never settles, after the longest wait, and draws it', async () => {
    const m = fakeMap();
    const onShown = vi.fn();
    const view = showWhenComplete(m.map, onShown, 5000);
    await vi.advanceTimersByTimeAsync(4999);
    expect(view.shown()).toBe(false);
    m.frame('partial');
    expect(m.drawn).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(view.shown()).toBe(true);
    expect(onShown).toHaveBeenCalledTimes(1);
    expect(m.state.repaints, 'after the frame that made a program, a frame is asked for, now drawn').toBe(2);
    m.frame('partial');
    expect(m.drawn).toEqual(['partial']);
  });

  it('stops waiting without a word when the map is removed', async () => {
    const m = fakeMap();
    const onShown = vi.fn();
    const view = showWhenComplete(m.map, onShown);
    view.dispose();
    m.idle();
    await vi.advanceTimersByTimeAsync(FIRST_VIEW_MAX_WAIT_MS * 2);
    expect(onShown).not.toHaveBeenCalled();
    m.frame('after removal');
    expect(m.drawn, 'the painter is MapLibre’s own again').toEqual(['after removal']);
  });
});
