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

export function scrollDriver({ elements, onActive, onProgress }: ScrollDriverOptions): () => void {
  const visible = elements.map(() => 0);
  let active = -1;
  let frame = 0;

  const measure = () => {
    frame = 0;
    if (active < 0) return;
    const r = elements[active]!.getBoundingClientRect();
    onProgress(active, scrollProgress(r.top, r.height, window.innerHeight));
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };

  const observer = new IntersectionObserver(
    (entries) => {
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
    },
    { threshold: THRESHOLDS },
  );
  elements.forEach((el) => observer.observe(el));
  window.addEventListener('scroll', schedule, { passive: true });
  window.addEventListener('resize', schedule, { passive: true });

  return () => {
    observer.disconnect();
    window.removeEventListener('scroll', schedule);
    window.removeEventListener('resize', schedule);
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
