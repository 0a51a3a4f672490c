// MapLibre's stylesheet without the rules of the parts of MapLibre this app never creates. The
// stylesheet styles every control, popup and marker MapLibre has, with their icons inlined as SVG
// (about 10 KB gzip); the app's map makes only the map itself and the attribution control
// (src/lib/map/map-view.ts), which need about 1.3 KB of it. A rule is dropped only when every one
// of its selectors names an unused part; tests/unit/maplibre-css.test.ts holds the list to what
// the browser code creates.

/**
 * Class names (after `maplibregl-`) of what the app does not create: the logo (no `maplibreLogo`),
 * the navigation, geolocate, fullscreen, terrain, globe and scale controls and their button group,
 * popups, markers, the user's location, and the cooperative-gestures overlay.
 */
export const UNUSED_PARTS = [
  'ctrl-logo',
  'ctrl-group',
  'ctrl-icon',
  'ctrl-zoom-in',
  'ctrl-zoom-out',
  'ctrl-compass',
  'ctrl-geolocate',
  'ctrl-fullscreen',
  'ctrl-shrink',
  'ctrl-terrain',
  'ctrl-globe',
  'ctrl-scale',
  'popup',
  'marker',
  'user-location',
  'cooperative-gesture',
  'pseudo-fullscreen',
] as const;

/** A selector or animation name of an unused part (its variants too: `popup-anchor-top`, …). */
const UNUSED = new RegExp(`maplibregl-(?:${UNUSED_PARTS.join('|')})`);

interface Block {
  head: string;
  body: string;
}

/** Top-level blocks of a stylesheet (`selector{…}` or `@media …{…}`); MapLibre's has no braces in strings. */
function blocks(css: string): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < css.length) {
    const open = css.indexOf('{', i);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    for (; j < css.length && depth > 0; j++) {
      if (css[j] === '{') depth++;
      else if (css[j] === '}') depth--;
    }
    if (depth > 0) throw new Error('maplibre-gl.css: unbalanced braces');
    out.push({ head: css.slice(i, open).trim(), body: css.slice(open + 1, j - 1) });
    i = j;
  }
  return out;
}

/** The stylesheet with the rules, selectors and animations of the unused parts left out. */
export function trimMaplibreCss(css: string): string {
  return blocks(css.replace(/\/\*[\s\S]*?\*\//g, ''))
    .map(({ head, body }) => {
      if (/^@(?:-webkit-)?keyframes\b/.test(head)) return UNUSED.test(head) ? '' : `${head}{${body}}`;
      if (head.startsWith('@')) {
        const inner = trimMaplibreCss(body);
        return inner ? `${head}{${inner}}` : '';
      }
      const kept = head.split(',').filter((s) => !UNUSED.test(s));
      return kept.length ? `${kept.join(',')}{${body}}` : '';
    })
    .join('');
}
