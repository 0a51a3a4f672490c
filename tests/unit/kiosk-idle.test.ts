// Idle detection on a plain EventTarget with a fake clock.
import { describe, expect, test } from 'vitest';
import { watchIdle } from '../../src/lib/drivers/idle';
import { FakeClock } from './fake-clock';

describe('idle watch', () => {
  test('starting idle, the first input is "active"; after the timeout without input, "idle"', () => {
    const clock = new FakeClock();
    const target = new EventTarget();
    const events: string[] = [];
    const w = watchIdle({
      target,
      clock,
      timeoutMs: 60_000,
      startIdle: true,
      onActive: () => events.push('active'),
      onIdle: () => events.push('idle'),
    });
    clock.advance(500_000);
    expect(events).toEqual([]);
    target.dispatchEvent(new Event('pointerdown'));
    expect(events).toEqual(['active']);
    clock.advance(59_000);
    target.dispatchEvent(new Event('keydown'));
    clock.advance(59_000);
    expect(events).toEqual(['active']);
    clock.advance(1_000);
    expect(events).toEqual(['active', 'idle']);
    expect(w.idle).toBe(true);
    target.dispatchEvent(new Event('touchstart'));
    expect(events).toEqual(['active', 'idle', 'active']);
    w.dispose();
  });

  test('only the listed events count', () => {
    const clock = new FakeClock();
    const target = new EventTarget();
    let active = 0;
    const w = watchIdle({ target, clock, timeoutMs: 1000, startIdle: true, onActive: () => active++ });
    target.dispatchEvent(new Event('pointermove'));
    expect(active).toBe(0);
    target.dispatchEvent(new Event('wheel'));
    expect(active).toBe(1);
    w.dispose();
  });

  test('dispose removes the listeners and the timer', () => {
    const clock = new FakeClock();
    const target = new EventTarget();
    let calls = 0;
    const w = watchIdle({ target, clock, timeoutMs: 1000, onActive: () => calls++, onIdle: () => calls++ });
    w.dispose();
    expect(clock.pending).toBe(0);
    target.dispatchEvent(new Event('pointerdown'));
    clock.advance(10_000);
    expect(calls).toBe(0);
  });
});
