// The map's code is large; the story's text is already in the page. The map's code is asked for
// only once the browser has painted that text, so that on a slow phone the text is never held
// back by the map's download and start.
//
// The browser's own paint timing says when that is ('first-contentful-paint', kept in the buffer
// for a page that painted before this runs). Where paint timing is missing, or the page is hidden
// and does not paint, the wait ends after `maxWaitMs`: the map must still come on its own.

export const AFTER_PAINT_MAX_WAIT_MS = 1500;

interface PaintTiming {
  PerformanceObserver?: typeof PerformanceObserver;
  performance?: Pick<Performance, 'getEntriesByName'>;
}

/** Resolves once the page's first contentful paint has happened (or after `maxWaitMs`). */
export function afterFirstPaint(
  scope: PaintTiming = globalThis,
  maxWaitMs = AFTER_PAINT_MAX_WAIT_MS,
): Promise<void> {
  return new Promise((resolve) => {
    if (scope.performance?.getEntriesByName('first-contentful-paint').length) return resolve();
    const PO = scope.PerformanceObserver;
    const observer = PO?.supportedEntryTypes?.includes('paint')
      ? new PO((list) => {
          if (list.getEntriesByName('first-contentful-paint').length) done();
        })
      : undefined;
    const timer = setTimeout(done, maxWaitMs);
    function done() {
      clearTimeout(timer);
      observer?.disconnect();
      resolve();
    }
    observer?.observe({ type: 'paint', buffered: true });
  });
}

/**
 * Resolves in a task of its own: work after it does not lengthen the task that awaited it (the
 * map's module evaluation and the map's construction are two tasks, not one long one).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
