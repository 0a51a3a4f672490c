// Scroll drives the story: the chapter most in view becomes active, and the reader's position
// through it becomes its progress. Returns a dispose that removes every observer and listener.
export interface ScrollDriverOptions {
  elements: readonly HTMLElement[];
  onActive: (index: number) => void;
  onProgress: (index: number, progress: number) => void;
}

const THRESHOLDS = Array.from({ length: 21 }, (_, i) => i / 20);

/** The element most in view: the largest visible height wins; on a tie, the earlier one. */
export function mostInView(visible: readonly number[]): number {
  let best = -1;
  let bestPx = 0;
  visible.forEach((px, i) => {
    if (px > bestPx + 0.5) {
      best = i;
      bestPx = px;
    }
  });
  return best;
}

/** 0 when the element's top reaches three quarters down the viewport, 1 when its bottom passes a quarter. */
export function scrollProgress(top: number, height: number, viewport: number): number {
  const span = height + viewport * 0.5;
  return span <= 0 ? 1 : Math.min(1, Math.max(0, (viewport * 0.75 - top) / span));
}

/**
 * The top of the window that the page keeps covered (a fixed bar; on a phone, the map above the
 * text), as its stylesheet declares it for scrolling: `scroll-padding-top` on the root.
 */
function coveredTop(): number {
  return Math.max(
    0,
    Math.round(parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0),
  );
}

export function scrollDriver({ elements, onActive, onProgress }: ScrollDriverOptions): () => void {
  const visible = elements.map(() => 0);
  let active = -1;
  let frame = 0;
  // Only the part of the window where the text can be read counts: a chapter passing under the
  // map or the bar is not "in view".
  let top = -1;
  let observer: IntersectionObserver | undefined;
  let resized = false;

  const measure = () => {
    frame = 0;
    if (resized) observe();
    resized = false;
    if (active < 0) return;
    const r = elements[active]!.getBoundingClientRect();
    onProgress(active, scrollProgress(r.top - top, r.height, window.innerHeight - top));
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  const onEntries = (entries: IntersectionObserverEntry[]) => {
    for (const e of entries) {
      const i = elements.indexOf(e.target as HTMLElement);
      if (i >= 0) visible[i] = e.isIntersecting ? e.intersectionRect.height : 0;
    }
    const best = mostInView(visible);
    if (best >= 0 && best !== active) {
      active = best;
      onActive(best);
    }
    schedule();
  };
  // (Re)starts the observer when the covered top changes (a turn of the phone, a resize).
  const observe = () => {
    const now = coveredTop();
    if (now === top && observer) return;
    top = now;
    observer?.disconnect();
    visible.fill(0);
    observer = new IntersectionObserver(onEntries, {
      threshold: THRESHOLDS,
      rootMargin: `-${top}px 0px 0px 0px`,
    });
    elements.forEach((el) => observer!.observe(el));
  };
  observe();
  window.addEventListener('scroll', schedule, { passive: true });
  const onResize = () => {
    resized = true;
    schedule();
  };
  window.addEventListener('resize', onResize, { passive: true });

  return () => {
    observer?.disconnect();
    window.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', onResize);
    if (frame) cancelAnimationFrame(frame);
  };
}

/** Keyboard focus inside a chapter makes it active (screen readers may not scroll). */
export function focusDriver(root: HTMLElement, onActive: (chapterId: string) => void): () => void {
  const onFocus = (e: FocusEvent) => {
    const el = (e.target as Element | null)?.closest?.('[data-chapter-id]');
    const id = el?.getAttribute('data-chapter-id');
    if (!el || !id) return;
    // Bring the whole chapter into view, so that the scroll position agrees with the focus.
    // A chapter taller than the window cannot be centred whole: keep the focused element in view.
    const r = el.getBoundingClientRect();
    if (r.height > window.innerHeight)
      (e.target as Element).scrollIntoView?.({ block: 'nearest', behavior: 'instant' });
    else if (r.top < 0 || r.bottom > window.innerHeight)
      el.scrollIntoView({ block: 'center', behavior: 'instant' });
    onActive(id);
  };
  root.addEventListener('focusin', onFocus);
  return () => root.removeEventListener('focusin', onFocus);
}
