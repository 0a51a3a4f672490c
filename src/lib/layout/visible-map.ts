// Where the map is visible: the one place that knows which part of the map's box no card, bar,
// inset or credit covers. The map's camera padding comes from it, and each chapter is framed in it.
//
// A mode marks what paints over the map with `data-covers-map`; a stylesheet can release an element
// at some screen sizes with `--covers-map: 0` (a column beside the map, not over it, on a phone).
// MapLibre's own controls and the overview inset are found here by their classes.

import { drawnScale } from './screen-scale';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const area = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);

function intersect(a: Rect, b: Rect): Rect | null {
  const r = {
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  };
  return r.right > r.left && r.bottom > r.top ? r : null;
}

/**
 * The largest part of `box` left free by `covers`, each cover cut away from the side that keeps
 * the most (a column on the left moves the left edge, a bar on top the top edge). Larger covers
 * are cut first.
 */
export function freeRect(box: Rect, covers: readonly Rect[]): Rect {
  let free = { ...box };
  const sorted = [...covers].sort((a, b) => area(b) - area(a));
  for (const cover of sorted) {
    const c = intersect(free, cover);
    if (!c) continue;
    const options: Rect[] = [
      { ...free, left: c.right },
      { ...free, right: c.left },
      { ...free, top: c.bottom },
      { ...free, bottom: c.top },
    ];
    free = options.reduce((best, o) => (area(o) > area(best) ? o : best));
  }
  return free;
}

/**
 * The camera padding that centres the map on `free` inside `box`, in whole pixels of a map drawn
 * `scale` times its size (src/lib/layout/screen-scale.ts): the rects are the screen's pixels.
 */
export function paddingFor(box: Rect, free: Rect, scale = 1): Padding {
  const px = (v: number) => Math.max(0, Math.round(v / scale));
  return {
    top: px(free.top - box.top),
    right: px(box.right - free.right),
    bottom: px(box.bottom - free.bottom),
    left: px(free.left - box.left),
  };
}

export function samePadding(a: Padding | undefined, b: Padding): boolean {
  return !!a && a.top === b.top && a.right === b.right && a.bottom === b.bottom && a.left === b.left;
}

/** What paints over a map inside `container`: marked elements, MapLibre's controls, the inset. */
export const COVER_SELECTOR = '[data-covers-map], .maplibregl-ctrl, .overview-inset';

function covers(el: Element): boolean {
  const style = getComputedStyle(el);
  return (
    style.display !== 'none' &&
    style.visibility !== 'hidden' &&
    style.getPropertyValue('--covers-map').trim() !== '0'
  );
}

function toRect(r: DOMRect): Rect {
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
}

/** The map's box and the free part of it, measured now (viewport coordinates). */
export function measureVisibleMap(container: HTMLElement): { box: Rect; free: Rect; padding: Padding } {
  const box = toRect(container.getBoundingClientRect());
  const found = [...document.querySelectorAll(COVER_SELECTOR)].filter(
    // MapLibre's controls sit in corner groups: each control counts, not the empty group.
    (el) => (el.closest('[data-covers-map]') === el || !el.closest('[data-covers-map]')) && covers(el),
  );
  const rects = found.map((el) => toRect(el.getBoundingClientRect())).filter((r) => area(r) > 0);
  const free = freeRect(box, rects);
  return { box, free, padding: paddingFor(box, free, drawnScale(container)) };
}

/**
 * Calls `onChange` with the free part of the map whenever it may have changed: the window resizes
 * or turns, the map's box or a covering element changes size, or a covering element comes or goes.
 * Measures at most once a frame. Returns the dispose.
 */
export function watchVisibleMap(
  container: HTMLElement,
  onChange: (m: { box: Rect; free: Rect; padding: Padding }) => void,
): () => void {
  let frame = 0;
  let last: Padding | undefined;
  const observed = new Set<Element>();
  const resize = new ResizeObserver(() => schedule());
  const measure = () => {
    frame = 0;
    for (const el of document.querySelectorAll(COVER_SELECTOR)) {
      if (!observed.has(el)) {
        observed.add(el);
        resize.observe(el);
      }
    }
    const m = measureVisibleMap(container);
    if (samePadding(last, m.padding)) return;
    last = m.padding;
    onChange(m);
  };
  const schedule = () => {
    if (!frame) frame = requestAnimationFrame(measure);
  };
  resize.observe(container);
  // A covering element that appears, disappears or is hidden (a kiosk visitor's controls, a slide
  // hidden while the class explores the map).
  const mutations = new MutationObserver(schedule);
  mutations.observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['hidden', 'class', 'data-covers-map'],
  });
  window.addEventListener('resize', schedule);
  window.addEventListener('orientationchange', schedule);
  measure();
  return () => {
    if (frame) cancelAnimationFrame(frame);
    resize.disconnect();
    mutations.disconnect();
    window.removeEventListener('resize', schedule);
    window.removeEventListener('orientationchange', schedule);
  };
}
