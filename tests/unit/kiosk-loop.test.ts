// The kiosk's attract loop, run on a fake clock: chapters advance after their own dwell time,
// progress runs from 0 to 1, the loop wraps, pauses hold, and nothing is left running.
import { describe, expect, test } from 'vitest';
import { clampSpeed, kioskLoop, readKioskSettings, type LoopTarget } from '../../src/lib/drivers/kiosk';
import { FakeClock } from './fake-clock';

function target(dwells: number[]) {
  const log: number[] = [];
  const progress: number[] = [];
  const t: LoopTarget & { log: number[]; progress: number[]; i: number } = {
    i: 0,
    log,
    progress,
    get index() {
      return this.i;
    },
    count: dwells.length,
    dwell: (i) => dwells[i]!,
    go(i) {
      this.i = i;
      log.push(i);
    },
    setProgress: (p) => progress.push(p),
  };
  return t;
}

describe('kiosk loop', () => {
  test('each chapter stays for its own dwell, then the next comes, and after the last the first', () => {
    const clock = new FakeClock();
    const t = target([12, 14, 5]);
    const loop = kioskLoop({ target: t, clock });
    loop.play();
    clock.advance(11_900);
    expect(t.log).toEqual([]);
    clock.advance(100);
    expect(t.log).toEqual([1]);
    clock.advance(13_999);
    expect(t.log).toEqual([1]);
    clock.advance(1);
    expect(t.log).toEqual([1, 2]);
    clock.advance(5_000);
    expect(t.log).toEqual([1, 2, 0]);
    clock.advance(12_000 + 14_000 + 5_000);
    expect(t.log).toEqual([1, 2, 0, 1, 2, 0]);
    loop.dispose();
    expect(clock.pending).toBe(0);
  });

  test('progress rises from 0 to 1 through the dwell', () => {
    const clock = new FakeClock();
    const t = target([10, 10]);
    const loop = kioskLoop({ target: t, clock, tickMs: 1000 });
    loop.play();
    clock.advance(5_000);
    expect(t.progress[0]).toBe(0);
    expect(t.progress.at(-1)).toBeCloseTo(0.5);
    const sorted = [...t.progress].sort((a, b) => a - b);
    expect(t.progress).toEqual(sorted);
    clock.advance(5_000);
    expect(t.progress).toContain(1);
    expect(t.progress.at(-1)).toBe(0);
    loop.dispose();
  });

  test('a speed factor shortens the dwell in real time', () => {
    const clock = new FakeClock();
    const t = target([12, 12, 12]);
    const loop = kioskLoop({ target: t, clock, speed: 20 });
    loop.play();
    clock.advance(599);
    expect(t.log).toEqual([]);
    clock.advance(1);
    expect(t.log).toEqual([1]);
    clock.advance(1200);
    expect(t.log).toEqual([1, 2, 0]);
    loop.dispose();
  });

  test('pause holds the chapter for as long as it lasts; play restarts the dwell of the same chapter', () => {
    const clock = new FakeClock();
    const t = target([12, 12]);
    const loop = kioskLoop({ target: t, clock });
    loop.play();
    clock.advance(10_000);
    loop.pause();
    expect(loop.playing).toBe(false);
    expect(clock.pending).toBe(0);
    clock.advance(600_000);
    expect(t.log).toEqual([]);
    loop.play();
    clock.advance(11_000);
    expect(t.log).toEqual([]);
    clock.advance(1_000);
    expect(t.log).toEqual([1]);
    loop.dispose();
  });

  test('the quiet moment between chapters can stop the loop (a reload is due)', () => {
    const clock = new FakeClock();
    const t = target([12, 12]);
    let due = false;
    const loop = kioskLoop({ target: t, clock, atBoundary: () => due });
    loop.play();
    clock.advance(12_000);
    expect(t.log).toEqual([1]);
    due = true;
    clock.advance(12_000);
    expect(t.log).toEqual([1]);
    expect(loop.playing).toBe(false);
    expect(clock.pending).toBe(0);
  });

  test('after dispose nothing runs, and play does nothing', () => {
    const clock = new FakeClock();
    const t = target([12, 12]);
    const loop = kioskLoop({ target: t, clock });
    loop.play();
    loop.dispose();
    loop.play();
    clock.advance(100_000);
    expect(t.log).toEqual([]);
    expect(clock.pending).toBe(0);
  });

  test('a chapter without a usable dwell gets the default', () => {
    const clock = new FakeClock();
    const t = target([NaN, 12]);
    const loop = kioskLoop({ target: t, clock });
    loop.play();
    clock.advance(12_000);
    expect(t.log).toEqual([1]);
    loop.dispose();
  });
});

describe('kiosk settings from the address', () => {
  test('defaults', () => {
    expect(readKioskSettings('?mode=kiosk')).toEqual({ speed: 1, idleSeconds: 60, dailyReload: null });
  });
  test('speed, idle and daily reload', () => {
    expect(readKioskSettings('?mode=kiosk&speed=20&idle=2&reload=03:30')).toEqual({
      speed: 20,
      idleSeconds: 2,
      dailyReload: '03:30',
    });
  });
  test('values out of range are clamped, nonsense is ignored', () => {
    expect(readKioskSettings('?speed=100000&idle=0').speed).toBe(100);
    expect(readKioskSettings('?speed=100000&idle=0').idleSeconds).toBe(1);
    expect(readKioskSettings('?speed=abc&idle=&reload=25:00')).toEqual({
      speed: 1,
      idleSeconds: 60,
      dailyReload: null,
    });
    expect(clampSpeed(-3)).toBe(1);
    expect(clampSpeed(0.01)).toBe(0.25);
  });
});
