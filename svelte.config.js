import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    runes: true,
    // No `window.__svelte` version stamp in the page: nothing reads it.
    discloseVersion: false,
    // Scoped class names `s<hash>` instead of `svelte-<hash>`: they stand in every component's
    // markup and styles (~0.2 KB gzip of the app's code).
    cssHash: ({ hash, css }) => `s${hash(css)}`,
  },
};
