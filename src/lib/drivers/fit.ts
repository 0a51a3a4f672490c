// A slide that never cuts off its content and never sets its type below a floor: when a chapter
// does not fit at the floor, the slide takes another layout (wider, in more columns) instead of
// shrinking further. The stylesheet owns every number: the box's own font size is the largest
// size, the custom property --fit-min the floor, and --fit-layouts the layouts to try, in order
// (each one a value of the box's data-fit attribute that the stylesheet styles). A layout whose
// --fit-paged is 1 sets the chapter in pages side by side (columns of a fixed height): it always
// fits, in as few pages as the floor needs, and the mode shows one page per step.

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

export interface LayoutChoice<L> {
  layout: L;
  size: number;
  /** false when not even the last layout fits at its floor (the box then scrolls). */
  fits: boolean;
}

/**
 * The first layout in which the content fits at that layout's floor, in the largest size that
 * fits it (up to the layout's own maximum). When none does, the last layout at its floor.
 */
export function chooseLayout<L>(
  layouts: readonly L[],
  bounds: (layout: L) => { min: number; max: number },
  fits: (layout: L, size: number) => boolean,
  precision = 0.5,
): LayoutChoice<L> {
  if (!layouts.length) throw new Error('chooseLayout: no layouts to choose from');
  for (const layout of layouts) {
    const { min, max } = bounds(layout);
    if (!fits(layout, min)) continue;
    return { layout, size: largestFitting((s) => fits(layout, s), min, max, precision), fits: true };
  }
  const layout = layouts[layouts.length - 1]!;
  return { layout, size: bounds(layout).min, fits: false };
}

/** The layout names in a `--fit-layouts` value: words separated by spaces or commas. */
export function parseLayouts(value: string): string[] {
  return value
    .replace(/["']/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export interface Fit {
  refit: () => void;
  dispose: () => void;
}

/**
 * Keeps the content of `box` fitting it: call `refit()` when the content changes; the box's own
 * size changes (a resized window, a rotated screen) and late web fonts are watched. The chosen
 * layout is in `box.dataset.fit`, the size in its inline font size (none when the stylesheet's
 * own size fits). In a paged layout, `pager` is the element that holds the pages side by side
 * (its scroll width counts them) and `onPages` hears how many there are (1 in any other layout).
 */
export function fitTextDriver(
  box: HTMLElement,
  { pager, onPages }: { pager?: HTMLElement; onPages?: (pages: number) => void } = {},
): Fit {
  let frame = 0;
  let disposed = false;
  let pages = 0;
  const px = (value: string) => {
    box.style.fontSize = value;
    return parseFloat(getComputedStyle(box).fontSize);
  };
  const setLayout = (layout: string) => {
    if (layout) box.dataset.fit = layout;
    else delete box.dataset.fit;
  };
  const paged = () =>
    pager !== undefined && getComputedStyle(box).getPropertyValue('--fit-paged').trim() === '1';
  /** Pages side by side in the pager: each as wide as the pager plus one column gap. */
  const pageCount = () => {
    if (!pager) return 1;
    const gap = parseFloat(getComputedStyle(pager).columnGap) || 0;
    const width = pager.clientWidth + gap;
    return width > 0 ? Math.max(1, Math.ceil((pager.scrollWidth + gap) / width - 0.02)) : 1;
  };
  const report = (n: number) => {
    if (n !== pages) {
      pages = n;
      onPages?.(n);
    }
  };
  const refit = () => {
    // Measured as on the first step: a page moved aside (translated) adds to the scrollable width,
    // and the fit must not depend on which step is shown.
    const step = pager?.style.getPropertyValue('--step') ?? '';
    pager?.style.setProperty('--step', '0');
    box.style.fontSize = '';
    setLayout('');
    const layouts = parseLayouts(getComputedStyle(box).getPropertyValue('--fit-layouts'));
    if (!layouts.length) layouts.push('');
    const bounds = (layout: string) => {
      setLayout(layout);
      // The floor is a length the stylesheet computes (vw, vh, clamp): resolved by the browser.
      const max = px('');
      const min = px('var(--fit-min)');
      return { max, min: Number.isFinite(min) ? Math.min(min, max) : max };
    };
    let pagesAtFloor = Infinity;
    const fits = (layout: string, size: number) => {
      setLayout(layout);
      box.style.fontSize = `${size}px`;
      const tall = box.scrollHeight > box.clientHeight + 1;
      if (paged()) {
        // Paged: as few pages as the floor needs, and nothing taller than a page.
        const n = pageCount();
        if (!Number.isFinite(pagesAtFloor)) pagesAtFloor = n;
        return !tall && n <= pagesAtFloor;
      }
      return !tall && box.scrollWidth <= box.clientWidth + 1;
    };
    const choice = chooseLayout(layouts, bounds, fits);
    setLayout(choice.layout);
    box.style.fontSize = '';
    const max = parseFloat(getComputedStyle(box).fontSize);
    if (!(choice.size >= max)) box.style.fontSize = `${choice.size}px`;
    if (choice.fits) delete box.dataset.fitOverflow;
    else box.dataset.fitOverflow = '';
    report(paged() ? pageCount() : 1);
    if (step) pager?.style.setProperty('--step', step);
  };
  const later = () => {
    if (!frame && !disposed) {
      frame = requestAnimationFrame(() => {
        frame = 0;
        refit();
      });
    }
  };
  const observer = new ResizeObserver(later);
  observer.observe(box);
  // The pages' holder too: content that settles after the first fit (a chart laid out late, the
  // step count shown under the slide) sets the pages anew before the audience moves on.
  if (pager) observer.observe(pager);
  // The box may keep its size while the room around it changes (its maximum height follows the window).
  window.addEventListener('resize', later);
  // A web font that arrives after the first fit sets the lines anew.
  const fonts = document.fonts as FontFaceSet | undefined;
  fonts?.addEventListener('loadingdone', later);
  void fonts?.ready.then(later);
  return {
    refit,
    dispose: () => {
      disposed = true;
      observer.disconnect();
      window.removeEventListener('resize', later);
      fonts?.removeEventListener('loadingdone', later);
      if (frame) cancelAnimationFrame(frame);
      frame = 0;
      box.style.fontSize = '';
      delete box.dataset.fit;
      delete box.dataset.fitOverflow;
    },
  };
}
