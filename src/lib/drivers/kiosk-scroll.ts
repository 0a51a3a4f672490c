// A kiosk caption taller than its box is never cut off during the attract loop: it scrolls itself,
// slowly, within the chapter's dwell, and the dwell is made long enough for that. The text holds
// still at the top while a visitor starts reading, moves at no more than a reading pace, and holds
// at the end before the next chapter comes. With reduced motion it does not glide: it turns pages.
// Pure functions of the chapter's progress (0..1, driven by the loop), so the text is a view of
// the story state like the map, and a rotation or a new font size simply gives new numbers.

/** Seconds the top of a long caption stays still before it starts to move. */
export const HOLD_START_S = 4;
/** Seconds the end of a long caption stays on screen before the next chapter. */
export const HOLD_END_S = 3;
/** Seconds per line of text scrolled: the slowest reading pace the loop allows for. */
export const SECONDS_PER_LINE = 2.2;
/** Overflow below this many pixels is rounding, not text. */
const SLACK_PX = 1;

export interface CaptionMeasure {
  /** Height of the caption's text that lies beyond its box (0 when it fits). */
  overflowPx: number;
  /** Height of one line of body text. */
  linePx: number;
}

/**
 * Seconds chapter needs in the loop: its own dwell, or longer when the caption must scroll — the
 * holds at start and end plus every overflowing line at reading pace.
 */
export function neededDwell(dwellS: number, m: CaptionMeasure): number {
  if (!(m.overflowPx > SLACK_PX) || !(m.linePx > 0)) return dwellS;
  const lines = m.overflowPx / m.linePx;
  return Math.max(dwellS, HOLD_START_S + lines * SECONDS_PER_LINE + HOLD_END_S);
}

export interface ScrollOptions extends CaptionMeasure {
  /** The chapter's dwell in the loop (as given by neededDwell). */
  dwellS: number;
  /** Height of the caption's box (a page, with reduced motion). */
  viewPx: number;
  reducedMotion?: boolean;
}

/**
 * How far (px) the caption's text is moved up at `progress` through the chapter: 0 during the
 * first hold, then evenly to the whole overflow, which it reaches before the last hold. With
 * reduced motion it moves by pages (most of a box at a time, one line shared for continuity),
 * each page on screen for an equal share of the dwell.
 */
export function captionOffset(progress: number, o: ScrollOptions): number {
  const overflow = o.overflowPx;
  if (!(overflow > SLACK_PX) || !(o.dwellS > 0)) return 0;
  const p = Math.min(1, Math.max(0, Number.isFinite(progress) ? progress : 0));
  if (o.reducedMotion) {
    const page = Math.max(o.linePx, o.viewPx - o.linePx);
    const turns = Math.ceil(overflow / page);
    const shown = Math.min(turns, Math.floor(p * (turns + 1)));
    return Math.min(overflow, shown * page);
  }
  const start = Math.min(HOLD_START_S, o.dwellS / 3) / o.dwellS;
  const end = Math.min(HOLD_END_S, o.dwellS / 3) / o.dwellS;
  const t = (p - start) / (1 - start - end);
  return overflow * Math.min(1, Math.max(0, t));
}
