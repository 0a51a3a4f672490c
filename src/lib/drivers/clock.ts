// Time for the drivers: the speaker's elapsed-time clock, and an injectable clock for the kiosk
// loop so that Vitest can run minutes of it in microseconds and a demo can run it faster.

/** "m:ss", or "h:mm:ss" from an hour on. Negative and non-finite times count as zero. */
export function formatElapsed(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Calls `onTick` with the milliseconds since `start` now and then every `everyMs`. */
export function clockDriver(start: number, onTick: (elapsedMs: number) => void, everyMs = 1000): () => void {
  const tick = () => onTick(Date.now() - start);
  tick();
  const timer = setInterval(tick, everyMs);
  return () => clearInterval(timer);
}

export type TimerId = ReturnType<typeof setTimeout>;

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerId;
  clearTimeout(id: TimerId): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (id) => clearTimeout(id),
};
