// The built pages carry the compiled story as a JSON data block (written by scripts/prerender.mjs),
// so that the story's text is data in the page rather than a second copy inside the script.
import type { Story } from './types';

export const STORY_DATA_ID = 'story-data';

/** The story from the page's data block, or null when the page has none (the dev server). */
export function readEmbeddedStory(doc: Document): Story | null {
  const el = doc.getElementById(STORY_DATA_ID);
  if (!el?.textContent) return null;
  return JSON.parse(el.textContent) as Story;
}

/** The data block for a page: `<` is escaped so that no text in the story can end the element. */
export function storyDataBlock(story: Story): string {
  const json = JSON.stringify(story)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `<script type="application/json" id="${STORY_DATA_ID}">${json}</script>`;
}
