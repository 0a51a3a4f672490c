// What the credits chapter lists: every source of the story, and the basemap's own attribution.
import { BASEMAP_ATTRIBUTION, basemapAttribution } from '../map/style/attribution';
import type { Lang, SourceRef, Story } from '../story/types';

/** The basemap's attribution as plain text (the style module gives HTML with links). */
export function basemapCredit(html: string = BASEMAP_ATTRIBUTION): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The credit of the story's basemap as the credits chapter prints it: its kind's data sets (the
 * embedded archive's, or OpenStreetMap's and Protomaps'), then the story's notes on its map.
 */
export function storyBasemapCredit(story: Pick<Story, 'basemapKind' | 'basemapNotes'>, lang: Lang): string {
  return basemapCredit(basemapAttribution(story.basemapKind, lang, story.basemapNotes));
}

/** Ids of every source the story cites anywhere: chapters, layers and figures. */
export function usedSourceIds(story: Story): string[] {
  const ids = new Set<string>();
  for (const c of story.chapters) c.sources.forEach((s) => ids.add(s));
  for (const o of story.overlays) ids.add(o.source);
  for (const f of story.figures) ids.add(f.source);
  return [...ids];
}

/** The sources a chapter lists: for the credits chapter, every source in the story's catalogue. */
export function chapterSources(story: Story, chapterId: string): SourceRef[] {
  const chapter = story.chapters.find((c) => c.id === chapterId);
  if (!chapter) return [];
  if (chapter.credits) {
    const listed = new Set(chapter.sources);
    // The chapter's own order first, then anything else in the catalogue.
    return [
      ...chapter.sources.map((id) => story.sources.find((s) => s.id === id)!).filter(Boolean),
      ...story.sources.filter((s) => !listed.has(s.id)),
    ];
  }
  return chapter.sources.map((id) => story.sources.find((s) => s.id === id)!).filter(Boolean);
}
