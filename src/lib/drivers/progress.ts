// Time drives progress: in the slide and kiosk modes a chapter's progress runs from 0 to 1 over a
// few seconds, so its routes draw themselves as they do when a reader scrolls. With reduced
// motion the progress jumps to 1 (routes as the chapter leaves them, nothing animates). Returns a
// dispose that cancels the animation frame.
export interface ProgressTarget {
  readonly index: number;
  readonly reducedMotion: boolean;
  setProgress(p: number): void;
}

export interface ProgressAnimatorOptions {
  /** Seconds from 0 to 1. */
  seconds: number;
  /** For tests: the clock and the frame scheduler. */
  now?: () => number;
  requestFrame?: (f: () => void) => number;
  cancelFrame?: (id: number) => void;
}

/**
 * Animates `state.progress` from 0 to 1 over `seconds` for the chapter active now. Stops by
 * itself at 1, or as soon as another chapter becomes active (it never writes progress into a
 * chapter it was not started for).
 */
export function progressAnimator(state: ProgressTarget, options: ProgressAnimatorOptions): () => void {
  const now = options.now ?? (() => performance.now());
  const requestFrame = options.requestFrame ?? ((f: () => void) => requestAnimationFrame(f));
  const cancelFrame = options.cancelFrame ?? ((id: number) => cancelAnimationFrame(id));
  const duration = Math.max(0, options.seconds) * 1000;
  const index = state.index;

  if (state.reducedMotion || duration === 0) {
    state.setProgress(1);
    return () => {};
  }

  let frame = 0;
  let stopped = false;
  const start = now();
  state.setProgress(0);
  const tick = () => {
    frame = 0;
    if (stopped || state.index !== index) return;
    const p = Math.min(1, (now() - start) / duration);
    state.setProgress(p);
    if (p < 1) frame = requestFrame(tick);
  };
  frame = requestFrame(tick);

  return () => {
    stopped = true;
    if (frame) cancelFrame(frame);
    frame = 0;
  };
}
