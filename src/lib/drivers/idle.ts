// Notices when nobody has touched the screen for a while, and when someone does again.
// Listens on any EventTarget (the window in the app, a plain EventTarget in unit tests);
// dispose() removes every listener and the pending timer.
import { realClock, type Clock, type TimerId } from './clock';

export const INPUT_EVENTS = ['pointerdown', 'touchstart', 'keydown', 'wheel'] as const;
export const PRESENCE_EVENTS = [...INPUT_EVENTS, 'pointermove'] as const;

export interface IdleWatchOptions {
  target: EventTarget;
  /** Milliseconds without any of `events` before onIdle. */
  timeoutMs: number;
  events?: readonly string[];
  clock?: Clock;
  /** Someone is here: the first input after idle (or after start, when startIdle). */
  onActive?: (e: Event) => void;
  /** Nobody touched anything for timeoutMs. */
  onIdle?: () => void;
  /** Starts in the idle state (nobody there yet): the first input calls onActive. */
  startIdle?: boolean;
}

export interface IdleWatch {
  readonly idle: boolean;
  dispose(): void;
}

export function watchIdle(opts: IdleWatchOptions): IdleWatch {
  const { target, timeoutMs, clock = realClock, events = INPUT_EVENTS } = opts;
  let idle = opts.startIdle ?? false;
  let timer: TimerId | undefined;
  let disposed = false;

  const arm = () => {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = clock.setTimeout(() => {
      timer = undefined;
      if (disposed || idle) return;
      idle = true;
      opts.onIdle?.();
    }, timeoutMs);
  };
  const onInput = (e: Event) => {
    if (disposed) return;
    const wasIdle = idle;
    idle = false;
    arm();
    if (wasIdle) opts.onActive?.(e);
  };
  for (const type of events) target.addEventListener(type, onInput, { capture: true, passive: true });
  if (!idle) arm();

  return {
    get idle() {
      return idle;
    },
    dispose() {
      disposed = true;
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      for (const type of events) target.removeEventListener(type, onInput, { capture: true });
    },
  };
}
