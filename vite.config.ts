import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { storyPlugin } from './src/lib/story/vite-plugin.ts';
import { locatorPlugin } from './src/lib/map/locator-plugin.ts';

export default defineConfig({
  publicDir: 'static',
  plugins: [svelte(), storyPlugin({ dir: process.env.STORY_DIR ?? 'src/stories/liangjiang' }), locatorPlugin()],
  build: {
    target: 'es2022',
    // MapLibre alone is ~1.1 MB raw; it loads in its own chunk after the text.
    chunkSizeWarningLimit: 1200,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
