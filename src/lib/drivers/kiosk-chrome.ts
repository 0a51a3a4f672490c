// Keeps the browser out of sight on a kiosk: no context menu, no page zoom (the map still zooms
// itself), no text selection (CSS under html.kiosk), the cursor hidden after inactivity, and the
// screen kept awake where the Wake Lock API exists. Kiosk mode only; dispose() undoes all of it.
import { realClock, type Clock } from './clock';
import { PRESENCE_EVENTS, watchIdle } from './idle';

export interface KioskChromeOptions {
  root?: HTMLElement;
  /** Hide the cursor after this many ms without pointer movement. */
  cursorHideMs?: number;
  clock?: Clock;
}

const ZOOM_KEYS = new Set(['+', '-', '=', '_', '0']);

export function kioskChrome(opts: KioskChromeOptions = {}): () => void {
  const root = opts.root ?? document.documentElement;
  const disposers: Array<() => void> = [];
  const on = <K extends keyof DocumentEventMap>(
    type: K,
    fn: (e: DocumentEventMap[K]) => void,
    options: AddEventListenerOptions = {},
  ) => {
    document.addEventListener(type, fn, options);
    disposers.push(() => document.removeEventListener(type, fn, options));
  };

  document.documentElement.classList.add('kiosk');
  disposers.push(() => document.documentElement.classList.remove('kiosk', 'kiosk-cursor-hidden'));

  const prevent = (e: Event) => e.preventDefault();
  on('contextmenu', prevent);
  on('selectstart', prevent);
  on('dragstart', prevent);
  // Browser zoom: ctrl/cmd + wheel, pinch on a trackpad (reported as ctrl+wheel), Safari's
  // gesture events, ctrl/cmd + plus/minus/zero. MapLibre handles its own wheel and touch zoom
  // on the map before the event bubbles here, so the map stays zoomable.
  on('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });
  for (const type of ['gesturestart', 'gesturechange', 'gestureend']) {
    document.addEventListener(type, prevent, { passive: false });
    disposers.push(() => document.removeEventListener(type, prevent));
  }
  on('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && ZOOM_KEYS.has(e.key)) e.preventDefault();
  });

  // The cursor disappears when the mouse rests (a touch screen shows none anyway).
  const cursor = watchIdle({
    target: window,
    timeoutMs: opts.cursorHideMs ?? 3000,
    events: PRESENCE_EVENTS,
    clock: opts.clock ?? realClock,
    onIdle: () => root.classList.add('kiosk-cursor-hidden'),
    onActive: () => root.classList.remove('kiosk-cursor-hidden'),
  });
  disposers.push(() => cursor.dispose());
  disposers.push(keepAwake());

  return () => disposers.splice(0).forEach((f) => f());
}

/** Holds a screen wake lock while the page is visible; re-acquires it when the page comes back. */
export function keepAwake(nav: Navigator = navigator, doc: Document = document): () => void {
  const api = (nav as Navigator & { wakeLock?: WakeLock }).wakeLock;
  if (!api?.request) return () => {};
  let sentinel: WakeLockSentinel | null = null;
  let disposed = false;
  const acquire = async () => {
    if (disposed || doc.visibilityState !== 'visible' || (sentinel && !sentinel.released)) return;
    try {
      const s = await api.request('screen');
      if (disposed) void s.release();
      else sentinel = s;
    } catch (e) {
      // Refused (no user activation yet, power saving, policy): the display's own settings apply.
      console.warn('kiosk: screen wake lock unavailable:', (e as Error).message);
    }
  };
  const onVisibility = () => void acquire();
  doc.addEventListener('visibilitychange', onVisibility);
  void acquire();
  return () => {
    disposed = true;
    doc.removeEventListener('visibilitychange', onVisibility);
    void sentinel?.release().catch(() => {});
    sentinel = null;
  };
}
