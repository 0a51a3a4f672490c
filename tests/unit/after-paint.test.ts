import { afterEach, describe, expect, it, vi } from 'vitest';
import { AFTER_PAINT_MAX_WAIT_MS, afterFirstPaint } from '../../src/lib/map/after-paint';

// A stand-in for the browser's paint timing: `paint()` delivers the first contentful paint.
function paintTiming(opts: { painted?: boolean; supported?: boolean } = {}) {
  const entries: { name: string }[] = opts.painted ? [{ name: 'first-contentful-paint' }] : [];
  let callback: ((list: { getEntriesByName(n: string): unknown[] }) => void) | undefined;
  class FakeObserver {
    static supportedEntryTypes = opts.supported === false ? [] : ['paint'];
    constructor(cb: typeof callback) {
      callback = cb;
    }
    observe() {}
    disconnect() {
      callback = undefined;
    }
  }
  return {
    scope: {
      PerformanceObserver: FakeObserver as unknown as typeof PerformanceObserver,
      performance: { getEntriesByName: (n: string) => entries.filter((e) => e.name === n) } as never,
    },
    paint() {
      entries.push({ name: 'first-contentful-paint' });
      callback?.({ getEntriesByName: (n) => entries.filter((e) => e.name === n) });
    },
  };
}

describe('the map code waits for the text to paint', () => {
  afterEach(() => vi.useRealTimers());

  it('waits until the first contentful paint, and goes on at once after it', async () => {
    vi.useFakeTimers();
    const t = paintTiming();
    let resolved = false;
    void afterFirstPaint(t.scope).then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(AFTER_PAINT_MAX_WAIT_MS / 2);
    expect(resolved).toBe(false);
    t.paint();
    await vi.advanceTimersByTimeAsync(0);
    expect(resolved).toBe(true);
  });

  it('does not wait when the page has already painted', async () => {
    const t = paintTiming({ painted: true });
    await expect(afterFirstPaint(t.scope)).resolves.toBeUndefined();
  });

  it('starts the map anyway when no paint is reported (hidden page, no paint timing)', async () => {
    vi.useFakeTimers();
    for (const t of [paintTiming(), paintTiming({ supported: false })]) {
      let resolved = false;
      void afterFirstPaint(t.scope).then(() => (resolved = true));
      await vi.advanceTimersByTimeAsync(AFTER_PAINT_MAX_WAIT_MS - 1);
      expect(resolved).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(resolved).toBe(true);
    }
  });
});
