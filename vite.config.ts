import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';
import { storyPlugin } from './src/build/story/vite-plugin.ts';
import pkg from './package.json' with { type: 'json' };
import { locatorPlugin } from './src/build/locator/vite-plugin.ts';
import { storyFontsPlugin } from './src/build/fonts/plugin.ts';
import { interfaceLanguagesPlugin } from './src/build/i18n/plugin.ts';
import { basemapPlugin } from './src/build/basemap/plugin.ts';
import { storySitePlugin } from './src/build/site/plugin.ts';
import { maplibreCssPlugin } from './src/build/maplibre/plugin.ts';
import { basePath } from './src/build/site/base.ts';

// `vite preview` does not know the .pmtiles type, serves it as '' and then gzips it like text,
// Range replies included, which the browser cannot decode (ERR_CONTENT_DECODING_FAILED). A real
// type keeps the archive byte-exact, as any static host serves it.
function pmtilesType(): Plugin {
  const setType = (
    req: { url?: string },
    res: { setHeader(k: string, v: string): unknown },
    next: () => void,
  ) => {
    if (req.url && /\.pmtiles(?:[?#]|$)/.test(req.url))
      res.setHeader('Content-Type', 'application/vnd.pmtiles');
    next();
  };
  return {
    name: 'pmtiles-type',
    configurePreviewServer: (server) => void server.middlewares.use(setType),
    configureServer: (server) => void server.middlewares.use(setType),
  };
}

// The story to build: STORY_DIR, else the project's default (package.json `config.storyDir`).
const STORY_DIR = process.env.STORY_DIR ?? pkg.config.storyDir;

export default defineConfig({
  // The path the site is served under ('/' unless BASE_PATH names one): read here only.
  base: basePath(process.env.BASE_PATH),
  publicDir: 'static',
  resolve: {
    alias: [
      // The PMTiles reader from its TypeScript source, not its prebuilt ES2015 file: the prebuilt
      // file carries generator helpers and a Leaflet layer that the bundler cannot leave out.
      {
        find: /^pmtiles$/,
        replacement: fileURLToPath(new URL('./node_modules/pmtiles/src/index.ts', import.meta.url)),
      },
    ],
  },
  plugins: [
    svelte(),
    pmtilesType(),
    storyPlugin({ dir: STORY_DIR }),
    storyFontsPlugin({ storyDir: STORY_DIR }),
    interfaceLanguagesPlugin({ storyDir: STORY_DIR }),
    storySitePlugin({ storyDir: STORY_DIR }),
    locatorPlugin({ storyDir: STORY_DIR }),
    basemapPlugin({ storyDir: STORY_DIR }),
    maplibreCssPlugin(),
  ],
  build: {
    target: 'es2022',
    // Every browser that runs the es2022 build preloads modules itself: no polyfill in the page.
    modulePreload: { polyfill: false },
    // MapLibre alone is ~1.1 MB raw; it loads in its own chunk after the text.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // MapLibre in a chunk of its own (assets/maplibre-*.js/.css): the app's own code is then
        // measurable apart from the library (tests/unit/budget.test.ts, npm run bench).
        // The PMTiles reader (and fflate, its gzip) is the map library's tile protocol: its own chunk,
        // counted with MapLibre as third-party map code, reported apart by the bench.
        codeSplitting: {
          groups: [
            { name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/, priority: 30 },
            { name: 'maplibre-pmtiles', test: /node_modules[\\/](?:pmtiles|fflate)[\\/]/, priority: 30 },
            // Everything the page loads before any mode or the map (the Svelte runtime, the app,
            // the scrolling story, the interface text) is one file: every page needs all of it
            // first, and one file compresses better than the four it was (~0.7 KB gzip).
            { name: 'index', tags: ['$initial'], priority: 20 },
            // The other modes (the classroom's three views, the kiosk) and what only they use, one
            // file with one stylesheet. The service worker caches every file of the site for every
            // reader, so each file's compression starts afresh for all of them: one file for these
            // is ~1.6 KB gzip less than three, and a mode's first start reads the other modes' code
            // too (a few milliseconds). Only the modules named (their own dependencies stay where
            // they are), so that this file never pulls in what the scrolling story loads.
            {
              name: 'modes',
              test: /src[\\/](?:modes[\\/](?:Present|Speaker|Handout|Kiosk)\.svelte|modes[\\/]classroom\.css|lib[\\/]drivers[\\/](?:fit|fullscreen|progress|keys|clock|kiosk|kiosk-chrome|kiosk-scroll|idle|recovery)\.ts|lib[\\/]state[\\/](?:sync|story-sync\.svelte)\.ts|lib[\\/]ui[\\/](?:StoryPrint\.svelte|mode-strings\.ts))/,
              includeDependenciesRecursively: false,
              priority: 10,
            },
            // The map view (with its probe, story layers and style) and the overview inset are one
            // file each by the bundler's own splitting (each is one dynamic import).
          ],
        },
      },
    },
  },
  server: { port: 5173 },
  // The dev server bundles the app's libraries as it starts, from the app's page only (the bench's
  // bare page imports a module of its own build), so that the map's libraries, loaded after the
  // text, do not make it reload the page when they are first asked for.
  optimizeDeps: { entries: ['index.html'], include: ['maplibre-gl', 'pmtiles', '@turf/turf'] },
  preview: { port: 4173 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
