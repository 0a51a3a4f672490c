// Renders the story to HTML at build time (scripts/prerender.mjs), so that the text is in the
// page before any script runs.
import { render } from 'svelte/server';
import story from 'virtual:story';
import App from './App.svelte';
import { StoryState } from './lib/state/story-state.svelte';
import { MapStatus } from './lib/map/map-status.svelte';
import { MODE_REGISTRY } from './modes/registry';
import type { Lang } from './lib/story/types';
import { sitePages } from './lib/seo/page-head';
import { BASE } from './lib/site-base';

export { story };
export { storyDataBlock } from './lib/story/embedded';
export { CSP } from './lib/security/csp';
export { pageHead, siteAddress } from './lib/seo/page-head';
export { BASE };

/** The pages, one per language of the story, under the base path this build is for. */
export const PAGES = sitePages(story.languages, BASE);

export function renderStory(lang: Lang): { head: string; body: string } {
  const { policy, view } = MODE_REGISTRY.scroll;
  const state = new StoryState(story, policy, { lang });
  const { head, body } = render(App, { props: { storyState: state, view, mapStatus: new MapStatus() } });
  return { head, body };
}
