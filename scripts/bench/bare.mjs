// Builds the bare MapLibre page (tests/bench/bare/, a checked TypeScript file) into dist/__bench/,
// with the part of the story its map needs as the module `virtual:bench-story`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, runnerImport } from 'vite';

export async function buildBarePage({ root, dist, story }) {
  const id = 'virtual:bench-story';
  const data = {
    places: story.places,
    overlays: story.overlays,
    chapters: story.chapters.map(({ id, camera, places, highlight, layers, routeEnds }) => ({
      id,
      camera,
      places,
      highlight,
      layers,
      ...(routeEnds ? { routeEnds } : {}),
    })),
  };
  // The app's map style names its font parts (`virtual:fonts`, made by the app's build from the fonts
  // in effect): the bare page gets the same list, from the manifest the app's build wrote.
  const { mapFontFaces } = (
    await runnerImport(join(root, 'src/build/fonts/plugin.ts'), { configFile: false, logLevel: 'error' })
  ).module;
  const manifest = JSON.parse(readFileSync(join(dist, 'fonts/fonts.json'), 'utf8'));
  const fonts = mapFontFaces(manifest);
  await build({
    configFile: false,
    root: join(root, 'tests/bench/bare'),
    base: '/__bench/',
    logLevel: 'error',
    plugins: [
      {
        name: 'bench-story',
        resolveId: (source) => (source === id ? `\0${id}` : undefined),
        load: (resolved) => (resolved === `\0${id}` ? `export default ${JSON.stringify(data)};` : undefined),
      },
      {
        name: 'bench-fonts',
        resolveId: (source) => (source === 'virtual:fonts' ? '\0virtual:fonts' : undefined),
        load: (resolved) =>
          resolved === '\0virtual:fonts' ? `export default ${JSON.stringify(fonts)};` : undefined,
      },
    ],
    build: {
      outDir: join(dist, '__bench'),
      emptyOutDir: true,
      target: 'es2022',
      chunkSizeWarningLimit: 5000,
    },
  });
}

/** The bare page's address for a camera and the app's map padding. */
export const bareUrl = (origin, camera, padding) =>
  `${origin}/__bench/?camera=${encodeURIComponent(JSON.stringify(camera))}` +
  (padding ? `&padding=${encodeURIComponent(JSON.stringify(padding))}` : '');
