// The slide and kiosk modes animate a chapter's progress with progressAnimator; reduced motion
// jumps to the end. A fake clock and frame scheduler make the test exact.
import { describe, expect, test } from 'vitest';
import { progressAnimator } from '../../src/lib/drivers/progress';

function harness(reducedMotion = false) {
  let t = 1000;
  const frames = new Map<number, () => void>();
  let nextId = 1;
  const state = {
    index: 3,
    reducedMotion,
    progress: 0.5,
    writes: 0,
    setProgress(p: number) {
      this.progress = p;
      this.writes++;
    },
  };
  const options = {
    now: () => t,
    requestFrame: (f: () => void) => {
      const id = nextId++;
      frames.set(id, f);
      return id;
    },
    cancelFrame: (id: number) => void frames.delete(id),
  };
  const advance = (ms: number) => {
    t += ms;
    const run = [...frames.entries()];
    frames.clear();
    for (const [, f] of run) f();
  };
  return { state, options, frames, advance };
}

describe('progressAnimator', () => {
  test('runs progress from 0 to 1 over the given seconds, then stops asking for frames', () => {
    const h = harness();
    const dispose = progressAnimator(h.state, { seconds: 4, ...h.options });
    expect(h.state.progress).toBe(0);
    h.advance(1000);
    expect(h.state.progress).toBeCloseTo(0.25, 10);
    h.advance(1000);
    expect(h.state.progress).toBeCloseTo(0.5, 10);
    h.advance(5000);
    expect(h.state.progress).toBe(1);
    expect(h.frames.size).toBe(0);
    dispose();
  });

  test('dispose cancels the pending frame: progress stays where it was', () => {
    const h = harness();
    const dispose = progressAnimator(h.state, { seconds: 2, ...h.options });
    h.advance(500);
    expect(h.frames.size).toBe(1);
    dispose();
    expect(h.frames.size).toBe(0);
    const before = h.state.progress;
    h.advance(5000);
    expect(h.state.progress).toBe(before);
  });

  test('never writes progress into another chapter', () => {
    const h = harness();
    progressAnimator(h.state, { seconds: 2, ...h.options });
    h.advance(500);
    const writes = h.state.writes;
    h.state.index = 4;
    h.advance(500);
    expect(h.state.writes).toBe(writes);
    expect(h.frames.size).toBe(0);
  });

  test('with reduced motion, progress jumps to 1 and no frame is requested', () => {
    const h = harness(true);
    const dispose = progressAnimator(h.state, { seconds: 4, ...h.options });
    expect(h.state.progress).toBe(1);
    expect(h.frames.size).toBe(0);
    dispose();
  });
});
