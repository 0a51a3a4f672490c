// Type as large as the slide allows: the biggest font size (between a floor and the size the
// stylesheet asks for) at which a chapter fits its box without scrolling.

/** The largest size in [min, max] for which `fits` holds, to within `precision`; `min` if none does. */
export function largestFitting(
  fits: (size: number) => boolean,
  min: number,
  max: number,
  precision = 0.5,
): number {
  if (max <= min || fits(max)) return Math.max(min, max);
  let lo = min;
  let hi = max;
  while (hi - lo > precision) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Keeps the text in `box` as large as fits: call `refit()` when the content changes; the box's
 * own size changes are watched. The stylesheet's font size is the largest; `minPx` the floor
 * (below it the box scrolls). Returns the refit and a dispose.
 */
export function fitTextDriver(box: HTMLElement, minPx: number): { refit: () => void; dispose: () => void } {
  let frame = 0;
  const refit = () => {
    box.style.fontSize = '';
    const max = parseFloat(getComputedStyle(box).fontSize);
    if (!Number.isFinite(max)) return;
    const fits = (px: number) => {
      box.style.fontSize = `${px}px`;
      return box.scrollHeight <= box.clientHeight + 1;
    };
    const size = largestFitting(fits, minPx, max);
    box.style.fontSize = size >= max ? '' : `${size}px`;
  };
  const observer = new ResizeObserver(() => {
    if (!frame) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        refit();
      });
    }
  });
  observer.observe(box);
  return {
    refit,
    dispose: () => {
      observer.disconnect();
      if (frame) cancelAnimationFrame(frame);
      box.style.fontSize = '';
    },
  };
}
