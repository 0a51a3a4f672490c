// The keyboard (and presentation clickers, which send keys) drives the classroom modes.
// `keyAction` is the whole key map: a pure function from a key event to what it means.
// `keysDriver` listens, keeps the typed chapter number, and returns a dispose.

export type KeyAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  /** A digit of a chapter number; Enter then jumps to it. */
  | { type: 'digit'; digit: number }
  | { type: 'enter' }
  | { type: 'backspace' }
  | { type: 'escape' }
  | { type: 'blank' }
  /** Any key while the screen is blank brings it back (and does nothing else). */
  | { type: 'unblank' }
  | { type: 'fullscreen' }
  | { type: 'speaker' }
  | { type: 'explore' }
  | { type: 'reset' };

/** The parts of a KeyboardEvent the key map reads. */
export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

export interface KeyContext {
  /** The screen is blanked. */
  blank: boolean;
}

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'Fn', 'OS']);

/** What a key means in a slide show, or null when it is not ours (the browser keeps it). */
export function keyAction(e: KeyInput, ctx: KeyContext = { blank: false }): KeyAction | null {
  if (MODIFIERS.has(e.key) || e.key === 'Unidentified' || e.key === 'Dead') return null;
  // Browser and system shortcuts (Ctrl+P, Cmd+R, Alt+←) stay theirs, even on a blank screen.
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (ctx.blank) return { type: 'unblank' };
  switch (e.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return { type: 'next' };
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return { type: 'prev' };
    case ' ':
    case 'Spacebar':
      return { type: e.shiftKey ? 'prev' : 'next' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Enter':
      return { type: 'enter' };
    case 'Backspace':
      return { type: 'backspace' };
    case 'Escape':
      return { type: 'escape' };
    case '.':
      return { type: 'blank' };
  }
  if (/^[0-9]$/.test(e.key)) return { type: 'digit', digit: Number(e.key) };
  switch (e.key.toLowerCase()) {
    case 'b':
      return { type: 'blank' };
    case 'f':
      return { type: 'fullscreen' };
    case 's':
      return { type: 'speaker' };
    case 'e':
      return { type: 'explore' };
    case 'r':
      return { type: 'reset' };
  }
  return null;
}

/** The chapter index (0-based) for a typed 1-based number, or null if there is no such chapter. */
export function typedChapter(digits: string, count: number): number | null {
  if (!/^[0-9]{1,4}$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 && n <= count ? n - 1 : null;
}

/** Keys on a focused control belong to the control (Space and Enter press a button). */
function ownedByControl(e: KeyboardEvent): boolean {
  const el = e.target instanceof Element ? e.target : null;
  if (!el) return false;
  if (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  return (
    (e.key === ' ' || e.key === 'Enter') && el.closest('button, a[href], summary, [role="button"]') !== null
  );
}

export interface KeysDriverOptions {
  /** Where to listen; the window by default. */
  target?: Window | HTMLElement;
  /** Read when a key arrives. */
  isBlank: () => boolean;
  /** Chapters in the story, for jump-by-number. */
  count: number;
  /** Every action but digits and Enter, which the driver turns into `jump`. */
  onAction: (action: KeyAction) => void;
  /** Enter after a number: go to that chapter (0-based). */
  onJump: (index: number) => void;
  /** The number typed so far ('' when none), to show it. */
  onDigits?: (digits: string) => void;
}

export function keysDriver(opts: KeysDriverOptions): () => void {
  const target = opts.target ?? window;
  let digits = '';
  const setDigits = (d: string) => {
    if (d === digits) return;
    digits = d;
    opts.onDigits?.(d);
  };

  const onKey = (ev: Event) => {
    const e = ev as KeyboardEvent;
    if (e.defaultPrevented || e.isComposing || ownedByControl(e)) return;
    const action = keyAction(e, { blank: opts.isBlank() });
    if (!action) return;
    e.preventDefault();
    // Navigation keys must not also pan a map that has the focus.
    e.stopPropagation();
    switch (action.type) {
      case 'digit':
        setDigits((digits + String(action.digit)).slice(-4));
        return;
      case 'backspace':
        setDigits(digits.slice(0, -1));
        return;
      case 'enter': {
        const index = typedChapter(digits, opts.count);
        setDigits('');
        if (index !== null) opts.onJump(index);
        return;
      }
      default:
        setDigits('');
        opts.onAction(action);
    }
  };
  // Capture: the slide show hears its keys before a focused map does.
  target.addEventListener('keydown', onKey, { capture: true });
  return () => target.removeEventListener('keydown', onKey, { capture: true });
}
