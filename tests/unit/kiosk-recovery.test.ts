// Self-healing: reload at a quiet moment after an uncaught error, with a guard against reload
// loops, and the daily reload schedule.
import { describe, expect, test } from 'vitest';
import {
  mayReload,
  msUntilDaily,
  parseDailyTime,
  reloadLogKey,
  recoveryDriver,
} from '../../src/lib/drivers/recovery';
import { FakeClock } from './fake-clock';

const STORY = 'river-town';
const KEY = reloadLogKey(STORY);

class MemoryStorage {
  map = new Map<string, string>();
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.map.set(k, v);
  }
}

const MIN = 60_000;

describe('reload guard', () => {
  test('three reloads within ten minutes stop further reloads; older ones do not count', () => {
    expect(mayReload([], 0)).toBe(true);
    expect(mayReload([1 * MIN, 2 * MIN], 3 * MIN)).toBe(true);
    expect(mayReload([1 * MIN, 2 * MIN, 3 * MIN], 4 * MIN)).toBe(false);
    expect(mayReload([1 * MIN, 2 * MIN, 3 * MIN], 11.5 * MIN)).toBe(true);
  });
});

describe('daily reload schedule', () => {
  test('the next HH:MM today, or tomorrow when it has passed or is now', () => {
    const at = (h: number, m: number) => new Date(2026, 10, 27, h, m, 0, 0);
    expect(msUntilDaily(at(2, 0), '03:30')).toBe(90 * MIN);
    expect(msUntilDaily(at(3, 30), '03:30')).toBe(24 * 60 * MIN);
    expect(msUntilDaily(at(23, 0), '03:30')).toBe(4.5 * 60 * MIN);
  });
  test('invalid times give no schedule', () => {
    expect(msUntilDaily(new Date(), '24:00')).toBeNull();
    expect(msUntilDaily(new Date(), '3:30')).toBeNull();
    expect(msUntilDaily(new Date(), null)).toBeNull();
    expect(parseDailyTime('07:05')).toEqual({ h: 7, m: 5 });
  });
});

describe('recovery driver', () => {
  function setup(opts: { daily?: string; log?: number[]; wall?: number; storyId?: string } = {}) {
    const clock = new FakeClock();
    const target = new EventTarget();
    const storage = new MemoryStorage();
    if (opts.log) storage.setItem(KEY, JSON.stringify(opts.log));
    let reloads = 0;
    const wall = opts.wall ?? Date.UTC(2026, 10, 27, 12, 0);
    const r = recoveryDriver({
      target,
      storage,
      storyId: opts.storyId ?? STORY,
      clock,
      wallNow: () => wall + clock.now(),
      reload: () => reloads++,
      dailyReload: opts.daily ?? null,
      delayMs: 1000,
    });
    return { clock, target, storage, r, reloads: () => reloads };
  }

  test('an uncaught error reloads only at the next quiet moment, after the delay, and is logged', () => {
    const { clock, target, storage, r, reloads } = setup();
    expect(r.quietMoment()).toBe(false);
    target.dispatchEvent(new Event('error'));
    expect(r.pending).toBe('error');
    clock.advance(60_000);
    expect(reloads()).toBe(0);
    expect(r.quietMoment()).toBe(true);
    clock.advance(999);
    expect(reloads()).toBe(0);
    clock.advance(1);
    expect(reloads()).toBe(1);
    expect(JSON.parse(storage.getItem(KEY)!)).toHaveLength(1);
    r.dispose();
  });

  test('after too many recent reloads, an error does not make another one due', () => {
    const wall = Date.UTC(2026, 10, 27, 12, 0);
    const { target, r } = setup({ wall, log: [wall - 3 * MIN, wall - 2 * MIN, wall - MIN] });
    target.dispatchEvent(new Event('unhandledrejection'));
    expect(r.pending).toBeNull();
    expect(r.quietMoment()).toBe(false);
    r.dispose();
  });

  test("another story's reload log on the same host neither blocks nor counts for this one", () => {
    const wall = Date.UTC(2026, 10, 27, 12, 0);
    // The other story reloaded three times just now; this story never did.
    const { target, storage, r } = setup({
      wall,
      storyId: 'harbour-walk',
      log: [wall - 3 * MIN, wall - 2 * MIN, wall - MIN],
    });
    expect(KEY).toContain(STORY);
    expect(reloadLogKey('harbour-walk')).toContain('harbour-walk');
    target.dispatchEvent(new Event('error'));
    expect(r.pending).toBe('error');
    expect(r.quietMoment()).toBe(true);
    expect(JSON.parse(storage.getItem(reloadLogKey('harbour-walk'))!)).toHaveLength(1);
    expect(JSON.parse(storage.getItem(KEY)!)).toHaveLength(3);
    r.dispose();
  });

  test('the daily time makes a reload due', () => {
    const now = new Date(2026, 10, 27, 3, 0).getTime();
    const { clock, r } = setup({ daily: '03:30', wall: now });
    clock.advance(29 * MIN);
    expect(r.pending).toBeNull();
    clock.advance(MIN);
    expect(r.pending).toBe('daily');
    r.dispose();
    expect(clock.pending).toBe(0);
  });

  test('dispose removes the listeners', () => {
    const { target, r } = setup();
    r.dispose();
    target.dispatchEvent(new Event('error'));
    expect(r.pending).toBeNull();
  });
});
