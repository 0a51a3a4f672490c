// The part of the story the bare page needs (scripts/bench/bare.mjs provides it at build time):
// the map's places and overlays, and each chapter's map fields. The app carries the whole story.
declare module 'virtual:bench-story' {
  type Story = import('../../../src/lib/story/types').Story;
  type Chapter = import('../../../src/lib/story/types').Chapter;
  const story: Pick<Story, 'places' | 'overlays'> & {
    chapters: Pick<Chapter, 'id' | 'camera' | 'places' | 'highlight' | 'layers'>[];
  };
  export default story;
}
