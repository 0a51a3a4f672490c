import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPlugin } from './src/lib/story/vite-plugin.ts';

export default defineConfig({
  publicDir: 'static',
  plugins: [svelte(), storyPlugin({ dir: process.env.STORY_DIR ?? 'src/stories/liangjiang' })],
  build: {
    target: 'es2022',
    // MapLibre alone is ~1.1 MB raw; it loads in its own chunk after the text.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // MapLibre in a chunk of its own (assets/maplibre-*.js/.css): the app's own code is then
        // measurable apart from the library (tests/unit/budget.test.ts, npm run bench).
        codeSplitting: { groups: [{ name: 'maplibre', test: /node_modules[\\/]maplibre-gl[\\/]/ }] },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
