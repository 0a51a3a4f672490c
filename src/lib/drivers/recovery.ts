// Self-healing for an unattended kiosk: an uncaught error (or the daily schedule) makes a reload
// due; the reload happens at the next quiet moment (between two chapters of the loop), after a
// short delay. A log of recent reloads in sessionStorage stops a reload loop.
import { storageKey } from '../state/storage-keys';
import { realClock, type Clock, type TimerId } from './clock';

/** The reload log's key in sessionStorage, per story. */
export function reloadLogKey(storyId: string): string {
  return storageKey(storyId, 'kiosk-reloads');
}
/** At most `max` reloads for errors within `windowMs`; after that the kiosk keeps running as it is. */
export const RELOAD_LIMIT = { max: 3, windowMs: 10 * 60_000 } as const;

/** Pure: may the kiosk reload at `now`, given the times of its earlier reloads? */
export function mayReload(previous: readonly number[], now: number, limit = RELOAD_LIMIT): boolean {
  const recent = previous.filter((t) => t <= now && now - t < limit.windowMs);
  return recent.length < limit.max;
}

/** Pure: "HH:MM" (24 h) as hours and minutes, or null. */
export function parseDailyTime(hhmm: string | null | undefined): { h: number; m: number } | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm ?? '');
  return m ? { h: Number(m[1]), m: Number(m[2]) } : null;
}

/** Pure: milliseconds from `now` to the next local HH:MM (never 0: exactly now means tomorrow), or null. */
export function msUntilDaily(now: Date, hhmm: string | null | undefined): number | null {
  const t = parseDailyTime(hhmm);
  if (!t) return null;
  const next = new Date(now.getTime());
  next.setHours(t.h, t.m, 0, 0);
  if (next.getTime() <= now.getTime()) next.setDate(next.getDate() + 1);
  return next.getTime() - now.getTime();
}

export function readReloadLog(storage: Pick<Storage, 'getItem'> | null, key: string): number[] {
  try {
    const v: unknown = JSON.parse(storage?.getItem(key) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)) : [];
  } catch {
    return [];
  }
}

export type ReloadReason = 'error' | 'daily';

export interface RecoveryOptions {
  /** Where uncaught errors are reported (window). */
  target: EventTarget;
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The story's id: its reload log is kept apart from other stories' on the same host. */
  storyId: string;
  reload: () => void;
  clock?: Clock;
  /** Wall-clock time, for the daily schedule and the reload log. */
  wallNow?: () => number;
  dailyReload?: string | null;
  /** Pause after the quiet moment before reloading. */
  delayMs?: number;
}

export interface Recovery {
  /** Why a reload is due, or null. */
  readonly pending: ReloadReason | null;
  /** The loop is between chapters: reload now if one is due. True when a reload was started. */
  quietMoment(): boolean;
  dispose(): void;
}

export function recoveryDriver(opts: RecoveryOptions): Recovery {
  const { target, storage, clock = realClock, wallNow = () => Date.now(), delayMs = 1500 } = opts;
  const key = reloadLogKey(opts.storyId);
  let pending: ReloadReason | null = null;
  let reloading = false;
  let daily: TimerId | undefined;
  let reloadTimer: TimerId | undefined;

  const onError = () => {
    if (pending || reloading) return;
    if (mayReload(readReloadLog(storage, key), wallNow())) pending = 'error';
    else console.warn('kiosk: errors keep happening; not reloading again for now');
  };
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onError);

  const armDaily = () => {
    const ms = msUntilDaily(new Date(wallNow()), opts.dailyReload);
    if (ms === null) return;
    daily = clock.setTimeout(() => {
      daily = undefined;
      pending ??= 'daily';
      armDaily();
    }, ms);
  };
  armDaily();

  return {
    get pending() {
      return pending;
    },
    quietMoment() {
      if (!pending || reloading) return reloading;
      reloading = true;
      const log = [...readReloadLog(storage, key), wallNow()].slice(-10);
      try {
        storage?.setItem(key, JSON.stringify(log));
      } catch {
        // Without storage the guard cannot count; the limit of one reload per error still holds.
      }
      reloadTimer = clock.setTimeout(opts.reload, delayMs);
      return true;
    },
    dispose() {
      target.removeEventListener('error', onError);
      target.removeEventListener('unhandledrejection', onError);
      if (daily !== undefined) clock.clearTimeout(daily);
      if (reloadTimer !== undefined) clock.clearTimeout(reloadTimer);
    },
  };
}
