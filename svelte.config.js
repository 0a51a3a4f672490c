import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  // No `window.__svelte` version stamp in the page: nothing reads it.
  compilerOptions: { runes: true, discloseVersion: false },
};
