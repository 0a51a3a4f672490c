// How large the map draws its type, marks and controls on a screen read from a distance. A map's
// labels have a size in CSS pixels: on a 4K projector or kiosk run at 100 % (3840×2160 CSS px) they
// would be half the size, on the wall, that they are on a 1080p one, while the slide's and the
// kiosk's text grow with the screen. Such a map is drawn at 1080p's size and scaled up, sharp (its
// pixel ratio grows with it), so that it shows the same picture as on a 1080p screen.

/** The screen's shorter side, CSS px, at which the map is drawn as it is. */
export const REFERENCE_SIDE = 1080;

/** How many screen pixels each of `el`'s own pixels covers (a map drawn scaled up: > 1). */
export function drawnScale(el: HTMLElement): number {
  return el.offsetWidth > 0 ? el.getBoundingClientRect().width / el.offsetWidth : 1;
}

/** The map's scale on a `width`×`height` screen (CSS px): ≥ 1, to two decimals. */
export function screenScale(width: number, height: number): number {
  const s = Math.min(width, height) / REFERENCE_SIDE;
  return s > 1 ? Math.round(s * 100) / 100 : 1;
}

/**
 * Keeps the page's `--screen-scale` (on the root element, for every panel placed beside the map:
 * the map's credits grow with it) and calls `onChange` with the scale and the device pixels each
 * map pixel covers, now and whenever the window's size or its screen's pixel density changes (a
 * window moved to another screen). Returns the dispose, which removes the property.
 */
export function watchScreenScale(onChange: (scale: number, pixelRatio: number) => void): () => void {
  const root = document.documentElement.style;
  let density: MediaQueryList | undefined;
  const update = () => {
    const scale = screenScale(window.innerWidth, window.innerHeight);
    root.setProperty('--screen-scale', String(scale));
    onChange(scale, window.devicePixelRatio * scale);
  };
  // A query for the present density, asked again after each change.
  const onDensity = () => {
    watchDensity();
    update();
  };
  const watchDensity = () => {
    density?.removeEventListener('change', onDensity);
    density = window.matchMedia?.(`(resolution: ${window.devicePixelRatio}dppx)`);
    density?.addEventListener('change', onDensity);
  };
  watchDensity();
  update();
  window.addEventListener('resize', update);
  return () => {
    window.removeEventListener('resize', update);
    density?.removeEventListener('change', onDensity);
    root.removeProperty('--screen-scale');
  };
}
