// The map's first picture appears whole: its canvas is kept out of the page until MapLibre's first
// idle, and never longer than the wait allows.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIRST_VIEW_MAX_WAIT_MS, showWhenComplete } from '../../src/lib/map/first-view';

function fakeMap() {
  const canvas = { style: { visibility: '' } };
  const handlers = new Map<string, () => void>();
  return {
    canvas,
    idle: () => handlers.get('idle')?.(),
    map: {
      getCanvas: () => canvas,
      once: (type: string, f: () => void) => void handlers.set(type, f),
      off: (type: string, f: () => void) => void (handlers.get(type) === f && handlers.delete(type)),
    } as unknown as Parameters<typeof showWhenComplete>[0],
  };
}

describe('the first view', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('is hidden until the map is first idle, then shown for good', () => {
    const m = fakeMap();
    const view = showWhenComplete(m.map);
    expect(m.canvas.style.visibility).toBe('hidden');
    expect(view.shown()).toBe(false);
    m.idle();
    expect(m.canvas.style.visibility).toBe('');
    expect(view.shown()).toBe(true);
    vi.advanceTimersByTime(FIRST_VIEW_MAX_WAIT_MS * 2);
    expect(view.shown()).toBe(true);
  });

  it('shows whatever the map has if it never settles, after the longest wait', () => {
    const m = fakeMap();
    const view = showWhenComplete(m.map, 5000);
    vi.advanceTimersByTime(4999);
    expect(view.shown()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(view.shown()).toBe(true);
  });
});
