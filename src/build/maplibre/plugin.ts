// Vite plugin: MapLibre's stylesheet goes into the build trimmed to what the app's map uses (css.ts).
import type { Plugin } from 'vite';
import { trimMaplibreCss } from './css.ts';

const MAPLIBRE_CSS = /[\\/]node_modules[\\/]maplibre-gl[\\/]dist[\\/]maplibre-gl\.css(?:\?|$)/;

export function maplibreCssPlugin(): Plugin {
  return {
    name: 'maplibre-css',
    enforce: 'pre',
    transform(code, id) {
      if (MAPLIBRE_CSS.test(id)) return { code: trimMaplibreCss(code), map: null };
    },
  };
}
