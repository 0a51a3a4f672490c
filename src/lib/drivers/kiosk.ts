// The kiosk's attract loop: each chapter stays for its dwell time while its progress runs from
// 0 to 1, then the next chapter comes; after the last, the first. Only calls the story state's
// methods (through LoopTarget); time comes from an injectable Clock, so the loop is testable
// without a browser and without waiting.
import { realClock, type Clock, type TimerId } from './clock';

/** What the loop drives: in the app, the one StoryState. */
export interface LoopTarget {
  readonly index: number;
  readonly count: number;
  /** Seconds chapter `index` stays in the loop. */
  dwell(index: number): number;
  go(index: number): void;
  setProgress(p: number): void;
}

export interface KioskLoopOptions {
  target: LoopTarget;
  clock?: Clock;
  /** Time runs this many times faster (tests and demos only). */
  speed?: number;
  /** Real milliseconds between progress updates. */
  tickMs?: number;
  /** Called at the quiet moment between two chapters; returning true stops the loop there. */
  atBoundary?: () => boolean;
  /** Called after the loop moved to another chapter by itself. */
  onAdvance?: (index: number) => void;
}

export interface KioskLoop {
  readonly playing: boolean;
  /** Starts (or restarts) the active chapter's dwell from its beginning. */
  play(): void;
  /** Stops the loop where it is; nothing runs until play(). */
  pause(): void;
  dispose(): void;
}

export const DEFAULT_DWELL_S = 12;
export const DEFAULT_IDLE_S = 60;
export const SPEED_RANGE = [0.25, 100] as const;
export const IDLE_RANGE = [1, 3600] as const;

export function kioskLoop(opts: KioskLoopOptions): KioskLoop {
  const { target, clock = realClock, tickMs = 100 } = opts;
  const speed = clampSpeed(opts.speed ?? 1);
  let timer: TimerId | undefined;
  let startedAt = 0;
  let playing = false;
  let disposed = false;

  const dwellMs = () => {
    const s = target.dwell(target.index);
    return (Number.isFinite(s) && s > 0 ? s : DEFAULT_DWELL_S) * 1000;
  };
  const clear = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  };
  const schedule = () => {
    const total = dwellMs();
    const elapsed = (clock.now() - startedAt) * speed;
    const remainingReal = Math.max(0, (total - elapsed) / speed);
    timer = clock.setTimeout(tick, Math.min(tickMs, remainingReal));
  };
  const startChapter = () => {
    startedAt = clock.now();
    target.setProgress(0);
    schedule();
  };
  function tick(): void {
    timer = undefined;
    if (!playing) return;
    const p = ((clock.now() - startedAt) * speed) / dwellMs();
    if (p < 1) {
      target.setProgress(p);
      schedule();
      return;
    }
    target.setProgress(1);
    if (opts.atBoundary?.()) {
      playing = false;
      return;
    }
    const next = (target.index + 1) % target.count;
    target.go(next);
    opts.onAdvance?.(target.index);
    startChapter();
  }

  return {
    get playing() {
      return playing;
    },
    play() {
      if (disposed) return;
      clear();
      playing = true;
      startChapter();
    },
    pause() {
      clear();
      playing = false;
    },
    dispose() {
      disposed = true;
      clear();
      playing = false;
    },
  };
}

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed) || speed <= 0) return 1;
  return Math.min(SPEED_RANGE[1], Math.max(SPEED_RANGE[0], speed));
}

export interface KioskSettings {
  /** Time factor for tests and demos; 1 in a museum. */
  speed: number;
  /** Seconds without input before the kiosk returns to its loop. */
  idleSeconds: number;
  /** Local time "HH:MM" for a daily reload, or null. */
  dailyReload: string | null;
}

/** Reads `?speed=N`, `?idle=SECONDS`, `?reload=HH:MM`; anything invalid falls back to the default. */
export function readKioskSettings(search: string): KioskSettings {
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(search);
  } catch {
    params = new URLSearchParams();
  }
  const num = (k: string) => {
    const v = params.get(k);
    return v === null || v.trim() === '' ? NaN : Number(v);
  };
  const speed = num('speed');
  const idle = num('idle');
  const reload = params.get('reload');
  return {
    speed: Number.isFinite(speed) ? clampSpeed(speed) : 1,
    idleSeconds: Number.isFinite(idle)
      ? Math.min(IDLE_RANGE[1], Math.max(IDLE_RANGE[0], idle))
      : DEFAULT_IDLE_S,
    dailyReload: reload && /^([01]\d|2[0-3]):[0-5]\d$/.test(reload) ? reload : null,
  };
}
